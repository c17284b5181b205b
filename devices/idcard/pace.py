"""PACE (Password Authenticated Connection Establishment), ICAO 9303-11 §4.4 — terminal side.

ECDH generic mapping with AES secure messaging (id-PACE-ECDH-GM-AES-CBC-CMAC-128/192/256) on
the curves EF.CardAccess names (P-256, brainpoolP256r1). Password: CAN (key reference 2) or MRZ (1).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import apdu, crypto, tlv
from .apdu import Command
from .ecc import CURVES_BY_PARAM_ID, Curve
from .errors import AccessDeniedError, protocol
from .keys import AccessKey
from .session import CardSession
from .sm import SecureMessaging

PACE_ECDH_GM_PREFIX = bytes.fromhex("04007F00070202040202")[:-1]  # 0.4.0.127.0.7.2.2.4.2.x
_KEY_BITS = {2: 128, 3: 192, 4: 256}
PASSWORD_MRZ, PASSWORD_CAN = 1, 2


@dataclass(frozen=True, slots=True)
class PaceInfo:
    oid: bytes  # DER content of the protocol OID
    version: int
    parameter_id: int

    @property
    def key_bits(self) -> int:
        return _KEY_BITS[self.oid[-1]]

    @property
    def curve(self) -> Curve:
        return CURVES_BY_PARAM_ID[self.parameter_id]


def parse_card_access(data: bytes) -> list[PaceInfo]:
    """Supported PACEInfos in EF.CardAccess (SET OF SecurityInfo); unknown entries are skipped."""
    out = []
    tag, body, _ = tlv.read_tlv(data)
    if tag != 0x31:
        return out
    for t, info in tlv.iter_tlv(body):
        if t != 0x30:
            continue
        items = list(tlv.iter_tlv(info))
        if len(items) < 2 or items[0][0] != 0x06 or items[1][0] != 0x02:
            continue
        oid = items[0][1]
        param = int.from_bytes(items[2][1], "big") if len(items) > 2 and items[2][0] == 0x02 else None
        if oid[:-1] == PACE_ECDH_GM_PREFIX and oid[-1] in _KEY_BITS and param in CURVES_BY_PARAM_ID:
            out.append(PaceInfo(oid, int.from_bytes(items[1][1], "big"), param))
    return out


def pace_supported(card_access: bytes) -> bool:
    try:
        return bool(parse_card_access(card_access))
    except ValueError:
        return False


def password_key(key: AccessKey, key_bits: int = 128) -> tuple[bytes, int]:
    """(K_π, key reference): CAN preferred; MRZ password is SHA-1(MRZ_information)."""
    if key.can is not None:
        secret, ref = key.can.encode("ascii"), PASSWORD_CAN
    else:
        secret, ref = hashlib.sha1(key.mrz.information.encode("ascii")).digest(), PASSWORD_MRZ
    return crypto.kdf(secret, crypto.PACE_PASSWORD, cipher="AES", key_bits=key_bits), ref


def auth_token(ks_mac: bytes, oid: bytes, curve: Curve, public_key: tuple[int, int]) -> bytes:
    data = tlv.encode(0x7F49, tlv.encode(0x06, oid) + tlv.encode(0x86, curve.encode(public_key)))
    return crypto.cmac8(ks_mac, data)


def denied() -> AccessDeniedError:
    return AccessDeniedError("PACE authentication failed",
                             "Thẻ không chấp nhận số CAN. Kiểm tra lại 6 số cuối của số định danh in trên thẻ "
                             "(hoặc nhập thông tin MRZ) rồi đọc lại.")


class PaceTerminal:
    """The four GENERAL AUTHENTICATE steps; private keys injectable for the ICAO G.1 vector test."""

    def __init__(self, info: PaceInfo, key: AccessKey, *, sk_map: int | None = None, sk_dh: int | None = None):
        self.info, self.curve = info, info.curve
        self.k_pi, self.ref = password_key(key, info.key_bits)
        self.sk_map = sk_map or self.curve.random_scalar()
        self.sk_dh = sk_dh or self.curve.random_scalar()

    def mse_set_at(self) -> Command:
        data = tlv.encode(0x80, self.info.oid) + tlv.encode(0x83, bytes([self.ref]))
        return Command(0x00, apdu.INS_MSE, 0xC1, 0xA4, data)

    def decrypt_nonce(self, z: bytes) -> int:
        return int.from_bytes(crypto.aes_decrypt(self.k_pi, z), "big")

    def map_public(self) -> bytes:
        return self.curve.encode(self.curve.mul(self.sk_map, self.curve.g))

    def mapped_generator(self, s: int, pk_map_ic: bytes) -> tuple[int, int]:
        h = self.curve.mul(self.sk_map, self.curve.decode(pk_map_ic))
        g = self.curve.add(self.curve.mul(s, self.curve.g), h)
        if g is None:
            raise protocol("PACE mapping gave the point at infinity")
        return g

    def agree(self, g_tilde, pk_dh_ic: bytes) -> tuple[bytes, bytes, tuple[int, int], tuple[int, int]]:
        """(KS_Enc, KS_MAC, own public key, chip public key) from the chip's ephemeral key."""
        own = self.curve.mul(self.sk_dh, g_tilde)
        chip = self.curve.decode(pk_dh_ic)
        if chip == own:
            raise protocol("PACE chip reused the terminal key")
        shared = self.curve.mul(self.sk_dh, chip)
        k = shared[0].to_bytes(self.curve.size, "big")
        bits = self.info.key_bits
        return (crypto.kdf(k, crypto.ENC, cipher="AES", key_bits=bits),
                crypto.kdf(k, crypto.MAC, cipher="AES", key_bits=bits), own, chip)


def _ga(session: CardSession, tag: int, value: bytes, *, last: bool) -> bytes:
    data = tlv.encode(0x7C, tlv.encode(tag, value) if value or tag else b"")
    resp = session.transmit(Command(0x00 if last else 0x10, apdu.INS_GENERAL_AUTH, 0, 0, data, le=256))
    if not resp.ok:
        raise denied()
    try:
        t, inner, _ = tlv.read_tlv(resp.data)
        if t != 0x7C:
            raise ValueError
        return {tg: v for tg, v in tlv.iter_tlv(inner)}
    except ValueError:
        raise protocol("GENERAL AUTHENTICATE response") from None


def perform_pace(session: CardSession, card_access: bytes, key: AccessKey, *,
                 terminal: PaceTerminal | None = None) -> None:
    """Run PACE with the first supported PACEInfo; sets AES secure messaging on the session."""
    info = parse_card_access(card_access)[0]
    term = terminal or PaceTerminal(info, key)
    session.sm = None
    if not session.transmit(term.mse_set_at()).ok:
        raise denied()
    r1 = _ga(session, 0, b"", last=False)
    if 0x80 not in r1:
        raise protocol("PACE: no encrypted nonce")
    s = term.decrypt_nonce(r1[0x80])
    r2 = _ga(session, 0x81, term.map_public(), last=False)
    try:
        g_tilde = term.mapped_generator(s, r2[0x82])
        pk_own = term.curve.encode(term.curve.mul(term.sk_dh, g_tilde))
        r3 = _ga(session, 0x83, pk_own, last=False)
        ks_enc, ks_mac, own, chip = term.agree(g_tilde, r3[0x84])
    except (KeyError, ValueError):
        raise protocol("PACE key agreement") from None
    r4 = _ga(session, 0x85, auth_token(ks_mac, info.oid, term.curve, chip), last=True)
    if r4.get(0x86) != auth_token(ks_mac, info.oid, term.curve, own):
        raise denied()
    session.sm = SecureMessaging(ks_enc, ks_mac, bytes(16), cipher="AES")
