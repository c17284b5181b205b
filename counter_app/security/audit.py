"""The audit log (nhật ký): append-only, each entry carrying the hash of the previous one.

Every change and every view, print or export of personal data is appended. Entries name
the *target* (a dossier code), never the personal data itself. :func:`verify_chain`
recomputes the chain at start-up (and the server does the same on what it receives);
an edited, deleted or reordered entry breaks it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import CounterError
from ..storage.models_security import AuditEntryRow

GENESIS = "0" * 64


class AuditChainBroken(CounterError):
    code = "audit_chain_broken"


def _digest(seq: int, at: datetime, actor: str, action: str, target: str, details: str, prev: str) -> str:
    material = "\x1f".join([str(seq), at.isoformat(), actor, action, target, details, prev])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def append(session: Session, *, actor: str, action: str, target: str = "", details: dict | None = None,
           at: datetime) -> AuditEntryRow:
    """Append one entry in the caller's transaction (the change and its entry commit together)."""
    last = session.scalar(select(AuditEntryRow).order_by(AuditEntryRow.id.desc()).limit(1))
    seq = (last.id if last else 0) + 1
    prev = last.hash if last else GENESIS
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row = AuditEntryRow(id=seq, at=at, actor=actor, action=action, target=target, details=text, prev_hash=prev,
                        hash=_digest(seq, at, actor, action, target, text, prev))
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every link; report the first entry that does not match."""
    prev, expected_seq, count = GENESIS, 1, 0
    for row in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id)):
        count += 1
        if row.id != expected_seq:
            return ChainCheck(count, row.id, f"entry {expected_seq} is missing")
        if row.prev_hash != prev:
            return ChainCheck(count, row.id, "previous-hash link broken")
        if row.hash != _digest(row.id, row.at, row.actor, row.action, row.target, row.details, row.prev_hash):
            return ChainCheck(count, row.id, "entry content changed")
        prev, expected_seq = row.hash, expected_seq + 1
    return ChainCheck(count)


def require_intact(session: Session) -> ChainCheck:
    """Raise :class:`AuditChainBroken` (an alert for the supervisor) if the chain is broken."""
    check = verify_chain(session)
    if not check.ok:
        raise AuditChainBroken(
            f"audit chain broken at entry {check.first_broken}: {check.reason}",
            f"CẢNH BÁO: nhật ký hệ thống đã bị sửa hoặc xóa (từ mục số {check.first_broken}). "
            "Báo ngay cho lãnh đạo và bộ phận hỗ trợ; không tự sửa cơ sở dữ liệu.",
        )
    return check
