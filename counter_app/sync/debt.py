"""Bounded offline debt (giới hạn làm việc khi mất kết nối), as MOSIP's registration client does.

A counter may work offline, but not without limit: hours since the last successful sync,
dossiers not yet synced, and days without a catalog update are each measured against a
*warn* and a *block* limit. Past a block limit new receptions are refused with a clear
message until a sync succeeds; everything else (returns, printing, look-ups) keeps working.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from . import state
from .errors import OfflineDebtExceeded


class DebtLevel(enum.IntEnum):
    OK = 0
    WARN = 1
    BLOCK = 2


@dataclass(frozen=True)
class DebtLimits:
    warn_hours_offline: float = 24
    block_hours_offline: float = 72
    warn_unsynced_dossiers: int = 200
    block_unsynced_dossiers: int = 1000
    warn_days_without_catalog: float = 7
    block_days_without_catalog: float = 30


@dataclass(frozen=True)
class DebtReport:
    level: DebtLevel
    hours_offline: float
    unsynced_dossiers: int
    days_without_catalog: float
    messages_vi: list[str] = field(default_factory=list)


def _grade(value: float, warn: float, block: float) -> DebtLevel:
    return DebtLevel.BLOCK if value >= block else DebtLevel.WARN if value >= warn else DebtLevel.OK


def evaluate(session: Session, *, now: datetime, limits: DebtLimits = DebtLimits()) -> DebtReport:
    """Measure the debt. A counter that never synced counts from its first failed round (offline_since)."""
    last = state.get_time(session, state.LAST_SUCCESS)
    since = last or state.get_time(session, state.OFFLINE_SINCE)
    hours = max(0.0, (now - since).total_seconds() / 3600) if since else 0.0
    unsynced = state.waiting_dossiers(session)
    catalog_at = state.get_time(session, state.LAST_CATALOG_SYNC) or since
    days = max(0.0, (now - catalog_at).total_seconds() / 86400) if catalog_at else 0.0
    grades = [(_grade(hours, limits.warn_hours_offline, limits.block_hours_offline),
               f"Quầy đã {hours:.0f} giờ chưa đồng bộ được với hệ thống của thành phố"),
              (_grade(unsynced, limits.warn_unsynced_dossiers, limits.block_unsynced_dossiers),
               f"Có {unsynced} hồ sơ chưa gửi lên hệ thống của thành phố"),
              (_grade(days, limits.warn_days_without_catalog, limits.block_days_without_catalog),
               f"Danh mục thủ tục đã {days:.0f} ngày chưa được cập nhật")]
    level = max((g for g, _ in grades), default=DebtLevel.OK)
    return DebtReport(level, hours, unsynced, days, [msg for g, msg in grades if g > DebtLevel.OK])


def check_reception_allowed(session: Session, *, now: datetime, limits: DebtLimits = DebtLimits()) -> DebtReport:
    """Call before a new reception. Returns the report (show a warning at WARN); raises at BLOCK."""
    report = evaluate(session, now=now, limits=limits)
    if report.level is DebtLevel.BLOCK:
        raise OfflineDebtExceeded(
            f"offline debt over the limit: {report.hours_offline:.0f} h, {report.unsynced_dossiers} dossiers, "
            f"{report.days_without_catalog:.0f} days without catalog",
            "; ".join(report.messages_vi) + ". Tạm dừng tiếp nhận hồ sơ mới cho đến khi đồng bộ xong: kiểm tra "
            "kết nối mạng rồi bấm “Đồng bộ ngay”, hoặc báo quản trị hệ thống. Trả kết quả và tra cứu vẫn làm được.")
    return report
