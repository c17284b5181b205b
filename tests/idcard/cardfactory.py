"""Builds the files of a test Vietnamese chip card: EF.COM, DG1 (TD1), DG13, DG2 (≈20 KB JPEG), EF.SOD.

Test data only: the person below does not exist.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from devices.idcard.mrz import check_digit
from devices.idcard.tlv import encode

T = encode


@dataclass
class Person:
    id_number: str = "001090123456"
    surname: str = "NGUYEN"
    given: str = "VAN<AN"
    dob: str = "900101"
    expiry: str = "300101"
    sex: str = "M"
    dg13: dict = field(default_factory=lambda: {
        1: "001090123456", 2: "Nguyễn Văn An", 3: "01/01/1990", 4: "Nam", 5: "Việt Nam", 6: "Kinh",
        7: "Không", 8: "Xã Đông Hội, Huyện Đông Anh, Hà Nội",
        9: "Số 12 Phố Hàng Bạc, Phường Hàng Đào, Quận Hoàn Kiếm, Hà Nội",
        10: "Nốt ruồi C:1cm trên trước mép phải", 11: "15/04/2021", 12: "01/01/2030",
        13: ["Nguyễn Văn Bình", "Trần Thị Cúc"], 14: ["Lê Thị Dung"], 15: "012345678",
    })

    @property
    def document_number(self) -> str:
        return self.id_number[-9:]

    @property
    def can(self) -> str:
        return self.id_number[-6:]

    def mrz(self) -> str:
        doc = self.document_number
        l1 = f"IDVNM{doc}{check_digit(doc)}{self.id_number}".ljust(30, "<")
        l2 = f"{self.dob}{check_digit(self.dob)}{self.sex}{self.expiry}{check_digit(self.expiry)}VNM".ljust(29, "<")
        l2 += check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
        l3 = f"{self.surname}<<{self.given}".ljust(30, "<")
        return l1 + l2 + l3


def utf8(s: str) -> bytes:
    return T(0x0C, s.encode("utf-8"))


def integer(n: int) -> bytes:
    return T(0x02, n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big"))


def dg1(person: Person) -> bytes:
    return T(0x61, T(0x5F1F, person.mrz().encode("ascii")))


def dg13(values: dict, *, order: list[int] | None = None) -> bytes:
    items = []
    for n in order or sorted(values):
        v = values[n]
        if isinstance(v, list):
            body = integer(n) + T(0x30, b"".join(utf8(s) for s in v))
        else:
            body = integer(n) + utf8(v)
        items.append(T(0x30, body))
    oid = T(0x06, bytes.fromhex("28CF06010008"))  # 1.0.10646.1.0.8
    return T(0x6D, T(0x30, integer(1) + oid + T(0x31, b"".join(items))))


def jpeg(size: int = 20_000, seed: int = 1) -> bytes:
    """A real JPEG of roughly ``size`` bytes (noise compresses badly, so size is predictable)."""
    from PIL import Image

    rng = random.Random(seed)
    side = 120
    while True:
        img = Image.frombytes("L", (side, side), bytes(rng.randrange(256) for _ in range(side * side)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=60)
        if len(buf.getvalue()) >= size * 0.9:
            return buf.getvalue()
        side += 20


def dg2(image: bytes) -> bytes:
    # ISO 19794-5 facial record header (simplified but well formed), then the image
    record = b"FAC\x00010\x00" + (14 + 20 + 12 + len(image)).to_bytes(4, "big") + b"\x00\x01"
    record += (20 + 12 + len(image)).to_bytes(4, "big") + bytes(16) + bytes(12)
    bio_header = T(0xA1, T(0x80, b"\x01\x01") + T(0x87, b"\x01\x01") + T(0x88, b"\x00\x08"))
    return T(0x75, T(0x7F61, integer(1) + T(0x7F60, bio_header + T(0x5F2E, record + image))))


def com(dg_tags: bytes) -> bytes:
    return T(0x60, T(0x5F01, b"0107") + T(0x5F36, b"040000") + T(0x5C, dg_tags))
