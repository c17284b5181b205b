"""Command/response APDUs (ISO 7816-4): short and extended encodings, status words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None: no Le; 0: "up to 256" (or 65536 extended)

    def encode(self, *, extended: bool = False) -> bytes:
        head = bytes([self.cla, self.ins, self.p1, self.p2])
        ext = extended or len(self.data) > 255 or (self.le is not None and self.le > 256)
        body = b""
        if self.data:
            body += (b"\x00" + len(self.data).to_bytes(2, "big")) if ext else bytes([len(self.data)])
            body += self.data
        if self.le is not None:
            if ext:
                le = self.le & 0xFFFF if self.le < 65536 else 0
                body += le.to_bytes(2, "big") if self.data else b"\x00" + le.to_bytes(2, "big")
            else:
                body += bytes([self.le & 0xFF])
        return head + body


@dataclass(frozen=True, slots=True)
class Response:
    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw == 0x9000

    @classmethod
    def parse(cls, raw: bytes) -> "Response":
        if len(raw) < 2:
            raise ValueError("response shorter than a status word")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))


SW_OK = 0x9000
SW_END_OF_FILE_WARNING = 0x6282
SW_WRONG_LENGTH = 0x6700
SW_SM_OBJECTS_INCORRECT = 0x6988
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6B00

INS_SELECT = 0xA4
INS_READ_BINARY = 0xB0
INS_GET_CHALLENGE = 0x84
INS_EXTERNAL_AUTH = 0x82
INS_INTERNAL_AUTH = 0x88
INS_MSE = 0x22
INS_GENERAL_AUTH = 0x86
INS_GET_RESPONSE = 0xC0

#: eMRTD LDS1 application identifier.
AID_EMRTD = bytes.fromhex("A0000002471001")
