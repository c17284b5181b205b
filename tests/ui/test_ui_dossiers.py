"""Dossier search (F4), detail with timeline and status moves; dashboard (F8); device indicators."""

from __future__ import annotations

from datetime import datetime

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact
from counter_app.domain.status import TRANSITIONS, DossierStatus
from counter_app.services.reception import ReceptionFlow
from ui.widgets.device_status import DeviceIndicator, DeviceSlot, probe_slot

pytestmark = pytest.mark.gui

PEOPLE = [("Nguyễn Thị Lan Anh", "001190123456", "0912345678"), ("Trần Đức Hùng", "079085000111", "0987000111")]


def seed(workspace, *, complete=True):
    codes = []
    proc = workspace.procedure(workspace.search("khai sinh")[0].code)
    for name, number, phone in PEOPLE:
        flow = ReceptionFlow()
        flow.identify(Applicant(ApplicantKind.INDIVIDUAL, name, id_number=number), contact=Contact(phone=phone))
        flow.choose_procedure(proc)
        if complete:
            flow.mark_all_complete()
        flow.to_outcome()
        flow.receive() if complete else flow.request_supplement()
        codes.append(workspace.store.write(workspace.record_reception_op(flow)).value.code)
    return codes


@pytest.fixture
def page(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def test_search_by_name_without_accents_lists_masked_ids(qtbot, page, workspace, type_text):
    codes = seed(workspace)
    QTest.keyClick(page, Qt.Key.Key_F4)
    dossiers = page.dossiers
    assert page.tabs.currentWidget() is dossiers
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dossiers.query, timeout=2000)
    assert dossiers.model.rowCount() == 2  # everything, newest first, before typing
    type_text(dossiers.query, "duc hung")
    assert dossiers.model.rowCount() == 1
    shown = [dossiers.model.index(0, c).data() for c in range(7)]
    assert shown[0] == codes[1] and shown[1] == "Trần Đức Hùng" and shown[2] == "079******111"
    assert "079085000111" not in " ".join(map(str, shown))
    dossiers.query.clear()
    type_text(dossiers.query, "0912345678")
    assert [dossiers.model.index(r, 0).data() for r in range(dossiers.model.rowCount())] == [codes[0]]


def test_detail_shows_timeline_and_moves_status_through_the_runner(qtbot, page, workspace, type_text, press_key):
    codes = seed(workspace)
    page.show_page(page.dossiers)
    dossiers = page.dossiers
    type_text(dossiers.query, codes[0])
    press_key(dossiers.query, Qt.Key.Key_Return)
    detail = dossiers.detail
    assert detail.detail is not None and detail.title.text() == codes[0]
    assert detail.timeline.count() == 1 and "Được tiếp nhận" in detail.timeline.item(0).text()
    assert set(detail.action_buttons) == set(TRANSITIONS[DossierStatus.RECEIVED])
    detail.action_buttons[DossierStatus.PROCESSING].click()
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.summary.status is DossierStatus.PROCESSING,
                    timeout=3000)
    assert detail.timeline.count() == 2 and "Đang xử lý" in detail.timeline.item(1).text()
    assert set(detail.action_buttons) == set(TRANSITIONS[DossierStatus.PROCESSING])
    # A move the core refuses without a reason: the core's message is shown, nothing changes.
    dossiers.change_status(codes[0], DossierStatus.STOPPED, "")
    qtbot.waitUntil(lambda: dossiers.error.isVisible(), timeout=3000)
    assert "Cần ghi lý do" in dossiers.error.text()
    assert workspace.dossier_detail(codes[0]).summary.status is DossierStatus.PROCESSING


def test_status_filter_and_overdue(qtbot, page, workspace):
    seed(workspace, complete=False)
    page.show_page(page.dossiers)
    dossiers = page.dossiers
    assert dossiers.model.rowCount() == 2
    dossiers.status.setCurrentIndex(dossiers.status.findData(DossierStatus.RECEIVED))
    assert dossiers.model.rowCount() == 0
    dossiers.status.setCurrentIndex(dossiers.status.findData(DossierStatus.SUPPLEMENT_REQUESTED))
    assert dossiers.model.rowCount() == 2
    dossiers.period.setCurrentIndex(1)  # today (the pinned clock's)
    assert dossiers.model.rowCount() == 2


def test_dashboard_counts_follow_operations(qtbot, page, workspace):
    QTest.keyClick(page, Qt.Key.Key_F8)
    dash = page.dashboard
    assert page.tabs.currentWidget() is dash
    assert dash.tiles["received"].number.text() == "0"
    seed(workspace)
    workspace.now = lambda: datetime(2026, 12, 31, 9, 0)  # long after: both dossiers overdue
    dash.refresh()
    assert dash.tiles["overdue"].number.text() == "2"
    workspace.now = lambda: datetime(2026, 11, 27, 9, 15)
    dash.refresh()
    values = {k: t.number.text() for k, t in dash.tiles.items()}
    assert values == {"received": "2", "returned": "0", "due_today": "2", "overdue": "0",  # khai sinh: in the day
                      "waiting_supplement": "0", "mine": "2"}
    assert "27/11/2026" in dash.heading.text()


def test_device_indicators_are_honest(qtbot, page):
    indicators = {i.slot.key: i for i in page.device_indicators}
    assert set(indicators) == {"idcard", "barcode", "scanner", "printer"}
    for key in ("idcard", "barcode", "printer"):
        assert indicators[key].state == "absent" and indicators[key].status_text.endswith(": chưa kết nối")
        assert indicators[key].toolTip().startswith(indicators[key].status_text)
    # The scanner has a façade: the probe ran off the GUI thread and answered.
    qtbot.waitUntil(lambda: indicators["scanner"].state in ("ready", "absent", "error"), timeout=5000)


class _Facade:
    def __init__(self, ok: bool) -> None:
        self.ok, self.closed = ok, False

    def available(self) -> bool:
        return self.ok

    def close(self) -> None:
        self.closed = True


def test_probe_slot_reads_available_and_closes(qapp):
    ready = _Facade(True)
    assert probe_slot(DeviceSlot("x", "X", lambda: ready)) == ("ready", "") and ready.closed
    assert probe_slot(DeviceSlot("x", "X", lambda: _Facade(False)))[0] == "absent"
    assert probe_slot(DeviceSlot("x", "X", None))[0] == "absent"
    indicator = DeviceIndicator(DeviceSlot("printer", "Máy in", lambda: ready))
    assert indicator.state == "checking"
    indicator.set_state("ready")
    assert indicator.text() == "● Máy in" and indicator.status_text == "Máy in: sẵn sàng"
    assert indicator.property("state") == "ready" and indicator.accessibleName() == "Máy in: sẵn sàng"
    indicator.deleteLater()
