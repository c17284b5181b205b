"""Scanning into the reception checklist (F2, step 3) against the real SANE ``test`` backend.

Each line gets "Quét" (and Ctrl+S on the selected line); the scan runs off the GUI thread with
progress and cancel; the pages are attached to that component, as one compressed PDF in the
content-addressed store, in the transaction that records the dossier.
"""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication
from pyhanko.pdf_utils.reader import PdfFileReader
from test_ui_reception import CARD_QR, officer, wait_done, wizard  # noqa: F401 (fixtures)

from counter_app.services.attachments import blob_path, list_attachments, thumbnails
from counter_app.services.reception import Step

pytestmark = pytest.mark.gui

GRID = (("test_picture", "Grid"),)


@pytest.fixture(scope="module")
def sane_test_backend(tmp_path_factory):
    """Only the SANE ``test`` backend (devices test:0, test:1), through a private SANE_CONFIG_DIR."""
    try:
        import sane
    except ImportError as exc:  # part of the project's stacks: fail, never skip
        pytest.fail(f"python-sane is not importable ({exc})")
    d = tmp_path_factory.mktemp("sane.d")
    (d / "dll.conf").write_text("test\n")
    old = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(d)
    from devices.docscanner import sane_backend

    sane_backend.reset()
    sane.init()
    names = [dev[0] for dev in sane.get_devices()]
    sane.exit()
    assert "test:0" in names, f"the SANE test backend is missing (found {names})"
    yield d
    sane_backend.reset()
    if old is None:
        os.environ.pop("SANE_CONFIG_DIR", None)
    else:
        os.environ["SANE_CONFIG_DIR"] = old


@pytest.fixture
def scanning_wizard(wizard, sane_test_backend):  # noqa: F811
    """The wizard scanning two grid pages at 75 dpi from ``test:0`` per scan, in a fresh SANE session."""
    from devices.docscanner import DocumentScanner, ScanOptions, sane_backend

    sane_backend.reset()
    made = []

    def factory():
        made.append(DocumentScanner(sane_backend.SaneBackend()))
        return made[-1]

    wizard.attach_scanner(factory, options=ScanOptions(device="test:0", resolution=75, extra=GRID), pages=2)
    yield wizard
    wizard.line_scanner.cancel()
    wizard.runner.wait_idle()
    for scanner in made:
        scanner.close()
    sane_backend.reset()


def to_checklist(qtbot, page, officer):  # noqa: F811
    officer.scan(CARD_QR)
    officer.type("khai sinh", into=page.search.query)
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    officer.key(Qt.Key.Key_Return)
    assert page.flow.step is Step.CHECKLIST


def wait_scan(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.line_scanner.busy, timeout=60_000)


def pdf_pages(data: bytes) -> int:
    return int(PdfFileReader(io.BytesIO(data)).root["/Pages"]["/Count"])


def test_scan_each_line_then_receive_attaches_one_pdf_per_component(qtbot, scanning_wizard, officer,  # noqa: F811
                                                                     workspace):
    page = scanning_wizard
    to_checklist(qtbot, page, officer)
    model, table = page.checklist.model, page.checklist.table
    assert len(page.checklist.scan_buttons) == model.rowCount() >= 2
    assert model.index(0, 5).data() == "—"
    # Ctrl+S scans the selected line (the first, selected on entry).
    table.setCurrentIndex(model.index(0, 2))
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(page.line_scanner.busy))
    timer.start(5)
    officer.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.line_scanner.busy and page.checklist.cancel_button.isVisible()
    wait_scan(qtbot, page)
    timer.stop()
    assert True in ticks  # the GUI thread ran its timer while the scan was going on
    assert page.scans.pages(page.flow.checklist[0].position) == 2
    assert model.index(0, 5).data() == "2 trang"
    assert not page.checklist.cancel_button.isVisible() and "2 trang đã quét" in page.checklist.scan_state.text()
    # The button of the second line; a second scan adds pages to the first line's PDF.
    page.checklist.scan_buttons[1].click()
    wait_scan(qtbot, page)
    table.setCurrentIndex(model.index(0, 2))
    officer.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_scan(qtbot, page)
    first, second = (line.position for line in page.flow.checklist[:2])
    assert (page.scans.pages(first), page.scans.pages(second)) == (4, 2)
    assert model.index(0, 5).data() == "4 trang"
    assert page.flow.step is Step.CHECKLIST and page.error.text() == ""
    table.setFocus()
    officer.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    officer.key(Qt.Key.Key_Return)
    wait_done(qtbot, page)
    code = page.done.code.text().removeprefix("Mã hồ sơ: ")
    with workspace.store.read() as s:
        rows = list_attachments(s, code)
    assert [(r.component_position, r.pages, r.mime) for r in rows] == [(first, 4, "application/pdf"),
                                                                       (second, 2, "application/pdf")]
    for row in rows:
        blob = blob_path(workspace.profile.root, row.sha256)
        data = blob.read_bytes()
        assert hashlib.sha256(data).hexdigest() == row.sha256 and len(data) == row.size
        assert pdf_pages(data) == row.pages
        assert row.created_by == workspace.context.officer
        assert row.original_filename == f"{code}-tp{row.component_position + 1}.pdf"
        assert len(thumbnails(workspace.profile.root, row.sha256)) == row.pages
    # The next citizen starts with no scans.
    officer.key(Qt.Key.Key_Return)
    assert page.flow.step is Step.IDENTIFY and len(page.scans) == 0


def test_paper_jam_and_missing_scanner_are_shown_in_vietnamese_and_lose_nothing(qtbot, scanning_wizard, officer,  # noqa: F811
                                                                                 workspace):
    from devices.docscanner import ScanOptions

    page = scanning_wizard
    to_checklist(qtbot, page, officer)
    page.checklist.scan_buttons[0].click()
    wait_scan(qtbot, page)
    first = page.flow.checklist[0].position
    assert page.scans.pages(first) == 2
    page.line_scanner.options = ScanOptions(device="test:0", resolution=75,
                                            extra=GRID + (("read_return_value", "SANE_STATUS_JAMMED"),))
    page.checklist.scan_buttons[0].click()
    wait_scan(qtbot, page)
    assert "Kẹt giấy" in page.error.text() and "Kẹt giấy" in page.checklist.scan_state.text()
    assert page.scans.pages(first) == 2  # the earlier pages are kept
    page.line_scanner.options = ScanOptions(device="test:7")
    page.checklist.scan_buttons[1].click()
    wait_scan(qtbot, page)
    assert "Không tìm thấy máy quét “test:7”" in page.error.text()
    assert page.scans.pages(page.flow.checklist[1].position) == 0 and page.scans.pages(first) == 2
    assert page.flow.step is Step.CHECKLIST
    page.line_scanner.options = ScanOptions(device="test:0", resolution=75,
                                            extra=GRID + (("read_return_value", "Default"),))
    page.checklist.all_complete()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_done(qtbot, page)
    code = page.done.code.text().removeprefix("Mã hồ sơ: ")
    with workspace.store.read() as s:
        assert [(r.component_position, r.pages) for r in list_attachments(s, code)] == [(first, 2)]


def test_cancel_with_esc_stops_a_slow_scan_and_keeps_the_checklist(qtbot, scanning_wizard, officer):  # noqa: F811
    from devices.docscanner import ScanOptions

    page = scanning_wizard
    to_checklist(qtbot, page, officer)
    slow = GRID + (("read_delay", True), ("read_delay_duration", 2000))
    page.line_scanner.options = ScanOptions(device="test:0", resolution=75, extra=slow)
    page.line_scanner.pages = 6
    page.checklist.table.setFocus()
    officer.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.checklist.scan_progress.value() > 0, timeout=30_000)
    officer.key(Qt.Key.Key_Escape)  # cancels the scan, does not go back a step
    wait_scan(qtbot, page)
    assert page.flow.step is Step.CHECKLIST
    assert "Đã dừng quét theo yêu cầu" in page.checklist.scan_state.text()
    assert page.scans.pages(page.flow.checklist[0].position) < 6
    page.line_scanner.options = ScanOptions(device="test:0", resolution=75,
                                            extra=GRID + (("read_delay", False),))


def test_changing_the_procedure_drops_the_scans_of_the_other_checklist(qtbot, scanning_wizard, officer,  # noqa: F811
                                                                        workspace):
    page = scanning_wizard
    to_checklist(qtbot, page, officer)
    page.checklist.scan_buttons[0].click()
    wait_scan(qtbot, page)
    assert len(page.scans) == 1
    page.back()
    page.choose_procedure(page.flow.procedure.code)  # the same procedure again: scans kept
    assert len(page.scans) == 1
    page.back()
    other = next(h.code for h in workspace.search("ket hon") if h.code != page.flow.procedure.code)
    page.choose_procedure(other)
    assert len(page.scans) == 0 and page.checklist.model.index(0, 5).data() == "—"
