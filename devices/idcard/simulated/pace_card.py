"""Card side of PACE (ECDH generic mapping, AES) for the simulator."""

from __future__ import annotations

import os

from devices.idcard import crypto, tlv
from devices.idcard.ecc import CURVES_BY_PARAM_ID
from devices.idcard.keys import AccessKey
from devices.idcard.pace import auth_token, password_key

from .card_sm import CardSecureMessaging

PARAM_IDS = {"secp256r1": 12, "P-256": 12, "brainpoolP256r1": 13}
OID_ECDH_GM_AES128 = bytes.fromhex("04007F00070202040202")


def card_access_for(curve: str) -> bytes:
    info = tlv.encode(0x06, OID_ECDH_GM_AES128) + tlv.encode(0x02, b"\x02") + \
        tlv.encode(0x02, bytes([PARAM_IDS[curve]]))
    return tlv.encode(0x31, tlv.encode(0x30, info))


def handle_pace(card, ins: int, p1: int, p2: int, data: bytes) -> tuple[bytes, int]:
    if not card.quirks.pace or card.card_access is None:
        return b"", 0x6D00
    if ins == 0x22:
        if (p1, p2) != (0xC1, 0xA4):
            return b"", 0x6A86
        fields = dict(tlv.iter_tlv(data))
        if fields.get(0x80) != OID_ECDH_GM_AES128 or fields.get(0x83) not in (b"\x01", b"\x02"):
            return b"", 0x6A80
        card.sm = None
        card.pace = {"ref": fields[0x83][0], "step": 1}
        return b"", 0x9000
    state = card.pace
    if state is None:
        return b"", 0x6985
    try:
        t, inner, _ = tlv.read_tlv(data)
        fields = dict(tlv.iter_tlv(inner))
    except ValueError:
        return b"", 0x6A80
    curve = CURVES_BY_PARAM_ID[PARAM_IDS[card.pace_curve]]
    step = state["step"]
    if step == 1:
        key = AccessKey(can=card.can) if state["ref"] == 2 else AccessKey(mrz=card.mrz_key)
        k_pi, _ = password_key(key)
        nonce = os.urandom(16)
        state.update(s=int.from_bytes(nonce, "big"), step=2)
        return tlv.encode(0x7C, tlv.encode(0x80, crypto.aes_encrypt(k_pi, nonce))), 0x9000
    try:
        if step == 2:
            sk = curve.random_scalar()
            h = curve.mul(sk, curve.decode(fields[0x81]))
            state.update(g=curve.add(curve.mul(state["s"], curve.g), h), step=3)
            return tlv.encode(0x7C, tlv.encode(0x82, curve.encode(curve.mul(sk, curve.g)))), 0x9000
        if step == 3:
            sk = curve.random_scalar()
            terminal = curve.decode(fields[0x83])
            own = curve.mul(sk, state["g"])
            k = curve.mul(sk, terminal)[0].to_bytes(curve.size, "big")
            state.update(terminal=terminal, own=own, step=4,
                         enc=crypto.kdf(k, crypto.ENC, cipher="AES"), mac=crypto.kdf(k, crypto.MAC, cipher="AES"))
            return tlv.encode(0x7C, tlv.encode(0x84, curve.encode(own))), 0x9000
        if step == 4:
            card.pace = None
            if fields.get(0x85) != auth_token(state["mac"], OID_ECDH_GM_AES128, curve, state["own"]):
                return b"", 0x6300
            token = auth_token(state["mac"], OID_ECDH_GM_AES128, curve, state["terminal"])
            card.sm = CardSecureMessaging(state["enc"], state["mac"], bytes(16), cipher="AES")
            return tlv.encode(0x7C, tlv.encode(0x86, token)), 0x9000
    except (KeyError, ValueError):
        card.pace = None
        return b"", 0x6A80
    return b"", 0x6985
