"""Endpoints a counter calls with its token: who am I, push, pull, number leases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from . import leases, push
from .db import local, server_now, wire
from .deps import CallerDep, DbDep, SettingsDep
from .errors import ERROR_RESPONSES, ApiError
from .models import Change, Counter, Officer
from .schemas import ChangeOut, ChangesOut, CounterOut, LeaseIn, LeaseOut, OfficerOut, PushIn, PushOut
from .routes_admin import counter_out

router = APIRouter(prefix="/v1", tags=["counter"], responses=ERROR_RESPONSES)


@router.get("/me", response_model=CounterOut)
def me(caller: CallerDep, db: DbDep, settings: SettingsDep) -> CounterOut:
    with db.session() as s:
        row = s.scalar(select(Counter).where(Counter.agency_code == caller.agency_code,
                                             Counter.code == caller.counter_code))
        return counter_out(row, settings)


@router.get("/officers", response_model=list[OfficerOut])
def officers(caller: CallerDep, db: DbDep) -> list[OfficerOut]:
    """The officers of the caller's agency and their roles (no one else's)."""
    with db.session() as s:
        rows = s.scalars(select(Officer).where(Officer.agency_code == caller.agency_code).order_by(Officer.username))
        return [OfficerOut(agency_code=r.agency_code, username=r.username, full_name=r.full_name, role=r.role)
                for r in rows]


@router.post("/events:push", response_model=PushOut)
def push_events(body: PushIn, caller: CallerDep, db: DbDep, settings: SettingsDep) -> PushOut:
    """Apply a batch of outbox events; each answers applied / duplicate / rejected / pending."""
    if len(body.events) > settings.max_batch:
        raise ApiError(413, "batch_too_large", f"at most {settings.max_batch} events per batch",
                       "Gói dữ liệu gửi lên quá lớn; quầy sẽ tự chia nhỏ và gửi lại.")
    received = server_now()
    skew = (received - local(body.sent_at)).total_seconds()
    with db.session() as s:
        results = push.apply_batch(db, s, caller, body.events, received_at=received, skew_seconds=skew)
    return PushOut(server_time=wire(received), skew_seconds=skew, results=results)


@router.get("/changes", response_model=ChangesOut)
def changes(caller: CallerDep, db: DbDep, since: Annotated[int, Query(ge=0, le=2**62)] = 0,
            limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> ChangesOut:
    """Changes after ``since`` (a server sequence number, not a clock) for the caller's agency."""
    with db.session() as s:
        # Two index range scans (agency, seq) merged here: an OR would scan the whole feed.
        rows = []
        for scope in (Change.agency_code == caller.agency_code, Change.agency_code.is_(None)):
            rows += s.scalars(select(Change).where(scope, Change.seq > since).order_by(Change.seq).limit(limit + 1))
    rows = sorted(rows, key=lambda r: r.seq)[:limit + 1]
    more = len(rows) > limit
    rows = rows[:limit]
    return ChangesOut(changes=[ChangeOut(seq=r.seq, kind=r.kind, origin_counter=r.origin_counter, body=r.body,
                                         at=wire(r.at)) for r in rows],
                      next_cursor=rows[-1].seq if rows else since, more=more, server_time=wire(server_now()))


@router.post("/leases", response_model=LeaseOut)
def lease(body: LeaseIn, caller: CallerDep, db: DbDep, settings: SettingsDep) -> LeaseOut:
    """A block of dossier numbers for the caller's agency and ``day``, disjoint from every other."""
    with db.session() as s:
        row = leases.grant(db, s, caller, settings, day=body.day, size=body.size)
        return LeaseOut(agency_code=row.agency_code, day=row.day, first=row.first, last=row.last)
