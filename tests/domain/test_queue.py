"""The queue's core rules as the app uses them: the calling order (``next_ticket`` / ``call_order``,
used by the counter's local queue and by the city backend's coordinator), the moves
(``check_move`` through ``Ticket.move``) and the visit timings."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from counter_app.domain.queue import (Priority, QueueError, Ticket, VisitState, call_order, callable_by,
                                      check_move, next_ticket)

S = VisitState


def t(minute: int) -> datetime:
    return datetime(2026, 11, 27, 8, 0) + timedelta(minutes=minute)


def ticket(number: str, area: str, minute: int, priority: Priority = Priority.NONE) -> Ticket:
    tk = Ticket(number, area, priority, t(minute))
    tk.events.append((S.WAITING, t(minute), None))
    return tk


def call(tickets: list[Ticket], counter: str, areas: set[str] | None, minute: int) -> Ticket | None:
    """F5 at ``counter``: what the services do with the rule."""
    nxt = next_ticket(tickets, counter=counter, areas=areas)
    if nxt is not None:
        nxt.move(S.CALLED, t(minute), counter)
    return nxt


def test_priority_first_then_first_come():
    a1, a2 = ticket("A001", "hotich", 0), ticket("A002", "hotich", 1)
    old = ticket("A003", "hotich", 5, Priority.ELDERLY)
    other = ticket("B001", "chungthuc", 2)
    day = [a1, a2, old, other]
    assert call_order(day, counter="Q01", areas={"hotich"}) == [old, a1, a2]
    assert call_order(day, counter="Q01", areas=None) == [old, a1, a2, other], "no areas = every area"
    assert call(day, "Q01", {"hotich"}, 6) is old
    assert call(day, "Q01", {"hotich"}, 7) is a1
    assert call(day, "Q02", {"hotich", "chungthuc"}, 8) is a2  # issued before `other`
    assert call(day, "Q02", {"chungthuc"}, 9) is other
    assert call(day, "Q02", {"chungthuc"}, 10) is None


def test_every_priority_class_goes_first_and_ties_by_issue_time_then_number():
    day = [ticket("A001", "hotich", 0), ticket("A004", "hotich", 3, Priority.SMALL_CHILDREN),
           ticket("A002", "hotich", 1, Priority.PREGNANT), ticket("A003", "hotich", 1, Priority.DISABLED),
           ticket("A005", "hotich", 0)]
    assert [x.number for x in call_order(day, counter="Q01")] == ["A002", "A003", "A004", "A001", "A005"]


def test_a_transfer_to_a_counter_comes_first_there_and_only_there():
    a1, a2 = ticket("A001", "hotich", 0, Priority.ELDERLY), ticket("A002", "hotich", 1)
    sent = ticket("B001", "chungthuc", 9)
    call([sent], "Q01", None, 10)
    sent.move(S.SERVING, t(11))
    sent.move(S.WAITING, t(12), counter="Q02")  # "chuyển quầy": to Q02, whatever Q02's areas
    day = [a1, a2, sent]
    assert not callable_by(sent, counter="Q01", areas=None)
    assert next_ticket(day, counter="Q01", areas={"chungthuc"}) is None
    assert call_order(day, counter="Q02", areas={"hotich"}) == [sent, a1, a2]
    sent.move(S.CALLED, t(13))
    sent.move(S.SERVING, t(14))
    sent.move(S.WAITING, t(15), counter="")  # to an area: any counter serving it
    assert call_order(day, counter="Q01", areas={"chungthuc"}) == [sent]


def test_only_waiting_tickets_are_called_and_rows_follow_the_same_rule():
    @dataclass
    class Row:  # the shape of queue_visit / queue_ticket rows: state as its value
        number: str
        area: str
        priority: int
        issued_at: datetime
        state: str = "waiting"
        counter_code: str | None = None

    rows = [Row("A001", "hotich", 0, t(0), "called", "Q01"), Row("A002", "hotich", 0, t(1), "on_hold", "Q01"),
            Row("A003", "hotich", 0, t(2)), Row("A004", "hotich", 2, t(3))]
    assert [r.number for r in call_order(rows, counter="Q01", areas={"hotich"})] == ["A004", "A003"]


def test_visit_timings_hold_resume_done():
    tk = ticket("A001", "hotich", 0)
    call([tk], "Q01", {"hotich"}, 10)
    tk.move(S.SERVING, t(11))
    tk.move(S.ON_HOLD, t(15))  # fetching a document
    tk.move(S.SERVING, t(25))
    tk.dossier_codes += ["000.00.01.H26-261127-0001", "000.00.01.H26-261127-0002"]
    tk.move(S.DONE, t(30))
    assert tk.wait_time == timedelta(minutes=10)
    assert tk.service_time == timedelta(minutes=9)
    with pytest.raises(QueueError):
        tk.move(S.SERVING, t(31))


def test_moves_recall_no_show_and_the_vietnamese_reason():
    tk = ticket("A001", "hotich", 0)
    call([tk], "Q01", None, 1)
    tk.move(S.CALLED, t(3))  # recall
    assert tk.state is S.CALLED and tk.counter == "Q01"
    tk.move(S.NO_SHOW, t(5))
    with pytest.raises(QueueError) as err:
        tk.move(S.CALLED, t(6))
    assert "vắng mặt" in err.value.message_vi and "A001" in err.value.message_vi
    for current, target in [(S.WAITING, S.SERVING), (S.WAITING, S.DONE), (S.ON_HOLD, S.DONE),
                            (S.CALLED, S.DONE), (S.DONE, S.WAITING)]:
        with pytest.raises(QueueError):
            check_move("A009", current, target)
    check_move("A009", S.ON_HOLD, S.SERVING)  # resume
