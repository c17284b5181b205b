"""Secure messaging (truyền tin an toàn), ICAO 9303-11 §9.8: 3DES after BAC, AES after PACE."""

from __future__ import annotations

from . import crypto
from .apdu import Command, Response
from .errors import protocol
from .tlv import encode, iter_tlv


class SecureMessaging:
    """Terminal side: wraps command APDUs and checks/unwraps responses; owns the send sequence counter."""

    def __init__(self, ks_enc: bytes, ks_mac: bytes, ssc: bytes, *, cipher: str) -> None:
        if cipher not in ("3DES", "AES"):
            raise ValueError(cipher)
        self.cipher = cipher
        self.block = 8 if cipher == "3DES" else 16
        self._enc, self._mac = ks_enc, ks_mac
        self._ssc = int.from_bytes(ssc, "big")
        self._ssc_len = len(ssc)

    @property
    def ssc(self) -> bytes:
        return self._ssc.to_bytes(self._ssc_len, "big")

    def _next_ssc(self) -> bytes:
        self._ssc = (self._ssc + 1) % (1 << (8 * self._ssc_len))
        return self.ssc

    def mac(self, data: bytes) -> bytes:
        padded = crypto.pad(data, self.block)
        if self.cipher == "3DES":
            return crypto.retail_mac(self._mac, padded)
        return crypto.cmac8(self._mac, padded)

    def _encrypt(self, data: bytes) -> bytes:
        padded = crypto.pad(data, self.block)
        if self.cipher == "3DES":
            return crypto.des3_encrypt(self._enc, padded)
        return crypto.aes_encrypt(self._enc, padded, crypto.aes_ecb_encrypt(self._enc, self.ssc))

    def _decrypt(self, data: bytes) -> bytes:
        if len(data) % self.block:
            raise protocol("SM cryptogram length")
        if self.cipher == "3DES":
            plain = crypto.des3_decrypt(self._enc, data)
        else:
            plain = crypto.aes_decrypt(self._enc, data, crypto.aes_ecb_encrypt(self._enc, self.ssc))
        try:
            return crypto.unpad(plain)
        except ValueError:
            raise protocol("SM padding") from None

    def wrap(self, cmd: Command, *, extended: bool = False) -> bytes:
        """The protected APDU bytes for ``cmd`` (increments the SSC)."""
        cla = cmd.cla | 0x0C
        header = bytes([cla, cmd.ins, cmd.p1, cmd.p2])
        do87 = b""
        if cmd.data:
            do87 = encode(0x87, b"\x01" + self._encrypt_after_increment(cmd.data))
        else:
            self._next_ssc()
        do97 = b""
        if cmd.le is not None:
            le = cmd.le
            do97 = encode(0x97, le.to_bytes(2, "big") if (extended and le > 256) else bytes([le & 0xFF]))
        mac = self.mac(self.ssc + crypto.pad(header, self.block) + do87 + do97)
        body = do87 + do97 + encode(0x8E, mac)
        if extended:
            return header + b"\x00" + len(body).to_bytes(2, "big") + body + b"\x00\x00"
        return header + bytes([len(body)]) + body + b"\x00"

    def _encrypt_after_increment(self, data: bytes) -> bytes:
        # AES uses the incremented SSC as IV input, so count first, then encrypt.
        self._next_ssc()
        return self._encrypt(data)

    def unwrap(self, resp: Response) -> Response:
        """Check the response MAC (increments the SSC) and decrypt its data."""
        self._next_ssc()
        do87 = do99 = mac = None
        raw87 = raw99 = b""
        try:
            for tag, value in iter_tlv(resp.data):
                if tag == 0x87:
                    do87, raw87 = value, encode(0x87, value)
                elif tag == 0x99:
                    do99, raw99 = value, encode(0x99, value)
                elif tag == 0x8E:
                    mac = value
        except ValueError:
            raise protocol("SM response objects") from None
        if mac is None:
            if resp.sw != 0x9000 and not resp.data:
                return resp  # plain error status: the card closed the SM session
            raise protocol("SM response without MAC")
        if self.mac(self.ssc + raw87 + raw99) != mac:
            raise protocol("SM response MAC mismatch")
        sw = int.from_bytes(do99, "big") if do99 and len(do99) == 2 else resp.sw
        data = b""
        if do87 is not None:
            if not do87 or do87[0] != 0x01:
                raise protocol("SM DO87 padding indicator")
            data = self._decrypt(do87[1:])
        return Response(data, sw)
