"""The site's queue KPIs come from the coordinator: a scripted two-counter day (kiosk tickets,
calls at Q01 and Q02, a no-show, a hold, a transfer from Q01 to Q02, a ticket still waiting,
ratings synced with the dossiers) through the real city backend, checked against values
computed by hand — and ``counter-app queue kpis`` at a registered counter prints them."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import httpx
import pytest

from counter_app.cli import main
from counter_app.profile import Profile
from counter_app.services import ratings
from counter_app.storage.models import NumberHighWaterRow, SettingRow
from counter_app.sync import state
from counter_app.sync.engine import remember_registration, sync_once
from counter_app.sync.errors import ServerRefused
from counter_app.sync.queue_client import queue_client_for
from qmc_testing import Desk

DAY = date(2026, 11, 20)  # a past day: every time below is the counters' own, as reconciled


def t(minute: int) -> datetime:
    return datetime.combine(DAY, datetime.min.time()) + timedelta(hours=8, minutes=minute)


class Script:
    """Visit changes as the devices send them (``POST /v1/queue/visits:reconcile``)."""

    def __init__(self) -> None:
        self.tickets: dict[str, dict] = {}

    def issue(self, number: str, area: str, minute: int, priority: int = 0) -> dict:
        tk = {"visit_id": str(uuid.uuid4()), "day": DAY.isoformat(), "number": number, "area": area,
              "priority": priority, "issued_at": t(minute).isoformat(), "paper": False, "recalls": 0}
        self.tickets[number] = tk
        return self.event(number, "issued", "waiting", minute, None)

    def event(self, number: str, kind: str, state_: str, minute: int, counter: str | None) -> dict:
        return {**self.tickets[number], "event_id": str(uuid.uuid4()), "kind": kind, "state": state_,
                "counter_code": counter, "at": t(minute).isoformat()}


def _registered_counter(tmp_path, server, admin, agency: str, code: str):
    reg = admin.counter(agency, code)
    profile = Profile(tmp_path / code)
    store = profile.open_store()

    def setup(s) -> None:
        s.merge(SettingRow(key="agency_code", value=agency))
        s.merge(SettingRow(key="counter_code", value=code))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, reg["token"])
    store.write(setup)
    remember_registration(store, reg)
    return profile, store


def test_site_kpis_of_a_two_counter_day(site, server, admin, tmp_path, capsys, monkeypatch):
    kiosk, counters, stores = site("KIOSK"), {}, []
    try:
        for code in ("Q01", "Q02"):  # two counters with their profiles, registered with the site
            profile, store = _registered_counter(tmp_path, server, admin, site.agency, code)
            stores.append(store)
            counters[code] = (profile, store, queue_client_for(store))
        q1, q2 = counters["Q01"][2], counters["Q02"][2]
        s = Script()
        applied = kiosk.reconcile([s.issue("A001", "hotich", 0), s.issue("A002", "hotich", 2),
                                   s.issue("B001", "chungthuc", 4), s.issue("A003", "hotich", 5, priority=1),
                                   s.issue("A004", "hotich", 30)])
        day1 = [  # (device, number, kind, state, minute, counter)
            (q1, "A003", "called", "called", 10, "Q01"), (q1, "A003", "serving", "serving", 11, "Q01"),
            (q2, "A001", "called", "called", 12, "Q02"), (q2, "A001", "serving", "serving", 13, "Q02"),
            (q1, "A003", "done", "done", 20, "Q01"),
            (q1, "A002", "called", "called", 20, "Q01"), (q1, "A002", "no_show", "no_show", 23, "Q01"),
            (q1, "B001", "called", "called", 25, "Q01"), (q1, "B001", "serving", "serving", 26, "Q01"),
            (q1, "B001", "on_hold", "on_hold", 30, "Q01"), (q1, "B001", "resume", "serving", 35, "Q01"),
            (q2, "A001", "done", "done", 33, "Q02"),
            (q1, "B001", "transfer", "waiting", 38, "Q02"),  # "chuyển quầy" to Q02
            (q2, "B001", "called", "called", 40, "Q02"), (q2, "B001", "serving", "serving", 41, "Q02"),
            (q2, "B001", "done", "done", 45, "Q02"),
        ]
        for device, number, kind, st, minute, counter in day1:
            applied += device.reconcile([s.event(number, kind, st, minute, counter)])
        assert [r["result"] for r in applied] == ["applied"] * (5 + len(day1)), applied

        # Ratings given on the customer screens, tied to the visits, synced with the dossiers' events.
        for code, rated in (("Q01", [("A003", 3)]), ("Q02", [("A001", 1), ("B001", 2)])):
            profile, store, client = counters[code]
            ctx = profile.context(store)
            desk = Desk(store, ctx)
            if code == "Q02":  # its own block of dossier numbers (the city leases one to each counter)
                store.write(lambda s_: s_.add(NumberHighWaterRow(agency_code=site.agency, day=DAY, last_leased=500)))
            for number, level in rated:
                dossier = desk.receive(at=t(46)).code
                store.write(lambda s_, d=dossier, lv=level, n=number: ratings.record_rating(
                    s_, code=d, level=lv, ctx=ctx, now=t(47), visit_id=s.tickets[n]["visit_id"], scale=3))
            desk.receive(at=t(48))  # a dossier without a visit: not the queue's
            summary = sync_once(store, client, now=lambda: t(50))
            # (the round's number leases refuse a past day; the events are pushed before them)
            assert summary.push.applied >= 2 * len(rated) + 1 and summary.push.rejected == 0, summary

        # By hand: waits A003 5, A001 12, A002 18, B001 21 min (first call) -> mean 14, longest 21;
        # service A003 9 (11->20), A001 20 (13->33), B001 4 + 3 + 4 = 11 (26->30, 35->38 at Q01,
        # 41->45 at Q02) -> mean 40/3 min; B001 is served at Q02, where it ended.
        k = q2.kpis(DAY)
        assert (k["agency_code"], k["day"]) == (site.agency, DAY.isoformat())
        assert (k["issued"], k["served"], k["no_shows"], k["waiting"]) == (5, 3, 1, 1)
        assert (k["mean_wait_seconds"], k["max_wait_seconds"]) == (14 * 60, 21 * 60)
        assert k["mean_service_seconds"] == 800.0  # (9 + 20 + 11) / 3 min
        assert k["per_counter"] == [
            {"counter_code": "Q01", "served": 1, "no_shows": 1, "mean_service_seconds": 540.0},
            {"counter_code": "Q02", "served": 2, "no_shows": 0, "mean_service_seconds": 930.0}]  # (20 + 11) / 2
        assert k["ratings"] == [{"level": 1, "count": 1}, {"level": 2, "count": 1}, {"level": 3, "count": 1}]
        assert kiosk.kpis(DAY) == k, "every device of the site sees the site's figures"
        assert q1.kpis(DAY + timedelta(days=1))["issued"] == 0

        # The command at a registered counter asks the coordinator: the site's figures, not Q01's
        # own store (which holds none of these tickets).
        monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
        assert main(["--data-dir", str(tmp_path / "Q01"), "queue", "kpis", "--day", DAY.isoformat()]) == 0
        out = capsys.readouterr().out
        assert "cả điểm phục vụ" in out
        assert "Số đã cấp: 5; đã phục vụ: 3; vắng mặt: 1; còn chờ: 1" in out
        assert "Chờ trung bình: 14.0 phút; lâu nhất: 21.0 phút; phục vụ trung bình: 13.3 phút" in out
        assert "Quầy Q02: phục vụ 2, vắng mặt 0, trung bình 15.5 phút" in out
        assert "Đánh giá (mức: số lượt): {1: 1, 2: 1, 3: 1}" in out
    finally:
        for _, store, client in counters.values():
            client.close()
        for store in stores:
            store.close()


def test_site_kpis_access(site, server, admin):
    q1 = site("Q01")
    q1.reconcile([Script().issue("A001", "hotich", 0)])
    path = f"{server.url}/v1/queue/kpis"
    as_admin = httpx.get(path, params={"day": DAY.isoformat(), "agency": site.agency},
                         headers={"X-Admin-Token": admin.http.headers["X-Admin-Token"]})
    assert as_admin.status_code == 200 and as_admin.json()["issued"] == 1
    no_agency = httpx.get(path, headers={"X-Admin-Token": admin.http.headers["X-Admin-Token"]})
    assert no_agency.status_code == 422 and no_agency.json()["message_vi"]
    assert httpx.get(path, params={"agency": site.agency}, headers={"X-Admin-Token": "wrong"}).status_code == 403
    assert httpx.get(path).status_code == 401
    other = site("Q09")  # same agency: fine; another agency's code: refused
    with pytest.raises(ServerRefused) as err:
        other._call("GET", "/v1/queue/kpis", params={"agency": "ZZZ.99.99.ZZZ"})
    assert err.value.status == 403 and "cơ quan mình" in err.value.message_vi
