"""Results back from the processing department, and telling the citizen.

The result arrives by sync (the department's status change to 9, :func:`record_synced_result`
at the server's own time) or is scanned in at the counter (the barcode on the result files it
under its dossier, :func:`file_scanned_result`). Either way :func:`record_result` writes the
department → counter row of the control slip (Phiếu kiểm soát) with its tag, the dossier
becomes ready to return (status 9) and a :class:`Notice` is produced; the caller sends it
through a :class:`Notifier` *after* the transaction commits, so a citizen is never told
about a change that was rolled back. Providers (SMS, e-mail, Zalo) are configuration;
the default :class:`LoggingNotifier` only logs, with the phone number masked.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ValidationError
from ..domain.status import DossierStatus, check_transition
from ..resources import load_toml
from ..storage.models import StatusChangeRow
from .dossiers import CounterContext, change_status, get_dossier_row
from .handoffs import is_known_unit, record_step
from .operations import OpResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NoticeAttachment:
    """A file sent with a notice, e.g. the receipt (Mẫu 01) as PDF for an online dossier."""

    name: str  # file name the citizen sees, e.g. "giay-tiep-nhan-<code>.pdf"
    data: bytes
    content_type: str = "application/pdf"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Notice:
    dossier_code: str
    phone: str
    email: str
    text_vi: str
    attachments: tuple[NoticeAttachment, ...] = ()  # optional: notifiers that cannot attach send the text
    subject_vi: str = ""


class Notifier(Protocol):
    name: str

    def send(self, notice: Notice) -> bool: ...


def mask_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return (digits[:3] + "****" + digits[-3:]) if len(digits) >= 7 else "***"


def mask_email(email: str) -> str:
    user, at, domain = email.strip().partition("@")
    return f"{user[:1]}***@{domain}" if at and user and domain else ("***" if email.strip() else "")


class LoggingNotifier:
    """The default: writes that a notice would be sent (no provider configured).

    Only masked metadata: the dossier code, the masked phone and e-mail, and the attached
    files' names, sizes and SHA-256 — never the text (it may quote a reason) nor the files."""

    name = "log"

    def send(self, notice: Notice) -> bool:
        files = ", ".join(f"{a.name} ({len(a.data)} B, sha256 {a.sha256[:12]})" for a in notice.attachments)
        log.info("notice for %s to %s / %s, %d file(s)%s", notice.dossier_code, mask_phone(notice.phone),
                 mask_email(notice.email), len(notice.attachments), f": {files}" if files else "")
        return True


def record_result(session: Session, *, code: str, department: str, given_by: str, ctx: CounterContext,
                  now: datetime, step_due_at: datetime | None = None, received_by: str | None = None,
                  synced: bool = False) -> OpResult[Notice]:
    """The department hands the result back to the counter: handoff row, status 9, a notice to send.

    ``received_by`` is who signs at the counter (default: the officer; "" = not signed yet).
    ``synced``: the city server already has status 9 (the change came from its feed), so the move
    is written to the local history without an outbox status event (it would come back refused)."""
    row = get_dossier_row(session, code)
    step_due = step_due_at or row.due_at
    counter_unit = load_toml("rules", "lifecycle.toml")["handoff"]["counter_unit"]
    result = record_step(session, code=code, from_unit=department, to_unit=counter_unit, given_by=given_by,
                         received_by=ctx.officer if received_by is None else received_by, at=now,
                         step_due_at=step_due, ctx=ctx).changes
    if synced:
        check_transition(DossierStatus(row.status), DossierStatus.RESOLVED)
        row.history.append(StatusChangeRow(from_status=row.status, to_status=DossierStatus.RESOLVED.value, at=now,
                                           officer=(given_by or "city")[:64], reason=f"Kết quả từ {department}"))
        row.status, row.updated_at = DossierStatus.RESOLVED.value, now
        session.flush()
    else:
        result.merge(change_status(session, code, DossierStatus.RESOLVED, ctx=ctx, now=now).changes)
    text = (f"Hồ sơ {code} đã có kết quả. Mời Ông/Bà mang giấy tiếp nhận và thẻ căn cước đến "
            "Bộ phận Một cửa để nhận kết quả.")
    return OpResult(Notice(code, row.contact_phone, row.contact_email, text), result)


def record_synced_result(session: Session, *, code: str, at: datetime, ctx: CounterContext,
                         department: str = "", given_by: str = "") -> Notice | None:
    """A department's "resolved" (status 9) pulled from the city feed, handled as a result: the control
    slip row department → counter at the server's time ``at`` (waiting for the counter's signature),
    tagged against the appointment, status 9 at ``at``, and the notice to send after commit.

    ``department`` is the change's unit when it is a known one, else the unit the dossier was last
    handed to. None when the dossier is not waiting for a result here (the caller then just
    records the status)."""
    row = get_dossier_row(session, code)
    if DossierStatus(row.status) not in _AWAITING_RESULT:
        return None
    holder = next((h.to_unit for h in reversed(row.handoffs)), "") or "Cơ quan giải quyết"
    unit = department if department and is_known_unit(session, row, department) else holder
    return record_result(session, code=code, department=unit, given_by=given_by, ctx=ctx, now=at,
                         received_by="", synced=True).value


#: Where a result can come back from: the dossier is with a department (or waits there for payment).
_AWAITING_RESULT = {DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.AWAITING_PAYMENT}


def file_scanned_result(session: Session, *, scanned: str, ctx: CounterContext, now: datetime,
                        given_by: str = "", department: str | None = None) -> OpResult[Notice]:
    """Nhận kết quả tại quầy: the barcode on a department's result (the dossier code, or the QR's
    lookup address) files it under its dossier — :func:`record_result`, then status 9.

    ``department`` defaults to the unit the dossier was last handed to (the control slip)."""
    from devices.barcode.dispatch import ScanKind, classify_scan

    scan = classify_scan(scanned, session=session)
    if scan.kind is not ScanKind.DOSSIER or scan.dossier_code is None:
        raise ValidationError("scanned text is not a dossier code",
                              scan.message_vi or "Mã vừa quét không phải mã hồ sơ. Quét mã vạch trên kết quả.")
    code = scan.dossier_code.format()
    if scan.dossier_found is False:
        raise NotFoundError(f"scanned dossier {code} unknown", scan.message_vi)
    row = get_dossier_row(session, code)
    status = DossierStatus(row.status)
    if status not in _AWAITING_RESULT:
        already = status in (DossierStatus.RESOLVED, DossierStatus.RETURNED)
        raise ValidationError(
            f"dossier {code} is {status.value}: no result expected",
            f"Hồ sơ {code} đã có kết quả (trạng thái “{status.label_vi}”); không nhận kết quả lần nữa." if already
            else f"Hồ sơ {code} đang ở trạng thái “{status.label_vi}”; không có kết quả để nhận.")
    unit = department or next((h.to_unit for h in reversed(row.handoffs)), "") or "Cơ quan giải quyết"
    return record_result(session, code=code, department=unit, given_by=given_by, ctx=ctx, now=now)


def notify(notifier: Notifier, notice: Notice) -> bool:
    """Send after commit; a failed provider is logged (masked) and reported, never raised."""
    try:
        return bool(notifier.send(notice))
    except Exception as exc:  # a provider outage must not break the counter
        log.warning("notifier %s failed for %s: %s", notifier.name, notice.dossier_code, type(exc).__name__)
        return False
