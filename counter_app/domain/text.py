"""Vietnamese text helpers: NFC normalisation and diacritic-free folding for search."""

from __future__ import annotations

import re
import unicodedata

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})
_NON_WORD = re.compile(r"[^\w.]+", re.UNICODE)


def nfc(text: str) -> str:
    """NFC form: what scanners, IMEs and files send is often NFD; printing needs NFC."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (``Hộ tịch`` → ``ho tich``, ``Đăng`` → ``dang``)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.lower()


def search_words(text: str) -> list[str]:
    """Folded words of ``text`` for a search query (punctuation dropped, dots kept for codes)."""
    return [w.strip(".") for w in _NON_WORD.split(fold(text)) if w.strip(".")]
