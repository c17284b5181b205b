"""Applying pushed events exactly once (nhận sự kiện từ quầy, mỗi sự kiện đúng một lần).

The event id is the idempotency key: an event already stored answers ``duplicate`` and
changes nothing, so a batch retried after a timeout, a server crash or a client crash is a
no-op for what was applied. Status changes are checked with the core's own transition
table (``counter_app.domain.status.check_transition``), against the server's copy.

Four-eyes events (refusal, cancellation, withdrawal, extension, refund, reprint, handoff
batch: ``counter_app.security.approval_proof.required_action``) must carry their approval;
the server re-checks it (:mod:`.approval_check`) and rejects the event otherwise.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import IllegalTransition
from counter_app.domain.status import DossierStatus, check_transition

from . import approval_check, feed
from .db import Database, local
from .deps import Caller
from .models import ApprovalUse, Attachment, Change, Dossier, DossierEvent
from .schemas import EventIn, EventResult, EventResultKind

R = EventResultKind


def _rejected(event_id: str, code: str, vi: str) -> EventResult:
    return EventResult(event_id=event_id, result=R.rejected, reason_code=code, reason_vi=vi)


_WRONG_AGENCY = ("wrong_agency", "Hồ sơ này thuộc cơ quan khác; quầy chỉ được gửi hồ sơ của cơ quan mình. "
                 "Báo quản trị hệ thống kiểm tra cấu hình mã cơ quan của quầy.")
_UNKNOWN = ("unknown_dossier", "Hệ thống của thành phố chưa có hồ sơ này, nên không ghi nhận được thao tác. "
            "Báo quản trị hệ thống.")
_BAD_STATUS = ("invalid_status", "Trạng thái hồ sơ gửi lên không hợp lệ. Báo quản trị hệ thống.")
_MISSING_FILE = ("attachment_missing", "Tệp đính kèm của hồ sơ chưa tải lên xong; sẽ gửi lại sau khi tải xong.")


def _attachments(payload: dict[str, Any]) -> list[str] | None:
    value = payload.get("attachments", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and len(v) == 64 for v in value):
        return None
    return [v.lower() for v in value]


def apply_batch(db: Database, session: Session, caller: Caller, events: list[EventIn], *,
                received_at: datetime, skew_seconds: float) -> list[EventResult]:
    """Apply a batch in the caller's transaction. Rows are written with bulk INSERTs (the ingest
    path must take thousands of dossiers a second); existing dossiers are updated in place."""
    feed.lock_for_agency(db, session, caller.agency_code)
    ids = [e.event_id.lower() for e in events]
    known = set(session.scalars(select(DossierEvent.event_id).where(DossierEvent.event_id.in_(ids))))
    codes = {e.aggregate for e in events}
    existing = {d.code: d for d in session.scalars(select(Dossier).where(Dossier.code.in_(codes)))}
    wanted = {sha for e in events for sha in (_attachments(e.payload) or [])}
    present = set(session.scalars(select(Attachment.sha256).where(
        Attachment.agency_code == caller.agency_code, Attachment.sha256.in_(wanted),
        Attachment.complete.is_(True)))) if wanted else set()
    batch = _Batch(caller, existing, present, received_at, skew_seconds)
    batch.approvals = approval_check.Checker.load(session, caller.agency_code, events)
    results = []
    for event, event_id in zip(events, ids):
        if event_id in known:
            results.append(EventResult(event_id=event_id, result=R.duplicate))
            continue
        result = batch.apply(event, event_id)
        if result.result is R.applied:
            known.add(event_id)
        results.append(result)
    batch.write(session)
    return results


class _Batch:
    """The state of one batch: dossiers as the server will have them, and the rows to insert."""

    def __init__(self, caller: Caller, existing: dict[str, Dossier], present: set[str], received_at: datetime,
                 skew_seconds: float) -> None:
        self.caller, self.existing, self.present = caller, existing, present
        self.received_at, self.skew = received_at, skew_seconds
        self.new: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.blocked: set[str] = set()  # dossiers with a pending event: later events of them wait too
        self.approvals: approval_check.Checker | None = None
        self.approval_uses: list[dict[str, Any]] = []

    def _status_of(self, code: str) -> str | None:
        if code in self.new:
            return self.new[code]["status"]
        d = self.existing.get(code)
        return d.status if d is not None else None

    def apply(self, event: EventIn, event_id: str) -> EventResult:
        caller, code, payload = self.caller, event.aggregate, event.payload
        dossier = self.existing.get(code)
        use = None
        if self.approvals is not None:
            use = self.approvals.check(event, event_id, local(event.created_at))
            if isinstance(use, EventResult):
                return use
        if code == caller.agency_code and use is not None:  # an agency-level four-eyes event (handoff batch)
            self._record(event, event_id, code, use)
            return EventResult(event_id=event_id, result=R.applied)
        if (not code.startswith(caller.agency_code + "-")
                or payload.get("agency_code", caller.agency_code) != caller.agency_code
                or (dossier is not None and dossier.agency_code != caller.agency_code)):
            return _rejected(event_id, *_WRONG_AGENCY)
        files = _attachments(payload)
        if files is None:
            return _rejected(event_id, "invalid_attachments",
                             "Danh sách tệp đính kèm không hợp lệ. Báo quản trị hệ thống.")
        if code in self.blocked or any(sha not in self.present for sha in files):
            self.blocked.add(code)
            return EventResult(event_id=event_id, result=R.pending, reason_code=_MISSING_FILE[0],
                               reason_vi=_MISSING_FILE[1])
        current_name = self._status_of(code)
        status = payload.get("status")
        if status is not None:
            try:
                target = DossierStatus(status)
            except (ValueError, TypeError):
                return _rejected(event_id, *_BAD_STATUS)
            current = DossierStatus(current_name) if current_name is not None else DossierStatus.DRAFT
            try:
                check_transition(current, target)
            except IllegalTransition as exc:
                return _rejected(event_id, exc.code, exc.message_vi)
        elif current_name is None:
            return _rejected(event_id, *_UNKNOWN)
        device_at = local(event.created_at)
        if current_name is None:
            self.new[code] = dict(agency_code=caller.agency_code, code=code, counter_code=caller.counter_code,
                                  status=status, procedure_code=str(payload.get("procedure_code", ""))[:64],
                                  data=payload, device_updated_at=device_at, server_updated_at=self.received_at,
                                  version=1)
            row = self.new[code]
        elif code in self.new:
            row = self.new[code]
            row.update(status=status or row["status"], data={**row["data"], **payload}, device_updated_at=device_at,
                       version=row["version"] + 1)
        else:
            if status is not None:
                dossier.status = status
            dossier.data = {**dossier.data, **payload}
            dossier.device_updated_at, dossier.server_updated_at = device_at, self.received_at
            dossier.version += 1
            row = {"status": dossier.status, "procedure_code": dossier.procedure_code}
        self._record(event, event_id, code, use)
        self.changes.append(dict(agency_code=caller.agency_code, kind="dossier", origin_counter=caller.counter_code,
                                 at=self.received_at,
                                 body={"code": code, "status": row["status"], "event_kind": event.kind,
                                       "national_status": DossierStatus(row["status"]).national_code,
                                       "due_at": payload.get("due_at"), "procedure_code": row["procedure_code"]}))
        return EventResult(event_id=event_id, result=R.applied)

    def _record(self, event: EventIn, event_id: str, code: str, use: dict[str, Any] | None) -> None:
        caller = self.caller
        self.events.append(dict(event_id=event_id, agency_code=caller.agency_code, counter_code=caller.counter_code,
                                kind=event.kind, dossier_code=code, payload=event.payload,
                                device_at=local(event.created_at), received_at=self.received_at,
                                skew_seconds=self.skew))
        if use is not None:
            self.approval_uses.append({**use, "event_id": event_id, "used_at": self.received_at})
            self.approvals.used.add(use["approval_id"])

    def write(self, session: Session) -> None:
        session.flush()  # updates of existing dossiers
        if self.new:
            session.execute(insert(Dossier), list(self.new.values()))
        if self.events:
            session.execute(insert(DossierEvent), self.events)
        if self.changes:
            session.execute(insert(Change), self.changes)  # seq order = list order (one multi-row INSERT)
        if self.approval_uses:
            session.execute(insert(ApprovalUse), self.approval_uses)
