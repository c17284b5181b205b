"""Results back from the processing department, and telling the citizen.

The result arrives by sync (the department's status change) or is scanned in at the
counter (the barcode on the result files it under its dossier). Either way the dossier
becomes ready to return (status 9) and a :class:`Notice` is produced; the caller sends
it through a :class:`Notifier` *after* the transaction commits, so a citizen is never told
about a change that was rolled back. Providers (SMS, e-mail, Zalo) are configuration;
the default :class:`LoggingNotifier` only logs, with the phone number masked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from ..domain.status import DossierStatus
from .dossiers import CounterContext, change_status, get_dossier_row
from .handoffs import record_step
from .operations import OpResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    dossier_code: str
    phone: str
    email: str
    text_vi: str


class Notifier(Protocol):
    name: str

    def send(self, notice: Notice) -> bool: ...


def mask_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return (digits[:3] + "****" + digits[-3:]) if len(digits) >= 7 else "***"


class LoggingNotifier:
    """The default: writes that a notice would be sent (no provider configured)."""

    name = "log"

    def send(self, notice: Notice) -> bool:
        log.info("notice for %s to %s: %s", notice.dossier_code, mask_phone(notice.phone), notice.text_vi)
        return True


def record_result(session: Session, *, code: str, department: str, given_by: str, ctx: CounterContext,
                  now: datetime, step_due_at: datetime | None = None) -> OpResult[Notice]:
    """The department hands the result back to the counter: handoff row, status 9, a notice to send."""
    row = get_dossier_row(session, code)
    step_due = step_due_at or row.due_at
    result = record_step(session, code=code, from_unit=department, to_unit="Bộ phận Tiếp nhận và Trả kết quả",
                         given_by=given_by, received_by=ctx.officer, at=now, step_due_at=step_due).changes
    result.merge(change_status(session, code, DossierStatus.RESOLVED, ctx=ctx, now=now).changes)
    text = (f"Hồ sơ {code} đã có kết quả. Mời Ông/Bà mang giấy tiếp nhận và thẻ căn cước đến "
            "Bộ phận Một cửa để nhận kết quả.")
    return OpResult(Notice(code, row.contact_phone, row.contact_email, text), result)


def notify(notifier: Notifier, notice: Notice) -> bool:
    """Send after commit; a failed provider is logged (masked) and reported, never raised."""
    try:
        return bool(notifier.send(notice))
    except Exception as exc:  # a provider outage must not break the counter
        log.warning("notifier %s failed for %s: %s", notifier.name, notice.dossier_code, type(exc).__name__)
        return False
