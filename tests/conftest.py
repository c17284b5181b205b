"""Shared fixtures: a fresh store per test, a pinned clock, the demo identity."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from counter_app.profile import Profile
from counter_app.storage.db import Store

#: A pinned "now" inside working hours: Friday 27 Nov 2026, 09:15.
PINNED_NOW = datetime(2026, 11, 27, 9, 15)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "counter.sqlite")
    yield s
    s.close()


@pytest.fixture
def demo_profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile")


@pytest.fixture
def demo_store(demo_profile: Profile) -> Store:
    s = demo_profile.open_store()
    yield s
    s.close()
