"""A tiny Vietnamese input-method simulator for the barcode tests.

``telex()`` / ``vni()`` rewrite ASCII key sequences the way Unikey does, so tests can
produce the bursts an officer's PC really sends when an input method is left on.
"""

from __future__ import annotations

import unicodedata

_VOWELS = "aeiouyAEIOUY"
_TELEX_DOUBLE = {"aa": "â", "ee": "ê", "oo": "ô", "dd": "đ", "AA": "Â", "EE": "Ê", "OO": "Ô", "DD": "Đ"}
_TELEX_W = {"a": "ă", "o": "ơ", "u": "ư", "A": "Ă", "O": "Ơ", "U": "Ư"}
_VNI_TONE = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_VNI_SHAPE = {"6": "\u0302", "7": "\u031b", "8": "\u0306"}


def _word_vowel(out: list[str], start: int) -> int | None:
    """The vowel that takes a mark: one already marked, else the last one (simplified)."""
    for i in range(len(out) - 1, start - 1, -1):
        decomposed = unicodedata.normalize("NFD", out[i])
        if decomposed[0] in _VOWELS and len(decomposed) > 1:
            return i
    for i in range(len(out) - 1, start - 1, -1):
        base = unicodedata.normalize("NFD", out[i])[0]
        if base in _VOWELS:
            return i
    return None


def vni(keys: str, *, breaks: str = " |-.,") -> str:
    """What VNI typing of ``keys`` produces (marks on the word's last vowel, 0 removes them).

    Simplified from Unikey: only the first digit key after a word's letters may act on
    it; after any digit the word is no longer Vietnamese and later digits stay digits.
    """
    out: list[str] = []
    start = 0
    dead = False
    for k in keys:
        if k in breaks:
            out.append(k)
            start = len(out)
            dead = False
            continue
        if not dead and (k in "123456780" or (k == "9" and out[start:] and out[-1] in "dD")):
            if k == "9":
                out[-1] = "đ" if out[-1] == "d" else "Đ"
                continue
            i = _word_vowel(out, start)
            if i is not None:
                decomposed = unicodedata.normalize("NFD", out[i])
                if k == "0":
                    if len(decomposed) > 1:
                        out[i] = decomposed[0]
                        dead = True
                        continue
                else:
                    mark = _VNI_TONE.get(k) or _VNI_SHAPE[k]
                    fits = k in _VNI_TONE or (k == "6" and decomposed[0] in "aeoAEO") or (
                        k == "7" and decomposed[0] in "ouOU") or (k == "8" and decomposed[0] in "aA")
                    if fits and mark not in decomposed:
                        kept = [m for m in decomposed[1:] if k not in _VNI_TONE or m not in _VNI_TONE.values()]
                        out[i] = unicodedata.normalize("NFC", decomposed[0] + "".join(kept) + mark)
                        dead = True
                        continue
        if k.isdigit():
            dead = True
        out.append(k)
    return "".join(out)


def telex(keys: str) -> str:
    """What Telex typing of ``keys`` produces (aa→â, dd→đ, ow→ơ, lone w→ư)."""
    out: list[str] = []
    for k in keys:
        pair = (out[-1] if out else "") + k
        if pair in _TELEX_DOUBLE:
            out[-1] = _TELEX_DOUBLE[pair]
        elif k in "wW" and out and out[-1] in _TELEX_W:
            out[-1] = _TELEX_W[out[-1]]
        elif k in "wW":
            out.append("ư" if k == "w" else "Ư")
        else:
            out.append(k)
    return "".join(out)
