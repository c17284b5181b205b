"""The simulated chip: file system, BAC, PACE (via pace_card), secure messaging and switchable quirks."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from devices.idcard import crypto
from devices.idcard.apdu import AID_EMRTD
from devices.idcard.bac import document_keys
from devices.idcard.mrz import MrzKey

from .card_sm import CardSecureMessaging, SmFailure


class CardPulled(Exception):
    """Raised by the card to simulate removal in the middle of a command."""


@dataclass
class Quirks:
    max_block: int | None = None  # READ BINARY with Le above this → 6700
    extended_length: bool = True  # announced in the ATR and accepted
    eof_6282: bool = False  # reading past the end → the rest with 6282
    wrong_mac_at: int | None = None  # the Nth protected response carries a wrong MAC
    remove_after_reads: int | None = None  # card leaves the field after N READ BINARY
    pace: bool = True  # EF.CardAccess offers PACE
    card_access_p1: int | None = None  # EF.CardAccess selectable only with this P1 (else 6A86)
    aa_clone: bool = False  # a cloned chip: DG15 copied, but the private key is not the original
    bac: bool = True  # BAC accepted
    apdu_delay: float = 0.0  # seconds the chip takes per APDU (a real contactless read: ~10–40 ms)


@dataclass
class CardLog:
    apdus: int = 0
    reads: int = 0
    read_sizes: list[int] = field(default_factory=list)
    protected: int = 0


def _parse(apdu: bytes) -> tuple[int, int, int, int, bytes, int | None, bool]:
    cla, ins, p1, p2 = apdu[:4]
    body = apdu[4:]
    if not body:
        return cla, ins, p1, p2, b"", None, False
    if len(body) == 1:
        return cla, ins, p1, p2, b"", body[0] or 256, False
    if body[0] == 0 and len(body) >= 3:  # extended
        if len(body) == 3:
            return cla, ins, p1, p2, b"", int.from_bytes(body[1:3], "big") or 65536, True
        lc = int.from_bytes(body[1:3], "big")
        data, rest = body[3:3 + lc], body[3 + lc:]
        le = (int.from_bytes(rest, "big") or 65536) if rest else None
        return cla, ins, p1, p2, data, le, True
    lc = body[0]
    data, rest = body[1:1 + lc], body[1 + lc:]
    return cla, ins, p1, p2, data, (rest[0] or 256) if rest else None, False


def sw(value: int) -> bytes:
    return value.to_bytes(2, "big")


class SimCard:
    def __init__(self, files: dict[int, bytes], *, mrz_key: MrzKey, can: str,
                 card_access: bytes | None = None, pace_curve: str = "brainpoolP256r1",
                 quirks: Quirks | None = None, aa_key=None) -> None:
        self.files = files
        self.aa_key = aa_key
        self.mrz_key, self.can = mrz_key, can
        self.card_access = card_access
        self.pace_curve = pace_curve
        self.quirks = quirks or Quirks()
        self.log = CardLog()
        self.reset()

    @property
    def atr(self) -> bytes:
        hist = bytes([0x80, 0x73, 0x00, 0x00, 0x40 if self.quirks.extended_length else 0x00])
        body = bytes([0x80 | len(hist), 0x80, 0x01]) + hist
        tck = 0
        for b in body:
            tck ^= b
        return b"\x3b" + body + bytes([tck])

    def reset(self) -> None:
        self.sm: CardSecureMessaging | None = None
        self.applet = False
        self.selected: int | None = None
        self.rnd_ic = b""
        self.pace = None

    # -- dispatch ---------------------------------------------------------------------
    def process(self, apdu: bytes) -> bytes:
        self.log.apdus += 1
        if self.quirks.apdu_delay:
            time.sleep(self.quirks.apdu_delay)
        try:
            cla, ins, p1, p2, data, le, ext = _parse(apdu)
        except (IndexError, ValueError):
            return sw(0x6700)
        if ext and not self.quirks.extended_length:
            return sw(0x6700)
        if cla & 0x0C == 0x0C:
            if self.sm is None:
                return sw(0x6988)
            self.log.protected += 1
            try:
                data, le = self.sm.unwrap_command(cla, ins, p1, p2, data)
            except (SmFailure, ValueError, Exception):
                self.sm = None
                return sw(0x6988)
            rdata, status = self.handle(ins, p1, p2, data, le, secure=True)
            corrupt = self.quirks.wrong_mac_at == self.log.protected
            return self.sm.wrap_response(rdata, status, corrupt_mac=corrupt) if self.sm else sw(status)
        if self.sm is not None and ins not in (0xA4, 0x84, 0x22, 0x86):
            self.sm = None  # a plain command ends secure messaging
        rdata, status = self.handle(ins, p1, p2, data, le, secure=False)
        return rdata + sw(status)

    def handle(self, ins, p1, p2, data, le, *, secure) -> tuple[bytes, int]:
        if ins == 0xA4:
            return self.select(p1, p2, data)
        if ins == 0xB0:
            return self.read_binary(p1, p2, le, secure)
        if ins == 0x84:
            self.rnd_ic = os.urandom(8)
            return self.rnd_ic, 0x9000
        if ins == 0x82:
            return self.external_authenticate(data)
        if ins == 0x88 and secure and self.aa_key is not None:
            from .active_card import sign_challenge

            return sign_challenge(self.aa_key, data, clone=self.quirks.aa_clone), 0x9000
        if ins in (0x22, 0x86):
            from .pace_card import handle_pace

            return handle_pace(self, ins, p1, p2, data)
        return b"", 0x6D00

    def select(self, p1, p2, data) -> tuple[bytes, int]:
        if p1 == 0x04:
            if data == AID_EMRTD:
                self.applet, self.selected = True, None
                return b"", 0x9000
            return b"", 0x6A82
        fid = int.from_bytes(data, "big") if len(data) == 2 else None
        if fid == 0x011C and self.card_access is not None and self.quirks.pace:
            if self.quirks.card_access_p1 is not None and p1 != self.quirks.card_access_p1:
                return b"", 0x6A86
            self.selected = fid
            return b"", 0x9000
        if fid in self.files and self.applet:
            self.selected = fid
            return b"", 0x9000
        return b"", 0x6A82

    def _content(self, fid: int) -> bytes:
        return self.card_access if fid == 0x011C else self.files[fid]

    def read_binary(self, p1, p2, le, secure) -> tuple[bytes, int]:
        if self.selected is None:
            return b"", 0x6986
        if self.selected != 0x011C and not secure:
            return b"", 0x6982
        self.log.reads += 1
        q = self.quirks
        if q.remove_after_reads is not None and self.log.reads > q.remove_after_reads:
            raise CardPulled()
        if q.max_block is not None and (le or 256) > q.max_block:
            return b"", 0x6700
        content = self._content(self.selected)
        offset = (p1 << 8) | p2
        if offset >= len(content):
            return b"", 0x6B00
        chunk = content[offset:offset + (le or 256)]
        self.log.read_sizes.append(len(chunk))
        if len(chunk) < (le or 256) and q.eof_6282:
            return chunk, 0x6282
        return chunk, 0x9000

    def external_authenticate(self, data) -> tuple[bytes, int]:
        if not self.quirks.bac or len(data) != 40 or not self.rnd_ic:
            return b"", 0x6982
        keys = document_keys(self.mrz_key)
        e_ifd, m_ifd = data[:32], data[32:]
        if crypto.retail_mac(keys.k_mac, crypto.pad(e_ifd)) != m_ifd:
            return b"", 0x6300
        s = crypto.des3_decrypt(keys.k_enc, e_ifd)
        rnd_ifd, rnd_ic, k_ifd = s[:8], s[8:16], s[16:]
        if rnd_ic != self.rnd_ic:
            return b"", 0x6300
        k_ic = os.urandom(16)
        e_ic = crypto.des3_encrypt(keys.k_enc, rnd_ic + rnd_ifd + k_ic)
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic))
        self.sm = CardSecureMessaging(crypto.kdf(seed, crypto.ENC), crypto.kdf(seed, crypto.MAC),
                                      rnd_ic[4:] + rnd_ifd[4:], cipher="3DES")
        self.rnd_ic = b""
        return e_ic + crypto.retail_mac(keys.k_mac, crypto.pad(e_ic)), 0x9000
