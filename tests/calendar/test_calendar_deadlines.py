"""Table tests: counting start and appointment (ngày hẹn trả) with hand-computed values.

Default schedule: 08:00–12:00 and 13:00–17:00, Monday–Friday, cut-off 15:00,
1 working day = 8 working hours. Arithmetic in the comments is in working hours (h).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from counter_app.calendar import DayOverride, OverrideKind, VietnamHolidays, WorkingCalendar, WorkingSchedule
from counter_app.domain.time_limit import TimeLimit

D = TimeLimit.working_days
H = TimeLimit.working_hours

DUE_CASES = [
    # --- Tết 2026: holidays Mon 16/2 – Fri 20/2 ------------------------------------------
    # Fri 13/2 14:30 is before the cut-off → counting 14:30. 5 days = 40 h:
    # Fri 14:30–17:00 2.5 h; 16–20/2 Tết, 21–22 weekend; Mon 23 → 10.5; Tue 24 → 18.5;
    # Wed 25 → 26.5; Thu 26 → 34.5; Fri 27: 08–12 → 38.5, 13:00 + 1.5 h = 14:30.
    ("tet-2026", datetime(2026, 2, 13, 14, 30), D(5), datetime(2026, 2, 27, 14, 30)),
    # Fri 13/2 15:30 is after the cut-off → counting at the next working day, Mon 23/2 08:00;
    # + 8 h → Mon 23/2 17:00.
    ("tet-2026-after-cutoff", datetime(2026, 2, 13, 15, 30), D(1), datetime(2026, 2, 23, 17)),
    # --- Tết 2027: holidays Thu 4/2 – Wed 10/2 -------------------------------------------
    # Wed 3/2 10:00, 3 days = 24 h: Wed 10–12 + 13–17 = 6; 4–10/2 off; Thu 11 → 14;
    # Fri 12 → 22; Mon 15: 08:00 + 2 h = 10:00.
    ("tet-2027", datetime(2027, 2, 3, 10), D(3), datetime(2027, 2, 15, 10)),
    # --- Hùng Kings 2026 (Sun 26/4, observed Mon 27/4), then 30/4 (Thu) and 1/5 (Fri) ----
    # Fri 24/4 09:00, 2 days = 16 h: Fri 9–12 + 13–17 = 7; Sat–Mon off; Tue 28 → 15;
    # Wed 29: 08:00 + 1 h = 09:00.
    ("hung-kings-2026", datetime(2026, 4, 24, 9), D(2), datetime(2026, 4, 29, 9)),
    # Same receipt, 3 days = 24 h: … Wed 29 → 23; Thu 30/4, Fri 1/5 holidays, weekend;
    # Mon 4/5: 08:00 + 1 h = 09:00.
    ("hung-kings-and-30-4-2026", datetime(2026, 4, 24, 9), D(3), datetime(2026, 5, 4, 9)),
    # --- Hùng Kings 2027 (Fri 16/4) ----------------------------------------------------------
    # Thu 15/4 16:00 after the cut-off → next working day is Mon 19/4 (Fri holiday) 08:00;
    # + 8 h → Mon 19/4 17:00.
    ("hung-kings-2027", datetime(2027, 4, 15, 16), D(1), datetime(2027, 4, 19, 17)),
    # --- 30/4–1/5 2027: Fri 30/4, Sat 1/5 → observed Mon 3/5 --------------------------------
    # Thu 29/4 08:00, 2 days = 16 h: Thu 8; Fri 30/4 – Mon 3/5 off; Tue 4/5 8 → 16, ends
    # exactly at 17:00 (the period end, not Wed 08:00).
    ("30-4-2027-observed", datetime(2027, 4, 29, 8), D(2), datetime(2027, 5, 4, 17)),
    # --- Quốc khánh 2026: Mon 31/8 (swap for Sat 22/8), Tue 1/9, Wed 2/9 off ---------------
    # Fri 28/8 10:00, 2 days = 16 h: Fri 2 + 4 = 6; weekend; 31/8–2/9 off; Thu 3/9 → 14;
    # Fri 4/9: 08:00 + 2 h = 10:00.
    ("quoc-khanh-2026", datetime(2026, 8, 28, 10), D(2), datetime(2026, 9, 4, 10)),
    # --- Quốc khánh 2027: Thu 2/9, Fri 3/9 ------------------------------------------------------
    # Wed 1/9 14:00, 1 day = 8 h: Wed 14–17 = 3; Thu–Sun off; Mon 6/9: 08–12 → 7, 13:00 + 1 h.
    ("quoc-khanh-2027", datetime(2027, 9, 1, 14), D(1), datetime(2027, 9, 6, 14)),
    # --- swapped working Saturday 22/8/2026 --------------------------------------------------
    # Fri 21/8 16:00 after the cut-off → next working day is Sat 22/8 08:00; + 8 h → 17:00.
    ("swapped-saturday-2026", datetime(2026, 8, 21, 16), D(1), datetime(2026, 8, 22, 17)),
    # Received on the working Saturday itself, 10:00 → counts at once; 4 h: 10–12 + 13–15.
    ("on-swapped-saturday", datetime(2026, 8, 22, 10), H(4), datetime(2026, 8, 22, 15)),
    # --- cut-off and office hours (ordinary week of 9–13/3/2026) -------------------------------
    # 14:59 is before the cut-off: counting Tue 14:59, + 8 h → Wed 14:59.
    ("cutoff-14:59", datetime(2026, 3, 10, 14, 59), D(1), datetime(2026, 3, 11, 14, 59)),
    # 15:00 exactly is not "after 15:00" (sau 15 giờ): counting Tue 15:00, + 8 h → Wed 15:00.
    ("cutoff-15:00", datetime(2026, 3, 10, 15, 0), D(1), datetime(2026, 3, 11, 15)),
    # 15:01 is after the cut-off: counting Wed 08:00, + 8 h → Wed 17:00.
    ("cutoff-15:01", datetime(2026, 3, 10, 15, 1), D(1), datetime(2026, 3, 11, 17)),
    ("cutoff-16:30", datetime(2026, 3, 10, 16, 30), D(1), datetime(2026, 3, 11, 17)),
    # Evening after closing is after the cut-off too → next working day.
    ("evening", datetime(2026, 3, 10, 19, 45), D(1), datetime(2026, 3, 11, 17)),
    # Lunch break 12:30 → counting 13:00; 8 h: Tue 13–17 = 4, Wed 08–12 = 8, ends at 12:00.
    ("lunch-break", datetime(2026, 3, 10, 12, 30), D(1), datetime(2026, 3, 11, 12)),
    # Before opening 07:10 → counting 08:00 the same day; + 8 h → 17:00 the same day.
    ("before-opening", datetime(2026, 3, 10, 7, 10), D(1), datetime(2026, 3, 10, 17)),
    # Saturday → counting Mon 9/3 08:00; + 8 h → Mon 17:00.
    ("weekend-receipt", datetime(2026, 3, 7, 10), D(1), datetime(2026, 3, 9, 17)),
    # --- working hours -------------------------------------------------------------------------
    # Tue 11:00 + 4 h: 11–12 = 1, lunch skipped, 13:00 + 3 h = 16:00.
    ("hours-over-lunch", datetime(2026, 3, 10, 11), H(4), datetime(2026, 3, 10, 16)),
    # Tue 14:00 + 6 h: 14–17 = 3, night skipped, Wed 08:00 + 3 h = 11:00.
    ("hours-over-night", datetime(2026, 3, 10, 14), H(6), datetime(2026, 3, 11, 11)),
    # Fri 13/3 10:00 + 16 h: Fri 2 + 4 = 6; weekend; Mon 16 → 14; Tue 17: 08:00 + 2 h.
    ("hours-over-weekend", datetime(2026, 3, 13, 10), H(16), datetime(2026, 3, 17, 10)),
    # 1.5 h from Tue 11:00: 11–12 = 1, 13:00 + 0.5 h = 13:30.
    ("fractional-hours", datetime(2026, 3, 10, 11), H(1.5), datetime(2026, 3, 10, 13, 30)),
    # --- fractional days ---------------------------------------------------------------------
    # 0.5 day = 4 h from Tue 10:00: 10–12 = 2, 13:00 + 2 h = 15:00.
    ("half-day", datetime(2026, 3, 10, 10), D(0.5), datetime(2026, 3, 10, 15)),
    # 1.5 days = 12 h from Tue 10:00: Tue 6; Wed 08–12 → 10, 13:00 + 2 h = 15:00.
    ("one-and-a-half-days", datetime(2026, 3, 10, 10), D(1.5), datetime(2026, 3, 11, 15)),
    # 0.3 day = 2.4 h = 144 min exactly (no float drift) from Tue 08:00 → 10:24.
    ("0.3-day", datetime(2026, 3, 10, 8), D(0.3), datetime(2026, 3, 10, 10, 24)),
    # --- 2026 New Year (Thu 1/1) -----------------------------------------------------------------
    # Wed 31/12/2025 15:10 after the cut-off → Fri 2/1/2026 08:00; 1 day → Fri 17:00.
    ("new-year-2026", datetime(2025, 12, 31, 15, 10), D(1), datetime(2026, 1, 2, 17)),
]


@pytest.mark.parametrize(("received", "limit", "expected"), [c[1:] for c in DUE_CASES],
                         ids=[c[0] for c in DUE_CASES])
def test_due_at(city: WorkingCalendar, received: datetime, limit: TimeLimit, expected: datetime) -> None:
    assert city.due_at(received, limit) == expected


IN_DAY_CASES = [
    ("before-cutoff", datetime(2026, 3, 10, 10), datetime(2026, 3, 10, 17)),
    ("at-cutoff", datetime(2026, 3, 10, 15), datetime(2026, 3, 10, 17)),  # 15:00 is not after 15:00
    ("after-cutoff", datetime(2026, 3, 10, 15, 1), datetime(2026, 3, 11, 17)),
    ("lunch", datetime(2026, 3, 10, 12, 15), datetime(2026, 3, 10, 17)),
    ("before-opening", datetime(2026, 3, 10, 6, 30), datetime(2026, 3, 10, 17)),
    # Friday after the cut-off → Monday.
    ("friday-after-cutoff", datetime(2026, 3, 13, 15, 30), datetime(2026, 3, 16, 17)),
    # Friday 24/4/2026 after the cut-off → Mon 27/4 is Hùng Kings (observed) → Tuesday.
    ("friday-before-long-weekend", datetime(2026, 4, 24, 16), datetime(2026, 4, 28, 17)),
    ("weekend", datetime(2026, 3, 14, 9), datetime(2026, 3, 16, 17)),
    ("holiday", datetime(2026, 9, 2, 9), datetime(2026, 9, 3, 17)),
]


@pytest.mark.parametrize(("received", "expected"), [c[1:] for c in IN_DAY_CASES],
                         ids=[c[0] for c in IN_DAY_CASES])
def test_due_at_in_day(city: WorkingCalendar, received: datetime, expected: datetime) -> None:
    assert city.due_at(received, TimeLimit.in_day()) == expected


@pytest.mark.parametrize(("received", "expected"), [
    (datetime(2026, 3, 10, 10, 0), datetime(2026, 3, 10, 10, 0)),  # inside, before cut-off
    (datetime(2026, 3, 10, 14, 59, 59), datetime(2026, 3, 10, 14, 59, 59)),  # kept as received
    (datetime(2026, 3, 10, 15, 0), datetime(2026, 3, 10, 15, 0)),  # at the cut-off: still same-day
    (datetime(2026, 3, 10, 15, 0, 1), datetime(2026, 3, 11, 8)),  # after it
    (datetime(2026, 3, 10, 16, 30), datetime(2026, 3, 11, 8)),
    (datetime(2026, 3, 10, 12, 30), datetime(2026, 3, 10, 13)),  # lunch
    (datetime(2026, 3, 10, 12, 0), datetime(2026, 3, 10, 13)),  # period end is exclusive
    (datetime(2026, 3, 10, 7, 10), datetime(2026, 3, 10, 8)),
    (datetime(2026, 3, 10, 0, 5), datetime(2026, 3, 10, 8)),
    (datetime(2026, 3, 13, 15, 1), datetime(2026, 3, 16, 8)),  # Friday → Monday
    (datetime(2026, 3, 14, 10), datetime(2026, 3, 16, 8)),  # Saturday
    (datetime(2026, 2, 17, 10), datetime(2026, 2, 23, 8)),  # Tết 2026
    (datetime(2026, 8, 21, 15, 30), datetime(2026, 8, 22, 8)),  # → swapped working Saturday
])
def test_counting_start(city: WorkingCalendar, received: datetime, expected: datetime) -> None:
    assert city.counting_start(received) == expected


# --- overrides ---------------------------------------------------------------------------------

EXTRA_DAY_OFF = DayOverride(date(2026, 3, 11), OverrideKind.DAY_OFF, note="Nghỉ theo thông báo của UBND TP")
WORKING_SATURDAY = DayOverride(date(2026, 3, 14), OverrideKind.WORKING_DAY, note="Làm việc bù")


def test_user_day_off_moves_the_due_date(city: WorkingCalendar, holidays_vn: VietnamHolidays) -> None:
    cal = WorkingCalendar(WorkingSchedule(), overrides=[EXTRA_DAY_OFF], holidays=holidays_vn)
    # Tue 10/3 10:00 + 8 h: Tue 6; Wed 11/3 is off; Thu 12/3 08:00 + 2 h = 10:00.
    assert cal.due_at(datetime(2026, 3, 10, 10), D(1)) == datetime(2026, 3, 12, 10)
    assert city.due_at(datetime(2026, 3, 10, 10), D(1)) == datetime(2026, 3, 11, 10)


def test_user_working_saturday_counts(city: WorkingCalendar, holidays_vn: VietnamHolidays) -> None:
    cal = WorkingCalendar(WorkingSchedule(), overrides=[WORKING_SATURDAY], holidays=holidays_vn)
    # Fri 13/3 10:00 + 8 h: Fri 6; Sat 14/3 works: 08:00 + 2 h = 10:00.
    assert cal.due_at(datetime(2026, 3, 13, 10), D(1)) == datetime(2026, 3, 14, 10)
    assert city.due_at(datetime(2026, 3, 13, 10), D(1)) == datetime(2026, 3, 16, 10)
    # Received on that Saturday after the cut-off → Monday.
    assert cal.counting_start(datetime(2026, 3, 14, 15, 5)) == datetime(2026, 3, 16, 8)


# --- pauses (waiting for a supplement) -------------------------------------------------------------

# Paused Fri 13/3 15:00 → Mon 16/3 10:00: Fri 15–17 = 2 h + Mon 08–10 = 2 h = 4 working hours.
PAUSE = (datetime(2026, 3, 13, 15), datetime(2026, 3, 16, 10))


def test_paused_working_time_counts_only_working_time(city: WorkingCalendar) -> None:
    assert city.paused_working_time([PAUSE], now=datetime(2026, 3, 20, 9)) == timedelta(hours=4)
    # Still open at Mon 10:00 → same 4 h.
    open_pause = (PAUSE[0], None)
    assert city.paused_working_time([open_pause], now=datetime(2026, 3, 16, 10)) == timedelta(hours=4)
    assert city.paused_working_time([], now=datetime(2026, 3, 16, 10)) == timedelta(0)


def test_overlapping_pauses_are_not_counted_twice(city: WorkingCalendar) -> None:
    pauses = [PAUSE, (datetime(2026, 3, 16, 9), datetime(2026, 3, 16, 11))]
    # Union: Fri 15:00 → Mon 11:00 = 2 + 3 = 5 h.
    assert city.paused_working_time(pauses, now=datetime(2026, 3, 20)) == timedelta(hours=5)


def test_pause_moves_the_due_date(city: WorkingCalendar) -> None:
    received = datetime(2026, 3, 10, 9)
    # 5 days = 40 h from Tue 10/3 09:00: Tue 7; Wed 15; Thu 23; Fri 31; Mon 16/3 39;
    # Tue 17/3 08:00 + 1 h = 09:00.
    assert city.due_at(received, D(5)) == datetime(2026, 3, 17, 9)
    paused = city.paused_working_time([PAUSE], now=datetime(2026, 3, 17))
    # + 4 h paused: Tue 17/3 09–12 = 3, 13:00 + 1 h = 14:00.
    assert city.due_at(received, D(5), paused=paused) == datetime(2026, 3, 17, 14)


def test_pause_after_in_day_limit(city: WorkingCalendar) -> None:
    # IN_DAY ends Tue 17:00; + 2 h paused → Wed 10:00.
    assert city.due_at(datetime(2026, 3, 10, 9), TimeLimit.in_day(),
                       paused=timedelta(hours=2)) == datetime(2026, 3, 11, 10)
