"""The counter's queue service on a real store: rules, timelines, outbox, dossiers and ratings of a visit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from counter_app.domain.errors import ValidationError
from counter_app.domain.queue import Priority, QueueError, VisitState
from counter_app.services import indicators, queue, ratings
from counter_app.storage.models import OutboxEventRow
from counter_app.storage.models_lifecycle import RatingRow
from counter_app.storage.models_queue import QueueOutboxRow, QueueVisitEventRow


def t(minute: int) -> datetime:
    return datetime(2026, 11, 27, 8, 0) + timedelta(minutes=minute)


@pytest.fixture
def q(desk):
    store, q1 = desk.store, desk.ctx
    q2 = replace(q1, counter_code="Q02", officer="canbo02")

    class Q:
        ctx1, ctx2 = q1, q2

        @staticmethod
        def __call__(fn, *args, **kw):
            return store.write(lambda s: fn(s, *args, **kw).value)

        @staticmethod
        def read(fn, **kw):
            with store.read() as s:
                return fn(s, **kw)
    return Q()


def test_priority_transfer_to_counter_and_outbox(q, desk):
    a1 = q(queue.issue, area="hotich", now=t(0))
    a2 = q(queue.issue, area="hotich", now=t(1))
    old = q(queue.issue, area="hotich", priority=Priority.ELDERLY, now=t(5))
    b1 = q(queue.issue, area="chungthuc", now=t(2))
    assert [v.number for v in (a1, a2, old, b1)] == ["A001", "A002", "A003", "B001"]
    first = q(queue.call_next, ctx=q.ctx1, areas_served={"hotich"}, now=t(6))
    assert first.number == "A003" and first.state is VisitState.CALLED and first.counter_code == "Q01"
    with pytest.raises(QueueError) as err:  # the called visitor must be served or marked absent first
        q(queue.call_next, ctx=q.ctx1, areas_served={"hotich"}, now=t(7))
    assert "Vắng mặt" in err.value.message_vi
    q(queue.serve, first.id, ctx=q.ctx1, now=t(7))
    # Q01 sends A003 on to Q02 in person; Q02 gets it before anyone else, whatever its areas.
    q(queue.transfer, first.id, ctx=q.ctx1, now=t(9), counter="Q02")
    nxt = q(queue.call_next, ctx=q.ctx2, areas_served={"chungthuc"}, now=t(10))
    assert nxt.number == "A003" and nxt.counter_code == "Q02"
    # F5 at Q01 with nobody active: A001 (first come, no priority left).
    assert q(queue.call_next, ctx=q.ctx1, areas_served={"hotich"}, now=t(11)).number == "A001"
    with desk.store.read() as s:
        kinds = [r.kind for r in s.scalars(select(QueueOutboxRow).order_by(QueueOutboxRow.id))]
        events = [e.state for e in s.scalars(select(QueueVisitEventRow).where(
            QueueVisitEventRow.visit_id == first.id).order_by(QueueVisitEventRow.id))]
    assert kinds == ["issued"] * 4 + ["called", "serving", "transfer", "called", "called"]
    assert events == ["waiting", "called", "serving", "waiting", "called"]


def test_f5_finishes_the_served_visit_hold_resume_recall_no_show(q):
    a = q(queue.issue, area="hotich", now=t(0))
    b = q(queue.issue, area="hotich", now=t(1))
    c = q(queue.issue, area="hotich", now=t(2))
    q(queue.call_next, ctx=q.ctx1, areas_served=None, now=t(3))
    q(queue.serve, a.id, ctx=q.ctx1, now=t(4))
    assert q(queue.call_next, ctx=q.ctx1, areas_served=None, now=t(8)).number == b.number
    assert q.read(lambda s: queue.get(s, a.id).state) == "done"
    assert q(queue.recall, b.id, ctx=q.ctx1, now=t(9)).recalls == 1
    q(queue.no_show, b.id, ctx=q.ctx1, now=t(10))
    with pytest.raises(QueueError) as err:
        q(queue.serve, b.id, ctx=q.ctx1, now=t(11))
    assert "vắng mặt" in err.value.message_vi
    q(queue.call_next, ctx=q.ctx1, areas_served=None, now=t(11))
    q(queue.serve, c.id, ctx=q.ctx1, now=t(12))
    q(queue.hold, c.id, ctx=q.ctx1, now=t(14))
    assert q.read(queue.current, counter="Q01", day=t(0).date()) is None, "a held visit is not current"
    q(queue.resume, c.id, ctx=q.ctx1, now=t(20))
    q(queue.finish, c.id, ctx=q.ctx1, now=t(23))
    tk = q.read(lambda s: queue.ticket(queue.get(s, c.id)))
    assert tk.wait_time == timedelta(minutes=9) and tk.service_time == timedelta(minutes=5)
    assert q(queue.call_next, ctx=q.ctx1, areas_served=None, now=t(24)) is None


def test_paper_ticket_offline_and_bad_input(q, desk):
    with pytest.raises(QueueError) as err:
        q(queue.key_in_paper, number="số 12!", area="hotich", ctx=q.ctx1, now=t(0))
    assert err.value.message_vi.startswith("Số phiếu giấy không hợp lệ")
    with pytest.raises(QueueError):
        q(queue.key_in_paper, number="A027", area="khongco", ctx=q.ctx1, now=t(0))
    v = q(queue.key_in_paper, number=" a027 ", area="hotich", priority=Priority.PREGNANT, ctx=q.ctx1, now=t(1))
    assert v.paper and v.number == "A027" and v.state is VisitState.CALLED and v.counter_code == "Q01"
    with pytest.raises(QueueError) as err:
        q(queue.key_in_paper, number="A027", area="hotich", ctx=q.ctx1, now=t(2))
    assert "đã có" in err.value.message_vi
    with desk.store.read() as s:
        rows = [(r.kind, r.payload) for r in s.scalars(select(QueueOutboxRow).where(QueueOutboxRow.sent_at.is_(None)))]
    assert [kind for kind, _ in rows] == ["issued", "called"]
    wire = json.loads(rows[1][1])
    assert wire["paper"] is True and wire["state"] == "called" and wire["visit_id"] == v.id
    # The kiosk numbering of the same day skips nothing because of paper tickets.
    assert q(queue.issue, area="hotich", now=t(3)).number == "A001"


def test_adopted_call_is_not_sent_back(q, desk):
    remote = {"visit_id": "1d0f0000-0000-4000-8000-000000000001", "number": "B007", "area": "chungthuc",
              "priority": 0, "issued_at": "2026-11-27T08:00:00+07:00"}
    v = q(queue.adopt_call, remote, ctx=q.ctx1, now=t(5))
    assert v.id == remote["visit_id"] and v.state is VisitState.CALLED
    with desk.store.read() as s:
        assert s.scalar(select(QueueOutboxRow.sent_at).where(QueueOutboxRow.visit_id == v.id)) is not None


def test_one_visit_serves_several_dossiers_and_is_rated(q, desk):
    v = q(queue.issue, area="hotich", now=t(0))
    q(queue.call_next, ctx=q.ctx1, areas_served=None, now=t(1))
    codes = [desk.receive(at=t(2)).code, desk.receive(at=t(3)).code]
    for code in codes:
        q(queue.link_dossier, v.id, code, role="received", ctx=q.ctx1, now=t(4))
    q(queue.link_dossier, v.id, codes[0], role="received", ctx=q.ctx1, now=t(4))  # idempotent
    linked = q.read(lambda s: queue.view(queue.get(s, v.id)))
    assert linked.dossier_codes == tuple(codes) and linked.state is VisitState.SERVING
    desk.store.write(lambda s: ratings.record_rating(s, code=codes[0], level=2, ctx=q.ctx1, now=t(6),
                                                     visit_id=v.id, scale=5))
    with desk.store.read() as s:
        row = s.scalar(select(RatingRow).where(RatingRow.dossier_code == codes[0]))
        rated = (row.visit_id, row.officer, row.scale, row.level)
        payload = s.scalar(select(OutboxEventRow.payload).where(OutboxEventRow.kind == "dossier.rating"))
    assert rated == (v.id, "canbo01", 5, 2)
    with desk.store.read() as s:  # counted in the indicators (766: satisfaction) like any rating
        ind = indicators.compute(s, start=t(0), end=t(60), now=t(60), group=indicators.GroupBy.OFFICER)
    assert dict(ind["canbo01"].ratings) == {"Hài lòng": 1}
    assert json.loads(payload) == {"level": 2, "scale": 5, "stage": "reception", "visit_id": v.id,
                                   "rated_officer": "canbo01"}
    with pytest.raises(ValidationError) as err:
        desk.store.write(lambda s: ratings.record_rating(s, code=codes[1], level=1, ctx=q.ctx1, now=t(7), scale=4))
    assert "3 hoặc 5" in err.value.message_vi
    q(queue.finish, v.id, ctx=q.ctx1, now=t(8))
    with pytest.raises(QueueError):  # a finished visit takes no more dossiers
        q(queue.link_dossier, v.id, codes[1], role="returned", ctx=q.ctx1, now=t(9))
