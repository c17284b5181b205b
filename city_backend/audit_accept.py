"""An administrator accepts a break of a counter's audit chain (chấp nhận điểm đứt của chuỗi nhật ký).

The way out for a counter whose chain the server refuses (security issue #9, docs/security.md):
a named administrator, with a written reason, accepts one alert. The decision is recorded on the
alert (who, when, why) and in the server's own audit log (``audit.break_accepted``); the break
itself is only gone through at the counter's next push (:mod:`.audit_chains`), once. A
``rewrite`` (entries the server already held, sent differently) cannot be accepted: the server's
copy is the evidence and is never replaced.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from .db import Database
from .errors import ApiError, not_found
from .models import AuditEvent
from .models_audit import REWRITE, CounterAuditAlert

MIN_REASON = 10  # characters, blanks stripped: "ok" is not a reason


def reason_required() -> ApiError:
    return ApiError(422, "reason_required", f"a reason of at least {MIN_REASON} characters is required",
                    "Phải ghi rõ lý do chấp nhận điểm đứt của nhật ký (ít nhất 10 ký tự) và người quyết định.")


def already_accepted(alert: CounterAuditAlert) -> ApiError:
    return ApiError(409, "alert_already_accepted", f"alert {alert.id} already accepted by {alert.accepted_by}",
                    f"Cảnh báo này đã được chấp nhận trước đó (người quyết định: {alert.accepted_by}).")


def not_acceptable(alert: CounterAuditAlert) -> ApiError:
    return ApiError(409, "audit_break_not_acceptable",
                    f"alert {alert.id}: entries the server already holds were sent differently; cannot be accepted",
                    "Không thể chấp nhận điểm đứt này: quầy gửi lại khác đi những mục nhật ký hệ thống đã lưu. "
                    "Bản lưu trên hệ thống là bằng chứng và không bị thay thế; cần kiểm tra máy quầy tại chỗ.")


def accept(db: Database, alert_id: int, *, decided_by: str, reason: str, at: datetime) -> CounterAuditAlert:
    """Mark the alert accepted (who, when, why) and log ``audit.break_accepted``; returns the alert."""
    if len(reason.strip()) < MIN_REASON or not decided_by.strip():
        raise reason_required()
    with db.session() as s:
        alert = s.scalar(select(CounterAuditAlert).where(CounterAuditAlert.id == alert_id).with_for_update())
        if alert is None:
            raise not_found(f"audit alert {alert_id}")
        if alert.accepted_at is not None:
            raise already_accepted(alert)
        if alert.kind == REWRITE:
            raise not_acceptable(alert)
        alert.accepted_by, alert.accepted_at, alert.accept_reason = decided_by.strip(), at, reason.strip()
        s.add(AuditEvent(agency_code=alert.agency_code, actor=f"admin:{alert.accepted_by}"[:64],
                         action="audit.break_accepted",
                         detail={"alert": alert.id, "counter": alert.counter_code, "epoch": alert.epoch,
                                 "seq": alert.seq, "kind": alert.kind, "decided_by": alert.accepted_by,
                                 "reason": alert.accept_reason}, at=at))
        s.flush()
        s.expunge(alert)
        return alert
