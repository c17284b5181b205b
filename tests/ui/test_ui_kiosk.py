"""The ticket kiosk offscreen (``ui.queue.kiosk``): a touch on an area issues a ticket in the local queue
(right prefix and priority), prints it on the PDF path (a private CUPS with cups-pdf) or on an ESC/POS
printer (python-escpos Dummy), and shows the number big; a stopped printer still shows the number;
the window keeps answering while a slow coordinator is asked."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from escpos.printer import Dummy
from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtTest import QTest

from counter_app.domain.queue import Priority, VisitState
from counter_app.services import queue
from counter_app.services.kiosk_flow import KioskIssuer, KioskStep
from counter_app.sync.errors import ServerUnreachable
from printing.cups_backend import CupsBackend
from printing.printers import Printers

pytestmark = pytest.mark.gui

#: A pinned, distinctive time: cups-pdf names its output by the job title (time + ticket number).
NOW = datetime(2026, 11, 27, 7, 31, 7)

_spec = importlib.util.spec_from_file_location("kiosk_printing_fixtures",
                                               Path(__file__).resolve().parents[1] / "printing" / "conftest.py")
_printing = sys.modules.setdefault(_spec.name, importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(_printing)
cups_server, find_output = _printing.cups_server, _printing.find_output  # the printing tests' private CUPS


@pytest.fixture
def make_kiosk(qtbot, store, tmp_path):
    from ui.queue.kiosk import KioskWindow

    made = []

    def make(**kw) -> KioskWindow:
        kw.setdefault("now", lambda: NOW)
        issuer = KioskIssuer(store, spool_dir=tmp_path / "prints", **kw)
        kiosk = KioskWindow(store, issuer)
        kiosk.resize(1280, 800)
        kiosk.show()
        qtbot.waitExposed(kiosk)
        made.append(kiosk)
        return kiosk

    yield make
    for k in made:
        k.close()


def waiting(store):
    with store.read() as s:
        return [(v.number, v.area, v.priority) for v in queue.visits(s, day=NOW.date(), states={VisitState.WAITING})]


def test_touch_an_area_prints_the_ticket_on_the_pdf_printer(qtbot, make_kiosk, store, cups_server, find_output,
                                                            tmp_path):
    for old in cups_server.out_dir.glob("*20261127-073107-ticket-C00*"):
        old.unlink()
    printers = Printers(spool_dir=tmp_path / "prints", backend=CupsBackend(cups_server.socket), defaults={})
    kiosk = make_kiosk(printers=printers, printer="QMC_PDF")
    assert kiosk.stack.currentIndex() == 0 and len(kiosk.area_buttons) == 4
    kiosk.area_buttons["datdai"].click()  # a touch on "Đất đai - Xây dựng"
    assert kiosk.flow.step is KioskStep.CHOOSE_PRIORITY and kiosk.chosen_area.text() == "Đất đai - Xây dựng"
    kiosk.priority_buttons[Priority.ELDERLY].click()
    qtbot.waitUntil(lambda: kiosk.flow.step is KioskStep.TICKET_SHOWN, timeout=30_000)
    assert waiting(store) == [("C001", "datdai", Priority.ELDERLY)]
    assert kiosk.number.text() == "C001" and kiosk.number.isVisible() and kiosk.print_line.text() == ""
    assert kiosk.area_line.text() == "Đất đai - Xây dựng" and kiosk.waiting_line.text().endswith(": 0")
    assert kiosk.flow.ticket.printed_via == "printer"
    sent = kiosk.flow.ticket.saved_pdf  # the file handed to CUPS
    text = subprocess.run(["pdftotext", str(sent), "-"], capture_output=True, text=True, check=True).stdout
    assert "C001" in text and "PHIẾU SỐ THỨ TỰ" in text and "Đất đai - Xây dựng" in text and "Ông/Bà: 0" in text
    out = find_output(cups_server.out_dir, "20261127-073107-ticket-C001")  # cups-pdf printed it
    try:
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    finally:
        out.unlink(missing_ok=True)
    assert re.search(r"Pages:\s+1\n", info) and "226.77 x 311.81 pts" in info  # one 80 x 110 mm page
    QTest.mouseClick(kiosk.number, Qt.MouseButton.LeftButton)  # a touch: the next citizen
    assert kiosk.flow.step is KioskStep.CHOOSE_AREA and kiosk.stack.currentIndex() == 0


def test_keyboard_and_escpos(qtbot, make_kiosk, store):
    printer = Dummy()
    kiosk = make_kiosk(thermal=lambda: printer)
    QTest.keyClick(kiosk, Qt.Key.Key_2)  # the second area: Chứng thực
    assert kiosk.flow.area.code == "chungthuc"
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.flow.step is KioskStep.CHOOSE_AREA
    QTest.keyClick(kiosk, Qt.Key.Key_1)
    QTest.keyClick(kiosk, Qt.Key.Key_Return)  # "Không": the default
    qtbot.waitUntil(lambda: kiosk.flow.step is KioskStep.TICKET_SHOWN, timeout=20_000)
    assert waiting(store) == [("A001", "hotich", Priority.NONE)] and kiosk.number.text() == "A001"
    assert printer.output.startswith(b"\x1dv0\x00") and printer.output.endswith(b"\x1dV\x00")
    QTest.keyClick(kiosk, Qt.Key.Key_Space)
    QTest.keyClick(kiosk, Qt.Key.Key_1)
    QTest.keyClick(kiosk, Qt.Key.Key_2)  # the second priority button: elderly
    qtbot.waitUntil(lambda: kiosk.flow.step is KioskStep.TICKET_SHOWN, timeout=20_000)
    assert kiosk.number.text() == "A002" and kiosk.waiting_line.text().endswith(": 1")
    assert waiting(store)[0] == ("A002", "hotich", Priority.ELDERLY)


def test_a_stopped_printer_still_shows_the_number(qtbot, make_kiosk, store, cups_server, tmp_path):
    printers = Printers(spool_dir=tmp_path / "prints", backend=CupsBackend(cups_server.socket), defaults={})
    kiosk = make_kiosk(printers=printers, printer="QMC_STOPPED")  # out of paper
    kiosk.area_buttons["hotich"].click()
    kiosk.priority_buttons[Priority.NONE].click()
    qtbot.waitUntil(lambda: kiosk.flow.step is KioskStep.TICKET_SHOWN, timeout=30_000)
    assert kiosk.number.text() == "A001" and "kẹt giấy" in kiosk.print_line.text()
    ticket = kiosk.flow.ticket
    assert ticket.print_failed and ticket.saved_pdf.read_bytes()[:4] == b"%PDF"
    assert waiting(store) == [("A001", "hotich", Priority.NONE)]


class SlowCoordinator:
    """A coordinator that answers only when the test lets it."""

    def __init__(self, gate: threading.Event) -> None:
        self.gate = gate

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def issue(self, *a, **kw):
        self.gate.wait(20)
        return {"number": "A001", "waiting_before": 0}


def test_the_window_answers_while_issuing_and_a_double_tap_issues_once(qtbot, make_kiosk, store):
    gate, calls = threading.Event(), []
    kiosk = make_kiosk(client=lambda: calls.append(1) or SlowCoordinator(gate))
    kiosk.area_buttons["hotich"].click()
    kiosk.priority_buttons[Priority.NONE].click()
    kiosk.priority_buttons[Priority.NONE].click()  # the impatient second tap
    assert kiosk.flow.step is KioskStep.ISSUING and kiosk.stack.currentIndex() == 2
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    qtbot.wait(500)  # the GUI thread keeps turning while the worker waits on the network
    assert len(ticks) >= 10 and max(b - a for a, b in zip(ticks, ticks[1:])) < 0.25
    QTest.keyClick(kiosk, Qt.Key.Key_1)  # taps and keys during the issue change nothing
    gate.set()
    qtbot.waitUntil(lambda: kiosk.flow.step is KioskStep.TICKET_SHOWN, timeout=20_000)
    timer.stop()
    assert calls == [1] and kiosk.issues == 1 and kiosk.flow.ticket.online
    assert kiosk.number.text() == "A001" and waiting(store) == []  # numbered by the coordinator


def test_an_unreachable_coordinator_sends_the_citizen_to_the_paper_tickets(qtbot, make_kiosk, store):
    class Broken:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def issue(self, *a, **kw):
            raise ServerUnreachable("down", "Không kết nối được máy chủ.")

    kiosk = make_kiosk(client=Broken)
    kiosk.area_buttons["khac"].click()
    kiosk.priority_buttons[Priority.PREGNANT].click()
    qtbot.waitUntil(lambda: kiosk.flow.step is KioskStep.ERROR, timeout=20_000)
    assert "quầy hướng dẫn" in kiosk.error.text() and kiosk.stack.currentIndex() == 4
    assert waiting(store) == []
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.flow.step is KioskStep.CHOOSE_AREA
