"""Verifying the counters' audit chains on receipt (kiểm tra chuỗi nhật ký của quầy).

Each entry a counter ships is recomputed with the counter's own digest
(``counter_app.security.audit_chain``) and must continue that counter's chain as the server
has it (its current **epoch**): ``seq`` = last + 1 and ``prev_hash`` = last hash. Entries the
server already has must be sent exactly as it stored them (resending is a no-op; a rewritten or
restarted chain is not). A batch with any break is refused whole, and an alert is recorded.

An administrator may accept a break (:mod:`.audit_accept`); the counter's next push then goes
through it, and only it: a ``continue`` break stores its entry as sent (flagged with the alert)
and verifies strictly again from that entry; a ``restart`` opens a new epoch verified strictly
from GENESIS (the older epochs are kept, read-only). Every other break still refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import takewhile

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.security.audit_chain import GENESIS, Break, Link, first_break

from .db import Database
from .deps import Caller
from .errors import ApiError
from .models import AuditEvent, Counter
from .models_audit import CONTINUE, RESTART, REWRITE, CounterAuditAlert, CounterAuditEntry

DIFFERS = "differs from the entry received before (chain rewritten or restarted)"


@dataclass(frozen=True)
class Refused:
    """The first break of a batch (nothing stored), its kind and the epoch it was found in."""

    found: Break
    kind: str
    epoch: int


@dataclass(frozen=True)
class Stored:
    accepted: int
    duplicate: int
    epoch: int
    last_seq: int
    last_hash: str


def _of(caller: Caller) -> tuple:
    return (CounterAuditEntry.agency_code == caller.agency_code,
            CounterAuditEntry.counter_code == caller.counter_code)


def current_epoch(s: Session, caller: Caller) -> int:
    return s.scalar(select(func.max(CounterAuditEntry.epoch)).where(*_of(caller))) or 1


def _link(row: CounterAuditEntry) -> Link:
    return Link(row.seq, row.at, row.actor, row.action, row.target, row.details, row.prev_hash, row.hash)


def _first_difference(s: Session, caller: Caller, epoch: int, sent: list[Link]) -> Break | None:
    """Entries the server already holds must come back exactly as stored."""
    if not sent:
        return None
    rows = s.scalars(select(CounterAuditEntry).where(*_of(caller), CounterAuditEntry.epoch == epoch,
                                                     CounterAuditEntry.seq.in_([link.seq for link in sent])))
    held = {row.seq: _link(row) for row in rows}
    for link in sent:
        if held.get(link.seq) != link:
            return Break(link.seq, DIFFERS)
    return None


def _walk(links: list[Link], seq: int, prev: str) -> tuple[int, Break | None]:
    """Index and :class:`Break` of the first link that does not continue (``seq``, ``prev``)."""
    for i, link in enumerate(links):
        found = first_break([link], after_seq=seq, after_hash=prev)
        if found is not None:
            return i, found
        seq, prev = link.seq, link.hash
    return len(links), None


def _accepted(s: Session, caller: Caller, epoch: int, found: Break, kind: str) -> CounterAuditAlert | None:
    return s.scalar(select(CounterAuditAlert).where(
        CounterAuditAlert.agency_code == caller.agency_code, CounterAuditAlert.counter_code == caller.counter_code,
        CounterAuditAlert.epoch == epoch, CounterAuditAlert.seq == found.seq, CounterAuditAlert.reason == found.reason,
        CounterAuditAlert.kind == kind, CounterAuditAlert.accepted_at.is_not(None),
        CounterAuditAlert.applied_at.is_(None)).with_for_update())


def check_and_store(s: Session, caller: Caller, links: list[Link], *, received_at: datetime) -> Refused | Stored:
    """Check ``links`` against the counter's chain and store the new ones (all or nothing)."""
    # One push per counter at a time: the counter's row is the lock (the worker and a manual sync may race).
    s.scalar(select(Counter.id).where(Counter.agency_code == caller.agency_code,
                                      Counter.code == caller.counter_code).with_for_update())
    epoch = current_epoch(s, caller)
    head = s.execute(select(CounterAuditEntry.seq, CounterAuditEntry.hash)
                     .where(*_of(caller), CounterAuditEntry.epoch == epoch)
                     .order_by(CounterAuditEntry.seq.desc()).limit(1)).first()
    seq, prev = (head.seq, head.hash) if head else (0, GENESIS)
    held = list(takewhile(lambda link: link.seq <= seq, links))
    rest, keep, applied = links[len(held):], [], []
    differs = _first_difference(s, caller, epoch, held)
    if differs is not None:
        start = links[0]
        kind = RESTART if differs.seq == start.seq == 1 and start.prev_hash == GENESIS else REWRITE
        alert = _accepted(s, caller, epoch, differs, kind) if kind == RESTART else None
        if alert is None:
            return Refused(differs, kind, epoch)
        epoch, seq, prev, rest, held, applied = epoch + 1, 0, GENESIS, links, [], [alert]
    elif rest and rest[0].seq - 1 > seq:
        gap = Break(rest[0].seq, f"entries {seq + 1} to {rest[0].seq - 1} were never received (gap)")
        alert = _accepted(s, caller, epoch, gap, CONTINUE)
        if alert is None:
            return Refused(gap, CONTINUE, epoch)
        keep.append((rest[0], alert.id))
        applied.append(alert)
        seq, prev, rest = rest[0].seq, rest[0].hash, rest[1:]
    while rest:
        at, found = _walk(rest, seq, prev)
        keep += [(link, None) for link in rest[:at]]
        if found is None:
            break
        kind = CONTINUE if rest[at].seq > (rest[at - 1].seq if at else seq) else REWRITE  # never back in seq
        alert = _accepted(s, caller, epoch, found, kind) if kind == CONTINUE else None
        if alert is None:
            return Refused(found, kind, epoch)
        keep.append((rest[at], alert.id))
        applied.append(alert)
        seq, prev, rest = rest[at].seq, rest[at].hash, rest[at + 1:]
    s.add_all(CounterAuditEntry(agency_code=caller.agency_code, counter_code=caller.counter_code, epoch=epoch,
                                seq=link.seq, at=link.at, actor=link.actor, action=link.action, target=link.target,
                                details=link.details, prev_hash=link.prev_hash, hash=link.hash,
                                received_at=received_at, accepted_alert_id=flag) for link, flag in keep)
    for alert in applied:
        alert.applied_at = received_at
    if keep:
        return Stored(len(keep), len(held), epoch, keep[-1][0].seq, keep[-1][0].hash)
    return Stored(0, len(held), epoch, seq, prev)


def record_alert(db: Database, caller: Caller, refused: Refused, *, at: datetime) -> None:
    """One alert per counter, epoch, entry and reason (a counter retrying the same batch bumps ``repeats``);
    the first one also goes to the server's own audit log as ``audit.chain_broken``."""
    found = refused.found
    where = (CounterAuditAlert.agency_code == caller.agency_code, CounterAuditAlert.counter_code == caller.counter_code,
             CounterAuditAlert.epoch == refused.epoch, CounterAuditAlert.seq == found.seq,
             CounterAuditAlert.reason == found.reason)
    try:
        with db.session() as s:
            row = s.scalar(select(CounterAuditAlert).where(*where).with_for_update())
            if row is not None:
                row.repeats, row.last_at = row.repeats + 1, at
                return
            s.add(CounterAuditAlert(agency_code=caller.agency_code, counter_code=caller.counter_code,
                                    epoch=refused.epoch, seq=found.seq, reason=found.reason, kind=refused.kind,
                                    first_at=at, last_at=at, repeats=1))
            s.add(AuditEvent(agency_code=caller.agency_code, actor=f"counter:{caller.counter_code}",
                             action="audit.chain_broken",
                             detail={"counter": caller.counter_code, "epoch": refused.epoch, "seq": found.seq,
                                     "reason": found.reason, "kind": refused.kind}, at=at))
    except IntegrityError:  # the same alert recorded by a concurrent request: it is there
        pass


def chain_broken(caller: Caller, found: Break) -> ApiError:
    return ApiError(409, "audit_chain_broken",
                    f"audit chain of counter {caller.counter_code} broken at entry {found.seq}: {found.reason}",
                    f"Hệ thống của thành phố từ chối nhật ký của quầy: chuỗi nhật ký bị đứt từ mục số {found.seq} "
                    "(có mục đã bị sửa, xóa hoặc đảo thứ tự). Quản trị hệ thống đã nhận cảnh báo. Gọi ngay bộ phận "
                    "hỗ trợ kỹ thuật (help desk) của thành phố và báo lãnh đạo; không tự sửa cơ sở dữ liệu. Hồ sơ "
                    "vẫn được gửi lên; nhật ký trên quầy vẫn được giữ nguyên.")


def not_your_counter() -> ApiError:
    return ApiError(403, "not_your_counter", "audit entries of another counter than the token's",
                    "Mã xác thực của quầy này không được gửi nhật ký của quầy khác.")
