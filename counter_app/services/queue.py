"""The queue at the counter (gọi số, phục vụ, chuyển quầy) on the local store.

Every transition is checked by the pure model (:func:`counter_app.domain.queue.check_move`),
kept as a ``queue_visit_event`` row with its time, and queued in ``queue_outbox`` in the
same transaction: :mod:`counter_app.sync.queue_client` sends those to the site's
coordinator (the city backend), at once when online, later when the link returns, so a
paper ticket keyed in offline is reconciled with the site's queue afterwards.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import queue_kpis
from ..domain.queue import Priority, QueueError, Ticket, VisitState, check_move, next_ticket, order_key
from ..resources import load_toml
from ..storage.models_lifecycle import RatingRow
from ..storage.models_queue import QueueOutboxRow, QueueVisitDossierRow, QueueVisitEventRow, QueueVisitRow
from .dossiers import CounterContext
from .operations import Changes, OpResult

S = VisitState
ICT = timedelta(hours=7)
_PAPER = re.compile(r"^[A-Z]{0,3}-?\d{1,4}$")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    prefix: str


def areas() -> dict[str, Area]:
    """The site's service areas (``resources/rules/queue.toml``)."""
    data = load_toml("rules", "queue.toml")["areas"]
    return {code: Area(code, a["name"], a["prefix"]) for code, a in data.items()}


def priority_labels() -> dict[int, str]:
    return {int(k): v for k, v in load_toml("rules", "queue.toml")["priorities"].items()}


@dataclass(frozen=True)
class VisitView:
    """What the screens show of a visit (no personal data: a visit carries none)."""

    id: str
    number: str
    area: str
    priority: Priority
    state: VisitState
    counter_code: str | None
    issued_at: datetime
    recalls: int
    paper: bool
    dossier_codes: tuple[str, ...]


def view(row: QueueVisitRow) -> VisitView:
    return VisitView(row.id, row.number, row.area, Priority(row.priority), S(row.state), row.counter_code,
                     row.issued_at, row.recalls, row.paper, tuple(d.dossier_code for d in row.dossiers))


def ticket(row: QueueVisitRow) -> Ticket:
    """The row as the pure model's :class:`Ticket` (timeline included)."""
    return Ticket(row.number, row.area, Priority(row.priority), row.issued_at, S(row.state), row.counter_code,
                  [(S(e.state), e.at, e.counter_code) for e in row.events],
                  [d.dossier_code for d in row.dossiers], row.recalls, row.paper)


def _wire(row: QueueVisitRow, at: datetime) -> dict:
    return {"visit_id": row.id, "day": row.day.isoformat(), "number": row.number, "area": row.area,
            "priority": row.priority, "state": row.state, "counter_code": row.counter_code,
            "officer": row.officer, "issued_at": row.issued_at.isoformat(), "paper": row.paper,
            "recalls": row.recalls, "at": at.isoformat()}


def _outbox(session: Session, row: QueueVisitRow, kind: str, at: datetime, *, sent: bool = False) -> None:
    session.add(QueueOutboxRow(event_id=str(uuid.uuid4()), visit_id=row.id, kind=kind,
                               payload=json.dumps(_wire(row, at), ensure_ascii=False), created_at=at,
                               sent_at=at if sent else None))


def _move(session: Session, row: QueueVisitRow, target: VisitState, *, ctx: CounterContext, now: datetime,
          kind: str | None = None, counter: str | None = None, sent: bool = False) -> OpResult[VisitView]:
    check_move(row.number, S(row.state), target)
    row.state, row.officer = target.value, ctx.officer
    if counter is not None:
        row.counter_code = counter or None
    row.events.append(QueueVisitEventRow(state=target.value, at=now, counter_code=row.counter_code,
                                         officer=ctx.officer))
    _outbox(session, row, kind or target.value, now, sent=sent)
    session.flush()
    return OpResult(view(row), Changes(outbox=0 if sent else 1))


def _new(session: Session, *, number: str, area: str, priority: Priority, at: datetime, paper: bool = False,
         visit_id: str | None = None, known_area: bool = True) -> QueueVisitRow:
    if known_area and area not in areas():
        raise QueueError(f"unknown area {area}", f"Không có khu vực phục vụ “{area}”.")
    if session.scalar(select(QueueVisitRow.id).where(QueueVisitRow.day == at.date(), QueueVisitRow.number == number)):
        raise QueueError("duplicate ticket", f"Số {number} đã có trong hàng chờ hôm nay.")
    row = QueueVisitRow(id=visit_id or str(uuid.uuid4()), day=at.date(), number=number, area=area,
                        priority=int(priority), state=S.WAITING.value, issued_at=at, recalls=0, paper=paper)
    row.events.append(QueueVisitEventRow(state=S.WAITING.value, at=at))
    session.add(row)
    return row


def issue(session: Session, *, area: str, priority: Priority = Priority.NONE, now: datetime) -> OpResult[VisitView]:
    """A new ticket of ``area`` (the kiosk of a single-counter site): ``A001``, ``A002``…"""
    prefix = areas()[area].prefix if area in areas() else ""
    taken = session.scalars(select(QueueVisitRow.number).where(
        QueueVisitRow.day == now.date(), QueueVisitRow.paper.is_(False), QueueVisitRow.number.like(f"{prefix}%")))
    seq = max((int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()), default=0) + 1
    row = _new(session, number=f"{prefix}{seq:03d}", area=area, priority=priority, at=now)
    _outbox(session, row, "issued", now)
    session.flush()
    return OpResult(view(row), Changes(outbox=1))


def key_in_paper(session: Session, *, number: str, area: str, priority: Priority = Priority.NONE,
                 ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    """Offline: the citizen at the counter holds a paper ticket; record it as called here."""
    clean = number.strip().upper()
    if not _PAPER.match(clean):
        raise QueueError("bad paper ticket number", "Số phiếu giấy không hợp lệ (ví dụ A027).")
    row = _new(session, number=clean, area=area, priority=priority, at=now, paper=True)
    _outbox(session, row, "issued", now)
    return _move(session, row, S.CALLED, ctx=ctx, now=now, counter=ctx.counter_code)


def get(session: Session, visit_id: str) -> QueueVisitRow:
    row = session.get(QueueVisitRow, visit_id)
    if row is None:
        raise QueueError(f"no visit {visit_id}", "Không tìm thấy lượt phục vụ này.")
    return row


def current(session: Session, *, counter: str, day: date) -> VisitView | None:
    """The visit called or being served at ``counter`` now (on-hold visits are not current)."""
    row = session.scalar(select(QueueVisitRow).where(
        QueueVisitRow.day == day, QueueVisitRow.counter_code == counter,
        QueueVisitRow.state.in_([S.CALLED.value, S.SERVING.value])).order_by(QueueVisitRow.issued_at))
    return view(row) if row else None


def visits(session: Session, *, day: date, states: set[VisitState] | None = None) -> list[VisitView]:
    q = select(QueueVisitRow).where(QueueVisitRow.day == day)
    if states:
        q = q.where(QueueVisitRow.state.in_([s.value for s in states]))
    rows = session.scalars(q)
    return sorted((view(r) for r in rows), key=lambda v: order_key(v.priority, v.issued_at, v.number))


def call_next(session: Session, *, ctx: CounterContext, areas_served: set[str] | None, now: datetime
              ) -> OpResult[VisitView | None]:
    """F5: finish the visit being served here, then call who is next by the core's rule
    (:func:`counter_app.domain.queue.next_ticket`: directed transfers first, then priority
    visitors, then first issued). ``None`` when nobody waits."""
    me, changes = ctx.counter_code, Changes()
    active = current(session, counter=me, day=now.date())
    if active is not None and active.state is S.CALLED:
        raise QueueError("current ticket still called", f"Số {active.number} đang được gọi: bấm “Vắng mặt” "
                                                        "hoặc “Bắt đầu phục vụ” trước khi gọi số tiếp theo.")
    if active is not None:
        changes.merge(_move(session, get(session, active.id), S.DONE, ctx=ctx, now=now).changes)
    row = next_ticket(session.scalars(select(QueueVisitRow).where(QueueVisitRow.day == now.date(),
                                                                  QueueVisitRow.state == S.WAITING.value)),
                      counter=me, areas=areas_served)
    if row is None:
        return OpResult(None, changes)
    result = _move(session, row, S.CALLED, ctx=ctx, now=now, counter=me)
    return OpResult(result.value, changes.merge(result.changes))


def adopt_call(session: Session, remote: dict, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    """Record a call the site's coordinator made for this counter (its ``visit_id`` is kept).
    The coordinator knows it already: the outbox event is stored as sent. ``remote`` is the
    coordinator's ticket (``id`` or ``visit_id``, ``number``, ``area``, ``priority``, ``issued_at``)."""
    visit_id = remote.get("visit_id") or remote["id"]
    row = session.get(QueueVisitRow, visit_id)
    if row is None:
        issued = datetime.fromisoformat(remote["issued_at"])
        if issued.tzinfo is not None:  # the wire's +07:00: stored as naive Vietnam time
            issued = (issued.astimezone(timezone.utc) + ICT).replace(tzinfo=None)
        row = _new(session, number=remote["number"], area=remote["area"], priority=Priority(remote["priority"]),
                   at=issued, visit_id=visit_id, known_area=False)  # the coordinator's areas rule
    return _move(session, row, S.CALLED, ctx=ctx, now=now, counter=ctx.counter_code, sent=True)


def recall(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    row = get(session, visit_id)
    row.recalls += 1
    return _move(session, row, S.CALLED, ctx=ctx, now=now, kind="recall")


def serve(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    return _move(session, get(session, visit_id), S.SERVING, ctx=ctx, now=now, counter=ctx.counter_code)


def hold(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    return _move(session, get(session, visit_id), S.ON_HOLD, ctx=ctx, now=now)


def resume(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    return _move(session, get(session, visit_id), S.SERVING, ctx=ctx, now=now, kind="resume",
                 counter=ctx.counter_code)


def no_show(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    return _move(session, get(session, visit_id), S.NO_SHOW, ctx=ctx, now=now)


def finish(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime) -> OpResult[VisitView]:
    return _move(session, get(session, visit_id), S.DONE, ctx=ctx, now=now)


def transfer(session: Session, visit_id: str, *, ctx: CounterContext, now: datetime, area: str | None = None,
             counter: str | None = None) -> OpResult[VisitView]:
    """Send the visitor to another area, or to one counter; they keep their place by issue time."""
    row = get(session, visit_id)
    if area is not None and area not in areas():
        raise QueueError(f"unknown area {area}", f"Không có khu vực phục vụ “{area}”.")
    if not area and not counter:
        raise QueueError("transfer without target", "Chọn khu vực hoặc quầy nhận chuyển.")
    if counter and counter == ctx.counter_code:
        raise QueueError("transfer to self", "Không thể chuyển sang chính quầy này.")
    row.area = area or row.area
    return _move(session, row, S.WAITING, ctx=ctx, now=now, kind="transfer", counter=counter or "")


def link_dossier(session: Session, visit_id: str, code: str, *, role: str, ctx: CounterContext,
                 now: datetime) -> OpResult[VisitView]:
    """A dossier received or returned during the visit (one visit may serve several); a visit
    still "called" is being served from then on."""
    if role not in ("received", "returned"):
        raise ValueError(role)
    row = get(session, visit_id)
    if not S(row.state).active:
        raise QueueError("visit not active", f"Số {row.number} không còn ở quầy; không gắn hồ sơ được.")
    changes = Changes(dossiers={code})
    if row.state == S.CALLED.value:
        changes.merge(_move(session, row, S.SERVING, ctx=ctx, now=now, counter=ctx.counter_code).changes)
    if not any(d.dossier_code == code and d.role == role for d in row.dossiers):
        row.dossiers.append(QueueVisitDossierRow(dossier_code=code, role=role, at=now))
    session.flush()
    return OpResult(view(row), changes)


def day_kpis(session: Session, *, day: date) -> queue_kpis.QueueKpis:
    """Wait, service, served per counter, no-shows and the ratings given in the day's visits."""
    rows = list(session.scalars(select(QueueVisitRow).where(QueueVisitRow.day == day)))
    ids = [r.id for r in rows]
    levels = session.execute(select(RatingRow.scale, RatingRow.level).where(RatingRow.visit_id.in_(ids))) if ids else []
    return queue_kpis.compute((ticket(r) for r in rows), [tuple(r) for r in levels])
