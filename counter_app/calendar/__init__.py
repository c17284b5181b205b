"""Working-day calendar (lịch ngày làm việc): working time, counting start and the
appointment for the result (ngày hẹn trả kết quả) of a dossier.

Pure logic: no Qt, no database; the only I/O is reading
``resources/rules/working_time.toml`` in ``rules.load_schedule``.

Time convention: every ``datetime`` taken or returned is **naive local Vietnam time
(ICT, UTC+7; Vietnam has no daylight saving)**. A tz-aware datetime is rejected with
``ValidationError`` rather than converted, so a UTC timestamp can never be mistaken for
local time silently. Arithmetic is exact in whole minutes: datetimes are truncated to
the minute and durations that are not whole minutes are rounded up.

Sources of truth, in order of precedence for a day: an agency's ``DayOverride``, a
city-wide ``DayOverride``, the public holidays of the pinned ``holidays`` package
(``VietnamHolidays``), its swapped working Saturdays, then the schedule's workdays.
"""

from .holiday_provider import HolidayProvider, VietnamHolidays, holidays_version
from .overrides import DayOverride, OverrideKind
from .rules import load_schedule
from .schedule import WorkingPeriod, WorkingSchedule
from .working_calendar import DayInfo, WorkingCalendar

__all__ = [
    "DayInfo",
    "DayOverride",
    "HolidayProvider",
    "OverrideKind",
    "VietnamHolidays",
    "WorkingCalendar",
    "WorkingPeriod",
    "WorkingSchedule",
    "holidays_version",
    "load_schedule",
]
