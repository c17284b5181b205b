"""BER-TLV as used by ISO 7816-4 and ICAO 9303-10 (tags up to 3 bytes, definite lengths)."""

from __future__ import annotations

from collections.abc import Iterator

from .errors import CardDataError


def _bad(what: str) -> CardDataError:
    return CardDataError(f"malformed TLV: {what}",
                         "Dữ liệu trên thẻ bị hỏng hoặc đọc không trọn vẹn. Đặt lại thẻ và đọc lại.")


def read_tag(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise _bad("missing tag")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        for _ in range(3):
            if pos >= len(data):
                raise _bad("truncated tag")
            tag = (tag << 8) | data[pos]
            pos += 1
            if not data[pos - 1] & 0x80:
                break
        else:
            raise _bad("tag too long")
    return tag, pos


def read_length(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise _bad("missing length")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    n = first & 0x7F
    if n == 0 or n > 3:
        raise _bad("unsupported length form")
    if pos + n > len(data):
        raise _bad("truncated length")
    return int.from_bytes(data[pos:pos + n], "big"), pos + n


def read_tlv(data: bytes, pos: int = 0) -> tuple[int, bytes, int]:
    """One TLV at ``pos``: (tag, value, position after it)."""
    tag, pos = read_tag(data, pos)
    length, pos = read_length(data, pos)
    if pos + length > len(data):
        raise _bad("value runs past the end")
    return tag, data[pos:pos + length], pos + length


def iter_tlv(data: bytes) -> Iterator[tuple[int, bytes]]:
    pos = 0
    while pos < len(data):
        if data[pos] in (0x00, 0xFF):  # padding between objects
            pos += 1
            continue
        tag, value, pos = read_tlv(data, pos)
        yield tag, value


def find(data: bytes, tag: int) -> bytes | None:
    for t, v in iter_tlv(data):
        if t == tag:
            return v
    return None


def header_length(data: bytes) -> tuple[int, int]:
    """(header size, total size) of the TLV at the start of ``data`` — to know a file's length."""
    _, pos = read_tag(data, 0)
    length, pos = read_length(data, pos)
    return pos, pos + length


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def encode(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    return tag_bytes + encode_length(len(value)) + value
