"""A two-counter day through the real city backend (PostgreSQL): priority order, transfers,
no ticket called twice under concurrent F5, offline paper tickets reconciled, and a display
that receives a call within a second (long-poll)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import httpx
import psycopg
import pytest

from counter_app.domain.queue import Priority
from counter_app.services import queue
from counter_app.services.dossiers import CounterContext
from counter_app.sync.errors import ServerRefused
from counter_app.sync.queue_client import push_visits
from queue_helpers import vn_now


def test_two_counter_day_priority_and_transfers(site):
    kiosk, q1, q2 = site("KIOSK"), site("Q01"), site("Q02")
    issued = [kiosk.issue("hotich", prefix="A"), kiosk.issue("hotich", prefix="A"),
              kiosk.issue("chungthuc", prefix="B"), kiosk.issue("hotich", prefix="A", priority=Priority.ELDERLY),
              kiosk.issue("hotich", prefix="A")]
    assert [t["number"] for t in issued] == ["A001", "A002", "B001", "A003", "A004"]
    assert [t["waiting_before"] for t in issued] == [0, 1, 0, 2, 3]
    n = {t["number"]: t["id"] for t in issued}
    assert q1.call_next(["hotich"])["number"] == "A003"  # the elderly visitor first
    assert q2.call_next(["hotich", "chungthuc"])["number"] == "A001"
    q1.act(n["A003"], "serve")
    q1.act(n["A003"], "done")
    assert q1.call_next(["hotich"])["number"] == "A002"
    q2.act(n["A001"], "serve")
    q2.act(n["A001"], "done")
    assert q2.call_next(["hotich", "chungthuc"])["number"] == "B001"  # issued before A004
    q1.act(n["A002"], "no_show")
    assert q1.call_next(["hotich"])["number"] == "A004"
    q1.act(n["A004"], "serve")
    moved = q1.act(n["A004"], "transfer", counter_code="Q02")
    assert (moved["state"], moved["counter_code"]) == ("waiting", "Q02")
    assert q1.call_next(["hotich"]) is None, "a ticket sent to Q02 is Q02's"
    q2.act(n["B001"], "serve")
    q2.act(n["B001"], "done")
    assert q2.call_next(["chungthuc"])["number"] == "A004"  # directed to Q02, whatever its areas
    with pytest.raises(ServerRefused) as err:  # a finished visit cannot be served again
        q2.act(n["B001"], "serve")
    assert err.value.status == 409 and "đã xong" in err.value.message_vi
    states = {t["number"]: t["state"] for t in kiosk.tickets()}
    assert states == {"A001": "done", "A002": "no_show", "B001": "done", "A003": "done", "A004": "called"}


def test_concurrent_call_next_never_calls_a_ticket_twice(site, city_db):
    kiosk, counters = site("KIOSK"), [site("Q01"), site("Q02")]
    ids = {kiosk.issue("hotich", prefix="A", priority=Priority.PREGNANT if i % 7 == 0 else 0)["id"]
           for i in range(40)}
    got: dict[str, list[dict]] = {"Q01": [], "Q02": []}
    start = threading.Barrier(2)

    def desk(client):
        start.wait()
        while (t := client.call_next(["hotich"])) is not None:
            got[client.code].append(t)
            client.act(t["id"], "serve")
            client.act(t["id"], "done")

    threads = [threading.Thread(target=desk, args=(c,)) for c in counters]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    called = [t["id"] for lst in got.values() for t in lst]
    assert len(called) == len(set(called)) == 40 and set(called) == ids
    assert got["Q01"] and got["Q02"], "both counters served"
    for lst in got.values():  # each counter's own sequence respects priority before first come
        prio = [t["priority"] != 0 for t in lst]
        assert prio == sorted(prio, reverse=True)
    with psycopg.connect(city_db) as conn:
        per_ticket = conn.execute("SELECT ticket_id, count(*) FROM queue_call WHERE agency_code=%s GROUP BY 1",
                                  (site.agency,)).fetchall()
    assert len(per_ticket) == 40 and {n for _, n in per_ticket} == {1}


def test_display_receives_a_call_within_a_second(site):
    kiosk, q1, display = site("KIOSK"), site("Q01"), site("TV01")
    kiosk.issue("hotich", prefix="A")
    start = display.calls()  # what a display shows when it starts: nothing called yet today
    assert start["calls"] == []
    answer: dict = {}

    def poll():
        answer["value"] = display.calls(start["last_seq"], wait=5)
        answer["at"] = time.monotonic()

    th = threading.Thread(target=poll)
    th.start()
    time.sleep(0.5)  # the long-poll is open and waiting
    assert "value" not in answer
    called_at = time.monotonic()
    ticket = q1.call_next([])
    th.join(5)
    latency = answer["at"] - called_at
    assert [c["number"] for c in answer["value"]["calls"]] == [ticket["number"]]
    assert answer["value"]["calls"][0]["counter_code"] == "Q01"
    assert latency < 1.0, f"the display got the call {latency:.3f} s after it was made"
    # A recall is a new call on the display.
    q1.act(ticket["id"], "recall")
    again = display.calls(answer["value"]["last_seq"], wait=5)
    assert [(c["number"], c["recall"]) for c in again["calls"]] == [(ticket["number"], True)]


def test_paper_tickets_keyed_in_offline_are_reconciled(site, store):
    q1 = site("Q01")
    ctx = CounterContext(agency_code=site.agency, counter_code="Q01", officer="canbo01")
    now = vn_now(timedelta(minutes=30))  # offline half an hour ago (same day as the coordinator)
    v = store.write(lambda s: queue.key_in_paper(s, number="A027", area="hotich", ctx=ctx, now=now).value)
    store.write(lambda s: queue.serve(s, v.id, ctx=ctx, now=now + timedelta(minutes=1)))
    store.write(lambda s: queue.finish(s, v.id, ctx=ctx, now=now + timedelta(minutes=9)))
    counts = push_visits(store, q1, now=lambda: now + timedelta(minutes=30))
    assert counts == {"applied": 4, "duplicate": 0, "rejected": 0}  # issued, called, serving, done
    assert push_visits(store, q1, now=lambda: now) == {"applied": 0, "duplicate": 0, "rejected": 0}
    [paper] = [t for t in q1.tickets() if t["paper"]]
    assert (paper["number"], paper["state"], paper["counter_code"]) == ("A027", "done", "Q01")
    assert q1.calls()["calls"] == [], "a call from half an hour ago is not announced"
    # The same events sent again (a retry after a lost answer) change nothing.
    again = q1.reconcile([{"event_id": "0" * 8 + "-0000-4000-8000-" + "0" * 12, "kind": "called",
                           "visit_id": v.id, "day": now.date().isoformat(), "number": "A027", "area": "hotich",
                           "priority": 0, "state": "called", "counter_code": "Q01",
                           "issued_at": now.isoformat(), "paper": True, "recalls": 0, "at": now.isoformat()}])
    assert again[0]["result"] == "rejected" and "đã xong" in again[0]["reason_vi"]


def test_bad_requests_are_refused_in_vietnamese(site, server):
    q1 = site("Q01")
    with pytest.raises(ServerRefused) as err:
        q1.act("00000000-0000-4000-8000-000000000000", "serve")
    assert err.value.status == 404
    r = httpx.post(f"{server.url}/v1/queue/tickets", json={"area": "Hộ tịch"},
                   headers={"Authorization": f"Bearer {q1.http.headers['Authorization'][7:]}"})
    assert r.status_code == 422 and r.json()["message_vi"]
