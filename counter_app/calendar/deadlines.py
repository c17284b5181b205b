"""Deadline rules: when the time limit (thời hạn giải quyết) starts, and the
appointment for the result (ngày hẹn trả kết quả).

Rule (Decree 61/2018 Art. 19 as recalled, carried into Decree 118/2025; the Hanoi
details are UNCONFIRMED and configurable in ``resources/rules/working_time.toml``):

* A dossier received inside office hours up to the cut-off (15:00) starts counting
  at the moment of receipt. After the cut-off on a working day ("sau 15 giờ": 15:00:00
  is still same-day, 15:00:01 is not) it starts at the opening of the next working day.
  Otherwise (before opening, lunch break, evening, weekend, holiday) it starts at the next
  working period.
* "N ngày làm việc" = N × ``hours_per_working_day`` hours of working time from the
  counting start; "N giờ làm việc" = N hours; "trong ngày" = the end of the working
  day on which counting starts.
* Working time spent waiting for a supplement (paused) is added back at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from counter_app.domain.errors import ValidationError
from counter_app.domain.time_limit import LimitKind, TimeLimit

from ._moments import ceil_minutes, exact, join, require_datetime, require_timedelta

if TYPE_CHECKING:
    from .working_calendar import WorkingCalendar


def counting_start(cal: "WorkingCalendar", received_at: datetime) -> datetime:
    """When the limit starts to run (thời điểm bắt đầu tính thời hạn)."""
    received_at = require_datetime(received_at, "thời điểm tiếp nhận")
    day = received_at.date()
    if cal.is_working_day(day) and received_at.time() > cal.schedule.cutoff:
        return join(cal.next_working_day(day), cal.schedule.period_minutes[0][0])
    return cal.next_working_moment(received_at)


def limit_minutes(limit: TimeLimit, hours_per_working_day: float) -> int:
    """A working-days / working-hours limit as whole minutes (exact, rounded up)."""
    hours = exact(limit.value)
    if limit.kind is LimitKind.WORKING_DAYS:
        hours *= exact(hours_per_working_day)
    return ceil_minutes(hours * 60)


def due_at(
    cal: "WorkingCalendar", received_at: datetime, limit: TimeLimit, *, paused: timedelta = timedelta(0)
) -> datetime:
    """The appointment for the result (ngày hẹn trả kết quả)."""
    received_at = require_datetime(received_at, "thời điểm tiếp nhận")
    if not isinstance(limit, TimeLimit):
        raise ValidationError(
            f"limit must be a TimeLimit, got {type(limit).__name__}",
            "Thủ tục chưa có thời hạn giải quyết hợp lệ. Hãy kiểm tra thời hạn trong danh mục thủ tục.",
        )
    paused = require_timedelta(paused, "thời gian tạm dừng")
    start = counting_start(cal, received_at)
    if limit.kind is LimitKind.IN_DAY:
        due = cal.end_of_working_day(start.date())
    else:
        minutes = limit_minutes(limit, cal.schedule.hours_per_working_day)
        due = cal.add_working_time(start, timedelta(minutes=minutes))
    return cal.add_working_time(due, paused)


def paused_working_time(
    cal: "WorkingCalendar", pauses: Iterable[tuple[datetime, datetime | None]], now: datetime
) -> timedelta:
    """Working time covered by the pauses; an open pause (end ``None``) runs until ``now``.

    Overlapping pauses are merged, so no working minute is counted twice.
    """
    now = require_datetime(now, "thời điểm hiện tại")
    intervals: list[tuple[datetime, datetime]] = []
    for pause in pauses:
        try:
            begin, end = pause
        except (TypeError, ValueError):
            raise ValidationError(
                f"a pause is (start, end or None), got {pause!r}",
                "Dữ liệu tạm dừng không hợp lệ: mỗi lần tạm dừng cần thời điểm bắt đầu và kết thúc.",
            ) from None
        begin = require_datetime(begin, "thời điểm bắt đầu tạm dừng")
        if end is None:
            end = now
        elif require_datetime(end, "thời điểm kết thúc tạm dừng") < begin:
            raise ValidationError(
                f"pause ends before it starts: {begin.isoformat()} > {end.isoformat()}",
                "Thời điểm kết thúc tạm dừng đứng trước thời điểm bắt đầu. Hãy sửa lại thời gian tạm dừng.",
            )
        if end > begin:
            intervals.append((begin, end))
    total = timedelta(0)
    merged_end: datetime | None = None
    for begin, end in sorted(intervals):
        if merged_end is not None and begin < merged_end:
            begin = merged_end  # overlap: count only the part not counted yet
        if end > begin:
            total += cal.working_time_between(begin, end)
            merged_end = end if merged_end is None else max(merged_end, end)
    return total
