"""Late handling: warnings before the appointment, the apology and extension (Mẫu 04, once,
approved by a supervisor), withdrawal at the citizen's request (status 7, approved).

Decree 61/2018 Art. 20 (recalled, domain.md §3.4): no later than 1 working day before the
deadline, the processing body issues the apology with a new date; allowed once. The number
of warning days and of extensions, and how the new date is suggested
(:func:`suggest_new_due`), are configured in ``resources/rules/lifecycle.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..calendar.deadlines import limit_minutes
from ..domain.errors import ConfigurationError, ValidationError
from ..domain.legal_basis import LegalBasis
from ..domain.status import TRANSITIONS, DossierStatus
from ..domain.time_limit import LimitKind, TimeLimit
from ..resources import load_toml
from ..security import approval_proof, approvals
from ..security.permissions import Action, require
from ..storage.models import DossierRow
from ..storage.models_lifecycle import ExtensionRow
from .calendar_service import calendar_for
from .dossiers import CounterContext, change_status, get_dossier_row
from .operations import Changes, OpResult, queue_event


@dataclass(frozen=True)
class DueWarning:
    code: str
    procedure_name: str
    due_at: datetime
    overdue: bool


def warn_from(cal, due: datetime, working_days: int) -> datetime:
    """The moment ``working_days`` working days before ``due`` on the agency's calendar: the same
    working moment of the day (working time since the opening) that many working days earlier, so
    weekends, holidays, days off and the schedule's own hours count, not a fixed 8 h a day."""
    day = due.date()
    periods = cal.working_periods(day)
    elapsed = cal.working_time_between(periods[0][0], due) if periods else timedelta(0)
    for _ in range(max(0, working_days)):
        day = _previous_working_day(cal, day)
    if day == due.date():
        return due
    opening = cal.working_periods(day)[0][0]
    return min(cal.add_working_time(opening, elapsed), cal.end_of_working_day(day))


def _previous_working_day(cal, d: date) -> date:
    for _ in range(366 * 3):
        d -= timedelta(days=1)
        if cal.is_working_day(d):
            return d
    raise ConfigurationError("no working day in the past three years",
                             "Không tìm thấy ngày làm việc nào trước đó. Kiểm tra bảng ngày nghỉ.")


def due_soon(session: Session, *, agency_code: str, now: datetime) -> list[DueWarning]:
    """Open dossiers whose appointment is within the warning window (``[late] warn_working_days``
    working days before it on the agency's calendar, :func:`warn_from`), or already past."""
    days = int(load_toml("rules", "lifecycle.toml")["late"]["warn_working_days"])
    open_states = [s.value for s in DossierStatus if TRANSITIONS[s] and s is not DossierStatus.RESOLVED]
    out = []
    for row in session.scalars(select(DossierRow).where(
            DossierRow.agency_code == agency_code, DossierRow.status.in_(open_states),
            DossierRow.due_at.is_not(None)).order_by(DossierRow.due_at)):
        cal = calendar_for(session, agency_code=agency_code, basis=LegalBasis(row.legal_basis))
        if now >= warn_from(cal, row.due_at, days):
            out.append(DueWarning(row.code, row.procedure_name, row.due_at, now >= row.due_at))
    return out


def suggest_new_due(session: Session, *, code: str, now: datetime) -> datetime:
    """The new appointment the apology dialog proposes (the officer may change it): on the working-day
    calendar, the later of the old appointment and ``now`` plus the rule's working time
    (``[late] extension_suggestion``: the procedure's own time limit once more, or
    ``extension_working_days``). A "trong ngày" procedure gets one working day."""
    row = get_dossier_row(session, code)
    rule = load_toml("rules", "lifecycle.toml")["late"]
    kind = rule.get("extension_suggestion", "procedure_limit")
    cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
    if kind == "procedure_limit" and row.limit_kind and row.limit_kind != LimitKind.IN_DAY.value:
        limit = TimeLimit(LimitKind(row.limit_kind), row.limit_value)
    elif kind == "procedure_limit":
        limit = TimeLimit.working_days(1)
    elif kind == "working_days":
        limit = TimeLimit.working_days(float(rule["extension_working_days"]))
    else:
        raise ConfigurationError(f"unknown extension_suggestion {kind!r}",
                                 "Quy tắc gợi ý ngày hẹn mới (extension_suggestion) không hợp lệ: dùng "
                                 "“procedure_limit” hoặc “working_days”. Báo quản trị hệ thống.")
    base = max(row.due_at or now, now)
    return cal.add_working_time(base, timedelta(minutes=limit_minutes(limit, cal.schedule.hours_per_working_day)))


def extension_target(code: str, new_due_at: datetime) -> str:
    """What the supervisor approves: this dossier's extension *to this new date* (the city server
    re-derives it from the event, ``approval_proof.expected_target``)."""
    return approval_proof.extension_target(code, new_due_at.isoformat())


#: No extension once the result is back or the dossier has ended.
_NOT_EXTENDABLE = {DossierStatus.RESOLVED, DossierStatus.RETURNED, DossierStatus.CANCELLED}


def extend(session: Session, *, code: str, new_due_at: datetime, reason: str, ctx: CounterContext,
           approval_id: str, now: datetime) -> OpResult[datetime]:
    """Apologise and move the appointment (Mẫu 04) — once, with a supervisor's approval of exactly
    this new date (:func:`extension_target`)."""
    require(ctx.role, Action.EXTEND_DEADLINE)
    row = get_dossier_row(session, code)
    status = DossierStatus(row.status)
    if status in _NOT_EXTENDABLE or status.is_terminal:
        raise ValidationError(f"dossier {code} is {status.value}",
                              f"Hồ sơ {code} đang ở trạng thái “{status.label_vi}”; không xin lỗi, gia hạn được.")
    limit = int(load_toml("rules", "lifecycle.toml")["late"]["max_extensions"])
    done = session.scalar(select(func.count()).where(ExtensionRow.dossier_code == code)) or 0
    if done >= limit:
        raise ValidationError("extension already used",
                              "Hồ sơ đã được hẹn lại một lần; theo quy định không gia hạn thêm.")
    if not reason.strip():
        raise ValidationError("no reason", "Ghi rõ lý do chậm trả kết quả (in trên văn bản xin lỗi).")
    if row.due_at is None or new_due_at <= row.due_at:
        raise ValidationError("new date not later", "Ngày hẹn mới phải sau ngày hẹn cũ.")
    approvals.consume(session, approval_id=approval_id, action=Action.EXTEND_DEADLINE,
                      target=extension_target(code, new_due_at), by=ctx.officer, now=now)
    session.add(ExtensionRow(dossier_code=code, old_due_at=row.due_at, new_due_at=new_due_at, reason=reason.strip(),
                             at=now, officer=ctx.officer, approval_id=approval_id))
    old, row.due_at = row.due_at, new_due_at
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="dossier.extension", aggregate=code, at=now,
                payload={"old_due_at": old, "new_due_at": new_due_at}, actor=ctx.officer)
    session.flush()
    return OpResult(new_due_at, changes)


def withdraw(session: Session, *, code: str, reason: str, ctx: CounterContext, approval_id: str,
             now: datetime) -> OpResult[DossierStatus]:
    """The citizen withdraws the dossier (status 7), with a reason and a supervisor's approval."""
    return change_status(session, code, DossierStatus.WITHDRAWN, ctx=ctx, now=now, reason=reason,
                         approval_id=approval_id)
