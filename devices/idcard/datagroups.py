"""Parsers of the LDS files: EF.COM, DG1 (MRZ), DG2 (face image), DG13 (Vietnamese data, tag 6D).

DG13 layout (domain.md §5.4): 6D { SEQUENCE { INTEGER 1, OID, SET { SEQUENCE { INTEGER n, value… } } } };
fields addressed by number, any order, any may be absent; values UTF-8 (or PrintableString).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import tlv
from .errors import CardDataError, bad_data
from .mrz import Td1, parse_td1

#: LDS tag of each data group (9303-10 §4.6.1) and its elementary file ID.
DG_TAGS = {0x61: 1, 0x75: 2, 0x63: 3, 0x76: 4, 0x65: 5, 0x66: 6, 0x67: 7, 0x68: 8, 0x69: 9, 0x6A: 10,
           0x6B: 11, 0x6C: 12, 0x6D: 13, 0x6E: 14, 0x6F: 15, 0x70: 16}
EF_COM, EF_SOD, EF_CARD_ACCESS = 0x011E, 0x011D, 0x011C


def dg_file_id(n: int) -> int:
    return 0x0100 + n


def _outer(data: bytes, tag: int, what: tuple[str, str]) -> bytes:
    try:
        t, value, _ = tlv.read_tlv(data)
    except CardDataError:
        raise bad_data(*what) from None
    if t != tag:
        raise bad_data(*what)
    return value


def parse_com(data: bytes) -> list[int]:
    """Data-group numbers that EF.COM lists as present."""
    inner = _outer(data, 0x60, ("EF.COM", "danh mục tệp (EF.COM)"))
    try:
        tags = tlv.find(inner, 0x5C)
    except CardDataError:
        raise bad_data("EF.COM", "danh mục tệp (EF.COM)") from None
    return sorted({DG_TAGS[b] for b in (tags or b"") if b in DG_TAGS})


def parse_dg1(data: bytes) -> Td1:
    inner = _outer(data, 0x61, ("DG1", "MRZ (DG1)"))
    try:
        mrz = tlv.find(inner, 0x5F1F)
        if mrz is None:
            raise bad_data("DG1", "MRZ (DG1)")
        return parse_td1(mrz.decode("ascii"))
    except (UnicodeDecodeError, CardDataError):
        raise bad_data("DG1", "MRZ (DG1)") from None


@dataclass(frozen=True, slots=True)
class FaceImage:
    data: bytes
    format: str  # "jpeg" / "jpeg2000"


def face_to_pillow(face: FaceImage):
    """The face image as a Pillow image (JPEG or JPEG 2000)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(face.data))
        img.load()
        return img
    except (UnidentifiedImageError, OSError, ValueError):
        raise bad_data("DG2 image", "ảnh chân dung (DG2)") from None


_JP2_SIGNATURES = (b"\x00\x00\x00\x0cjP  \r\n\x87\n", b"\xff\x4f\xff\x51")


def parse_dg2(data: bytes) -> FaceImage | None:
    """The first face image in DG2 (ISO 19794-5 record inside 7F61/7F60/5F2E)."""
    inner = _outer(data, 0x75, ("DG2", "ảnh chân dung (DG2)"))
    block = _find_deep(inner, (0x5F2E, 0x7F2E))
    if block is None:
        return None
    starts = [(block.find(b"\xff\xd8\xff"), "jpeg")] + [(block.find(s), "jpeg2000") for s in _JP2_SIGNATURES]
    found = sorted((i, f) for i, f in starts if i >= 0)
    if not found:
        raise bad_data("DG2 image", "ảnh chân dung (DG2)")
    i, fmt = found[0]
    return FaceImage(block[i:], fmt)


def _find_deep(data: bytes, tags: tuple[int, ...], depth: int = 0) -> bytes | None:
    if depth > 6:
        return None
    try:
        items = list(tlv.iter_tlv(data))
    except CardDataError:
        return None
    for tag, value in items:
        if tag in tags:
            return value
        first = tag >> 8 * ((tag.bit_length() - 1) // 8)
        if first & 0x20:  # constructed
            found = _find_deep(value, tags, depth + 1)
            if found is not None:
                return found
    return None


_STRING_TAGS = (0x0C, 0x13, 0x16, 0x1E, 0x04)


def _strings(data: bytes, depth: int = 0) -> list[str]:
    """Every string inside a (possibly nested) value, in order."""
    out: list[str] = []
    if depth > 4:
        return out
    for tag, value in tlv.iter_tlv(data):
        if tag in _STRING_TAGS:
            enc = "utf-16-be" if tag == 0x1E else "utf-8"
            out.append(value.decode(enc, errors="replace").strip())
        elif tag in (0x30, 0x31) or tag & 0x20:
            out.extend(_strings(value, depth + 1))
    return out


def parse_dg13_fields(data: bytes) -> dict[int, list[str]]:
    """DG13 as {field number: [strings]}: tolerant of order, absence and nesting."""
    inner = _outer(data, 0x6D, ("DG13", "thông tin công dân (DG13)"))
    fields: dict[int, list[str]] = {}
    try:
        _collect(inner, fields, 0)
    except CardDataError:
        raise bad_data("DG13", "thông tin công dân (DG13)") from None
    return fields


def _collect(data: bytes, out: dict[int, list[str]], depth: int) -> None:
    if depth > 6:
        return
    items = list(tlv.iter_tlv(data))
    if items and items[0][0] == 0x02 and len(items) > 1 and all(t != 0x06 for t, _ in items) and depth >= 2:
        n = int.from_bytes(items[0][1], "big") if items[0][1] else 0
        strings: list[str] = []
        for tag, value in items[1:]:
            strings.extend(_strings(tlv.encode(tag, value)))
        if 0 < n < 100:
            out[n] = strings
        return
    for tag, value in items:
        if tag in (0x30, 0x31):
            _collect(value, out, depth + 1)


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{2})(\d{2})(\d{4})$"), (3, 2, 1)),
)


def parse_vn_date(value: str) -> date | None:
    """DG13 dates (format UNCONFIRMED: dd/mm/yyyy seen; ISO and ddmmyyyy tolerated)."""
    v = value.strip()
    for pattern, (y, m, d) in _DATE_PATTERNS:
        match = pattern.match(v)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


def is_no_expiry(value: str) -> bool:
    return "không thời hạn" in value.strip().lower()
