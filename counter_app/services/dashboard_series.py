"""What the dashboard's charts draw (F8): the last two weeks day by day, and the on-time share.

* :func:`daily_flow` — per day, dossiers received (status 2 reached that day) and results
  returned (status 10 reached that day), the same counting as the day's tiles
  (:func:`counter_app.services.queries.day_counts`), so today's bars equal today's tiles;
* :func:`timeliness` — of the dossiers received in the period, those resolved on time,
  resolved late, and still open past their appointment, as the indicators count them
  (:func:`counter_app.services.indicators.compute`, docs/indicators.md). The on-time share
  is the report's *Tỷ lệ đúng hạn*: on time / (on time + late); still-open dossiers are
  shown beside it, not divided by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.status import DossierStatus
from ..storage.models_dossier import StatusChangeRow
from .indicators import GroupBy, compute

DAYS = 14


@dataclass(frozen=True)
class DayFlow:
    day: date
    received: int
    returned: int


@dataclass(frozen=True)
class Timeliness:
    on_time: int  # resolved no later than the appointment
    late: int  # resolved after it
    overdue_open: int  # still open, past the appointment

    @property
    def total(self) -> int:
        """Every dossier the chart shows (resolved, and still open past the appointment)."""
        return self.on_time + self.late + self.overdue_open

    @property
    def resolved(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_share(self) -> float | None:
        """On time / resolved: the same rate as the printed report (``Indicator.on_time_rate``)."""
        return self.on_time / self.resolved if self.resolved else None


def daily_flow(session: Session, *, last_day: date, days: int = DAYS) -> list[DayFlow]:
    """``days`` days ending with ``last_day`` (oldest first), every day present (zeros included)."""
    first = last_day - timedelta(days=days - 1)
    start, end = datetime.combine(first, time.min), datetime.combine(last_day + timedelta(days=1), time.min)
    counts: dict[tuple[date, str], int] = {}
    day = func.date(StatusChangeRow.at)
    rows = session.execute(
        select(day, StatusChangeRow.to_status, func.count(func.distinct(StatusChangeRow.dossier_id)))
        .where(StatusChangeRow.at >= start, StatusChangeRow.at < end,
               StatusChangeRow.to_status.in_((DossierStatus.RECEIVED.value, DossierStatus.RETURNED.value)))
        .group_by(day, StatusChangeRow.to_status))
    for on, status, n in rows:
        counts[(on if isinstance(on, date) else date.fromisoformat(str(on)), status)] = n
    received, returned = DossierStatus.RECEIVED.value, DossierStatus.RETURNED.value
    return [DayFlow(d, counts.get((d, received), 0), counts.get((d, returned), 0))
            for d in (first + timedelta(days=i) for i in range(days))]


def timeliness(session: Session, *, start: datetime, end: datetime, now: datetime,
               agency_code: str | None = None) -> Timeliness:
    groups = compute(session, start=start, end=end, group=GroupBy.AGENCY, now=now, agency_code=agency_code)
    return Timeliness(sum(i.resolved_on_time for i in groups.values()), sum(i.resolved_late for i in groups.values()),
                      sum(i.overdue_open for i in groups.values()))
