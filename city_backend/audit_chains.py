"""Verifying the counters' audit chains on receipt (kiểm tra chuỗi nhật ký của quầy).

Each entry a counter ships is recomputed with the counter's own digest
(``counter_app.security.audit_chain``) and must continue that counter's chain as the server
has it: ``seq`` = last + 1 and ``prev_hash`` = last hash. Entries the server already has are
compared with its copy (resending the same ones is a no-op; a rewritten or restarted chain is
not). A batch with any break is refused whole, and an alert is recorded for the administrators.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.security.audit_chain import GENESIS, Break, Link, first_break

from .db import Database
from .deps import Caller
from .errors import ApiError
from .models import AuditEvent, Counter
from .models_audit import CounterAuditAlert, CounterAuditEntry


def _of(caller: Caller) -> tuple:
    return (CounterAuditEntry.agency_code == caller.agency_code,
            CounterAuditEntry.counter_code == caller.counter_code)


def check_and_store(s: Session, caller: Caller, links: list[Link], *,
                    received_at: datetime) -> Break | tuple[int, int, int, str]:
    """Check ``links`` against the counter's chain and store the new ones. Returns the first
    :class:`Break` (nothing stored) or (accepted, duplicate, last seq, last hash)."""
    # One push per counter at a time: the counter's row is the lock (the worker and a manual sync may race).
    s.scalar(select(Counter.id).where(Counter.agency_code == caller.agency_code,
                                      Counter.code == caller.counter_code).with_for_update())
    head = s.execute(select(CounterAuditEntry.seq, CounterAuditEntry.hash).where(*_of(caller))
                     .order_by(CounterAuditEntry.seq.desc()).limit(1)).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    first, last = links[0].seq, links[-1].seq
    if first - 1 > head_seq:
        return Break(first, f"entries {head_seq + 1} to {first - 1} were never received (gap)")
    anchor = head_hash if first - 1 == head_seq else GENESIS
    if 0 < first - 1 < head_seq:  # a resend starting inside what the server has: link to its copy
        anchor = s.scalar(select(CounterAuditEntry.hash).where(*_of(caller), CounterAuditEntry.seq == first - 1))
    found = first_break(links, after_seq=first - 1, after_hash=anchor)
    if found is not None:
        return found
    known = dict(s.execute(select(CounterAuditEntry.seq, CounterAuditEntry.hash)
                           .where(*_of(caller), CounterAuditEntry.seq.between(first, min(last, head_seq)))).all())
    for link in links:
        if link.seq <= head_seq and known.get(link.seq) != link.hash:
            return Break(link.seq, "differs from the entry received before (chain rewritten or restarted)")
    new = [link for link in links if link.seq > head_seq]
    s.add_all(CounterAuditEntry(agency_code=caller.agency_code, counter_code=caller.counter_code, seq=link.seq,
                                at=link.at, actor=link.actor, action=link.action, target=link.target,
                                details=link.details, prev_hash=link.prev_hash, hash=link.hash,
                                received_at=received_at) for link in new)
    if new:
        return len(new), len(links) - len(new), new[-1].seq, new[-1].hash
    return 0, len(links), head_seq, head_hash


def record_alert(db: Database, caller: Caller, found: Break, *, at: datetime) -> None:
    """One alert per counter, entry and reason (a counter retrying the same batch bumps ``repeats``);
    the first one also goes to the server's own audit log as ``audit.chain_broken``."""
    where = (CounterAuditAlert.agency_code == caller.agency_code, CounterAuditAlert.counter_code == caller.counter_code,
             CounterAuditAlert.seq == found.seq, CounterAuditAlert.reason == found.reason)
    try:
        with db.session() as s:
            row = s.scalar(select(CounterAuditAlert).where(*where).with_for_update())
            if row is not None:
                row.repeats, row.last_at = row.repeats + 1, at
                return
            s.add(CounterAuditAlert(agency_code=caller.agency_code, counter_code=caller.counter_code, seq=found.seq,
                                    reason=found.reason, first_at=at, last_at=at, repeats=1))
            s.add(AuditEvent(agency_code=caller.agency_code, actor=f"counter:{caller.counter_code}",
                             action="audit.chain_broken",
                             detail={"counter": caller.counter_code, "seq": found.seq, "reason": found.reason}, at=at))
    except IntegrityError:  # the same alert recorded by a concurrent request: it is there
        pass


def chain_broken(caller: Caller, found: Break) -> ApiError:
    return ApiError(409, "audit_chain_broken",
                    f"audit chain of counter {caller.counter_code} broken at entry {found.seq}: {found.reason}",
                    f"Hệ thống của thành phố từ chối nhật ký của quầy: chuỗi nhật ký bị đứt từ mục số {found.seq} "
                    "(có mục đã bị sửa, xóa hoặc đảo thứ tự). Quản trị hệ thống đã nhận cảnh báo. Báo ngay cho "
                    "lãnh đạo; không tự sửa cơ sở dữ liệu. Nhật ký trên quầy vẫn được giữ nguyên.")


def not_your_counter() -> ApiError:
    return ApiError(403, "not_your_counter", "audit entries of another counter than the token's",
                    "Mã xác thực của quầy này không được gửi nhật ký của quầy khác.")
