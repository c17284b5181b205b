"""Bad input raises ValidationError with a Vietnamese message."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from counter_app.calendar import DayOverride, OverrideKind, WorkingCalendar, WorkingSchedule
from counter_app.domain.errors import ValidationError
from counter_app.domain.time_limit import TimeLimit

ICT = timezone(timedelta(hours=7))
MOMENT = datetime(2026, 3, 10, 9)


def _raises(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert caught.value.message_vi and caught.value.code == "invalid"
    return caught.value


def test_negative_delta(city: WorkingCalendar) -> None:
    error = _raises(city.add_working_time, MOMENT, timedelta(minutes=-1))
    assert "không được âm" in error.message_vi


def test_delta_must_be_a_timedelta(city: WorkingCalendar) -> None:
    _raises(city.add_working_time, MOMENT, 60)


def test_end_of_working_day_on_a_day_off(city: WorkingCalendar) -> None:
    error = _raises(city.end_of_working_day, date(2026, 3, 14))
    assert "14/03/2026" in error.message_vi
    _raises(city.end_of_working_day, date(2026, 9, 2))


@pytest.mark.parametrize("method", ["next_working_moment", "counting_start"])
def test_date_instead_of_datetime(city: WorkingCalendar, method: str) -> None:
    error = _raises(getattr(city, method), date(2026, 3, 10))
    assert "ngày và giờ" in error.message_vi


@pytest.mark.parametrize("call", [
    lambda c: c.add_working_time(MOMENT.replace(tzinfo=ICT), timedelta(hours=1)),
    lambda c: c.counting_start(MOMENT.replace(tzinfo=timezone.utc)),
    lambda c: c.working_time_between(MOMENT, MOMENT.replace(tzinfo=ICT)),
    lambda c: c.due_at(MOMENT.replace(tzinfo=ICT), TimeLimit.working_days(1)),
    lambda c: c.next_working_moment(MOMENT.replace(tzinfo=ICT)),
    lambda c: c.describe_day(MOMENT.replace(tzinfo=ICT)),
])
def test_tz_aware_input(city: WorkingCalendar, call) -> None:
    error = _raises(call, city)
    assert "múi giờ" in error.message_vi


def test_due_at_bad_arguments(city: WorkingCalendar) -> None:
    _raises(city.due_at, date(2026, 3, 10), TimeLimit.working_days(1))
    _raises(city.due_at, MOMENT, 5)
    _raises(city.due_at, MOMENT, TimeLimit.working_days(1), paused=timedelta(hours=-1))


def test_bad_pauses(city: WorkingCalendar) -> None:
    _raises(city.paused_working_time, [(MOMENT, MOMENT - timedelta(hours=1))], MOMENT)
    _raises(city.paused_working_time, [(MOMENT,)], MOMENT)
    _raises(city.paused_working_time, [(date(2026, 3, 10), None)], MOMENT)
    _raises(city.paused_working_time, [], date(2026, 3, 10))


def test_bad_overrides() -> None:
    _raises(DayOverride, datetime(2026, 3, 10), OverrideKind.DAY_OFF)
    _raises(DayOverride, date(2026, 3, 10), "off")
    _raises(DayOverride, date(2026, 3, 10), OverrideKind.DAY_OFF, agency_code=" ")
    conflicting = [DayOverride(date(2026, 3, 10), OverrideKind.DAY_OFF),
                   DayOverride(date(2026, 3, 10), OverrideKind.WORKING_DAY)]
    error = _raises(WorkingCalendar, WorkingSchedule(), overrides=conflicting)
    assert "10/03/2026" in error.message_vi
    _raises(WorkingCalendar, WorkingSchedule(), overrides=[date(2026, 3, 10)])


def test_bad_calendar_arguments() -> None:
    _raises(WorkingCalendar, {"cutoff": "15:00"})
    _raises(WorkingCalendar, WorkingSchedule(), holidays=object())
