"""KPIs of a scripted two-counter day, checked against values computed by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from counter_app.domain.queue import Priority
from counter_app.services import queue, ratings


def t(minute: int) -> datetime:
    return datetime(2026, 11, 27, 8, 0) + timedelta(minutes=minute)


def test_scripted_day_kpis(desk):
    store, q1 = desk.store, desk.ctx
    q2 = replace(q1, counter_code="Q02", officer="canbo02")

    def op(fn, *args, **kw):
        return store.write(lambda s: fn(s, *args, **kw).value)

    a1 = op(queue.issue, area="hotich", now=t(0))
    a2 = op(queue.issue, area="hotich", now=t(2))
    b1 = op(queue.issue, area="chungthuc", now=t(4))
    a3 = op(queue.issue, area="hotich", priority=Priority.ELDERLY, now=t(5))
    assert op(queue.call_next, ctx=q1, areas_served={"hotich"}, now=t(10)).id == a3.id  # wait 5
    op(queue.serve, a3.id, ctx=q1, now=t(11))
    assert op(queue.call_next, ctx=q2, areas_served={"hotich", "chungthuc"}, now=t(12)).id == a1.id  # wait 12
    op(queue.serve, a1.id, ctx=q2, now=t(13))
    assert op(queue.call_next, ctx=q1, areas_served={"hotich"}, now=t(20)).id == a2.id  # A003 done: served 9
    op(queue.no_show, a2.id, ctx=q1, now=t(23))  # wait 18, no-show at Q01
    assert op(queue.call_next, ctx=q1, areas_served=None, now=t(25)).id == b1.id  # wait 21
    op(queue.serve, b1.id, ctx=q1, now=t(26))
    op(queue.hold, b1.id, ctx=q1, now=t(30))
    op(queue.resume, b1.id, ctx=q1, now=t(35))
    op(queue.finish, b1.id, ctx=q1, now=t(40))  # served 4 + 5 = 9
    op(queue.finish, a1.id, ctx=q2, now=t(33))  # served 20
    for visit, level, ctx in ((a1, 1, q2), (a3, 3, q1), (b1, 2, q1)):
        code = desk.receive(at=t(41)).code
        store.write(lambda s: ratings.record_rating(s, code=code, level=level, ctx=ctx, now=t(42),
                                                    visit_id=visit.id))
    desk.receive(at=t(43))  # a rating without a visit is not the queue's

    with store.read() as s:
        k = queue.day_kpis(s, day=t(0).date())
    assert (k.issued, k.served, k.no_shows, k.waiting) == (4, 3, 1, 0)
    assert sorted(k.waits) == [timedelta(minutes=m) for m in (5, 12, 18, 21)]
    assert k.mean_wait == timedelta(minutes=14) and k.max_wait == timedelta(minutes=21)
    assert k.mean_service == timedelta(minutes=38) / 3  # (9 + 20 + 9) / 3 = 12 min 40 s
    q01, q02 = k.per_counter["Q01"], k.per_counter["Q02"]
    assert (q01.served, q01.no_shows, q01.mean_service) == (2, 1, timedelta(minutes=9))
    assert (q02.served, q02.no_shows, q02.mean_service) == (1, 0, timedelta(minutes=20))
    assert k.ratings == {1: 1, 2: 1, 3: 1} and k.satisfied_rate == 2 / 3
