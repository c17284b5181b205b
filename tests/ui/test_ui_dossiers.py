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


def settled(qtbot, dossiers) -> None:
    """The search runs on the pool once typing pauses: wait for its answer."""
    qtbot.waitUntil(lambda: not dossiers.searching, timeout=5000)


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
    settled(qtbot, dossiers)
    assert dossiers.model.rowCount() == 2  # everything, newest first, before typing
    type_text(dossiers.query, "duc hung")
    settled(qtbot, dossiers)
    assert dossiers.model.rowCount() == 1
    shown = [dossiers.model.index(0, c).data() for c in range(7)]
    assert shown[0] == codes[1] and shown[1] == "Trần Đức Hùng" and shown[2] == "079******111"
    assert "079085000111" not in " ".join(map(str, shown))
    dossiers.query.clear()
    type_text(dossiers.query, "0912345678")
    settled(qtbot, dossiers)
    assert [dossiers.model.index(r, 0).data() for r in range(dossiers.model.rowCount())] == [codes[0]]


def test_detail_shows_timeline_and_moves_status_through_the_runner(qtbot, page, workspace, type_text, press_key):
    codes = seed(workspace)
    page.show_page(page.dossiers)
    dossiers = page.dossiers
    type_text(dossiers.query, codes[0])
    press_key(dossiers.query, Qt.Key.Key_Return)  # before the search answered: the first row opens when it does
    settled(qtbot, dossiers)
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
    settled(qtbot, dossiers)
    assert dossiers.model.rowCount() == 2
    dossiers.status.setCurrentIndex(dossiers.status.findData(DossierStatus.RECEIVED))
    settled(qtbot, dossiers)
    assert dossiers.model.rowCount() == 0
    dossiers.status.setCurrentIndex(dossiers.status.findData(DossierStatus.SUPPLEMENT_REQUESTED))
    settled(qtbot, dossiers)
    assert dossiers.model.rowCount() == 2
    dossiers.period.setCurrentIndex(1)  # today (the pinned clock's)
    settled(qtbot, dossiers)
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


def _pdf_page(color: str) -> bytes:
    """A real one-page A5 PDF filled with ``color`` (Qt's PDF writer)."""
    from PyQt6.QtCore import QBuffer, QIODevice, QRect
    from PyQt6.QtGui import QColor, QPageSize, QPainter, QPdfWriter

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.fillRect(QRect(0, 0, writer.width(), writer.height()), QColor(color))
    painter.end()
    return bytes(buffer.data())


def _png(color: str) -> bytes:
    from PyQt6.QtCore import QBuffer, QIODevice
    from PyQt6.QtGui import QColor, QImage

    image = QImage(200, 300, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _centre(icon_item) -> tuple[int, int, int]:
    image = icon_item.icon().pixmap(120, 120).toImage()
    c = image.pixelColor(image.width() // 2, image.height() // 2)
    return c.red(), c.green(), c.blue()


def test_detail_shows_files_with_thumbnails_prints_and_scans_and_hands_a_resolved_dossier_to_f3(
        qtbot, page, workspace):
    from counter_app.services.attachments import attach_file
    from counter_app.services.return_authorisation import attach_authorisation
    from printing.dispatch import print_form
    from printing.stored import stored_context

    code = seed(workspace)[0]
    root, now = workspace.profile.root, workspace.now()
    workspace.store.write(lambda s: attach_file(s, data_root=root, dossier_code=code, component_position=0,
                                                data=_pdf_page("#d01010"), pages=1, by="canbo01", now=now))
    with workspace.store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=now)
    print_form(store=workspace.store, form="receipt", ctx=ctx, officer="canbo01", now=now,
               spool_dir=root / "prints")  # no printer: saved and recorded
    workspace.store.write(workspace.change_status_op(code, DossierStatus.PROCESSING))
    workspace.store.write(workspace.change_status_op(code, DossierStatus.RESOLVED))
    workspace.store.write(lambda s: attach_authorisation(s, data_root=root, dossier_code=code, data=_png("#1030e0"),
                                                         pages=1, by="canbo01", now=now))
    page.show_page(page.dossiers)
    dossiers = page.dossiers
    dossiers.open_code(code)
    detail, loader = dossiers.detail, dossiers.detail.thumbnails
    first_component = workspace.dossier_detail(code).components[0].name
    assert [detail.files.item(i).text() for i in range(detail.files.count())] == [
        "Văn bản ủy quyền nhận kết quả (1 trang)", f"{first_component} (1 trang)"]
    kinds = [detail.timeline.item(i).data(Qt.ItemDataRole.UserRole) for i in range(detail.timeline.count())]
    texts = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    assert kinds.count("scan") == 2 and kinds.count("print") == 1 and kinds.count("status") == 3
    assert any("In Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in t for t in texts)
    assert any(f"Số hóa: {first_component}" in t for t in texts)
    qtbot.waitUntil(lambda: not loader.pending, timeout=15_000)
    assert loader.rendered == 2
    pdf_item, png_item = detail.files.item(1), detail.files.item(0)
    red, green, blue = _centre(pdf_item)
    assert red > 180 and green < 60 and blue < 60  # the PDF's first page, rendered
    red, green, blue = _centre(png_item)
    assert blue > 180 and red < 60  # the scanned image, scaled
    dossiers.open_code(code)  # again: from the cache, drawn at once
    assert loader.rendered == 2 and not loader.pending and not detail.files.item(1).icon().isNull()
    assert detail.return_button.isVisible() and DossierStatus.RETURNED not in detail.action_buttons
    detail.return_button.click()
    assert page.tabs.currentWidget() is page.returns and page.returns.flow.dossier.code == code


def test_a_damaged_file_gets_no_thumbnail_but_keeps_its_line(qtbot, page, workspace):
    from counter_app.services.attachments import attach_file, blob_path

    code = seed(workspace)[0]
    root, now = workspace.profile.root, workspace.now()
    info = workspace.store.write(lambda s: attach_file(s, data_root=root, dossier_code=code, component_position=0,
                                                       data=_png("#10a010"), pages=1, by="canbo01", now=now)).value
    blob_path(root, info.sha256).write_bytes(b"damaged")
    page.show_page(page.dossiers)
    page.dossiers.open_code(code)
    detail = page.dossiers.detail
    qtbot.waitUntil(lambda: not detail.thumbnails.pending, timeout=15_000)
    assert detail.files.count() == 1 and detail.files.item(0).icon().isNull()
    assert detail.thumbnails.cache == {}
