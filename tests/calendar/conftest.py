"""Shared fixtures for the working-day calendar tests (real ``holidays`` package)."""

from __future__ import annotations

import pytest

from counter_app.calendar import VietnamHolidays, WorkingCalendar, WorkingSchedule


@pytest.fixture(scope="session")
def holidays_vn() -> VietnamHolidays:
    """One provider for the whole run: it caches holidays per year."""
    return VietnamHolidays()


@pytest.fixture(scope="session")
def city(holidays_vn: VietnamHolidays) -> WorkingCalendar:
    """City-wide calendar: default Hanoi schedule (08–12, 13–17, Mon–Fri, cut-off 15:00)."""
    return WorkingCalendar(WorkingSchedule(), holidays=holidays_vn)
