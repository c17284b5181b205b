"""The audit chain's arithmetic (chuỗi băm của nhật ký), shared by the counter and the city server.

Pure: no database, no I/O. The counter (:mod:`.audit`) hashes each entry with :func:`digest`
when appending it and checks its chain at start-up; the city backend (``city_backend.routes_audit``)
recomputes the same digest on every entry a counter ships and checks the links with
:func:`first_break`. One function for both sides: a change of the hash material here changes
both, and ``tests/security/test_audit_chain.py`` pins it with fixed vectors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

#: ``prev_hash`` of the first entry of a chain.
GENESIS = "0" * 64


def digest(seq: int, at: datetime | str, actor: str, action: str, target: str, details: str, prev: str) -> str:
    """SHA-256 (hex) of one entry and the hash of the one before it. ``at`` is the entry's time, as a
    datetime or as its ``isoformat()`` text (what goes on the wire); both give the same digest."""
    when = at.isoformat() if isinstance(at, datetime) else at
    material = "\x1f".join([str(seq), when, actor, action, target, details, prev])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Link:
    """One entry of a chain as both sides see it (``at`` as its ``isoformat()`` text)."""

    seq: int
    at: str
    actor: str
    action: str
    target: str
    details: str
    prev_hash: str
    hash: str

    def recomputed(self) -> str:
        return digest(self.seq, self.at, self.actor, self.action, self.target, self.details, self.prev_hash)


@dataclass(frozen=True)
class Break:
    """Where a chain stops being intact: the entry's ``seq`` and why (English, for logs and alerts)."""

    seq: int
    reason: str


def first_break(links: Iterable[Link], *, after_seq: int = 0, after_hash: str = GENESIS) -> Break | None:
    """Check ``links`` in order as the continuation of the entry ``after_seq`` whose hash is
    ``after_hash`` (0 and :data:`GENESIS`: the start of the chain). Returns the first break
    (a gap or reordering, a broken previous-hash link, content that no longer matches its hash)
    or None when every link holds."""
    expected_seq, prev = after_seq + 1, after_hash
    for link in links:
        if link.seq != expected_seq:
            return Break(link.seq, f"entry {expected_seq} is missing (got {link.seq})")
        if link.prev_hash != prev:
            return Break(link.seq, "previous-hash link broken")
        if link.hash != link.recomputed():
            return Break(link.seq, "entry content changed")
        expected_seq, prev = expected_seq + 1, link.hash
    return None
