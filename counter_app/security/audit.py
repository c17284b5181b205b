"""The audit log (nhật ký): append-only, each entry carrying the hash of the previous one.

Every change and every view, print or export of personal data is appended. Entries name
the *target* (a dossier code), never the personal data itself. :func:`verify_chain`
recomputes the chain at start-up (and the server does the same on what it receives);
an edited, deleted or reordered entry breaks it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import CounterError
from ..storage.models_security import AuditEntryRow
from .audit_chain import GENESIS
from .audit_chain import digest as _digest  # the same digest as the city server (audit_chain)


class AuditChainBroken(CounterError):
    code = "audit_chain_broken"


def append(session: Session, *, actor: str, action: str, target: str = "", details: dict | None = None,
           at: datetime) -> AuditEntryRow:
    """Append one entry in the caller's transaction (the change and its entry commit together)."""
    _reserve(session)
    last = session.scalar(select(AuditEntryRow).order_by(AuditEntryRow.id.desc()).limit(1))
    seq = (last.id if last else 0) + 1
    prev = last.hash if last else GENESIS
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row = AuditEntryRow(id=seq, at=at, actor=actor, action=action, target=target, details=text, prev_hash=prev,
                        hash=_digest(seq, at, actor, action, target, text, prev))
    session.add(row)
    session.flush()
    return row


def _reserve(session: Session) -> None:
    """Take SQLite's write lock before reading the last entry, unless the transaction holds it
    already: two writers (the writer thread, a search recording its view on the pool) must not
    both read entry N and both write N + 1."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    dbapi = conn.connection.dbapi_connection
    if getattr(dbapi, "in_transaction", True) is False:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _holds_write(session: Session) -> bool:
    """Whether the session's connection has written in its open transaction (SQLite: a write
    transaction is open). Such a session must carry the entry itself (a second writer would wait on it)."""
    if not session.in_transaction():
        return False
    dbapi = session.connection().connection.dbapi_connection
    return bool(getattr(dbapi, "in_transaction", True))


def record(session: Session, *, actor: str, action: str, target: str = "", details: dict | None = None,
           at: datetime) -> None:
    """Record a *view, print or export* of personal data, which must stay recorded even when the
    caller's session is a read session that is rolled back (``Store.read``): appended in the
    caller's transaction when it already writes (it commits with it), else committed at once in
    a transaction of its own on the same database."""
    if _holds_write(session):
        append(session, actor=actor, action=action, target=target, details=details, at=at)
        return
    with Session(bind=session.get_bind()) as own, own.begin():
        append(own, actor=actor, action=action, target=target, details=details, at=at)


def verify_as(session: Session, *, role, actor: str, at: datetime) -> ChainCheck:
    """The full check of the chain on request (kiểm tra nhật ký): needs ``VERIFY_AUDIT``; recorded.
    The start-up check (:func:`check_at_start`) runs for every officer and needs no role."""
    from .permissions import Action, require

    require(role, Action.VERIFY_AUDIT)
    check = verify_chain(session)
    record(session, actor=actor, action="verify_audit", details={"entries": check.entries, "ok": check.ok,
                                                                  "first_broken": check.first_broken}, at=at)
    return check


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain(session: Session, *, after: tuple[int, str] | None = None) -> ChainCheck:
    """Recompute every link; report the first entry that does not match. With ``after`` = (id, hash)
    of an entry checked before, only that entry and the ones after it are checked (start-up)."""
    prev, expected_seq, count = GENESIS, 1, 0
    query = select(AuditEntryRow).order_by(AuditEntryRow.id)
    if after is not None and after[0] > 0:
        anchor = session.get(AuditEntryRow, after[0])
        if anchor is None or anchor.hash != after[1] or anchor.hash != _digest(
                anchor.id, anchor.at, anchor.actor, anchor.action, anchor.target, anchor.details, anchor.prev_hash):
            return ChainCheck(0, after[0], "entry checked before was changed or removed")
        prev, expected_seq = anchor.hash, anchor.id + 1
        query = query.where(AuditEntryRow.id > anchor.id)
    for row in session.scalars(query):
        count += 1
        if row.id != expected_seq:
            return ChainCheck(count, row.id, f"entry {expected_seq} is missing")
        if row.prev_hash != prev:
            return ChainCheck(count, row.id, "previous-hash link broken")
        if row.hash != _digest(row.id, row.at, row.actor, row.action, row.target, row.details, row.prev_hash):
            return ChainCheck(count, row.id, "entry content changed")
        prev, expected_seq = row.hash, expected_seq + 1
    return ChainCheck(count)


_CHECKPOINT = "audit_checkpoint"


def check_at_start(session: Session) -> ChainCheck:
    """The start-up check: entries added since the last start (and the last one checked then),
    then remember where it got to. ``counter-app diagnostics`` checks the whole chain."""
    from ..storage.models import SettingRow

    row = session.get(SettingRow, _CHECKPOINT)
    after = None
    if row is not None:
        seq, _, digest = row.value.partition(":")
        after = (int(seq), digest) if seq.isdigit() else None
    check = verify_chain(session, after=after)
    if check.ok:
        last = session.scalar(select(AuditEntryRow).order_by(AuditEntryRow.id.desc()).limit(1))
        if last is not None:
            session.merge(SettingRow(key=_CHECKPOINT, value=f"{last.id}:{last.hash}"))
    return check


def alert_vi(check: ChainCheck) -> str:
    if check.ok:
        return ""
    return (f"CẢNH BÁO: nhật ký hệ thống đã bị sửa hoặc xóa (từ mục số {check.first_broken}). "
            "Báo ngay cho lãnh đạo và bộ phận hỗ trợ; không tự sửa cơ sở dữ liệu.")


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
