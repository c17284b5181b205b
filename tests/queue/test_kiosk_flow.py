"""The ticket kiosk's flow (``counter_app.services.kiosk_flow``): steps, priority, a double tap that
issues once, the reset timeout, errors; issuing offline on a real SQLite queue, a jammed printer that
keeps the number, and two kiosk issues through the real coordinator (FastAPI + PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from escpos.printer import Dummy

from counter_app.domain.queue import Priority, VisitState
from counter_app.services import queue
from counter_app.services.kiosk_flow import (ISSUE_FAILED_VI, PRINT_FAILED_VI, KioskFlow, KioskIssuer, KioskStep,
                                             KioskTicket)
from counter_app.sync.errors import ServerUnreachable
from counter_app.sync.queue_client import QueueClient
from queue_helpers import vn_now

NOW = datetime(2026, 11, 27, 8, 5)


class Clock:
    def __init__(self, at: datetime = NOW) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def make_flow(clock=None, **kw) -> KioskFlow:
    return KioskFlow(queue.areas(), queue.priority_labels(), now=clock or Clock(), **kw)


def ticket_for(request, number="A001", **kw) -> KioskTicket:
    return KioskTicket(number, request.area, request.priority, 0, NOW, online=False, printed_via="saved", **kw)


def test_area_priority_issue_shown_then_back_by_touch():
    flow = make_flow()
    assert flow.step is KioskStep.CHOOSE_AREA and flow.area_at(1).code == "hotich" and flow.area_at(9) is None
    assert flow.choose_area("khongco") is None and flow.step is KioskStep.CHOOSE_AREA
    assert flow.choose_area("chungthuc") is None and flow.step is KioskStep.CHOOSE_PRIORITY
    assert flow.priorities[Priority.PREGNANT] == "Phụ nữ mang thai"
    request = flow.choose_priority(Priority.PREGNANT)
    assert flow.step is KioskStep.ISSUING
    assert (request.area.code, request.area.prefix, request.priority) == ("chungthuc", "B", Priority.PREGNANT)
    assert flow.issued(request.token, ticket_for(request, "B001"))
    assert flow.step is KioskStep.TICKET_SHOWN and flow.ticket.number == "B001" and flow.error == ""
    assert flow.touch() and flow.step is KioskStep.CHOOSE_AREA and flow.ticket is None


def test_default_priority_is_none_and_the_question_can_be_skipped():
    flow = make_flow()
    flow.choose_area("hotich")
    assert flow.choose_priority().priority is Priority.NONE
    quick = make_flow(ask_priority=False)
    request = quick.choose_area("datdai")
    assert quick.step is KioskStep.ISSUING and request.priority is Priority.NONE and request.area.prefix == "C"


def test_a_double_tap_while_issuing_never_issues_twice():
    flow = make_flow(ask_priority=False)
    first = flow.choose_area("hotich")
    assert flow.choose_area("hotich") is None and flow.choose_priority() is None
    assert not flow.back() and not flow.touch(), "nothing interrupts an issue in progress"
    assert not flow.issued(first.token + 1, ticket_for(first)), "a stale answer is dropped"
    assert flow.issued(first.token, ticket_for(first))
    assert not flow.issued(first.token, ticket_for(first, "A002")), "one request, one ticket"
    assert flow.ticket.number == "A001"


def test_timeout_returns_to_the_areas():
    clock = Clock()
    flow = make_flow(clock, reset_after=timedelta(seconds=15))
    flow.choose_area("hotich")
    clock.at += timedelta(seconds=14)
    assert not flow.tick() and flow.step is KioskStep.CHOOSE_PRIORITY
    clock.at += timedelta(seconds=1)
    assert flow.tick() and flow.step is KioskStep.CHOOSE_AREA  # walked away from the priority question
    flow.choose_area("hotich")
    request = flow.choose_priority()
    clock.at += timedelta(minutes=5)
    assert not flow.tick() and flow.step is KioskStep.ISSUING, "issuing has no timeout of its own"
    flow.issued(request.token, ticket_for(request))
    clock.at += timedelta(seconds=10)
    assert not flow.tick()
    clock.at += timedelta(seconds=5)
    assert flow.tick() and flow.step is KioskStep.CHOOSE_AREA and flow.ticket is None


def test_errors_say_what_to_do_and_esc_goes_back():
    flow = make_flow()
    flow.choose_area("hotich")
    assert flow.back() and flow.step is KioskStep.CHOOSE_AREA  # Esc on the priority question
    flow.choose_area("hotich")
    request = flow.choose_priority()
    assert flow.failed(request.token) and flow.step is KioskStep.ERROR
    assert flow.error == ISSUE_FAILED_VI and "quầy hướng dẫn" in flow.error
    assert flow.touch() and flow.step is KioskStep.CHOOSE_AREA and flow.error == ""
    flow.choose_area("hotich")
    request = flow.choose_priority()
    flow.issued(request.token, ticket_for(request, print_failed=True))
    assert flow.step is KioskStep.TICKET_SHOWN and flow.error == PRINT_FAILED_VI


# ---- issuing --------------------------------------------------------------------------------------


class Unreachable:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def issue(self, *a, **kw):
        raise ServerUnreachable("test", "Không kết nối được máy chủ.")


def test_a_coordinated_kiosk_that_cannot_reach_the_coordinator_issues_nothing(store, tmp_path):
    """Its own numbers would clash with the coordinator's: the citizen is sent to the paper tickets."""
    issuer = KioskIssuer(store, spool_dir=tmp_path / "prints", client=Unreachable, now=Clock())
    with pytest.raises(ServerUnreachable):
        issuer.issue(queue.areas()["hotich"])
    with store.read() as s:
        assert queue.visits(s, day=NOW.date(), states={VisitState.WAITING}) == []
    assert not (tmp_path / "prints").exists() or not list((tmp_path / "prints").rglob("*.pdf"))


def test_a_single_counter_site_issues_on_the_local_queue_and_saves_the_pdf(store, tmp_path):
    area = queue.areas()["hotich"]
    issuer = KioskIssuer(store, spool_dir=tmp_path / "prints", now=Clock())  # no coordinator configured
    first = issuer.issue(area)
    second = issuer.issue(area, Priority.ELDERLY)
    assert (first.number, first.waiting, first.online) == ("A001", 0, False)
    assert (second.number, second.waiting) == ("A002", 1)
    assert second.printed_via == "saved" and second.saved_pdf.read_bytes()[:4] == b"%PDF"
    with store.read() as s:
        waiting = queue.visits(s, day=NOW.date(), states={VisitState.WAITING})
    assert [(v.number, v.priority) for v in waiting] == [("A002", Priority.ELDERLY), ("A001", Priority.NONE)]


def test_thermal_ticket_and_a_jammed_printer_keeps_the_number(store, tmp_path):
    area = queue.areas()["chungthuc"]
    printer = Dummy()
    ok = KioskIssuer(store, spool_dir=tmp_path, thermal=lambda: printer, now=Clock()).issue(area)
    assert ok.printed_via == "escpos" and printer.output.startswith(b"\x1dv0\x00") and not ok.print_failed

    class Jammed(Dummy):
        def image(self, *a, **kw):
            raise OSError("paper jam")

    bad = KioskIssuer(store, spool_dir=tmp_path, thermal=Jammed, now=Clock()).issue(area)
    assert bad.number == "B002" and bad.print_failed and bad.printed_via == ""
    assert bad.saved_pdf is not None and bad.saved_pdf.read_bytes()[:4] == b"%PDF"
    with store.read() as s:
        assert [v.number for v in queue.visits(s, day=NOW.date())] == ["B001", "B002"]


def test_an_unknown_area_raises_for_the_error_screen(store, tmp_path):
    from counter_app.domain.queue import QueueError

    with pytest.raises(QueueError):
        KioskIssuer(store, spool_dir=tmp_path, now=Clock()).issue(queue.Area("khongco", "Không có", "Z"))


def test_two_kiosk_issues_through_the_coordinator(site, server, admin, store, tmp_path):
    token = admin.counter(site.agency, "KIOSK")["token"]
    counter = site("Q01")
    issuer = KioskIssuer(store, spool_dir=tmp_path, client=lambda: QueueClient(server.url, token, timeout=15),
                         now=lambda: vn_now())
    area = queue.areas()["hotich"]
    first, second = issuer.issue(area), issuer.issue(area, Priority.DISABLED)
    assert (first.number, first.waiting, first.online) == ("A001", 0, True)
    assert (second.number, second.waiting, second.online) == ("A002", 1, True)
    on_server = counter.tickets("waiting")
    assert [(t["number"], t["priority"]) for t in on_server] == [("A001", 0), ("A002", int(Priority.DISABLED))]
    with store.read() as s:
        assert queue.visits(s, day=vn_now().date()) == [], "online, the local queue is not used"
    assert counter.call_next(["hotich"])["number"] == "A002"  # the visitor with a disability first


def test_kiosk_command_runs_the_qt_window_in_a_child_process():
    import argparse
    import sys

    from counter_app.queue_commands import kiosk_command

    args = argparse.Namespace(data_dir=None, kiosk_data_dir="/srv/kiosk", windowed=True)
    assert kiosk_command(args) == [sys.executable, "-m", "ui.queue.kiosk", "--data-dir", "/srv/kiosk", "--windowed"]
    args = argparse.Namespace(data_dir="/srv/global", kiosk_data_dir=None, windowed=False)
    assert kiosk_command(args)[3:] == ["--data-dir", "/srv/global"]
