"""The counters' audit chains: a counter ships its entries (``POST /v1/audit/entries``), the
server verifies and keeps them (:mod:`.audit_chains`); administrators list the alerts of
chains that did not verify (``GET /v1/admin/audit/alerts``). Security issue #9, docs/security.md."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from counter_app.security.audit_chain import Break, Link

from . import audit_chains
from .db import server_now, wire
from .deps import AdminDep, CallerDep, DbDep
from .errors import ERROR_RESPONSES
from .models_audit import CounterAuditAlert
from .schemas import AGENCY_PATTERN, AgencyCode, CounterCode, Sha256, Strict, Text

#: The counter's local time as it hashed it (``datetime.isoformat()``; naive Vietnam time).
AT_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?([+-][0-9]{2}:[0-9]{2})?$"
MAX_ENTRIES = 500

router = APIRouter(prefix="/v1", tags=["counter"], responses=ERROR_RESPONSES)
admin_router = APIRouter(prefix="/v1/admin/audit", tags=["admin"], responses=ERROR_RESPONSES)


class AuditEntryIn(Strict):
    """One entry of the counter's audit log, exactly as it hashed it (no personal data: targets are codes)."""

    seq: int = Field(ge=1, le=2**62)
    at: str = Field(pattern=AT_PATTERN, max_length=40, examples=["2026-11-27T09:15:00"])
    actor: Text = Field(max_length=64)
    action: Text = Field(max_length=64)
    target: Text = Field(default="", max_length=128)
    details: Text = Field(default="{}", max_length=64 * 1024, description="JSON text, as hashed")
    prev_hash: str = Sha256
    hash: str = Sha256


class AuditPushIn(Strict):
    agency_code: str = AgencyCode
    counter_code: str = CounterCode
    entries: list[AuditEntryIn] = Field(min_length=1, max_length=MAX_ENTRIES)


class AuditPushOut(BaseModel):
    accepted: int
    duplicate: int
    last_seq: int = Field(description="the last entry of this counter's chain the server holds")
    last_hash: str


class AlertOut(BaseModel):
    id: int
    agency_code: str
    counter_code: str
    seq: int
    reason: str
    first_at: datetime
    last_at: datetime
    repeats: int


class AlertsOut(BaseModel):
    alerts: list[AlertOut]


@router.post("/audit/entries", response_model=AuditPushOut)
def push_audit_entries(body: AuditPushIn, caller: CallerDep, db: DbDep) -> AuditPushOut:
    """Entries of the caller's audit chain, in ``seq`` order; verified against what the server has. Resending
    entries already received is a no-op; a broken chain is refused (409 ``audit_chain_broken``) and raises
    an alert."""
    if (body.agency_code, body.counter_code) != (caller.agency_code, caller.counter_code):
        raise audit_chains.not_your_counter()
    links = [Link(e.seq, e.at, e.actor, e.action, e.target, e.details, e.prev_hash, e.hash) for e in body.entries]
    with db.session() as s:
        found = audit_chains.check_and_store(s, caller, links, received_at=server_now())
    if isinstance(found, Break):
        audit_chains.record_alert(db, caller, found, at=server_now())
        raise audit_chains.chain_broken(caller, found)
    accepted, duplicate, last_seq, last_hash = found
    return AuditPushOut(accepted=accepted, duplicate=duplicate, last_seq=last_seq, last_hash=last_hash)


@admin_router.get("/alerts", response_model=AlertsOut)
def audit_alerts(_: AdminDep, db: DbDep,
                 agency_code: Annotated[str | None, Query(pattern=AGENCY_PATTERN)] = None,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> AlertsOut:
    """Chains that did not verify, newest first (cảnh báo nhật ký của quầy bị sửa hoặc xóa)."""
    query = select(CounterAuditAlert).order_by(CounterAuditAlert.id.desc()).limit(limit)
    if agency_code is not None:
        query = query.where(CounterAuditAlert.agency_code == agency_code)
    with db.session() as s:
        rows = s.scalars(query).all()
        return AlertsOut(alerts=[AlertOut(id=r.id, agency_code=r.agency_code, counter_code=r.counter_code, seq=r.seq,
                                          reason=r.reason, first_at=wire(r.first_at), last_at=wire(r.last_at),
                                          repeats=r.repeats) for r in rows])
