"""The running app's sync worker asks for update announcements and agency settings once a day."""

from __future__ import annotations

from datetime import date

from counter_app import updates
from counter_app.profile import Profile
from counter_app.sync import state
from counter_app.sync.background import DailyChecks, make_worker
from counter_app.sync.engine import RoundSummary


def test_checks_run_after_the_first_good_round_of_each_day_and_retry_after_a_failure():
    calls: list[str] = []
    day = [date(2026, 11, 27)]
    flaky = iter([RuntimeError("link dropped"), None, None])

    def settings() -> None:
        outcome = next(flaky)
        calls.append("settings")
        if outcome is not None:
            raise outcome

    checks = DailyChecks(None, None, today=lambda: day[0],
                         checks={"update": lambda: calls.append("update"), "agency_settings": settings})
    checks(RoundSummary(ok=False))  # offline round: nothing asked
    assert calls == []
    checks(RoundSummary(ok=True))
    checks(RoundSummary(ok=True))  # same day: the failed settings check is retried, the update is not
    assert calls == ["update", "settings", "settings"]
    checks(RoundSummary(ok=True))
    assert calls == ["update", "settings", "settings"]
    day[0] = date(2026, 11, 28)
    checks(RoundSummary(ok=True))
    assert calls == ["update", "settings", "settings", "update", "settings"]


def test_the_session_worker_keeps_the_announcement_for_the_sign_in_notice(tmp_path, server, registered, announce,
                                                                         admin, agency):
    root = tmp_path / "profile"
    store = Profile(root).open_store()
    try:
        def register(s) -> None:
            state.put(s, state.SERVER_URL, server.url)
            state.put(s, state.TOKEN, registered["token"])
        store.write(register)
        assert announce("9.2.0", minimum="0.0.1").status_code == 200
        worker = make_worker(store, root, interval=3600)
        assert worker.run_round().ok
        assert str(updates.cached_announcement(root).latest) == "9.2.0"  # read by the sign-in window
        seen = admin.http.get(f"/v1/admin/agencies/{agency}/app-versions").json()
        assert [r["counter_code"] for r in seen] == ["Q01"]  # the counter told the city its version
    finally:
        store.close()
