"""Undo what a Vietnamese input method (bộ gõ tiếng Việt: Unikey, EVKey, IBus) does to a scan.

A keyboard-wedge scanner types the code as key presses; with Telex or VNI active, the
input method rewrites them: Telex ``aa``→``â``, ``dd``→``đ``, ``ow``→``ơ``, ``w``→``ư``,
``s/f/r/x/j`` after a vowel → tone marks; VNI digits after a vowel → marks (``1`` sắc,
``2`` huyền, ``3`` hỏi, ``4`` ngã, ``5`` nặng, ``6`` â/ê/ô, ``7`` ơ/ư, ``8`` ă, ``9`` đ).

What the card and dossier codes need is ASCII (ID numbers, dates, agency IDs), so the
rewrite can be undone: every mark becomes the keys that produced it again. Names and
addresses cannot be trusted after that — the officer takes them from the chip.
"""

from __future__ import annotations

import unicodedata

#: Combining mark → VNI key, and → Telex key.
_VNI = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5",
        "\u0302": "6", "\u031b": "7", "\u0306": "8"}
_TELEX_TONE = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
#: Shape marks come first when typing VNI (``a68`` is not a thing; ``o71`` → ớ).
_SHAPES = ("\u0302", "\u031b", "\u0306")


def has_vietnamese_letters(text: str) -> bool:
    """True if ``text`` holds a letter an input method could have produced (non-ASCII letter)."""
    return any(not ch.isascii() and ch.isalpha() for ch in text)


def _split(ch: str) -> tuple[str, list[str]]:
    """``ớ`` → (``o``, [horn, acute]); đ → (``d``, ["đ"]) as a pseudo-mark."""
    if ch in "đĐ":
        return ("d" if ch == "đ" else "D"), ["đ"]
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], list(decomposed[1:])
    if not base.isascii() or not all(m in _VNI for m in marks):
        return ch, []
    shapes = [m for m in marks if m in _SHAPES]
    return base, shapes + [m for m in marks if m not in _SHAPES]


def vni_keys(ch: str) -> str:
    """The VNI digits that produced the marks of ``ch`` (``ấ`` → ``61``, ``đ`` → ``9``)."""
    _, marks = _split(ch)
    return "".join("9" if m == "đ" else _VNI[m] for m in marks)


def strip_marks(ch: str) -> str:
    return _split(ch)[0]


def undo_vni(text: str) -> str:
    """Each marked letter back to its base + VNI digits, typed right after it (``á`` → ``a1``)."""
    return "".join(strip_marks(ch) + vni_keys(ch) for ch in text)


def undo_telex(text: str, *, lone_w: bool = False) -> str:
    """Each marked letter back to its Telex keys (``â`` → ``aa``, ``đ`` → ``dd``, ``ớ`` → ``ows``).

    ``lone_w``: ``ư`` came from a lone ``w`` (Unikey's default) rather than ``uw``.
    """
    out = []
    for ch in text:
        base, marks = _split(ch)
        if not marks:
            out.append(ch)
            continue
        keys = base
        for m in marks:
            if m == "đ":
                keys += base
            elif m == "\u0302":
                keys += base
            elif m in ("\u031b", "\u0306"):
                w = "W" if base.isupper() else "w"
                keys = w if (lone_w and base in "uU" and m == "\u031b") else keys + w
            else:
                t = _TELEX_TONE[m]
                keys += t.upper() if base.isupper() else t
        out.append(keys)
    return "".join(out)


def ascii_candidates(text: str) -> list[tuple[str, str]]:
    """Readings of a mangled burst, most likely first: ``[(label, text), …]`` (raw excluded)."""
    if not has_vietnamese_letters(text):
        return []
    seen = {text}
    out = []
    # Telex first: it is the default of Unikey and EVKey, the most common set-up.
    for label, fn in (("telex", undo_telex), ("telex-w", lambda t: undo_telex(t, lone_w=True)), ("vni", undo_vni)):
        candidate = unicodedata.normalize("NFC", fn(unicodedata.normalize("NFC", text)))
        if candidate not in seen:
            seen.add(candidate)
            out.append((label, candidate))
    return out


def repair_vni_spill(prev: str, field: str, valid) -> tuple[str, str] | None:
    """Undo VNI digits eaten across a separator (``Tú|01011990`` typed as ``Tu|1011990``).

    Without a word break at ``|``, the input method applies the first digits of ``field``
    to the last word of ``prev``: ``1``–``8`` become marks, ``0`` removes them. Tries the
    trailing VNI keys of that word, then ``0``, in front of ``field``; returns
    ``(prev with the word's marks stripped, repaired field)`` for the first that ``valid``
    accepts, else None.
    """
    if not field.isascii() or not (field == "" or field.isdigit()):
        return None
    head, _, word = prev.rpartition(" ")
    keys = "".join(vni_keys(ch) for ch in word)
    tries = [keys[-k:] for k in range(1, len(keys) + 1)] + ["0"]
    for prefix in tries:
        if valid(prefix + field):
            plain = "".join(strip_marks(ch) for ch in word) if prefix != "0" else word
            return (f"{head} {plain}" if head else plain), prefix + field
    return None
