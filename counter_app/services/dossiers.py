"""Dossier operations: record a reception outcome, move statuses, pause for supplements.

Each public function runs inside the caller's transaction (``Store.write``), writes the
status history and an outbox event, and returns an :class:`OpResult`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.dossier import Channel
from ..domain.errors import NotFoundError, ValidationError
from ..domain.legal_basis import LegalBasis, basis_for
from ..domain.organisation import Role
from ..domain.status import DossierStatus, check_transition
from ..domain.time_limit import LimitKind, TimeLimit
from ..security.permissions import Action, needs_approval, require
from ..storage.models import DossierComponentRow, DossierPauseRow, DossierRow, ProcedureRow, StatusChangeRow
from .calendar_service import calendar_for
from .numbering import NumberAllocator
from .operations import Changes, OpResult, queue_event
from .reception import FlowError, Outcome, ReceptionFlow


@dataclass(frozen=True)
class CounterContext:
    """Where and by whom an operation is done. ``role`` decides what the services allow
    (:mod:`counter_app.security.permissions`); the profile fills it from the officer table."""

    agency_code: str
    counter_code: str
    officer: str
    role: Role = Role.OFFICER


_OUTCOME_ACTION = {
    Outcome.RECEIVE: Action.RECEIVE_DOSSIER,
    Outcome.SUPPLEMENT: Action.REQUEST_SUPPLEMENT,
    Outcome.REFUSE: Action.REFUSE_DOSSIER,
}
#: The permission a status change needs at the counter (department moves arrive by sync).
_STATUS_ACTION = {
    DossierStatus.RECEIVED: Action.RECEIVE_DOSSIER,
    DossierStatus.SUPPLEMENT_REQUESTED: Action.REQUEST_SUPPLEMENT,
    DossierStatus.REFUSED: Action.REFUSE_DOSSIER,
    DossierStatus.CANCELLED: Action.CANCEL_DOSSIER,
    DossierStatus.WITHDRAWN: Action.WITHDRAW_DOSSIER,
    DossierStatus.RETURNED: Action.RETURN_RESULT,
}


@dataclass(frozen=True)
class ReceptionRecord:
    code: str
    status: DossierStatus
    legal_basis: LegalBasis
    received_at: datetime
    counting_start: datetime | None
    due_at: datetime | None
    warnings_vi: tuple[str, ...] = ()  # e.g. offline too long: show, do not block (yet)


def _offline_debt(session: Session, now: datetime) -> tuple[str, ...]:
    """Bounded offline debt (sync issue): warn, then block new receptions. A counter with no
    city backend configured (the embedded, stand-alone profile) has no debt."""
    from ..config import load
    from ..sync import debt, state

    if not state.get(session, state.SERVER_URL):
        return ()
    cfg = load().sync
    limits = debt.DebtLimits(
        warn_hours_offline=cfg.warn_offline_hours, block_hours_offline=cfg.block_offline_hours,
        warn_unsynced_dossiers=cfg.block_unsynced_dossiers // 5, block_unsynced_dossiers=cfg.block_unsynced_dossiers,
        warn_days_without_catalog=cfg.block_catalog_age_days / 2, block_days_without_catalog=cfg.block_catalog_age_days)
    return tuple(debt.check_reception_allowed(session, now=now, limits=limits).messages_vi)


_OUTCOME_STATUS = {
    Outcome.RECEIVE: DossierStatus.RECEIVED,
    Outcome.SUPPLEMENT: DossierStatus.SUPPLEMENT_REQUESTED,
    Outcome.REFUSE: DossierStatus.REFUSED,
}


def get_dossier_row(session: Session, code: str) -> DossierRow:
    row = session.scalar(select(DossierRow).options(
        selectinload(DossierRow.components), selectinload(DossierRow.history), selectinload(DossierRow.pauses))
        .where(DossierRow.code == code.strip()))
    if row is None:
        raise NotFoundError(f"unknown dossier {code.strip()[:64]!r}",
                            f"Không tìm thấy hồ sơ mã “{code.strip()[:64]}” trên máy này. Kiểm tra lại mã, "
                            "hoặc chờ đồng bộ nếu hồ sơ được tiếp nhận ở quầy khác.")
    return row


def refusal_target(flow: ReceptionFlow) -> str:
    """What a supervisor approves when a dossier is refused at reception (từ chối tiếp nhận, four-eyes).

    The code of the resumed dossier, or, before any code exists, the procedure and a digest of
    the applicant (so the approval fits only this citizen's dossier; no personal data in clear)."""
    if flow.resume_of:
        return flow.resume_of
    if flow.applicant is None or flow.procedure is None:
        raise FlowError("refusal target of an undecided flow", "Chưa có chủ hồ sơ và thủ tục để xin phê duyệt.")
    a = flow.applicant
    digest = hashlib.sha256(f"{flow.procedure.code}|{a.id_number}|{a.tax_code}|{a.full_name}".encode()).hexdigest()
    return f"reception:{flow.procedure.code}:{digest[:16]}"


def record_reception(session: Session, flow: ReceptionFlow, *, ctx: CounterContext,
                     allocator: NumberAllocator, now: datetime,
                     approval_id: str | None = None) -> OpResult[ReceptionRecord]:
    """Store the decided flow: a new dossier, or the resumed one after a supplement request.

    A refusal is four-eyes: ``approval_id`` is a supervisor's approval of ``REFUSE_DOSSIER`` on
    :func:`refusal_target` (or the caller consumed one already in this transaction, e.g. on
    the online submission it refuses: :mod:`.channels`)."""
    if flow.outcome is None or flow.applicant is None or flow.procedure is None or flow.submitter is None:
        raise FlowError("reception flow not decided", "Chưa chọn kết quả tiếp nhận (tiếp nhận / bổ sung / từ chối).")
    require(ctx.role, _OUTCOME_ACTION[flow.outcome])
    if flow.outcome is Outcome.REFUSE:
        from ..security import approvals

        if approval_id or not approvals.consumed_in(session, Action.REFUSE_DOSSIER):
            approvals.consume(session, approval_id=approval_id or "", action=Action.REFUSE_DOSSIER,
                              target=refusal_target(flow), by=ctx.officer, now=now)
    warnings = _offline_debt(session, now) if flow.resume_of is None else ()
    target = _OUTCOME_STATUS[flow.outcome]
    changes = Changes(numbering=flow.resume_of is None)
    if flow.resume_of:
        row = get_dossier_row(session, flow.resume_of)
        basis = LegalBasis(row.legal_basis)
    else:
        basis = basis_for(now.date())
        code = allocator.next_code(session, agency_code=ctx.agency_code, day=now.date(), now=now)
        proc_id = session.scalar(select(ProcedureRow.id).where(
            ProcedureRow.code == flow.procedure.code, ProcedureRow.version == flow.procedure.version))
        row = DossierRow(code=code.format(), agency_code=ctx.agency_code, counter_code=ctx.counter_code,
                         officer=ctx.officer, procedure_id=proc_id, legal_basis=basis.value,
                         status=DossierStatus.DRAFT.value, created_at=now, updated_at=now, received_at=now,
                         reception_supplements=0, reason="", row_version=1)
        session.add(row)
    _fill(row, flow, now)
    check_transition(DossierStatus(row.status), target)
    _add_history(row, target, now, ctx.officer, flow.reason)
    if target is DossierStatus.RECEIVED:
        # Counted from receipt of the complete dossier (domain.md §3.3), not the first visit.
        cal = calendar_for(session, agency_code=row.agency_code, basis=basis)
        row.received_at = now
        row.counting_start = cal.counting_start(now)
        row.due_at = cal.due_at(now, flow.procedure.limit)
    elif target is DossierStatus.SUPPLEMENT_REQUESTED:
        row.reception_supplements += 1
        row.reason = "\n".join([flow.reason, *flow.supplement_items]).strip()
    session.flush()
    changes.dossiers.add(row.code)
    queue_event(session, changes, kind=f"dossier.{flow.outcome.value}", aggregate=row.code, at=now,
                payload=_event_payload(row), actor=ctx.officer)
    return OpResult(ReceptionRecord(row.code, target, basis, row.received_at, row.counting_start, row.due_at,
                                    warnings), changes)


def _fill(row: DossierRow, flow: ReceptionFlow, now: datetime) -> None:
    a, s, c, p = flow.applicant, flow.submitter, flow.contact, flow.procedure
    row.procedure_code, row.procedure_name = p.code, p.name
    row.limit_kind, row.limit_value = p.limit.kind.value, p.limit.value
    row.channel, row.fee_vnd = int(flow.channel), flow.fee_vnd
    row.applicant_kind, row.applicant_name = a.kind.value, a.full_name
    row.applicant_id_number, row.applicant_tax_code = a.id_number, a.tax_code
    row.applicant_dob, row.applicant_sex = a.date_of_birth, a.sex.value if a.sex else None
    row.applicant_address, row.applicant_source = a.address, a.source.value
    row.submitter_name, row.submitter_id_number, row.submitter_relation = s.full_name, s.id_number, s.relation
    row.contact_phone, row.contact_email, row.contact_address = c.phone, c.email, c.address
    row.updated_at = now
    row.components = [
        DossierComponentRow(position=line.position, name=line.name, required_originals=line.required_originals,
                            required_copies=line.required_copies, mandatory=line.mandatory,
                            originals=line.originals, copies=line.copies)
        for line in flow.checklist
    ]


def _add_history(row: DossierRow, target: DossierStatus, now: datetime, officer: str, reason: str) -> None:
    row.history.append(StatusChangeRow(from_status=row.status, to_status=target.value, at=now,
                                       officer=officer, reason=reason))
    row.status = target.value
    row.updated_at = now


def _event_payload(row: DossierRow) -> dict:
    """What the backend needs; the sync issue defines the wire format (no personal data here:
    the applicant snapshot travels in the encrypted dossier document, not the event log)."""
    from .online import lookup_hash

    return {"code": row.code, "status": row.status, "national_status": DossierStatus(row.status).national_code,
            # a salted hash of the last 4 digits, for the citizen's lookup page: never the digits themselves
            "lookup_hash": lookup_hash(row.code, row.applicant_id_number or row.applicant_tax_code),
            "procedure_code": row.procedure_code, "channel": row.channel, "legal_basis": row.legal_basis,
            "received_at": row.received_at, "counting_start": row.counting_start, "due_at": row.due_at,
            "agency_code": row.agency_code, "counter_code": row.counter_code}


def change_status(session: Session, code: str, target: DossierStatus, *, ctx: CounterContext,
                  now: datetime, reason: str = "", approval_id: str | None = None) -> OpResult[DossierStatus]:
    """Move a stored dossier through the transition table (refused moves raise IllegalTransition).

    Moves whose action is four-eyes (cancel, withdraw, refuse) consume a supervisor's
    ``approval_id`` given for exactly this dossier (:mod:`counter_app.security.approvals`)."""
    action = _STATUS_ACTION.get(target, Action.RECEIVE_DOSSIER)
    require(ctx.role, action)
    row = get_dossier_row(session, code)
    current = DossierStatus(row.status)
    check_transition(current, target)
    if target in (DossierStatus.STOPPED, DossierStatus.WITHDRAWN, DossierStatus.CANCELLED) and not reason.strip():
        raise ValidationError("reason required", f"Cần ghi lý do khi chuyển hồ sơ sang “{target.label_vi}”.")
    if needs_approval(action):
        from ..security import approvals

        approvals.consume(session, approval_id=approval_id or "", action=action, target=code, by=ctx.officer,
                          now=now)
    if current is DossierStatus.PROCESSING and target is DossierStatus.SUPPLEMENT_REQUESTED:
        row.pauses.append(DossierPauseRow(started_at=now, ended_at=None, reason=reason))
    if current is DossierStatus.SUPPLEMENT_REQUESTED and target is DossierStatus.PROCESSING:
        _end_pause(session, row, now)
    _add_history(row, target, now, ctx.officer, reason)
    changes = Changes(dossiers={row.code})
    session.flush()
    queue_event(session, changes, kind="dossier.status", aggregate=row.code, at=now, payload=_event_payload(row),
                actor=ctx.officer)
    return OpResult(target, changes)


def _end_pause(session: Session, row: DossierRow, now: datetime) -> None:
    """Close the open supplement pause and move the due date by the paused working time."""
    open_pauses = [p for p in row.pauses if p.ended_at is None]
    for pause in open_pauses:
        pause.ended_at = now
    if row.due_at is None:
        return
    cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
    paused = cal.paused_working_time([(p.started_at, p.ended_at) for p in row.pauses], now)
    limit = TimeLimit(LimitKind(row.limit_kind), row.limit_value)
    row.due_at = cal.due_at(row.received_at, limit, paused=paused)


def list_dossiers(session: Session, *, status: DossierStatus | None = None, limit: int = 100) -> list[DossierRow]:
    q = select(DossierRow).order_by(DossierRow.received_at.desc()).limit(limit)
    if status is not None:
        q = q.where(DossierRow.status == status.value)
    return list(session.scalars(q))


__all__ = ["CounterContext", "ReceptionRecord", "record_reception", "change_status", "get_dossier_row",
           "list_dossiers", "Channel"]
