"""The site's queue coordinator (điều phối hàng chờ): issue, call next, act, reconcile, the call feed.

Call next is atomic across counters: the first waiting ticket is locked with
``FOR UPDATE SKIP LOCKED``, so two counters pressing F5 at once get two different tickets
and neither waits for the other. Every change is checked with the core's rule
(:func:`counter_app.domain.queue.check_move`) and kept once in ``queue_event``. Calls go
to ``queue_call`` under the agency's queue lock, so their ``seq`` order is commit order and
a display polling "after seq N" never skips one.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from sqlalchemy import func, or_, select, text, true
from sqlalchemy.orm import Session

from counter_app.domain.queue import Priority, QueueError, VisitState, call_order, callable_by, check_move

from .db import Database, local, server_now, wire
from .deps import Caller
from .errors import ApiError, not_found
from .models_queue import QueueCall, QueueEvent, QueueSeq, QueueTicket
from .schemas_queue import ReconcileResult, TicketOut, VisitEventIn

S = VisitState
_ACTION_STATE = {"recall": S.CALLED, "serve": S.SERVING, "hold": S.ON_HOLD, "resume": S.SERVING,
                 "no_show": S.NO_SHOW, "transfer": S.WAITING, "done": S.DONE}


def _lock(db: Database, session: Session, agency_code: str) -> None:
    if db.is_postgres:
        key = int.from_bytes(hashlib.sha256(f"queue:{agency_code}".encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def ticket_out(t: QueueTicket, waiting_before: int = 0) -> TicketOut:
    return TicketOut(id=t.id, day=t.day, number=t.number, area=t.area, priority=t.priority, state=t.state,
                     counter_code=t.counter_code, issued_at=wire(t.issued_at),
                     called_at=wire(t.called_at) if t.called_at else None, recalls=t.recalls,
                     paper=t.paper, waiting_before=waiting_before)


def issue(db: Database, session: Session, caller: Caller, *, area: str, prefix: str, priority: int) -> TicketOut:
    now = server_now()
    ins = _insert(db)(QueueSeq).values(agency_code=caller.agency_code, day=now.date(), prefix=prefix, last=1)
    ins = ins.on_conflict_do_update(index_elements=["agency_code", "day", "prefix"],
                                    set_={"last": QueueSeq.last + 1}).returning(QueueSeq.last)
    seq = session.execute(ins).scalar_one()
    if seq > 9999:
        raise ApiError(409, "queue_full", "no ticket numbers left today", "Đã hết số thứ tự của ngày hôm nay.")
    ahead = session.scalar(select(func.count()).select_from(QueueTicket).where(
        QueueTicket.agency_code == caller.agency_code, QueueTicket.day == now.date(), QueueTicket.area == area,
        QueueTicket.state == S.WAITING.value))
    t = QueueTicket(id=str(uuid.uuid4()), agency_code=caller.agency_code, day=now.date(), number=f"{prefix}{seq:03d}",
                    area=area, priority=priority, state=S.WAITING.value, counter_code=None, issued_at=now,
                    recalls=0, paper=False)
    session.add(t)
    _event(session, t, "issued", now, now)
    return ticket_out(t, ahead)


def call_next(db: Database, session: Session, caller: Caller, *, areas: list[str]) -> TicketOut | None:
    """The next ticket for ``caller``'s counter by the core's rule (:func:`next_ticket`: directed
    to it first, then priority, then first issued). The candidates are read without a lock and
    ordered in Python; then each is locked in that order with ``FOR UPDATE SKIP LOCKED`` and
    checked again: one another counter is calling is skipped, one it has called is no longer
    waiting, so two counters pressing F5 at once get two different tickets and never wait."""
    me, today = caller.counter_code, server_now().date()
    mine = or_(QueueTicket.counter_code == me, QueueTicket.counter_code.is_(None) & (
        QueueTicket.area.in_(areas) if areas else true()))  # a pre-filter only: the rule decides
    waiting = session.scalars(select(QueueTicket).where(
        QueueTicket.agency_code == caller.agency_code, QueueTicket.day == today,
        QueueTicket.state == S.WAITING.value, mine).limit(5000)).all()
    for candidate in call_order(waiting, counter=me, areas=areas):
        t = session.scalar(select(QueueTicket).where(QueueTicket.id == candidate.id,
                                                     QueueTicket.state == S.WAITING.value)
                           .with_for_update(skip_locked=True).execution_options(populate_existing=True))
        if t is not None and callable_by(t, counter=me, areas=areas):
            _apply(db, session, caller, t, S.CALLED, kind="called", at=server_now(), counter=me)
            return ticket_out(t)
    return None


def act(db: Database, session: Session, caller: Caller, ticket_id: str, *, action: str, area: str | None,
        counter_code: str | None) -> TicketOut:
    t = session.scalar(select(QueueTicket).where(QueueTicket.id == ticket_id,
                                                 QueueTicket.agency_code == caller.agency_code).with_for_update())
    if t is None:
        raise not_found("ticket")
    if action == "transfer":
        if not area and not counter_code:
            raise ApiError(422, "transfer_target", "transfer needs an area or a counter",
                           "Chọn khu vực hoặc quầy nhận chuyển.")
        t.area = area or t.area
    counter = (counter_code or "") if action == "transfer" else (caller.counter_code if action in
                                                                 ("serve", "resume") else None)
    try:
        _apply(db, session, caller, t, _ACTION_STATE[action], kind=action, at=server_now(), counter=counter)
    except QueueError as exc:
        raise ApiError(409, "queue_transition", str(exc), exc.message_vi) from exc
    return ticket_out(t)


def _apply(db: Database, session: Session, caller: Caller, t: QueueTicket, target: VisitState, *, kind: str,
           at: datetime, counter: str | None, event_id: str | None = None, announce: bool = True) -> None:
    check_move(t.number, S(t.state), target)
    t.state = target.value
    if counter is not None:
        t.counter_code = counter or None
    if target is S.CALLED:
        t.called_at = t.called_at or at
        if kind == "recall":
            t.recalls += 1
        if announce:
            _lock(db, session, caller.agency_code)
            session.add(QueueCall(agency_code=caller.agency_code, ticket_id=t.id, number=t.number, area=t.area,
                                  counter_code=t.counter_code or caller.counter_code, recall=kind == "recall",
                                  at=server_now()))
    if target in (S.DONE, S.NO_SHOW):
        t.finished_at = at
    _event(session, t, kind, at, server_now(), event_id)


def _event(session: Session, t: QueueTicket, kind: str, at: datetime, received: datetime,
           event_id: str | None = None) -> None:
    session.add(QueueEvent(event_id=event_id or str(uuid.uuid4()), agency_code=t.agency_code, ticket_id=t.id,
                           kind=kind, state=t.state, counter_code=t.counter_code, at=at, received_at=received))
    session.flush()


#: A call reconciled later than this is history, not something to announce on the displays.
ANNOUNCE_WITHIN_SECONDS = 60


def reconcile(db: Database, session: Session, caller: Caller, events: list[VisitEventIn]) -> list[ReconcileResult]:
    """Apply the visit changes a counter made (each once): tickets it keyed in from paper are
    created, the others move through the same rule as online."""
    known = set(session.scalars(select(QueueEvent.event_id).where(
        QueueEvent.event_id.in_([e.event_id.lower() for e in events]))))
    results = []
    for e in events:
        event_id = e.event_id.lower()
        if event_id in known:
            results.append(ReconcileResult(event_id=event_id, result="duplicate"))
            continue
        try:
            _reconcile_one(db, session, caller, e, event_id)
        except QueueError as exc:
            results.append(ReconcileResult(event_id=event_id, result="rejected", reason_code=exc.code,
                                           reason_vi=exc.message_vi))
            continue
        known.add(event_id)
        results.append(ReconcileResult(event_id=event_id, result="applied"))
    return results


def _reconcile_one(db: Database, session: Session, caller: Caller, e: VisitEventIn, event_id: str) -> None:
    at, target = local(e.at), S(e.state.value)
    t = session.get(QueueTicket, e.visit_id.lower(), with_for_update=True)
    if t is not None and t.agency_code != caller.agency_code:
        raise QueueError("visit of another agency", "Lượt phục vụ này thuộc cơ quan khác.")
    if t is None and session.scalar(select(QueueTicket.id).where(
            QueueTicket.agency_code == caller.agency_code, QueueTicket.day == e.day, QueueTicket.number == e.number,
            QueueTicket.paper.is_(e.paper))):
        raise QueueError("duplicate ticket number", f"Số {e.number} đã có trong hàng chờ của ngày {e.day:%d/%m/%Y}.")
    if t is None:
        t = QueueTicket(id=e.visit_id.lower(), agency_code=caller.agency_code, day=e.day, number=e.number,
                        area=e.area, priority=int(Priority(e.priority)), state=S.WAITING.value, counter_code=None,
                        issued_at=local(e.issued_at), recalls=0, paper=e.paper)
        session.add(t)
        if target is S.WAITING:
            _event(session, t, e.kind, at, server_now(), event_id)
            return
    if target is S(t.state) and e.kind != "recall" and target is not S.WAITING:
        _event(session, t, e.kind, at, server_now(), event_id)  # already so (e.g. a call made here)
        return
    t.area = e.area
    fresh = (server_now() - at).total_seconds() <= ANNOUNCE_WITHIN_SECONDS
    _apply(db, session, caller, t, target, kind=e.kind, at=at, event_id=event_id, announce=fresh,
           counter=(e.counter_code or "") if target in (S.WAITING, S.CALLED, S.SERVING) else None)


def calls_after(session: Session, agency_code: str, after: int | None, limit: int = 50) -> list[QueueCall]:
    """Calls after ``after``; with ``None``, the latest calls of today (a display starting up)."""
    q = select(QueueCall).where(QueueCall.agency_code == agency_code)
    if after is None:
        start = server_now().replace(hour=0, minute=0, second=0, microsecond=0)
        rows = list(session.scalars(q.where(QueueCall.at >= start).order_by(QueueCall.seq.desc()).limit(limit)))
        return rows[::-1]
    return list(session.scalars(q.where(QueueCall.seq > after).order_by(QueueCall.seq).limit(limit)))


def last_seq(session: Session, agency_code: str) -> int:
    return session.scalar(select(func.max(QueueCall.seq)).where(QueueCall.agency_code == agency_code)) or 0


def today(session: Session, agency_code: str, state: str | None) -> list[QueueTicket]:
    q = select(QueueTicket).where(QueueTicket.agency_code == agency_code, QueueTicket.day == server_now().date())
    if state:
        q = q.where(QueueTicket.state == state)
    return list(session.scalars(q.order_by(QueueTicket.issued_at, QueueTicket.number).limit(2000)))


def _insert(db: Database):
    if db.is_postgres:
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert
