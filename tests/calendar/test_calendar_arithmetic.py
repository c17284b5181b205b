"""Working-time arithmetic on the default schedule (08–12, 13–17, Mon–Fri)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from counter_app.calendar import WorkingCalendar, WorkingPeriod, WorkingSchedule
from counter_app.domain.time_limit import TimeLimit


@pytest.mark.parametrize(("moment", "expected"), [
    (datetime(2026, 3, 10, 8, 0), datetime(2026, 3, 10, 8, 0)),  # start inclusive
    (datetime(2026, 3, 10, 11, 59), datetime(2026, 3, 10, 11, 59)),
    (datetime(2026, 3, 10, 12, 0), datetime(2026, 3, 10, 13, 0)),  # end exclusive
    (datetime(2026, 3, 10, 7, 59, 30), datetime(2026, 3, 10, 8, 0)),
    (datetime(2026, 3, 10, 17, 0), datetime(2026, 3, 11, 8, 0)),
    (datetime(2026, 3, 13, 17, 0), datetime(2026, 3, 16, 8, 0)),  # Friday evening → Monday
    (datetime(2026, 2, 13, 16, 0), datetime(2026, 2, 13, 16, 0)),  # after cut-off but working
    (datetime(2026, 2, 14, 9, 0), datetime(2026, 2, 23, 8, 0)),  # weekend + Tết 2026
])
def test_next_working_moment(city: WorkingCalendar, moment: datetime, expected: datetime) -> None:
    assert city.next_working_moment(moment) == expected


@pytest.mark.parametrize(("start", "delta", "expected"), [
    # Exactly to a period end gives that end, not the next start.
    (datetime(2026, 3, 10, 8), timedelta(hours=4), datetime(2026, 3, 10, 12)),
    (datetime(2026, 3, 10, 8), timedelta(hours=8), datetime(2026, 3, 10, 17)),
    (datetime(2026, 3, 10, 8), timedelta(hours=4, minutes=1), datetime(2026, 3, 10, 13, 1)),
    # From outside office hours the clock starts at the next period.
    (datetime(2026, 3, 10, 12, 0), timedelta(minutes=1), datetime(2026, 3, 10, 13, 1)),
    (datetime(2026, 3, 14, 10, 0), timedelta(hours=1), datetime(2026, 3, 16, 9, 0)),
    # Seconds are truncated; a partial minute of delta is rounded up.
    (datetime(2026, 3, 10, 9, 0, 45), timedelta(minutes=10), datetime(2026, 3, 10, 9, 10)),
    (datetime(2026, 3, 10, 9, 0), timedelta(seconds=1), datetime(2026, 3, 10, 9, 1)),
])
def test_add_working_time(city: WorkingCalendar, start: datetime, delta: timedelta, expected: datetime) -> None:
    assert city.add_working_time(start, delta) == expected


def test_zero_delta_returns_start_unchanged(city: WorkingCalendar) -> None:
    for start in (datetime(2026, 3, 14, 3, 7, 9), datetime(2026, 3, 10, 12, 0), datetime(2026, 3, 10, 9)):
        assert city.add_working_time(start, timedelta(0)) is start


@pytest.mark.parametrize(("a", "b", "expected"), [
    (datetime(2026, 3, 10, 8), datetime(2026, 3, 10, 17), timedelta(hours=8)),
    (datetime(2026, 3, 10, 11), datetime(2026, 3, 10, 14), timedelta(hours=2)),  # lunch excluded
    (datetime(2026, 3, 13, 15), datetime(2026, 3, 16, 10), timedelta(hours=4)),  # weekend excluded
    (datetime(2026, 2, 13, 8), datetime(2026, 2, 24, 8), timedelta(hours=16)),  # Tết excluded
    (datetime(2026, 3, 10, 17), datetime(2026, 3, 10, 8), timedelta(0)),  # b <= a
    (datetime(2026, 3, 10, 9), datetime(2026, 3, 10, 9), timedelta(0)),
])
def test_working_time_between(city: WorkingCalendar, a: datetime, b: datetime, expected: timedelta) -> None:
    assert city.working_time_between(a, b) == expected


def test_end_of_working_day(city: WorkingCalendar) -> None:
    assert city.end_of_working_day(date(2026, 3, 10)) == datetime(2026, 3, 10, 17)
    assert city.end_of_working_day(date(2026, 8, 22)) == datetime(2026, 8, 22, 17)  # swapped Saturday


def test_next_working_day(city: WorkingCalendar) -> None:
    assert city.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert city.next_working_day(date(2026, 8, 21)) == date(2026, 8, 22)


def test_custom_schedule_with_saturday_morning(holidays_vn) -> None:
    schedule = WorkingSchedule(
        periods=(WorkingPeriod(time(7, 30), time(11, 30)), WorkingPeriod(time(13, 30), time(17))),
        workdays=frozenset({0, 1, 2, 3, 4, 5}),
        cutoff=time(16),
        hours_per_working_day=7.5,
    )
    cal = WorkingCalendar(schedule, holidays=holidays_vn)
    # Fri 13/3 15:30 is before a 16:00 cut-off: 1.5 h Fri; Sat 14/3 07:30 + 6 h:
    # 07:30–11:30 = 4, 13:30 + 2 h = 15:30.
    assert cal.due_at(datetime(2026, 3, 13, 15, 30), TimeLimit.working_days(1)) == datetime(2026, 3, 14, 15, 30)
    assert cal.counting_start(datetime(2026, 3, 13, 16)) == datetime(2026, 3, 13, 16)  # at the cut-off
    assert cal.counting_start(datetime(2026, 3, 13, 16, 1)) == datetime(2026, 3, 14, 7, 30)
    assert cal.end_of_working_day(date(2026, 3, 14)) == datetime(2026, 3, 14, 17)


def test_a_year_of_working_days_round_trips(holidays_vn) -> None:
    """Its speed is a benchmark row (``benchmarks/run.py``), not a timed test."""
    cal = WorkingCalendar(WorkingSchedule(), holidays=holidays_vn)  # fresh day cache
    due = cal.add_working_time(datetime(2026, 1, 2, 8), timedelta(hours=8 * 365))
    assert cal.working_time_between(datetime(2026, 1, 2, 8), due) == timedelta(hours=8 * 365)
    assert due.time() == time(17) and cal.is_working_day(due.date())
