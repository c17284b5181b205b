"""``GET /v1/app/version`` on the real backend (PostgreSQL, a server process) and the counter's
update check end to end: announce → check → advice per moment; last-seen version per counter."""

from __future__ import annotations

import httpx
import pytest

from counter_app import updates
from counter_app.updates import Advice, Moment

SHA = "ab" * 32


def test_nothing_announced_is_204_and_the_check_says_none(server):
    r = httpx.get(f"{server.url}/v1/app/version", params={"current": "0.1.0", "platform": "plan9-x64"})
    assert r.status_code == 204
    assert updates.check(server.url, current="0.1.0") is None


def test_announced_release_reaches_the_counter_and_is_advised_by_moment(server, announce):
    r = announce("9.1.0", minimum="9.0.0", url="https://updates.example/QuayMotCua-9.1.0-setup.exe",
                 sha256=SHA, notes_vi="Sửa lỗi in biên nhận khổ A5.")
    assert r.status_code == 200, r.text
    assert r.json()["latest"] == "9.1.0" and r.json()["platform"] == "any"
    seen = updates.check(server.url, current="0.1.0")
    assert seen is not None and str(seen.latest) == "9.1.0" and str(seen.minimum) == "9.0.0"
    assert seen.sha256 == SHA and seen.notes_vi == "Sửa lỗi in biên nhận khổ A5."
    assert updates.advise(seen, current="0.1.0", moment=Moment.MID_SHIFT) is Advice.HOLD
    assert updates.advise(seen, current="0.1.0", moment=Moment.BEFORE_SIGN_IN) is Advice.REQUIRED
    assert updates.advise(seen, current="9.0.5", moment=Moment.BEFORE_SIGN_IN) is Advice.HOLD
    assert updates.advise(seen, current="9.0.5", moment=Moment.SIGN_OUT) is Advice.OFFER
    assert updates.advise(seen, current="9.1.0", moment=Moment.END_OF_SHIFT) is Advice.NONE
    text = updates.message_vi(Advice.REQUIRED, seen, current="0.1.0")
    assert "9.1.0" in text and "0.1.0" in text and "A5" in text


def test_a_platform_release_wins_over_the_generic_one(server, announce):
    assert announce("9.2.0").status_code == 200
    assert announce("9.3.0", platform="windows-x64").status_code == 200
    win = httpx.get(f"{server.url}/v1/app/version", params={"platform": "windows-x64"}).json()
    other = httpx.get(f"{server.url}/v1/app/version", params={"platform": "linux-x64"}).json()
    assert win["latest"] == "9.3.0" and other["latest"] == "9.2.0"


@pytest.mark.parametrize("body,code", [
    ({"latest": "not a version"}, "invalid_request"),
    ({"latest": "1.0.0", "url": "http://insecure.example/x.exe"}, "invalid_request"),
    ({"latest": "1.0.0", "sha256": "xyz"}, "invalid_request"),
    ({"latest": "1.0.0", "minimum": "2.0.0"}, "minimum_after_latest"),
])
def test_bad_announcements_are_refused_in_vietnamese(admin, body, code):
    r = admin.http.put("/v1/admin/app/version", json=body)
    assert r.status_code == 422 and r.json()["code"] == code and r.json()["message_vi"]


def test_announcing_needs_the_admin_token(server):
    r = httpx.put(f"{server.url}/v1/admin/app/version", json={"latest": "9.9.9"})
    assert r.status_code == 403


def test_the_backend_records_the_version_each_counter_reports(server, admin, agency, registered):
    updates.check(server.url, current="0.1.0", token=registered["token"])
    rows = admin.http.get(f"/v1/admin/agencies/{agency}/app-versions").json()
    assert [(r["counter_code"], r["version"], r["platform"]) for r in rows] == \
        [("Q01", "0.1.0", updates.platform_tag())]
    updates.check(server.url, current="0.1.1", token=registered["token"])
    rows = admin.http.get(f"/v1/admin/agencies/{agency}/app-versions").json()
    assert [r["version"] for r in rows] == ["0.1.1"]
    # Without a token (or with a wrong one) the check is answered and nothing is recorded.
    updates.check(server.url, current="0.0.9")
    updates.check(server.url, current="0.0.8", token="wrong-token")
    assert [r["version"] for r in admin.http.get(f"/v1/admin/agencies/{agency}/app-versions").json()] == ["0.1.1"]


def test_agency_settings_document_round_trip(server, admin, agency, registered):
    counter = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {registered['token']}"})
    assert counter.get("/v1/app/settings").json()["version"] == 0
    r = admin.http.put(f"/v1/admin/agencies/{agency}/settings",
                       json={"settings": {"sync": {"interval_seconds": 60}, "security": {"idle_lock_minutes": 5}}})
    assert r.status_code == 200, r.text
    got = counter.get("/v1/app/settings").json()
    assert got["version"] == 1 and got["settings"]["sync"]["interval_seconds"] == 60
    bad = admin.http.put(f"/v1/admin/agencies/{agency}/settings",
                         json={"settings": {"backend": {"url": "https://evil.example"}}})
    assert bad.status_code == 422 and "backend.url" in bad.json()["message_vi"]
    wrong_type = admin.http.put(f"/v1/admin/agencies/{agency}/settings",
                                json={"settings": {"sync": {"interval_seconds": "soon"}}})
    assert wrong_type.status_code == 422
    counter.close()
