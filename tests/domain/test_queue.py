from datetime import date, datetime, timedelta

import pytest

from counter_app.domain.queue import Priority, QueueError, SiteQueue, VisitState

DAY = date(2026, 11, 27)


def t(minute: int) -> datetime:
    return datetime(2026, 11, 27, 8, 0) + timedelta(minutes=minute)


def test_priority_first_then_first_come():
    q = SiteQueue(DAY)
    a1 = q.issue(area="hotich", prefix="A", at=t(0))
    a2 = q.issue(area="hotich", prefix="A", at=t(1))
    old = q.issue(area="hotich", prefix="A", priority=Priority.ELDERLY, at=t(5))
    other = q.issue(area="chungthuc", prefix="B", at=t(2))
    assert [x.number for x in (a1, a2, old, other)] == ["A001", "A002", "A003", "B001"]
    assert q.call_next(counter="Q01", areas={"hotich"}, at=t(6)) is old
    assert q.call_next(counter="Q01", areas={"hotich"}, at=t(7)) is a1
    assert q.call_next(counter="Q02", areas={"hotich", "chungthuc"}, at=t(8)) is a2  # issued before `other`
    assert q.call_next(counter="Q02", areas={"chungthuc"}, at=t(9)) is other
    assert q.call_next(counter="Q02", areas={"chungthuc"}, at=t(10)) is None


def test_visit_timings_hold_resume_done():
    q = SiteQueue(DAY)
    tk = q.issue(area="hotich", prefix="A", at=t(0))
    q.call_next(counter="Q01", areas={"hotich"}, at=t(10))
    tk.move(VisitState.SERVING, t(11))
    tk.move(VisitState.ON_HOLD, t(15))  # fetching a document
    tk.move(VisitState.SERVING, t(25))
    tk.dossier_codes += ["000.00.01.H26-261127-0001", "000.00.01.H26-261127-0002"]
    tk.move(VisitState.DONE, t(30))
    assert tk.wait_time == timedelta(minutes=10)
    assert tk.service_time == timedelta(minutes=9)
    with pytest.raises(QueueError):
        tk.move(VisitState.SERVING, t(31))


def test_recall_no_show_transfer_and_paper_tickets():
    q = SiteQueue(DAY)
    tk = q.issue(area="hotich", prefix="A", at=t(0))
    q.call_next(counter="Q01", areas={"hotich"}, at=t(1))
    q.recall("a001", at=t(3))
    assert tk.recalls == 1 and tk.state is VisitState.CALLED
    tk.move(VisitState.NO_SHOW, t(5))
    with pytest.raises(QueueError):
        q.recall("A001", at=t(6))
    b = q.issue(area="hotich", prefix="A", at=t(2))
    q.call_next(counter="Q01", areas={"hotich"}, at=t(7))
    b.move(VisitState.SERVING, t(8))
    q.transfer(b.number, area="chungthuc", at=t(9))
    assert b.state is VisitState.WAITING and b.counter is None
    assert q.call_next(counter="Q02", areas={"chungthuc"}, at=t(10)) is b
    paper = q.issue(area="hotich", prefix="A", at=t(11), paper_number="a050")
    assert paper.paper and paper.number == "A050"
    with pytest.raises(QueueError):
        q.issue(area="hotich", prefix="A", at=t(12), paper_number="A050")
    with pytest.raises(QueueError):
        q.get("Z999")
