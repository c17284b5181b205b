"""Queue screens offscreen: the docked queue panel (F5, serve, hold/resume, paper ticket, dossiers of the
visit), the customer-facing screen (masked summary, rating tied to the visit), and the calling display
fed by the real coordinator (a call shown within a second, spoken through the speech engine)."""

from __future__ import annotations

import stat
import time
import uuid
from datetime import timedelta

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QDockWidget
from sqlalchemy import select

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.queue import Priority, VisitState
from counter_app.services import queue
from counter_app.services.customer_flow import CustomerStep
from counter_app.services.reception import ReceptionFlow
from counter_app.storage.models_lifecycle import RatingRow
from counter_app.storage.models_queue import QueueVisitDossierRow
from counter_app.sync.queue_client import QueueClient
from devices.speech import Speaker

pytestmark = pytest.mark.gui


def issue(workspace, area="hotich", minutes=-30):
    at = workspace.now() + timedelta(minutes=minutes)
    return workspace.store.write(lambda s: queue.issue(s, area=area, now=at).value)


def receive(window, workspace) -> str:
    proc = workspace.procedure(workspace.search("khai sinh")[0].code)
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Thị Mai Anh", id_number="001190012345"))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    got = {}
    window.runner.write(workspace.record_reception_op(flow), on_done=lambda r: got.setdefault("code", r.value.code))
    assert window.runner.wait_idle()
    return got["code"]


@pytest.fixture
def panel(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    dock = window.findChild(QDockWidget, "dock_queue")
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=2000)  # queue.panel is off by default
    return window.queue


def test_f5_calls_the_next_ticket_and_the_visit_takes_the_dossier_and_the_rating(qtbot, window, panel, workspace):
    assert panel.number.text() == "—" and panel.title() == "Hàng chờ"
    first, second = issue(workspace), issue(workspace, minutes=-20)
    QTest.keyClick(window, Qt.Key.Key_F5)  # F5 shows the panel and calls
    qtbot.waitUntil(lambda: panel.number.text() == first.number, timeout=3000)
    assert window.findChild(QDockWidget, "dock_queue").isVisible()
    assert "đã gọi" in panel.state.text() and panel.buttons["serve"].isEnabled()
    qtbot.waitUntil(lambda: panel.waiting.text() == "Đang chờ: 1", timeout=3000)
    assert not panel.buttons["finish"].isEnabled()
    panel.open_customer_screen()
    screen = panel.customer
    assert screen.flow.step is CustomerStep.WELCOME and screen.flow.visit_id == first.id
    assert "Nguyễn Thị Lan" in screen.officer.text() and screen.ticket.text() == f"Số {first.number}"
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # showing the citizen's screen takes no focus
    QTest.keyClick(window, Qt.Key.Key_F5)  # called, not served: refused with the reason
    qtbot.waitUntil(panel.error.isVisible, timeout=3000)
    assert "Vắng mặt" in panel.error.text()
    panel.buttons["serve"].click()
    qtbot.waitUntil(lambda: panel.visit is not None and panel.visit.state is VisitState.SERVING, timeout=3000)
    code = receive(window, workspace)  # the reception tab records a dossier during the visit
    qtbot.waitUntil(lambda: screen.flow.step is CustomerStep.CONFIRM, timeout=3000)
    summary = screen.summary.text()
    assert code in summary and "Trần" not in summary and "Nguyễn T. M. Anh" in summary
    assert "001******345" in summary and "001190012345" not in summary
    qtbot.waitUntil(lambda: panel.runner.wait_idle(50) and _linked(workspace, first.id) == [code], timeout=3000)
    screen.confirm_button.click()
    assert [b.text() for b in screen.rating_buttons] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    screen.rating_buttons[0].click()
    assert window.runner.wait_idle()
    with workspace.store.read() as s:
        rating = s.scalar(select(RatingRow).where(RatingRow.dossier_code == code))
        assert (rating.level, rating.scale, rating.visit_id, rating.officer) == (1, 3, first.id,
                                                                                 workspace.context.officer)
    assert screen.flow.step is CustomerStep.THANKS
    window.activateWindow()  # the officer's window, not the citizen's screen
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_F5)  # finishes the served visit, calls the next one
    qtbot.waitUntil(lambda: panel.number.text() == second.number, timeout=3000)
    with workspace.store.read() as s:
        assert queue.get(s, first.id).state == "done"
    screen.close()


def _linked(workspace, visit_id):
    with workspace.store.read() as s:
        return list(s.scalars(select(QueueVisitDossierRow.dossier_code).where(
            QueueVisitDossierRow.visit_id == visit_id)))


def test_hold_resume_and_paper_ticket_with_a_clear_error(qtbot, window, panel, workspace):
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.error.isVisible() and panel.error.text() == "Không còn ai đang chờ.", timeout=3000)
    panel.paper.setText("số 12!")
    panel.paper_button.click()
    qtbot.waitUntil(lambda: panel.error.text().startswith("Số phiếu giấy không hợp lệ"), timeout=3000)
    assert panel.paper.text() == "số 12!"
    panel.paper.setText("A027")
    panel.priority_box.setCurrentIndex(panel.priority_box.findText("Người khuyết tật"))
    panel.paper_button.click()
    qtbot.waitUntil(lambda: panel.number.text() == "A027", timeout=3000)
    assert panel.paper.text() == "" and not panel.error.isVisible()
    panel.buttons["serve"].click()
    qtbot.waitUntil(lambda: panel.buttons["hold"].isEnabled(), timeout=3000)
    panel.buttons["hold"].click()
    qtbot.waitUntil(lambda: panel.number.text() == "—", timeout=3000)
    assert panel.held.text() == "Đang tạm dừng: A027" and panel.buttons["resume"].isEnabled()
    panel.buttons["resume"].click()
    qtbot.waitUntil(lambda: panel.number.text() == "A027" and panel.buttons["finish"].isEnabled(), timeout=3000)
    panel.counter_box.setText("q02")
    panel.transfer_button.click()
    qtbot.waitUntil(lambda: panel.number.text() == "—", timeout=3000)
    with workspace.store.read() as s:
        [v] = queue.visits(s, day=workspace.now().date())
    assert (v.state, v.counter_code, v.paper, v.priority) == (VisitState.WAITING, "Q02", True, Priority.DISABLED)


def test_customer_screen_with_five_levels(qtbot, window, workspace):
    from ui.queue.customer import CustomerScreen

    screen = CustomerScreen(workspace, window.runner, scale=5)
    qtbot.addWidget(screen)
    assert len(screen.rating_buttons) == 5 and screen.rating_buttons[2].text() == "Bình thường"
    assert screen.flow.step is CustomerStep.WELCOME and screen.ticket.text() == ""


def _fake_engine(tmp_path):
    log = tmp_path / "spoken.txt"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return fake, log


def test_calling_display_shows_a_call_within_a_second_and_speaks_it(qtbot, qapp, server, admin, tmp_path):
    from ui.queue.display import CallDisplay

    h = uuid.uuid4().hex.upper()
    agency = f"{h[:3]}.{h[3:5]}.{h[5:7]}.D{h[7:9]}"
    admin.agency(agency)
    kiosk, q1, tv = (QueueClient(server.url, admin.counter(agency, c)["token"]) for c in ("KIOSK", "Q01", "TV01"))
    kiosk.issue("hotich", prefix="A")
    kiosk.issue("hotich", prefix="A")
    q1.call_next([])  # called before the display starts: shown, not spoken
    engine, log = _fake_engine(tmp_path)
    display = CallDisplay(tv, speaker=Speaker(engine=str(engine)), wait=2)
    qtbot.addWidget(display)
    display.show()
    display.start()
    qtbot.waitUntil(lambda: display.cells[0][0].text() == "A001", timeout=5000)
    assert display.announced == []
    time.sleep(0.3)  # the long-poll is open
    called_at = time.monotonic()
    q1.call_next([])
    qtbot.waitUntil(lambda: display.cells[0][0].text() == "A002", timeout=1000)  # fails if not within 1 s
    latency = time.monotonic() - called_at
    assert latency < 1.0 and display.cells[0][1].text() == "1"
    assert [e.number for e in display.announced] == ["A002"]
    assert display.speaker.wait_idle(10)
    assert log.read_text(encoding="utf-8").strip() == "-v vi -s 140 Xin mời công dân có số A không không hai " \
                                                      "đến quầy số 1"
    assert display.status.text() == ""  # connected
    display.close()
    for c in (kiosk, q1, tv):
        c.close()


def test_calling_display_says_when_the_coordinator_is_unreachable(qtbot):
    from city_backend.testing import free_port
    from ui.queue.display import CallDisplay

    display = CallDisplay(QueueClient(f"http://127.0.0.1:{free_port()}", "x", timeout=2), wait=1)
    qtbot.addWidget(display)
    display.start()
    qtbot.waitUntil(lambda: display.status.text().startswith("Mất kết nối"), timeout=5000)
    assert display.board.rows() == []
    display.close()


_TWO_SCREENS = """
import sys
from pathlib import Path
from PyQt6.QtWidgets import QApplication
from counter_app.profile import Profile
from ui.ops import OperationRunner
from ui.workspace import Workspace
from ui.queue.customer import CustomerScreen

app = QApplication([])
ws = Workspace.open(Profile(Path(sys.argv[1])))
runner = OperationRunner(ws.store)
screen = CustomerScreen(ws, runner)
screen.show_on_second_screen()
app.processEvents()
g = screen.geometry()
print(screen.screen().name(), screen.isFullScreen(), g.x(), g.width(), g.height())
screen.close()
runner.shutdown()
ws.close()
"""


def test_customer_screen_goes_full_screen_on_the_second_screen(tmp_path):
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "A-officer", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "dpr": 1},
        {"name": "B-citizen", "x": 1280, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run([sys.executable, "-c", _TWO_SCREENS, str(tmp_path / "profile")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["B-citizen", "True", "1280", "1024", "600"]
