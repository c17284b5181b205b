"""Print records (bản in / bản in lại): who printed which form of which dossier, when, why,
on which printer, and how the job went. A reprint needs a reason (it carries "BẢN IN LẠI").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.legal_basis import LegalBasis
from ..storage.models import PrintRecordRow
from .operations import Changes, OpResult

JOB_STATES = {"pending", "printing", "done", "failed", "offline", "saved"}  # "saved": PDF only, not sent


@dataclass(frozen=True, slots=True)
class PrintRecord:
    id: int
    dossier_code: str
    form: str
    legal_basis: LegalBasis
    copies: int
    printer: str
    reprint: bool
    reason: str
    officer: str
    printed_at: datetime
    job_state: str
    saved_pdf: str


def _record(row: PrintRecordRow) -> PrintRecord:
    return PrintRecord(row.id, row.dossier_code, row.form, LegalBasis(row.legal_basis), row.copies, row.printer,
                       row.reprint, row.reason, row.officer, row.printed_at, row.job_state, row.saved_pdf)


def printed_before(session: Session, *, dossier_code: str, form: str) -> bool:
    """Whether this form of this dossier was printed already (so the next print is a reprint)."""
    count = session.scalar(select(func.count()).select_from(PrintRecordRow).where(
        PrintRecordRow.dossier_code == dossier_code, PrintRecordRow.form == form,
        PrintRecordRow.job_state.in_(("done", "pending", "printing", "offline"))))
    return bool(count)


def record_print(session: Session, *, dossier_code: str, form: str, basis: LegalBasis, officer: str,
                 now: datetime, job_state: str, copies: int = 1, printer: str = "", reprint: bool = False,
                 reason: str = "", saved_pdf: str = "") -> OpResult[PrintRecord]:
    """Record one print in the caller's transaction. A reprint without a reason is refused."""
    if reprint and not reason.strip():
        raise ValidationError("reprint without a reason",
                              "In lại biểu mẫu cần ghi lý do (ví dụ: bản giao công dân bị mất, in hỏng).")
    if job_state not in JOB_STATES:
        raise ValidationError(f"unknown job state {job_state!r}", "Trạng thái lệnh in không hợp lệ.")
    if copies < 1:
        raise ValidationError("copies < 1", "Số bản in phải từ 1 trở lên.")
    row = PrintRecordRow(dossier_code=dossier_code.strip(), form=form, legal_basis=basis.value, copies=copies,
                         printer=printer, reprint=reprint, reason=reason.strip(), officer=officer, printed_at=now,
                         job_state=job_state, saved_pdf=saved_pdf)
    session.add(row)
    session.flush()
    return OpResult(_record(row), Changes(dossiers={row.dossier_code}))


def list_prints(session: Session, *, dossier_code: str) -> list[PrintRecord]:
    rows = session.scalars(select(PrintRecordRow).where(PrintRecordRow.dossier_code == dossier_code.strip())
                           .order_by(PrintRecordRow.printed_at, PrintRecordRow.id))
    return [_record(r) for r in rows]
