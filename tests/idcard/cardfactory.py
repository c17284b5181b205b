"""Builds the files of a test Vietnamese chip card: EF.COM, DG1 (TD1), DG13, DG2 (≈20 KB JPEG), EF.SOD.

Test data only: the person below does not exist.
"""

from __future__ import annotations

import io
import random

from devices.idcard.simulated.files import Person, dg1  # noqa: F401  (re-exported: the demo card's own)
from devices.idcard.tlv import encode

T = encode


def utf8(s: str) -> bytes:
    return T(0x0C, s.encode("utf-8"))


def integer(n: int) -> bytes:
    return T(0x02, n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big"))


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
