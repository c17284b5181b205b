"""The counter's desk against the real coordinator: online calls, then offline with paper tickets,
reconciled when the link returns."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counter_app.domain.queue import QueueError, VisitState
from counter_app.services.dossiers import CounterContext
from counter_app.services.queue_desk import QueueDesk
from counter_app.sync.queue_client import QueueClient
from city_backend.testing import free_port
from queue_helpers import vn_now


def test_desk_online_then_offline_then_reconciled(site, store):
    kiosk, q1 = site("KIOSK"), site("Q01")
    token = q1.http.headers["Authorization"][7:]
    ctx = CounterContext(agency_code=site.agency, counter_code="Q01", officer="canbo01")
    link = {"url": q1.base_url}
    clock = {"now": vn_now(room=timedelta(hours=1))}
    desk = QueueDesk(store, lambda: ctx, now=lambda: clock["now"], areas={"hotich"},
                     client=lambda: QueueClient(link["url"], token, timeout=3))
    a1, a2 = kiosk.issue("hotich", prefix="A"), kiosk.issue("hotich", prefix="A")
    kiosk.issue("chungthuc", prefix="B")
    assert desk.waiting() == 2, "only the areas this counter calls"
    first = desk.call_next()
    assert desk.online is True and (first.id, first.number) == (a1["id"], "A001")
    with pytest.raises(QueueError):  # called, neither served nor marked absent
        desk.call_next()
    desk.act("serve", first.id)
    second = desk.call_next()  # finishes A001 (pushed) before the coordinator calls A002
    assert second.id == a2["id"]
    states = {t["number"]: t["state"] for t in kiosk.tickets()}
    assert states["A001"] == "done" and states["A002"] == "called"

    link["url"] = f"http://127.0.0.1:{free_port()}"  # the link is down
    desk.act("no_show", second.id)
    assert desk.online is False
    paper = desk.key_in_paper("A090", "hotich")
    assert paper.state is VisitState.CALLED and desk.current().number == "A090"
    desk.act("serve", paper.id)
    assert desk.call_next() is None  # offline: the local queue is empty; A090 is finished
    assert {t["number"]: t["state"] for t in kiosk.tickets()}["A002"] == "called", "not pushed yet"

    link["url"] = q1.base_url  # back online: everything waiting is reconciled, once
    counts = desk.sync()
    assert counts == {"applied": 5, "duplicate": 0, "rejected": 0}  # no-show, issued, called, serving, done
    states = {t["number"]: t["state"] for t in kiosk.tickets()}
    assert states["A002"] == "no_show" and states["A090"] == "done"
    assert desk.sync() == {"applied": 0, "duplicate": 0, "rejected": 0}
