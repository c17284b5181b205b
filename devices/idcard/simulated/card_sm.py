"""Card side of secure messaging: check and decrypt commands, protect responses."""

from __future__ import annotations

from devices.idcard import crypto
from devices.idcard.sm import SecureMessaging
from devices.idcard.tlv import encode, iter_tlv


class SmFailure(Exception):
    """Command MAC or format wrong: the card answers 6988 and drops the session."""


class CardSecureMessaging(SecureMessaging):
    def unwrap_command(self, cla: int, ins: int, p1: int, p2: int, body: bytes) -> tuple[bytes, int | None]:
        """(plain data, Le) of a protected command; raises SmFailure on a bad MAC."""
        ssc = self._next_ssc()
        do87 = do97 = mac = None
        raw = b""
        for tag, value in iter_tlv(body):
            if tag in (0x87, 0x85):
                do87, raw = value, raw + encode(tag, value)
            elif tag == 0x97:
                do97, raw = value, raw + encode(tag, value)
            elif tag == 0x8E:
                mac = value
        header = crypto.pad(bytes([cla, ins, p1, p2]), self.block)
        if mac is None or self.mac(ssc + header + raw) != mac:
            raise SmFailure("command MAC")
        data = self._decrypt(do87[1:]) if do87 else b""
        le = None
        if do97 is not None:
            le = int.from_bytes(do97, "big") or (65536 if len(do97) == 2 else 256)
        return data, le

    def wrap_response(self, data: bytes, sw: int, *, corrupt_mac: bool = False) -> bytes:
        ssc = self._next_ssc()
        do87 = encode(0x87, b"\x01" + self._encrypt(data)) if data else b""
        do99 = encode(0x99, sw.to_bytes(2, "big"))
        mac = self.mac(ssc + do87 + do99)
        if corrupt_mac:
            mac = bytes([mac[0] ^ 0xFF]) + mac[1:]
        return do87 + do99 + encode(0x8E, mac) + sw.to_bytes(2, "big")
