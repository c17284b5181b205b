"""Handoffs of paper dossiers (Phiếu kiểm soát quá trình giải quyết hồ sơ).

Paper dossiers (channels 1 and 3) leave the counter for the processing department the
same working day, or at the start of the next working day when received at or after the
cut-off: :func:`batch_for_day` builds the day's batch. Each move is a handoff row with
giver, receiver, time, the step's own deadline and the result tag (trước hạn / đúng hạn /
quá hạn) computed when the step completes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.dossier import Channel, HandoffResult
from ..domain.errors import ValidationError
from ..domain.legal_basis import LegalBasis
from ..domain.status import DossierStatus
from ..resources import load_toml
from ..security import approvals
from ..security.permissions import Action, require
from ..storage.models import DossierRow, HandoffRow, ProcedureRow
from .calendar_service import calendar_for
from .dossiers import CounterContext, change_status, get_dossier_row
from .operations import Changes, OpResult, queue_event


def result_tag(*, due: datetime, done: datetime) -> HandoffResult:
    """trước hạn if done on an earlier day, đúng hạn if on the due day by the due time, else quá hạn."""
    if done > due:
        return HandoffResult.LATE
    return HandoffResult.EARLY if done.date() < due.date() else HandoffResult.ON_TIME


def batch_day(session: Session, row: DossierRow) -> date:
    """The working day a paper dossier must leave the counter (15:00 rule)."""
    cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
    return cal.counting_start(row.received_at).date()


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
    rules = load_toml("rules", "lifecycle.toml")["handoff"]
    changes = Changes()
    for code in codes:
        row = get_dossier_row(session, code)
        cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
        due = cal.end_of_working_day(batch_day(session, row))
        row.handoffs.append(HandoffRow(
            seq=len(row.handoffs) + 1, from_unit=rules["counter_unit"], to_unit=to_unit.strip(),
            given_by=ctx.officer, given_at=now, received_by="", received_at=None, step_due_at=due,
            result=result_tag(due=due, done=now).value, note=""))
        changes.merge(change_status(session, code, DossierStatus.PROCESSING, ctx=ctx, now=now).changes)
    queue_event(session, changes, kind="handoff.batch", aggregate=ctx.agency_code, at=now,
                payload={"codes": list(codes), "to_unit": to_unit.strip(), "by": ctx.officer})
    return OpResult(len(codes), changes)


def record_step(session: Session, *, code: str, from_unit: str, to_unit: str, given_by: str,
                received_by: str, at: datetime, step_due_at: datetime | None, note: str = "") -> OpResult[HandoffRow]:
    """A later move (internal step, department → counter), tagged against its own deadline."""
    row = get_dossier_row(session, code)
    tag = result_tag(due=step_due_at, done=at).value if step_due_at else None
    step = HandoffRow(seq=len(row.handoffs) + 1, from_unit=from_unit, to_unit=to_unit, given_by=given_by,
                      given_at=at, received_by=received_by, received_at=at, step_due_at=step_due_at,
                      result=tag, note=note)
    row.handoffs.append(step)
    session.flush()
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="handoff.step", aggregate=code, at=at,
                payload={"seq": step.seq, "from": from_unit, "to": to_unit, "result": tag})
    return OpResult(step, changes)
