"""The working-day calendar (lịch ngày làm việc) and working-time arithmetic."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.time_limit import TimeLimit

from . import deadlines
from ._moments import (
    MINUTES_PER_DAY,
    delta_minutes,
    join,
    require_date,
    require_datetime,
    require_timedelta,
    split,
)
from .holiday_provider import HolidayProvider, VietnamHolidays
from .overrides import DayOverride, OverrideKind, OverrideTable
from .schedule import WorkingSchedule

# Give up looking for the next working day after ~10 years of days off: the
# override table must be wrong, and looping forever would freeze the counter.
_MAX_DAYS_OFF_IN_A_ROW = 3660
_DEFAULT_HOLIDAYS: VietnamHolidays | None = None


def _default_holidays() -> VietnamHolidays:
    global _DEFAULT_HOLIDAYS
    if _DEFAULT_HOLIDAYS is None:
        _DEFAULT_HOLIDAYS = VietnamHolidays()
    return _DEFAULT_HOLIDAYS


@dataclass(frozen=True, slots=True)
class DayInfo:
    """Why a day is or is not a working day (ngày làm việc).

    ``reason`` is one of ``"workday"``, ``"weekend"``, ``"holiday"`` (``detail`` = the
    holiday's name), ``"override"`` (``detail`` = the override's note) or
    ``"swapped_workday"`` (a weekend day worked in exchange for a day off).
    """

    day: date
    working: bool
    reason: str
    detail: str = ""


class WorkingCalendar:
    """Working days and working time of one agency (or the whole city).

    Precedence for a day: the agency's override, then a city-wide override, then a
    public holiday, then a swapped working weekend day, then the weekly ``workdays``.
    """

    def __init__(
        self,
        schedule: WorkingSchedule,
        *,
        overrides: Iterable[DayOverride] = (),
        agency_code: str | None = None,
        holidays: HolidayProvider | None = None,
    ) -> None:
        if not isinstance(schedule, WorkingSchedule):
            raise ValidationError(
                f"schedule must be a WorkingSchedule, got {type(schedule).__name__}",
                "Thiếu cấu hình giờ làm việc hợp lệ. Hãy kiểm tra tệp quy tắc giờ làm việc.",
            )
        if holidays is not None and not isinstance(holidays, HolidayProvider):
            raise ValidationError(
                f"holidays must be a HolidayProvider, got {type(holidays).__name__}",
                "Nguồn ngày nghỉ lễ không hợp lệ. Hãy báo cho quản trị hệ thống.",
            )
        if agency_code is not None and not isinstance(agency_code, str):
            raise ValidationError(
                f"agency_code must be a string or None, got {type(agency_code).__name__}",
                "Mã cơ quan không hợp lệ. Để trống nếu dùng lịch chung của thành phố.",
            )
        self.schedule = schedule
        self.agency_code = agency_code
        self.holidays: HolidayProvider = holidays if holidays is not None else _default_holidays()
        self._overrides = OverrideTable(overrides, agency_code)
        self._days: dict[date, DayInfo] = {}
        self._minutes = schedule.period_minutes

    # ---- days ---------------------------------------------------------------

    def describe_day(self, d: date) -> DayInfo:
        """Whether ``d`` is a working day, and why."""
        d = require_date(d, "ngày")
        info = self._days.get(d)
        if info is None:
            info = self._days[d] = self._classify(d)
        return info

    def _classify(self, d: date) -> DayInfo:
        override = self._overrides.get(d)
        if override is not None:
            return DayInfo(d, override.kind is OverrideKind.WORKING_DAY, "override", override.note)
        name = self.holidays.holiday_name(d)
        if name is not None:
            return DayInfo(d, False, "holiday", name)
        if d.weekday() in self.schedule.workdays:
            return DayInfo(d, True, "workday")
        if self.holidays.is_swapped_workday(d):
            return DayInfo(d, True, "swapped_workday", "Ngày làm việc bù")
        return DayInfo(d, False, "weekend")

    def is_working_day(self, d: date) -> bool:
        return self.describe_day(d).working

    def _periods(self, d: date) -> tuple[tuple[int, int], ...]:
        return self._minutes if self.describe_day(d).working else ()

    def working_periods(self, d: date) -> list[tuple[datetime, datetime]]:
        """The working periods of ``d`` as (start, end) datetimes; empty on a day off."""
        d = require_date(d, "ngày")
        return [(join(d, s), join(d, e)) for s, e in self._periods(d)]

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d = require_date(d, "ngày")
        for _ in range(_MAX_DAYS_OFF_IN_A_ROW):
            d += timedelta(days=1)
            if self.is_working_day(d):
                return d
        raise ConfigurationError(
            f"no working day within {_MAX_DAYS_OFF_IN_A_ROW} days",
            "Không tìm thấy ngày làm việc nào trong nhiều năm tới. Hãy kiểm tra bảng điều chỉnh ngày nghỉ.",
        )

    def end_of_working_day(self, d: date) -> datetime:
        """The end of the last working period of working day ``d`` (hết giờ làm việc)."""
        d = require_date(d, "ngày")
        periods = self._periods(d)
        if not periods:
            raise ValidationError(
                f"{d.isoformat()} is not a working day",
                f"Ngày {d:%d/%m/%Y} không phải ngày làm việc. Hãy chọn một ngày làm việc.",
            )
        return join(d, periods[-1][1])

    # ---- moments and working time ---------------------------------------------

    def next_working_moment(self, dt: datetime) -> datetime:
        """``dt`` itself if it lies in a working period (start inclusive, end exclusive),
        else the start of the next working period."""
        dt = require_datetime(dt, "thời điểm")
        day, minute = split(dt)
        for s, e in self._periods(day):
            if minute < e:
                return dt if minute >= s else join(day, s)
        day = self.next_working_day(day)
        return join(day, self._minutes[0][0])

    def add_working_time(self, start: datetime, delta: timedelta) -> datetime:
        """``start`` plus ``delta`` of working time, skipping nights, weekends and holidays.

        Ending exactly at the end of a period gives that end (17:00), not the next start.
        """
        start = require_datetime(start, "thời điểm bắt đầu")
        delta = require_timedelta(delta, "thời gian cộng thêm")
        if not delta:
            return start
        remaining = delta_minutes(delta)
        day, minute = split(start)
        while True:
            for s, e in self._periods(day):
                if minute >= e:
                    continue
                s = max(s, minute)
                if remaining <= e - s:
                    return join(day, s + remaining)
                remaining -= e - s
            day, minute = self.next_working_day(day), 0

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from ``a`` to ``b``; zero when ``b <= a``."""
        a = require_datetime(a, "thời điểm đầu")
        b = require_datetime(b, "thời điểm cuối")
        if b <= a:
            return timedelta(0)
        (first, lo), (last, hi) = split(a), split(b)
        total, day = 0, first
        while day <= last:
            low = lo if day == first else 0
            high = hi if day == last else MINUTES_PER_DAY
            total += sum(max(0, min(e, high) - max(s, low)) for s, e in self._periods(day))
            day += timedelta(days=1)
        return timedelta(minutes=total)

    # ---- deadlines (thời hạn giải quyết) -----------------------------------------

    def counting_start(self, received_at: datetime) -> datetime:
        """When the limit starts to run (thời điểm bắt đầu tính thời hạn); see ``deadlines``."""
        return deadlines.counting_start(self, received_at)

    def due_at(
        self, received_at: datetime, limit: TimeLimit, *, paused: timedelta = timedelta(0)
    ) -> datetime:
        """The appointment for the result (ngày hẹn trả); see ``deadlines``."""
        return deadlines.due_at(self, received_at, limit, paused=paused)

    def paused_working_time(
        self, pauses: Iterable[tuple[datetime, datetime | None]], now: datetime
    ) -> timedelta:
        """Working time spent in pauses (waiting for a supplement); see ``deadlines``."""
        return deadlines.paused_working_time(self, pauses, now)
