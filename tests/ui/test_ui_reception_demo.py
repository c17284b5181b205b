"""``counter-app --demo``'s simulated devices: tap the card, scan, print — no hardware, no PC/SC."""

from __future__ import annotations

import gc

import pytest
from PyQt6.QtCore import QEvent, Qt
from PyQt6.QtWidgets import QApplication
from test_ui_reception import officer, receive_standard, wait_done  # noqa: F401 (fixtures)

from counter_app.services.attachments import list_attachments
from counter_app.services.reception import Step

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_window(qtbot, workspace, theme):
    from ui.demo_devices import DemoDevices, install_demo_devices
    from ui.main_window import MainWindow
    from ui.print_hook import slip_printer

    devices = DemoDevices(with_pcsc=False)  # no real PC/SC in this process (tests/idcard owns it)
    window = MainWindow(workspace, theme, card_reader_factory=devices.card_reader_factory(),
                        print_slip=slip_printer(workspace, printers_factory=lambda: None))
    install_demo_devices(window, devices)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_page(window.reception)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    yield window, devices
    window.reception.line_scanner.close()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def no_scanner_answers(monkeypatch):
    """The platform's scanner library finds nothing (SANE's configuration is read once per process,
    so the choice is steered here rather than through SANE_CONFIG_DIR)."""
    from devices.docscanner import NullBackend, facade

    monkeypatch.setattr(facade, "default_backend", NullBackend)


def test_tap_the_simulated_card_fills_the_identity_without_typing(qtbot, demo_window, officer,  # noqa: F811
                                                                   workspace):
    window, devices = demo_window
    page = window.reception
    qtbot.waitUntil(lambda: window.card_reader.available(), timeout=5000)
    assert devices.card.slot.card is None and page.flow.step is Step.IDENTIFY
    statuses: list[str] = []
    window.card_reader.handler.progressed.connect(lambda *_: statuses.append(page.identify.status.text()))
    officer.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.flow.step is Step.PROCEDURE, timeout=10_000)
    a = page.flow.applicant
    assert (a.source.value, a.full_name, a.id_number) == ("chip", "Nguyễn Văn An", "001090123456")
    assert a.date_of_birth.isoformat() == "1990-01-01" and "Hàng Bạc" in a.address
    assert page.identify.full_name.text() == "Nguyễn Văn An" and page.identify.id_number.text() == "001090123456"
    assert "001******456" in page.banner.text() and "đã đọc chip" in page.banner.text()
    assert page.flow.id_warnings == ()
    assert officer.inputs == 1  # the tap: no identity character typed
    assert any(text.startswith("Đang đọc chip") for text in statuses) and "DG2" in " ".join(statuses)
    assert not page.identify.status.isVisible()  # cleared once read
    qtbot.waitUntil(lambda: window.card_reader.present, timeout=5000)  # the reader's poll saw the card
    code = receive_standard(qtbot, page, officer)
    qtbot.waitUntil(lambda: "PDF" in page.done.print_state.text(), timeout=15_000)
    saved = page.done.print_state.text().split("tệp PDF ", 1)[1].rstrip(".")
    assert saved.startswith(str(workspace.profile.root / "prints")) and open(saved, "rb").read(5) == b"%PDF-"
    assert officer.inputs == 5  # tap, search, Enter, Ctrl+Enter, Enter: a standard dossier in 5
    assert code
    devices.card.lift()
    qtbot.waitUntil(lambda: not window.card_reader.present, timeout=5000)


def test_demo_scans_with_the_sample_scanner_when_no_scanner_answers(qtbot, demo_window, officer,  # noqa: F811
                                                                    workspace, no_scanner_answers):
    from devices.docscanner.sample_backend import SampleBackend

    window, devices = demo_window
    page = window.reception
    devices.tap()
    qtbot.waitUntil(lambda: page.flow.step is Step.PROCEDURE, timeout=10_000)
    officer.type("khai sinh", into=page.search.query)
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    officer.key(Qt.Key.Key_Return)
    officer.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.line_scanner.busy, timeout=30_000)
    assert isinstance(page.line_scanner.scanner.backend, SampleBackend)
    position = page.flow.checklist[0].position
    assert page.scans.pages(position) == 1 and page.error.text() == ""
    officer.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    officer.key(Qt.Key.Key_Return)
    wait_done(qtbot, page)
    code = page.done.code.text().removeprefix("Mã hồ sơ: ")
    with workspace.store.read() as s:
        assert [(r.component_position, r.pages) for r in list_attachments(s, code)] == [(position, 1)]


def test_the_demo_scanner_prefers_a_device_that_answers(monkeypatch):
    from devices.docscanner import DeviceInfo, facade
    from devices.docscanner.sample_backend import SampleBackend
    from ui.demo_devices import demo_scanner

    class Answering:  # stands for SANE/TWAIN with a device plugged in (pure choice logic)
        name = "sane"

        def available(self) -> bool:
            return True

        def devices(self) -> list[DeviceInfo]:
            return [DeviceInfo("epson2:libusb:001:004", "Epson", "DS-530", "sheetfed scanner")]

    monkeypatch.setattr(facade, "default_backend", Answering)
    scanner = demo_scanner()
    try:
        assert isinstance(scanner.backend, Answering)
    finally:
        scanner.close()

    class Failing(Answering):
        def devices(self) -> list[DeviceInfo]:
            raise OSError("libsane crashed")

    monkeypatch.setattr(facade, "default_backend", Failing)
    scanner = demo_scanner()
    try:
        assert isinstance(scanner.backend, SampleBackend)
    finally:
        scanner.close()
