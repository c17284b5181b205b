"""Queue endpoints (``/v1/queue``): kiosks issue tickets, counters call and act, displays long-poll.

All are scoped to the calling device's agency (a kiosk and a display PC are registered
like counters). ``GET /v1/queue/calls`` answers as soon as a call exists after ``after``,
or after ``wait`` seconds with none: a display keeps one such request open and gets a
call within the poll interval (50 ms) of its commit.
"""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

from datetime import date

from fastapi import APIRouter, Header, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from . import queue_kpis, queueing
from .db import server_now, wire
from .deps import CallerDep, DbDep, get_caller, require_admin
from .errors import ERROR_RESPONSES, ApiError
from .schemas import AGENCY_PATTERN
from .schemas_queue import (ActionIn, CallNextIn, CallNextOut, CallOut, CallsOut, QueueKpisOut, ReconcileIn,
                            ReconcileOut, TicketIn, TicketOut, VisitStateName)

router = APIRouter(prefix="/v1/queue", tags=["queue"], responses=ERROR_RESPONSES)

POLL_SECONDS = 0.05
VisitIdPath = Annotated[str, Path(pattern=r"^[0-9a-fA-F-]{36}$")]


@router.post("/tickets", response_model=TicketOut, status_code=201)
def issue_ticket(body: TicketIn, caller: CallerDep, db: DbDep) -> TicketOut:
    """A new ticket (kiosk): the next number of ``prefix`` today, waiting in ``area``."""
    with db.session() as s:
        return queueing.issue(db, s, caller, area=body.area, prefix=body.prefix, priority=body.priority)


@router.get("/tickets", response_model=list[TicketOut])
def tickets_today(caller: CallerDep, db: DbDep, state: VisitStateName | None = None) -> list[TicketOut]:
    """Today's tickets of the caller's agency (optionally in one state), first issued first."""
    with db.session() as s:
        return [queueing.ticket_out(t) for t in queueing.today(s, caller.agency_code,
                                                                state.value if state else None)]


@router.post("/call-next", response_model=CallNextOut)
def call_next(body: CallNextIn, caller: CallerDep, db: DbDep) -> CallNextOut:
    """Call the next ticket to the caller's counter (``ticket`` is null when nobody waits)."""
    with db.session() as s:
        return CallNextOut(ticket=queueing.call_next(db, s, caller, areas=body.areas))


@router.post("/tickets/{ticket_id}/actions", response_model=TicketOut)
def ticket_action(ticket_id: VisitIdPath, body: ActionIn, caller: CallerDep, db: DbDep) -> TicketOut:
    """Recall, serve, hold, resume, no-show, transfer (to ``area`` or ``counter_code``) or done."""
    with db.session() as s:
        return queueing.act(db, s, caller, ticket_id.lower(), action=body.action.value, area=body.area,
                            counter_code=body.counter_code)


@router.post("/visits:reconcile", response_model=ReconcileOut)
def reconcile(body: ReconcileIn, caller: CallerDep, db: DbDep) -> ReconcileOut:
    """Visit changes made at a counter, each applied once (paper tickets keyed in offline included)."""
    with db.session() as s:
        return ReconcileOut(results=queueing.reconcile(db, s, caller, body.events))


@router.get("/kpis", response_model=QueueKpisOut)
def kpis(request: Request, db: DbDep, day: date | None = None,
         agency: Annotated[str | None, Query(pattern=AGENCY_PATTERN)] = None,
         authorization: Annotated[str | None, Header()] = None,
         x_admin_token: Annotated[str | None, Header()] = None) -> QueueKpisOut:
    """The site's queue indicators of ``day`` (default today): issued, served, no-shows, still
    waiting, mean and longest wait, mean service, per counter, ratings. A registered device sees
    its own agency's; the administrator (``X-Admin-Token``) names the ``agency``."""
    if x_admin_token is not None:
        require_admin(request, x_admin_token)
        if not agency:
            raise ApiError(422, "agency_required", "agency is required with the admin token",
                           "Cần chọn cơ quan (tham số agency).")
        scope = agency
    else:
        caller = get_caller(request, authorization)
        if agency and agency != caller.agency_code:
            raise ApiError(403, "forbidden", "another agency's queue",
                           "Chỉ xem được chỉ số hàng chờ của cơ quan mình.")
        scope = caller.agency_code
    with db.session() as s:
        return queue_kpis.day_kpis(s, scope, day or server_now().date())


def _calls(db, agency_code: str, after: int | None) -> tuple[list[CallOut], int]:
    """The calls after ``after`` and the ``seq`` to poll after next."""
    with db.session() as s:
        found = [CallOut(seq=c.seq, ticket_id=c.ticket_id, number=c.number, area=c.area, counter_code=c.counter_code,
                         recall=c.recall, at=wire(c.at)) for c in queueing.calls_after(s, agency_code, after)]
        last = found[-1].seq if found else (after if after is not None else queueing.last_seq(s, agency_code))
    return found, last


@router.get("/calls", response_model=CallsOut)
async def calls(caller: CallerDep, db: DbDep, after: Annotated[int | None, Query(ge=0, le=2**62)] = None,
                wait: Annotated[int, Query(ge=0, le=5)] = 5) -> CallsOut:
    """Long-poll the calls after ``after`` (a ``seq``); without ``after``, today's latest calls at once."""
    deadline = time.monotonic() + wait
    while True:
        found, last = await run_in_threadpool(_calls, db, caller.agency_code, after)
        if found or after is None or time.monotonic() >= deadline:
            break
        await asyncio.sleep(POLL_SECONDS)
    return CallsOut(calls=found, last_seq=last, server_time=wire(server_now()))
