"""A throw-away demo profile opens with two weeks of sample dossiers; a real profile never does."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from counter_app import clock
from counter_app.demo_dossiers import HISTORY, working_days_before
from counter_app.domain.status import DossierStatus as S
from counter_app.profile import Profile
from counter_app.services.dossiers import list_dossiers


def test_demo_profile_gets_the_sample_history_before_now_and_a_real_one_does_not(tmp_path, monkeypatch):
    # A Monday: 9 weekdays back (27, 26, 25, 24, 23, 20, 19, 18, 17) is Tuesday 17/11.
    now = datetime(2026, 11, 30, 10, 5)
    monkeypatch.setattr(clock, "now", lambda: now)
    demo = Profile(tmp_path / "demo", demo=True).open_store()
    try:
        with demo.read() as s:
            rows = [(r.status, r.received_at) for r in list_dossiers(s, limit=100)]
    finally:
        demo.close()
    assert len(rows) == len(HISTORY) == 12
    assert Counter(status for status, _ in rows) == {S.RETURNED.value: 6, S.RESOLVED.value: 3,
                                                     S.PROCESSING.value: 3}
    assert all(at <= now for _, at in rows)
    assert min(at for _, at in rows) == datetime(2026, 11, 17, 8, 20)
    assert working_days_before(datetime(2026, 11, 29, 12), 0).day == 27  # a Sunday "today" is Friday
    real = Profile(tmp_path / "real").open_store()
    try:
        with real.read() as s:
            assert list_dossiers(s) == []
    finally:
        real.close()
