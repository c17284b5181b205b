"""Print records (bản in / bản in lại): who printed which form of which dossier, when, why,
on which printer, and how the job went. A reprint needs a reason (it carries "BẢN IN LẠI").

A reprint of the receipt (in lại giấy tiếp nhận, Mẫu 01) is four-eyes (issue #9): it also
consumes a supervisor's approval of ``REPRINT_RECEIPT`` on the dossier code, in the same
transaction as its record, and queues a ``receipt.reprint`` event that carries the approval
and its proof to the city (``security.approvals`` attaches it at flush). A failed attempt
consumes nothing. Other forms' reprints need only the reason. Every print record (print,
reprint, failed or saved as PDF) appends an audit entry in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.legal_basis import LegalBasis
from ..domain.organisation import Role
from ..security import approvals, audit
from ..security.permissions import Action, PermissionDenied, require
from ..storage.models import OfficerRow, PrintRecordRow
from .operations import Changes, OpResult, queue_event

JOB_STATES = {"pending", "printing", "done", "failed", "offline", "saved"}  # "saved": PDF only, not sent
#: States in which the form reached paper (or the print queue): the next print is a reprint.
PRINTED_STATES = ("done", "pending", "printing", "offline")
#: The form whose reprint needs a supervisor's approval (giấy tiếp nhận và hẹn trả kết quả, TT01 and TT03).
RECEIPT_FORM = "receipt"
REPRINT_EVENT = "receipt.reprint"


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
    approval_id: str = ""


def _record(row: PrintRecordRow) -> PrintRecord:
    return PrintRecord(row.id, row.dossier_code, row.form, LegalBasis(row.legal_basis), row.copies, row.printer,
                       row.reprint, row.reason, row.officer, row.printed_at, row.job_state, row.saved_pdf,
                       row.approval_id or "")


def printed_before(session: Session, *, dossier_code: str, form: str) -> bool:
    """Whether this form of this dossier was printed already (so the next print is a reprint)."""
    count = session.scalar(select(func.count()).select_from(PrintRecordRow).where(
        PrintRecordRow.dossier_code == dossier_code, PrintRecordRow.form == form,
        PrintRecordRow.job_state.in_(PRINTED_STATES)))
    return bool(count)


def needs_approval(*, form: str, reprint: bool) -> bool:
    """Whether this print is four-eyes: a reprint of the receipt."""
    return reprint and form == RECEIPT_FORM


def require_reprint_approval(session: Session, *, dossier_code: str, officer: str, approval_id: str,
                             now: datetime) -> None:
    """Consume the supervisor's approval of reprinting this dossier's receipt, or raise
    :class:`PermissionDenied`. In a read session (rolled back) it only checks it."""
    role = session.scalar(select(OfficerRow.role).where(OfficerRow.username == officer))
    if role is not None:
        require(Role(role), Action.REPRINT_RECEIPT)
    if not (approval_id or "").strip():
        raise PermissionDenied("receipt reprint without an approval",
                               f"In lại giấy tiếp nhận của hồ sơ {dossier_code} cần lãnh đạo phê duyệt ngay lúc "
                               "này (bốn mắt). Mời lãnh đạo phê duyệt rồi in lại; chưa có gì được in.")
    approvals.consume(session, approval_id=approval_id, action=Action.REPRINT_RECEIPT, target=dossier_code,
                      by=officer, now=now)


def record_print(session: Session, *, dossier_code: str, form: str, basis: LegalBasis, officer: str,
                 now: datetime, job_state: str, copies: int = 1, printer: str = "", reprint: bool = False,
                 reason: str = "", saved_pdf: str = "", approval_id: str = "") -> OpResult[PrintRecord]:
    """Record one print in the caller's transaction. A reprint without a reason is refused; a
    reprint of the receipt (unless it failed) consumes ``approval_id`` and queues its event."""
    if reprint and not reason.strip():
        raise ValidationError("reprint without a reason",
                              "In lại biểu mẫu cần ghi lý do (ví dụ: bản giao công dân bị mất, in hỏng).")
    if job_state not in JOB_STATES:
        raise ValidationError(f"unknown job state {job_state!r}", "Trạng thái lệnh in không hợp lệ.")
    if copies < 1:
        raise ValidationError("copies < 1", "Số bản in phải từ 1 trở lên.")
    code = dossier_code.strip()
    four_eyes = needs_approval(form=form, reprint=reprint) and job_state != "failed"
    if four_eyes:
        require_reprint_approval(session, dossier_code=code, officer=officer, approval_id=approval_id, now=now)
    row = PrintRecordRow(dossier_code=code, form=form, legal_basis=basis.value, copies=copies,
                         printer=printer, reprint=reprint, reason=reason.strip(), officer=officer, printed_at=now,
                         job_state=job_state, saved_pdf=saved_pdf, approval_id=approval_id if four_eyes else "")
    session.add(row)
    changes = Changes(dossiers={row.dossier_code})
    if four_eyes:  # the approval joins the payload at flush (security.approvals)
        queue_event(session, changes, kind=REPRINT_EVENT, aggregate=code, at=now, actor=officer,
                    payload={"reprint_form": form, "reprint_reason": row.reason, "reprinted_by": officer,
                             "reprinted_at": now, "reprint_copies": copies})
    session.flush()
    # Every print and reprint of a form carrying personal data is in the audit log (nhật ký).
    audit.append(session, actor=officer, action="reprint" if reprint else "print", target=code,
                 details={"form": form, "copies": copies, "job_state": job_state, "print": row.id}, at=now)
    return OpResult(_record(row), changes)


def list_prints(session: Session, *, dossier_code: str) -> list[PrintRecord]:
    rows = session.scalars(select(PrintRecordRow).where(PrintRecordRow.dossier_code == dossier_code.strip())
                           .order_by(PrintRecordRow.printed_at, PrintRecordRow.id))
    return [_record(r) for r in rows]
