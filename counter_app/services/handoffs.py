"""Handoffs of paper dossiers (Phiếu kiểm soát quá trình giải quyết hồ sơ).

Paper dossiers (channels 1 and 3) leave the counter for the processing department the
same working day, or at the start of the next working day when received after the cut-off
(Decree 61/2018 Art. 19, domain.md §3.2): :func:`batch_for_day` builds the day's batch. Each
move is a handoff row with giver, receiver, time, the step's own deadline and the result tag
(trước hạn / đúng hạn / quá hạn) computed when the step completes. The first step's deadline
(``[handoff] first_step_due``) and how a tag is computed (``[result_tag] compare``) are read
from ``resources/rules/lifecycle.toml``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.dossier import Channel, HandoffResult
from ..domain.errors import ConfigurationError, ValidationError
from ..domain.legal_basis import LegalBasis
from ..domain.status import DossierStatus
from ..resources import load_toml
from ..security import approvals
from ..security.permissions import Action, require
from ..storage.models import DossierRow, HandoffRow, ProcedureRow
from .calendar_service import calendar_for
from .dossiers import CounterContext, change_status, get_dossier_row
from .operations import Changes, OpResult, queue_event


def _rules() -> dict:
    return load_toml("rules", "lifecycle.toml")


def result_tag(*, due: datetime, done: datetime, compare: str | None = None) -> HandoffResult:
    """Kết quả giải quyết of a step (``[result_tag] compare`` unless given):

    * ``"day_then_time"``: trước hạn if done on an earlier day, đúng hạn if on the due day by the
      due time, else quá hạn;
    * ``"moment"``: trước hạn if done before the due time, đúng hạn if exactly at it, else quá hạn."""
    compare = compare or _rules()["result_tag"]["compare"]
    if done > due:
        return HandoffResult.LATE
    if compare == "day_then_time":
        return HandoffResult.EARLY if done.date() < due.date() else HandoffResult.ON_TIME
    if compare == "moment":
        return HandoffResult.EARLY if done < due else HandoffResult.ON_TIME
    raise ConfigurationError(f"unknown result_tag.compare {compare!r}",
                             "Quy tắc tính kết quả giải quyết (result_tag.compare) không hợp lệ: dùng "
                             "“day_then_time” hoặc “moment”. Báo quản trị hệ thống.")


def batch_day(session: Session, row: DossierRow) -> date:
    """The working day a paper dossier must leave the counter (15:00 rule)."""
    cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
    return cal.counting_start(row.received_at).date()


def first_step_due(session: Session, row: DossierRow) -> datetime:
    """The deadline of row 1 of the control slip (counter → department), ``[handoff] first_step_due``:

    * ``"start_of_next_working_day"``: a dossier received on its batch day leaves by the end of
      that working day; one received earlier (after the cut-off, out of hours, on a day off) leaves
      at the opening of the batch day — "vào đầu giờ ngày làm việc tiếp theo" — plus
      ``first_step_grace_minutes`` of working time;
    * ``"end_of_batch_day"``: the end of the batch day in every case."""
    rules = _rules()["handoff"]
    cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
    day = batch_day(session, row)
    mode = rules["first_step_due"]
    if mode == "end_of_batch_day" or (mode == "start_of_next_working_day" and row.received_at.date() == day):
        return cal.end_of_working_day(day)
    if mode != "start_of_next_working_day":
        raise ConfigurationError(f"unknown handoff.first_step_due {mode!r}",
                                 "Quy tắc hạn chuyển hồ sơ (handoff.first_step_due) không hợp lệ: dùng "
                                 "“start_of_next_working_day” hoặc “end_of_batch_day”. Báo quản trị hệ thống.")
    grace = int(rules.get("first_step_grace_minutes", 0))
    if grace < 0:
        raise ConfigurationError("negative first_step_grace_minutes",
                                 "Thời gian ân hạn chuyển hồ sơ (first_step_grace_minutes) không được âm.")
    opening = cal.working_periods(day)[0][0]
    return min(cal.add_working_time(opening, timedelta(minutes=grace)), cal.end_of_working_day(day))


@dataclass(frozen=True)
class BatchLine:
    code: str
    procedure_name: str
    processing_agency: str
    received_at: datetime
    due_at: datetime | None
    batch_day: date | None = None  # the working day it had to leave (15:00 rule)

    def late_to_leave(self, day: date) -> bool:
        """Left behind by an earlier day's batch: its first handoff will be tagged quá hạn."""
        return self.batch_day is not None and self.batch_day < day

    def tag_vi(self, day: date) -> str:
        if self.late_to_leave(day):
            return f"Chậm chuyển (lô ngày {self.batch_day:%d/%m})"
        return "Chuyển trong ngày"


def batch_for_day(session: Session, *, agency_code: str, day: date) -> list[BatchLine]:
    """Received paper dossiers not handed off yet whose batch day is ``day`` or earlier (late ones too)."""
    rows = session.execute(
        select(DossierRow, ProcedureRow.processing_agency)
        .options(selectinload(DossierRow.handoffs))
        .outerjoin(ProcedureRow, ProcedureRow.id == DossierRow.procedure_id)
        .where(DossierRow.agency_code == agency_code, DossierRow.status == DossierStatus.RECEIVED.value,
               DossierRow.channel.in_([int(Channel.IN_PERSON), int(Channel.POSTAL)]))
        .order_by(DossierRow.received_at))
    out = []
    for row, agency in rows:
        leaves = batch_day(session, row)
        if not row.handoffs and leaves <= day:
            out.append(BatchLine(row.code, row.procedure_name, agency or "", row.received_at, row.due_at, leaves))
    return out


def batch_target(codes: list[str]) -> str:
    """What a supervisor approves for a batch: exactly this set of dossiers."""
    digest = hashlib.sha256("\n".join(sorted(codes)).encode("utf-8")).hexdigest()[:32]
    return f"handoff-batch:{len(codes)}:{digest}"


def hand_off_batch(session: Session, *, codes: list[str], to_unit: str, ctx: CounterContext, approval_id: str,
                   now: datetime) -> OpResult[int]:
    """Record the first handoff of each dossier (counter → department) and move it to processing.

    A supervisor approves the batch before it leaves (four-eyes): ``approval_id`` must be an
    approval of :func:`batch_target` of exactly these codes."""
    if not codes:
        raise ValidationError("empty batch", "Không có hồ sơ nào trong lô chuyển.")
    if not to_unit.strip():
        raise ValidationError("no receiving unit", "Chọn cơ quan/bộ phận nhận hồ sơ.")
    require(ctx.role, Action.HANDOFF_BATCH)
    approvals.consume(session, approval_id=approval_id, action=Action.HANDOFF_BATCH, target=batch_target(codes),
                      by=ctx.officer, now=now)
    rules = _rules()["handoff"]
    changes = Changes()
    for code in codes:
        row = get_dossier_row(session, code)
        due = first_step_due(session, row)
        row.handoffs.append(HandoffRow(
            seq=len(row.handoffs) + 1, from_unit=rules["counter_unit"], to_unit=to_unit.strip(),
            given_by=ctx.officer, given_at=now, received_by="", received_at=None, step_due_at=due,
            result=result_tag(due=due, done=now).value, note=""))
        changes.merge(change_status(session, code, DossierStatus.PROCESSING, ctx=ctx, now=now).changes)
    queue_event(session, changes, kind="handoff.batch", aggregate=ctx.agency_code, at=now,
                payload={"codes": list(codes), "to_unit": to_unit.strip(), "by": ctx.officer}, actor=ctx.officer)
    return OpResult(len(codes), changes)


#: A dossier in one of these states is closed for handoffs: its result is back, or it ended.
_CLOSED = {DossierStatus.RESOLVED, *(s for s in DossierStatus if s.is_terminal)}


def known_units(session: Session, row: DossierRow) -> set[str]:
    """Units a step may name: the counter (and its aliases), the procedure's processing agency,
    the units already on this control slip, and the internal units of ``[handoff] internal_units``
    (matched by their leading words, e.g. "Lãnh đạo UBND phường")."""
    rules = _rules()["handoff"]
    units = {rules["counter_unit"], *rules.get("counter_unit_aliases", [])}
    agency = session.scalar(select(ProcedureRow.processing_agency).where(ProcedureRow.id == row.procedure_id))
    units |= {u for u in (agency or "",) if u}
    units |= {h.from_unit for h in row.handoffs} | {h.to_unit for h in row.handoffs}
    return units


def is_known_unit(session: Session, row: DossierRow, unit: str) -> bool:
    unit = " ".join(unit.split())
    prefixes = tuple(_rules()["handoff"].get("internal_units", []))
    return bool(unit) and (unit in known_units(session, row) or unit.startswith(prefixes))


def _check_unit(session: Session, row: DossierRow, unit: str, what: str) -> str:
    unit = " ".join(unit.split())
    prefixes = tuple(_rules()["handoff"].get("internal_units", []))
    if not is_known_unit(session, row, unit):
        raise ValidationError(f"unknown {what} unit",
                              f"Đơn vị {'giao' if what == 'from' else 'nhận'} “{unit}” không có trong danh sách "
                              "đơn vị của hồ sơ. Chọn Bộ phận Một cửa, cơ quan giải quyết hoặc một bộ phận nội bộ "
                              f"({', '.join(prefixes)}…).")
    return unit


def record_step(session: Session, *, code: str, from_unit: str, to_unit: str, given_by: str,
                received_by: str, at: datetime, step_due_at: datetime | None, ctx: CounterContext,
                note: str = "") -> OpResult[HandoffRow]:
    """A later move (internal step, department → counter), tagged against its own deadline.

    Refused (Vietnamese message, nothing written) unless the officer may record handoffs, both
    units are known (:func:`known_units`), the time is not before the previous step and the
    dossier is still open. ``received_by`` empty leaves the row waiting for the receiving unit's
    acknowledgement (:func:`acknowledge`); otherwise it is received at ``at``."""
    require(ctx.role, Action.HANDOFF_BATCH)
    row = get_dossier_row(session, code)
    status = DossierStatus(row.status)
    if status in _CLOSED:
        raise ValidationError(f"dossier {code} is {status.value}",
                              f"Hồ sơ {code} đang ở trạng thái “{status.label_vi}”; không ghi thêm bước luân "
                              "chuyển.")
    from_unit = _check_unit(session, row, from_unit, "from")
    to_unit = _check_unit(session, row, to_unit, "to")
    if from_unit == to_unit:
        raise ValidationError("same unit", "Đơn vị giao và đơn vị nhận phải khác nhau.")
    previous = max([row.received_at, *(h.given_at for h in row.handoffs),
                    *(h.received_at for h in row.handoffs if h.received_at)])
    if at < previous:
        raise ValidationError("step before the previous one",
                              f"Thời điểm giao {at:%H:%M %d/%m/%Y} trước bước trước của hồ sơ "
                              f"({previous:%H:%M %d/%m/%Y}). Kiểm tra lại giờ, ngày.")
    tag = result_tag(due=step_due_at, done=at).value if step_due_at else None
    received_by = received_by.strip()
    step = HandoffRow(seq=len(row.handoffs) + 1, from_unit=from_unit, to_unit=to_unit, given_by=given_by,
                      given_at=at, received_by=received_by, received_at=at if received_by else None,
                      step_due_at=step_due_at, result=tag, note=note)
    row.handoffs.append(step)
    session.flush()
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="handoff.step", aggregate=code, at=at,
                payload={"seq": step.seq, "from": from_unit, "to": to_unit, "result": tag}, actor=ctx.officer)
    return OpResult(step, changes)


def acknowledge(session: Session, *, code: str, received_by: str, at: datetime,
                ctx: CounterContext | None = None) -> HandoffRow | None:
    """The receiving unit signs for the last move (Người nhận on the control slip): received_by and
    received_at of the latest row not yet received. None when every row is already received."""
    if ctx is not None:
        require(ctx.role, Action.HANDOFF_BATCH)
    row = get_dossier_row(session, code)
    pending = next((h for h in reversed(row.handoffs) if h.received_at is None), None)
    if pending is None:
        return None
    if not received_by.strip():
        raise ValidationError("no receiver", "Ghi tên người nhận hồ sơ.")
    pending.received_by, pending.received_at = received_by.strip()[:64], max(at, pending.given_at)
    session.flush()
    return pending
