"""Property tests of the working-time arithmetic (hypothesis, 2025–2028, whole minutes)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.calendar import VietnamHolidays, WorkingCalendar, WorkingSchedule
from counter_app.domain.time_limit import TimeLimit

# Module-level (not a fixture): hypothesis re-runs the body, the calendar caches days.
CAL = WorkingCalendar(WorkingSchedule(), holidays=VietnamHolidays())
FIRST, LAST = date(2025, 1, 1), date(2028, 12, 31)
PROPERTY = settings(max_examples=200, deadline=None, database=None)

days = st.integers(0, (LAST - FIRST).days).map(lambda n: FIRST + timedelta(days=n))
moments = st.builds(lambda d, m: datetime.combine(d, time()) + timedelta(minutes=m), days, st.integers(0, 1439))
working_moments = moments.map(CAL.next_working_moment)
# Up to 60 working days, biased to short spans (the common case and the edges).
deltas = st.one_of(st.integers(0, 8 * 60), st.integers(0, 60 * 8 * 60)).map(lambda m: timedelta(minutes=m))
limits = st.one_of(
    st.integers(1, 30).map(TimeLimit.working_days),
    st.sampled_from([0.5, 1.5, 2.5]).map(TimeLimit.working_days),
    st.integers(1, 40).map(TimeLimit.working_hours),
    st.just(TimeLimit.in_day()),
)


def in_working_period(moment: datetime) -> bool:
    """``moment`` lies in a working period of a working day, end inclusive."""
    return any(start <= moment <= end for start, end in CAL.working_periods(moment.date()))


@PROPERTY
@given(moments, deltas)
def test_result_is_after_start_and_inside_a_period(start: datetime, delta: timedelta) -> None:
    result = CAL.add_working_time(start, delta)
    assert result >= start
    if delta:
        assert result > start
        assert CAL.is_working_day(result.date())
        assert in_working_period(result)


@PROPERTY
@given(moments, deltas)
def test_working_time_between_inverts_add(start: datetime, delta: timedelta) -> None:
    working_start = CAL.next_working_moment(start)
    assert CAL.working_time_between(working_start, CAL.add_working_time(working_start, delta)) == delta
    # It holds from a non-working moment too: the gap before the first period is not working time.
    assert CAL.working_time_between(start, CAL.add_working_time(start, delta)) == delta


@PROPERTY
@given(moments, deltas, deltas)
def test_additivity(start: datetime, a: timedelta, b: timedelta) -> None:
    assert CAL.add_working_time(CAL.add_working_time(start, a), b) == CAL.add_working_time(start, a + b)


@PROPERTY
@given(moments, moments, deltas)
def test_monotonic_in_start(s1: datetime, s2: datetime, delta: timedelta) -> None:
    s1, s2 = min(s1, s2), max(s1, s2)
    assert CAL.add_working_time(s1, delta) <= CAL.add_working_time(s2, delta)


@PROPERTY
@given(moments, deltas, deltas)
def test_monotonic_in_delta(start: datetime, d1: timedelta, d2: timedelta) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    assert CAL.add_working_time(start, d1) <= CAL.add_working_time(start, d2)


@PROPERTY
@given(moments)
def test_counting_start_is_a_later_working_moment(received: datetime) -> None:
    start = CAL.counting_start(received)
    assert start >= received
    assert CAL.next_working_moment(start) == start
    assert start.time() < CAL.schedule.cutoff
    if CAL.is_working_day(received.date()) and received.time() >= CAL.schedule.cutoff:
        assert start.date() > received.date()


@PROPERTY
@given(days)
def test_no_working_time_on_days_off(day: date) -> None:
    midnight = datetime.combine(day, time())
    worked = CAL.working_time_between(midnight, midnight + timedelta(days=1))
    if CAL.holidays.holiday_name(day) is not None:
        assert not CAL.is_working_day(day)
    if CAL.is_working_day(day):
        assert worked == timedelta(hours=8)
    else:
        assert worked == timedelta(0)
        assert CAL.working_periods(day) == []


@PROPERTY
@given(moments, limits, deltas)
def test_pause_is_added_as_working_time(received: datetime, limit: TimeLimit, paused: timedelta) -> None:
    due = CAL.due_at(received, limit)
    assert CAL.due_at(received, limit, paused=paused) == CAL.add_working_time(due, paused)
    assert due > received and in_working_period(due)


@PROPERTY
@given(moments, st.integers(1, 30))
def test_working_days_limit_spans_that_much_working_time(received: datetime, n: int) -> None:
    start = CAL.counting_start(received)
    due = CAL.due_at(received, TimeLimit.working_days(n))
    assert CAL.working_time_between(start, due) == timedelta(hours=8 * n)
