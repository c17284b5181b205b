"""The site's queue indicators of a day (chỉ số xếp hàng của điểm phục vụ) on the coordinator.

At a site with several counters only the coordinator sees every ticket: issued at the
kiosks, waiting, called, served or absent at any counter. The numbers are the core's
(:func:`counter_app.domain.queue_kpis.compute`) on the coordinator's tickets and their
timelines (``queue_event``), with the ratings the counters synced for the day's visits
(``dossier.rating`` events carrying ``visit_id``) — so a counter's own figures and the
site's are computed by one rule.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain import queue_kpis
from counter_app.domain.queue import Priority, Ticket, VisitState

from .models import DossierEvent
from .models_queue import QueueEvent, QueueTicket
from .schemas_queue import CounterKpisOut, QueueKpisOut, RatingCount

S = VisitState
#: Upper bound of tickets read for one day of one site (a large site issues ~1,500).
MAX_TICKETS = 20_000


def tickets_of_day(session: Session, agency_code: str, day: date) -> dict[str, Ticket]:
    """The day's tickets of ``agency_code`` by id, as the core's :class:`Ticket` (timelines
    included, in the order things happened at the counters)."""
    rows = list(session.scalars(select(QueueTicket).where(QueueTicket.agency_code == agency_code,
                                                          QueueTicket.day == day).limit(MAX_TICKETS)))
    events: dict[str, list[QueueEvent]] = {r.id: [] for r in rows}
    if rows:
        for e in session.scalars(select(QueueEvent).where(QueueEvent.agency_code == agency_code,
                                                          QueueEvent.ticket_id.in_(list(events)))):
            events[e.ticket_id].append(e)
    out = {}
    for r in rows:
        timeline = sorted(events[r.id], key=lambda e: (e.at, e.received_at))
        out[r.id] = Ticket(r.number, r.area, Priority(r.priority), r.issued_at, S(r.state), r.counter_code,
                           [(S(e.state), e.at, e.counter_code) for e in timeline], [], r.recalls, r.paper)
    return out


def ratings_of_visits(session: Session, agency_code: str, day: date, visit_ids: set[str]) -> list[tuple[int, int]]:
    """``(scale, level)`` of the ratings given for ``visit_ids`` (synced with the dossiers' events)."""
    if not visit_ids:
        return []
    start = datetime.combine(day, time())
    payloads = session.scalars(select(DossierEvent.payload).where(
        DossierEvent.agency_code == agency_code, DossierEvent.kind == "dossier.rating",
        DossierEvent.device_at >= start, DossierEvent.device_at < start + timedelta(days=2)))
    return [(int(p.get("scale", 3)), int(p["level"])) for p in payloads
            if isinstance(p, dict) and p.get("visit_id") in visit_ids and "level" in p]


def _seconds(td: timedelta | None) -> float | None:
    return None if td is None else round(td.total_seconds(), 1)


def day_kpis(session: Session, agency_code: str, day: date) -> QueueKpisOut:
    """Wait, service, served per counter, no-shows and ratings of the site's day."""
    tickets = tickets_of_day(session, agency_code, day)
    k = queue_kpis.compute(tickets.values(), ratings_of_visits(session, agency_code, day, set(tickets)))
    return QueueKpisOut(
        agency_code=agency_code, day=day, issued=k.issued, served=k.served, no_shows=k.no_shows, waiting=k.waiting,
        mean_wait_seconds=_seconds(k.mean_wait), max_wait_seconds=_seconds(k.max_wait),
        mean_service_seconds=_seconds(k.mean_service),
        per_counter=[CounterKpisOut(counter_code=c.counter, served=c.served, no_shows=c.no_shows,
                                    mean_service_seconds=_seconds(c.mean_service))
                     for _, c in sorted(k.per_counter.items())],
        ratings=[RatingCount(level=level, count=n) for level, n in sorted(k.ratings.items())])
