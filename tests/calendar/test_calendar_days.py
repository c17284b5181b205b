"""Which days are working days: holidays, weekends, swaps and overrides."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays
import pytest

from counter_app.calendar import (
    DayInfo,
    DayOverride,
    HolidayProvider,
    OverrideKind,
    VietnamHolidays,
    WorkingCalendar,
    WorkingSchedule,
    holidays_version,
)

HOLIDAY_DAYS = [
    # Tết 2026
    *(date(2026, 2, d) for d in range(16, 21)),
    # Tết 2027 (Sat 6/2 and Sun 7/2 fall inside)
    *(date(2027, 2, d) for d in range(4, 11)),
    date(2026, 4, 26), date(2026, 4, 27),  # Hùng Kings 2026 (Sunday) + observed Monday
    date(2027, 4, 16),  # Hùng Kings 2027
    date(2026, 4, 30), date(2026, 5, 1),
    date(2027, 4, 30), date(2027, 5, 1), date(2027, 5, 3),  # 1/5/2027 Saturday → Mon 3/5
    date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2),  # 31/8 swapped for Sat 22/8
    date(2027, 9, 2), date(2027, 9, 3),
    date(2026, 1, 1), date(2027, 1, 1),
]


@pytest.mark.parametrize("day", HOLIDAY_DAYS, ids=str)
def test_holidays_are_not_working_days(city: WorkingCalendar, day: date) -> None:
    info = city.describe_day(day)
    assert info.working is False
    assert info.reason == "holiday"
    assert info.detail  # the holiday's (Vietnamese) name
    assert city.working_periods(day) == []
    assert city.working_time_between(datetime.combine(day, datetime.min.time()),
                                     datetime.combine(day + timedelta(days=1), datetime.min.time())) == timedelta(0)


def test_holiday_names_are_vietnamese(city: WorkingCalendar) -> None:
    assert city.describe_day(date(2026, 2, 17)).detail == "Tết Nguyên Đán"
    assert city.describe_day(date(2026, 4, 27)).detail == "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"
    assert city.describe_day(date(2026, 9, 2)).detail == "Quốc khánh"


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 3, 10), DayInfo(date(2026, 3, 10), True, "workday")),
    (date(2026, 3, 14), DayInfo(date(2026, 3, 14), False, "weekend")),
    (date(2026, 3, 15), DayInfo(date(2026, 3, 15), False, "weekend")),
    (date(2026, 8, 22), DayInfo(date(2026, 8, 22), True, "swapped_workday", "Ngày làm việc bù")),
    (date(2025, 4, 26), DayInfo(date(2025, 4, 26), True, "swapped_workday", "Ngày làm việc bù")),
])
def test_describe_day(city: WorkingCalendar, day: date, expected: DayInfo) -> None:
    assert city.describe_day(day) == expected


def test_swapped_working_saturday_uses_normal_periods(city: WorkingCalendar) -> None:
    assert city.is_working_day(date(2026, 8, 22))
    assert city.working_periods(date(2026, 8, 22)) == [
        (datetime(2026, 8, 22, 8), datetime(2026, 8, 22, 12)),
        (datetime(2026, 8, 22, 13), datetime(2026, 8, 22, 17)),
    ]


def test_matches_holidays_package_2025_to_2028(city: WorkingCalendar) -> None:
    vn = holidays.country_holidays("VN", years=range(2025, 2029))
    day = date(2025, 1, 1)
    while day.year < 2029:
        assert city.is_working_day(day) == vn.is_working_day(day), day
        day += timedelta(days=1)


# --- overrides -------------------------------------------------------------------------------------

WED = date(2026, 3, 11)
SAT = date(2026, 3, 14)


def _cal(holidays_vn: VietnamHolidays, overrides, agency: str | None = None) -> WorkingCalendar:
    return WorkingCalendar(WorkingSchedule(), overrides=overrides, agency_code=agency, holidays=holidays_vn)


def test_override_day_off_and_working_day(holidays_vn: VietnamHolidays) -> None:
    cal = _cal(holidays_vn, [
        DayOverride(WED, OverrideKind.DAY_OFF, note="Nghỉ theo thông báo"),
        DayOverride(SAT, OverrideKind.WORKING_DAY, note="Làm việc bù"),
    ])
    assert cal.describe_day(WED) == DayInfo(WED, False, "override", "Nghỉ theo thông báo")
    assert cal.describe_day(SAT) == DayInfo(SAT, True, "override", "Làm việc bù")
    assert cal.working_periods(SAT)[0] == (datetime(2026, 3, 14, 8), datetime(2026, 3, 14, 12))


def test_agency_override_wins_over_city_wide(holidays_vn: VietnamHolidays) -> None:
    overrides = [
        DayOverride(WED, OverrideKind.DAY_OFF),  # city-wide
        DayOverride(WED, OverrideKind.WORKING_DAY, agency_code="STP", note="Sở Tư pháp vẫn làm việc"),
        DayOverride(SAT, OverrideKind.WORKING_DAY, agency_code="OTHER"),  # someone else's
    ]
    stp = _cal(holidays_vn, overrides, agency="STP")
    other = _cal(holidays_vn, overrides, agency="OTHER")
    city = _cal(holidays_vn, overrides)
    assert stp.is_working_day(WED) and stp.describe_day(WED).reason == "override"
    assert not other.is_working_day(WED)
    assert not city.is_working_day(WED)
    assert not stp.is_working_day(SAT) and not city.is_working_day(SAT)
    assert other.is_working_day(SAT)


def test_override_wins_over_holiday(holidays_vn: VietnamHolidays) -> None:
    # E.g. the 24/11 "Ngày Văn hóa Việt Nam" holiday (UNCONFIRMED) cancelled city-wide.
    day = date(2026, 11, 24)
    assert _cal(holidays_vn, []).describe_day(day).reason == "holiday"
    cal = _cal(holidays_vn, [DayOverride(day, OverrideKind.WORKING_DAY, note="Chưa áp dụng")])
    assert cal.is_working_day(day)


def test_override_day_off_on_swapped_saturday(holidays_vn: VietnamHolidays) -> None:
    cal = _cal(holidays_vn, [DayOverride(date(2026, 8, 22), OverrideKind.DAY_OFF)])
    assert not cal.is_working_day(date(2026, 8, 22))


def test_duplicate_identical_overrides_are_tolerated(holidays_vn: VietnamHolidays) -> None:
    cal = _cal(holidays_vn, [DayOverride(WED, OverrideKind.DAY_OFF), DayOverride(WED, OverrideKind.DAY_OFF)])
    assert not cal.is_working_day(WED)


# --- holidays provider ----------------------------------------------------------------------------


def test_holidays_version_is_the_pinned_one() -> None:
    assert holidays_version() == holidays.__version__ == "0.109"


def test_vietnam_holidays_provider(holidays_vn: VietnamHolidays) -> None:
    assert isinstance(holidays_vn, HolidayProvider)
    assert holidays_vn.language == "vi"
    assert holidays_vn.holiday_name(date(2026, 2, 16)) == "Giao thừa Tết Nguyên Đán"
    assert holidays_vn.holiday_name(date(2026, 3, 10)) is None
    assert holidays_vn.is_swapped_workday(date(2026, 8, 22))
    assert holidays_vn.is_swapped_workday(date(2014, 12, 27))  # worked for Fri 2/1/2015
    assert not holidays_vn.is_swapped_workday(date(2026, 8, 29))


def test_unsupported_language_falls_back_to_default_names() -> None:
    provider = VietnamHolidays(language="xx")
    assert provider.language is None
    assert provider.holiday_name(date(2026, 9, 2)) is not None
    english = VietnamHolidays(language="en_US")
    assert english.holiday_name(date(2026, 9, 2)) == "National Day"


@pytest.mark.parametrize("year", [1850, 2101, 2350])
def test_years_outside_the_package_range_still_work(holidays_vn: VietnamHolidays, year: int) -> None:
    cal = WorkingCalendar(WorkingSchedule(), holidays=holidays_vn)
    jan1 = date(year, 1, 1)
    # No holiday data there: 1/1 is an ordinary weekday or weekend.
    assert cal.describe_day(jan1).reason in {"workday", "weekend"}
    monday = jan1 + timedelta(days=(7 - jan1.weekday()) % 7)
    start = datetime.combine(monday, datetime.min.time())
    assert cal.add_working_time(start, timedelta(hours=40)) == datetime.combine(
        monday + timedelta(days=4), datetime.min.time()).replace(hour=17)


def test_custom_provider_satisfies_the_protocol() -> None:
    class OneHoliday:
        def holiday_name(self, d: date) -> str | None:
            return "Ngày thử" if d == date(2026, 3, 10) else None

        def is_swapped_workday(self, d: date) -> bool:
            return False

    cal = WorkingCalendar(WorkingSchedule(), holidays=OneHoliday())
    assert cal.describe_day(date(2026, 3, 10)) == DayInfo(date(2026, 3, 10), False, "holiday", "Ngày thử")
    assert cal.is_working_day(date(2026, 2, 17))  # Tết unknown to this provider
