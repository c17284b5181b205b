"""The counters' audit chains: a counter ships its entries (``POST /v1/audit/entries``), the
server verifies and keeps them (:mod:`.audit_chains`); administrators list the alerts of
chains that did not verify (``GET /v1/admin/audit/alerts``), accept a break with a reason
(``POST /v1/admin/audit/alerts/{id}/accept``, :mod:`.audit_accept`) and read the stored chains, every
epoch (``GET /v1/admin/audit/entries``). Security issue #9, docs/security.md."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from counter_app.security.audit_chain import Link

from . import audit_accept, audit_chains
from .db import server_now, wire
from .deps import AdminDep, CallerDep, DbDep
from .errors import ERROR_RESPONSES
from .models_audit import CounterAuditAlert, CounterAuditEntry
from .schemas import AGENCY_PATTERN, AgencyCode, CounterCode, Sha256, Strict, Text

#: The counter's local time as it hashed it (``datetime.isoformat()``; naive Vietnam time).
AT_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?([+-][0-9]{2}:[0-9]{2})?$"
MAX_ENTRIES = 500
COUNTER_PATTERN = r"^[0-9A-Za-z._-]{1,32}$"  # schemas.CounterCode

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
    epoch: int = Field(description="the counter's current chain (a new one opens only when an admin accepted a "
                                   "restarted chain)")
    last_seq: int = Field(description="the last entry of this counter's chain the server holds")
    last_hash: str


class AlertOut(BaseModel):
    id: int
    agency_code: str
    counter_code: str
    epoch: int
    seq: int
    reason: str
    kind: str = Field(description="continue (edited/deleted entry: acceptable), restart (database replaced: "
                                  "acceptable, opens a new epoch) or rewrite (entries already held sent "
                                  "differently: not acceptable)")
    first_at: datetime
    last_at: datetime
    repeats: int
    accepted_by: str | None = None
    accepted_at: datetime | None = None
    accept_reason: str | None = None
    applied_at: datetime | None = Field(default=None, description="when the counter's next push went through it")


class AlertsOut(BaseModel):
    alerts: list[AlertOut]


class AcceptIn(Strict):
    """Who decided and why (both recorded with the alert and in the server's audit log)."""

    decided_by: Text = Field(min_length=1, max_length=64, examples=["quantri.ubnd"])
    reason: Text = Field(min_length=1, max_length=2000,
                         examples=["Máy quầy Q01 thay ổ cứng ngày 27/11, biên bản số 12/BB-VP"])


class EntryOut(BaseModel):
    epoch: int
    seq: int
    at: str
    actor: str
    action: str
    target: str
    hash: str
    accepted_alert_id: int | None = Field(description="stored as sent: the break at this entry was accepted")


class EntriesOut(BaseModel):
    entries: list[EntryOut]


def _alert_out(r: CounterAuditAlert) -> AlertOut:
    return AlertOut(id=r.id, agency_code=r.agency_code, counter_code=r.counter_code, epoch=r.epoch, seq=r.seq,
                    reason=r.reason, kind=r.kind, first_at=wire(r.first_at), last_at=wire(r.last_at),
                    repeats=r.repeats, accepted_by=r.accepted_by,
                    accepted_at=wire(r.accepted_at) if r.accepted_at else None, accept_reason=r.accept_reason,
                    applied_at=wire(r.applied_at) if r.applied_at else None)


@router.post("/audit/entries", response_model=AuditPushOut)
def push_audit_entries(body: AuditPushIn, caller: CallerDep, db: DbDep) -> AuditPushOut:
    """Entries of the caller's audit chain, in ``seq`` order; verified against what the server has. Resending
    entries already received is a no-op; a broken chain is refused (409 ``audit_chain_broken``) and raises
    an alert, unless an administrator accepted that very break."""
    if (body.agency_code, body.counter_code) != (caller.agency_code, caller.counter_code):
        raise audit_chains.not_your_counter()
    links = [Link(e.seq, e.at, e.actor, e.action, e.target, e.details, e.prev_hash, e.hash) for e in body.entries]
    with db.session() as s:
        found = audit_chains.check_and_store(s, caller, links, received_at=server_now())
    if isinstance(found, audit_chains.Refused):
        audit_chains.record_alert(db, caller, found, at=server_now())
        raise audit_chains.chain_broken(caller, found.found)
    return AuditPushOut(accepted=found.accepted, duplicate=found.duplicate, epoch=found.epoch,
                        last_seq=found.last_seq, last_hash=found.last_hash)


@admin_router.get("/alerts", response_model=AlertsOut)
def audit_alerts(_: AdminDep, db: DbDep,
                 agency_code: Annotated[str | None, Query(pattern=AGENCY_PATTERN)] = None,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> AlertsOut:
    """Chains that did not verify, newest first (cảnh báo nhật ký của quầy bị sửa hoặc xóa)."""
    query = select(CounterAuditAlert).order_by(CounterAuditAlert.id.desc()).limit(limit)
    if agency_code is not None:
        query = query.where(CounterAuditAlert.agency_code == agency_code)
    with db.session() as s:
        return AlertsOut(alerts=[_alert_out(r) for r in s.scalars(query)])


@admin_router.post("/alerts/{alert_id}/accept", response_model=AlertOut)
def accept_alert(alert_id: Annotated[int, Path(ge=1, le=2**62)], body: AcceptIn, _: AdminDep, db: DbDep) -> AlertOut:
    """Accept one break of a counter's chain, with who decided and why (chấp nhận điểm đứt của nhật ký).
    The counter's next push goes through that break only: an edited/deleted entry is stored as sent and
    verified strictly after it; a restarted chain opens a new epoch, the old one kept. Refused for a
    ``rewrite`` (409 ``audit_break_not_acceptable``), twice (409 ``alert_already_accepted``) or without a
    reason (422 ``reason_required``)."""
    return _alert_out(audit_accept.accept(db, alert_id, decided_by=body.decided_by, reason=body.reason,
                                          at=server_now()))


@admin_router.get("/entries", response_model=EntriesOut)
def audit_entries(_: AdminDep, db: DbDep, agency_code: Annotated[str, Query(pattern=AGENCY_PATTERN)],
                  counter_code: Annotated[str, Query(pattern=COUNTER_PATTERN)],
                  epoch: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
                  after_seq: Annotated[int, Query(ge=0, le=2**62)] = 0,
                  limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> EntriesOut:
    """A counter's stored chain, every epoch (or one), in (epoch, seq) order; older epochs are read-only.
    Page through one epoch with ``epoch`` and ``after_seq``."""
    query = (select(CounterAuditEntry).where(CounterAuditEntry.agency_code == agency_code,
                                             CounterAuditEntry.counter_code == counter_code,
                                             CounterAuditEntry.seq > after_seq)
             .order_by(CounterAuditEntry.epoch, CounterAuditEntry.seq).limit(limit))
    if epoch is not None:
        query = query.where(CounterAuditEntry.epoch == epoch)
    with db.session() as s:
        return EntriesOut(entries=[EntryOut(epoch=r.epoch, seq=r.seq, at=r.at, actor=r.actor, action=r.action,
                                            target=r.target, hash=r.hash, accepted_alert_id=r.accepted_alert_id)
                                   for r in s.scalars(query)])
