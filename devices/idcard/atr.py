"""What the ATR announces (ISO 7816-3/-4): historical bytes and the extended-length capability."""

from __future__ import annotations


def historical_bytes(atr: bytes) -> bytes:
    if len(atr) < 2:
        return b""
    t0 = atr[1]
    k = t0 & 0x0F
    pos, y = 2, t0 >> 4
    while True:
        pos += bin(y & 0x07).count("1")  # TA, TB, TC
        if y & 0x08:  # TD present
            if pos >= len(atr):
                return b""
            td = atr[pos]
            pos += 1
            y = td >> 4
        else:
            break
    return atr[pos:pos + k]


def announces_extended_length(atr: bytes) -> bool:
    """True when the card-capabilities object (compact TLV 0x73) sets 'extended Lc and Le fields'."""
    hist = historical_bytes(atr)
    if not hist or hist[0] != 0x80:
        return False
    pos = 1
    while pos < len(hist):
        tag, length = hist[pos] >> 4, hist[pos] & 0x0F
        value = hist[pos + 1:pos + 1 + length]
        if tag == 7 and len(value) >= 3:
            return bool(value[2] & 0x40)
        pos += 1 + length
    return False
