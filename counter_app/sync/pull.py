"""Pulling changes since the server cursor (nhận thay đổi từ hệ thống của thành phố).

The cursor is a server sequence number, never a clock. Each page of changes is applied
and the new cursor stored in one local transaction, so a crash between pages re-applies
nothing and skips nothing. Kinds: ``status`` (a department moved a dossier: processing,
result ready…), ``holiday`` (calendar overrides), ``procedure`` (a catalog version),
``dossier`` (an event pushed by a counter — other counters learn the new status).

A department's move is dated with the server's time of the change (``at``), not the pull's.
"Resolved" (9) is a result back (Nhận kết quả): :func:`counter_app.services.results.record_synced_result` writes the
control slip row department → counter with its tag, and the notice to the citizen is kept in
:attr:`PullSummary.notices` for the engine to send after the pull has committed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..calendar import OverrideKind
from ..domain.errors import CounterError
from ..domain.status import DossierStatus
from ..services import calendar_service, catalog
from ..services.dossiers import CounterContext
from ..services.results import Notice, record_synced_result
from ..storage.db import Store
from ..storage.models import DossierRow, StatusChangeRow
from . import state
from .client import SyncClient

log = logging.getLogger(__name__)


@dataclass
class PullSummary:
    changes: int = 0
    statuses: int = 0
    holidays: int = 0
    procedures: int = 0
    officers: int = 0
    cursor: int = 0
    dossiers: set[str] = field(default_factory=set)  # codes of local dossiers whose status the pull moved
    results: int = 0  # results back from a department (status 9 handled as a result)
    notices: list[Notice] = field(default_factory=list)  # to send once the pull has committed


def _change_time(change: dict, fallback: datetime) -> datetime:
    """The server's time of the change as naive Vietnam local time (the pull's time if absent)."""
    from ..clock import ICT

    raw = change.get("at")
    if not raw:
        return fallback
    at = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    return at.astimezone(ICT).replace(tzinfo=None) if at.tzinfo else at


def _apply_department(s: Session, body: dict, at: datetime, summary: PullSummary, ctx: CounterContext,
                      notices: list[Notice]) -> bool:
    """A department's move at the server's time ``at``; a result (9) goes through the result path."""
    code, officer = body.get("code"), str(body.get("officer", ""))[:64]
    if body.get("status") == DossierStatus.RESOLVED.value:
        try:
            with s.begin_nested():
                notice = record_synced_result(s, code=code, at=at, ctx=ctx, department=str(body.get("department", "")),
                                              given_by=officer)
        except CounterError as exc:  # e.g. a step out of order: the server's status still wins below
            log.warning("result of %s recorded as a plain status: %s", code, exc.message_en)
            notice = None
        if notice is not None:
            summary.results += 1
            notices.append(notice)
            return True
    return _apply_status(s, body, at, officer)


def _apply_status(s: Session, body: dict, now: datetime, officer: str) -> bool:
    """The server is the authority on a dossier's status: record its move in the local history."""
    row = s.scalar(select(DossierRow).where(DossierRow.code == body.get("code")))
    if row is None or row.status == body.get("status"):
        return False
    try:
        target = DossierStatus(body["status"])
    except (KeyError, ValueError):
        return False
    row.history.append(StatusChangeRow(from_status=row.status, to_status=target.value, at=now,
                                       officer=officer or "city", reason=str(body.get("reason", ""))[:2000]))
    row.status, row.updated_at = target.value, now
    return True


def _apply(s: Session, change: dict, summary: PullSummary, *, own_counter: str, now: datetime,
           ctx: CounterContext, notices: list[Notice]) -> None:
    kind, body = change["kind"], change["body"]
    if kind == "status" and _apply_department(s, body, _change_time(change, now), summary, ctx, notices):
        summary.statuses += 1
        summary.dossiers.add(body["code"])
    elif (kind == "dossier" and change.get("origin_counter") != own_counter
          and _apply_status(s, body, now, f"quầy {change.get('origin_counter', '')}")):
        summary.statuses += 1
        summary.dossiers.add(body["code"])
    elif kind == "holiday":
        calendar_service.add_override(s, day=date.fromisoformat(body["day"]), kind=OverrideKind(body["kind"]),
                                      agency_code=body.get("agency_code"), note=body.get("note") or "thành phố",
                                      by="city", now=now)
        summary.holidays += 1
    elif kind == "officer":
        _apply_officer(s, body, agency_code=change.get("agency_code"))
        summary.officers += 1
    elif kind == "procedure":
        # The catalog wire format is the catalog file's entry format (services/catalog.py).
        proc = catalog._procedure_from_json({**body["procedure"], "code": body["code"],
                                             "version": body["version"]}, False)
        catalog.import_catalog(s, [proc])
        state.put(s, state.LAST_CATALOG_SYNC, now)
        summary.procedures += 1


def _apply_officer(s: Session, body: dict, *, agency_code: str | None) -> None:
    """Officers, roles and their agency come from the city (the role table decides what each may do).

    The feed only carries the officers of this counter's agency, so the officer's agency is the
    counter's: an existing row (e.g. a demo-seeded officer, agency ``000.00.01.H26``) is moved
    to it too, else a supervisor's approval proof (keyed on agency, username and password) would
    not match the server's and be refused as forged."""
    from ..domain.organisation import Role
    from ..storage.models import AgencyRow, OfficerRow, SettingRow

    role = Role(body["role"]).value
    setting = s.get(SettingRow, "agency_code")
    agency = agency_code or (setting.value if setting else "")
    row = s.scalar(select(OfficerRow).where(OfficerRow.username == body["username"]))
    if (row is None or agency) and s.scalar(select(AgencyRow).where(AgencyRow.code == agency)) is None:
        s.add(AgencyRow(code=agency, name=agency, level="xa"))
        s.flush()
    if row is None:
        s.add(OfficerRow(username=body["username"], full_name=body["full_name"], role=role, agency_code=agency))
    else:
        row.full_name, row.role = body["full_name"], role
        if agency:
            row.agency_code = agency
    s.flush()


def pull_changes(store: Store, client: SyncClient, *, now, own_counter: str, page: int = 500) -> PullSummary:
    summary = PullSummary()
    with store.read() as s:
        cursor = int(state.get(s, state.CURSOR, "0") or 0)
    while True:
        answer = client.changes(cursor, page)
        at = now()
        ctx = CounterContext(agency_code="", counter_code=own_counter, officer="city")
        page_notices: list[Notice] = []

        def apply_page(s: Session) -> None:
            page_notices.clear()
            codes = {c["body"].get("code") for c in answer["changes"] if c["kind"] in ("status", "dossier")}
            local = set(s.scalars(select(DossierRow.code).where(DossierRow.code.in_(codes)))) if codes else set()
            for change in answer["changes"]:
                if change["kind"] in ("status", "dossier") and (
                        change["body"].get("code") not in local or change.get("origin_counter") == own_counter):
                    continue  # not a dossier of this counter, or our own change coming back
                notices: list[Notice] = []
                try:
                    with s.begin_nested():
                        _apply(s, change, summary, own_counter=own_counter, now=at, ctx=ctx, notices=notices)
                    page_notices.extend(notices)
                except (KeyError, TypeError, ValueError, CounterError) as exc:
                    # A malformed change must not stop the feed: skip it, say so in the log (no personal data).
                    log.warning("skipped change %s (%s): %s", change.get("seq"), change.get("kind"), exc)
            state.put(s, state.CURSOR, answer["next_cursor"])
            if not answer["more"]:
                state.put(s, state.LAST_CATALOG_SYNC, at)  # caught up with the city's catalog

        store.write(apply_page)
        summary.notices.extend(page_notices)  # committed: now they may be sent
        summary.changes += len(answer["changes"])
        cursor = answer["next_cursor"]
        if not answer["more"]:
            break
    summary.cursor = cursor
    return summary
