"""Public holidays (ngày nghỉ lễ, Tết) from the pinned ``holidays`` package.

``VietnamHolidays`` covers Labour Code 2019 Art. 112 days (Tết Dương lịch, five Tết
Nguyên Đán days, Giỗ Tổ Hùng Vương, 30/4, 1/5, two Quốc khánh days), the days off in
lieu (nghỉ bù) and the government's announced swaps as far as the installed release
knows them. The package computes years 1901–2100; outside that range it knows no
holiday and only weekends and overrides apply.
"""

from __future__ import annotations

from datetime import date
from importlib import metadata
from threading import Lock
from typing import Protocol, runtime_checkable

import holidays as holidays_pkg


@runtime_checkable
class HolidayProvider(Protocol):
    """Where the calendar learns public holidays and swapped working weekend days."""

    def holiday_name(self, d: date) -> str | None:
        """The holiday's name on ``d``, or ``None`` if ``d`` is not a public holiday."""

    def is_swapped_workday(self, d: date) -> bool:
        """True if ``d`` is a weekend day worked in exchange for a day off (làm việc bù)."""


def holidays_version() -> str:
    """The installed ``holidays`` package version (pinned: swap days change between releases)."""
    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored/frozen builds
        return str(getattr(holidays_pkg, "__version__", "unknown"))


class VietnamHolidays:
    """``HolidayProvider`` backed by ``holidays.country_holidays("VN")``, cached per year.

    Names are Vietnamese when the installed release supports ``language="vi"`` (0.109
    does: en_US, th, vi); otherwise the package's default names are used.
    """

    def __init__(self, language: str = "vi") -> None:
        supported = getattr(holidays_pkg.Vietnam, "supported_languages", ())
        self.language: str | None = language if language in supported else None
        self._years: dict[int, holidays_pkg.HolidayBase] = {}
        self._lock = Lock()

    def _year(self, year: int) -> holidays_pkg.HolidayBase:
        table = self._years.get(year)
        if table is None:
            with self._lock:
                table = self._years.get(year)
                if table is None:
                    table = holidays_pkg.country_holidays(
                        "VN", years=year, language=self.language, expand=False
                    )
                    self._years[year] = table
        return table

    def holiday_name(self, d: date) -> str | None:
        return self._year(d.year).get(d)

    def is_swapped_workday(self, d: date) -> bool:
        # A swap may be listed under the year of the holiday it pays for
        # (e.g. Sat 27/12/2014 worked for Fri 2/1/2015), so look at the next year too.
        years = (d.year, d.year + 1) if d.year < date.max.year else (d.year,)
        return any(d in self._year(y).weekend_workdays for y in years)
