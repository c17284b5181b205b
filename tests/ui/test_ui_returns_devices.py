"""F3 (trả kết quả) with the devices: the chip card verifies the owner, the authorisation is scanned
with the demo scanner, and a slow real scan (SANE ``test``) is cancelled from the progress line."""

from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from test_ui_reception import officer  # noqa: F401 (fixture)
from test_ui_reception_demo import demo_window, no_scanner_answers  # noqa: F401 (fixtures)
from test_ui_reception_scan import sane_test_backend  # noqa: F401 (fixture)
from test_ui_returns import _authorised_receiver, resolved_dossier

from counter_app.domain.applicant import IdentitySource
from counter_app.domain.status import DossierStatus
from counter_app.services.attachments import list_attachments
from counter_app.services.reception import Step
from counter_app.services.returns import ReturnStep

pytestmark = pytest.mark.gui
GRID = (("test_picture", "Grid"),)


def _open_on_f3(qtbot, window, code: str):
    QTest.keyClick(window, Qt.Key.Key_F3)
    returns = window.returns
    assert window.tabs.currentWidget() is returns
    returns.open_code(code)
    assert returns.flow is not None and returns.flow.step is ReturnStep.VERIFY
    return returns


def test_the_demo_card_tap_on_f3_verifies_the_owner_by_chip(qtbot, demo_window, officer, workspace):  # noqa: F811
    window, devices = demo_window
    qtbot.waitUntil(lambda: window.card_reader.available(), timeout=5000)
    code = resolved_dossier(workspace)  # owner: the demo citizen, 001090123456
    returns = _open_on_f3(qtbot, window, code)
    officer.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: returns.flow.step is ReturnStep.CONFIRM, timeout=10_000)
    assert window.tabs.currentWidget() is returns  # the tap stayed on F3
    assert returns.flow.identified_by is IdentitySource.CHIP and returns.flow.receiver_name == "Nguyễn Văn An"
    assert window.reception.flow.step is Step.IDENTIFY and window.reception.flow.applicant is None  # not F2's
    assert not returns.busy.isVisible() and returns.error.text() == ""
    officer.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: returns.flow.step is ReturnStep.DONE and not returns.saving, timeout=5000)
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RETURNED
    assert officer.inputs == 2  # the tap and Enter: no identity character typed
    devices.card.lift()


def test_someone_elses_card_on_the_reader_does_not_open_with_the_owners_number(qtbot, demo_window, workspace):  # noqa: F811
    from counter_app.domain.applicant import Applicant, ApplicantKind
    from counter_app.services.reception import ReceptionFlow

    window, devices = demo_window
    qtbot.waitUntil(lambda: window.card_reader.available(), timeout=5000)
    flow = ReceptionFlow()  # a dossier of another citizen: the demo card is not theirs
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Trần Đức Hùng", id_number="079085000111"))
    flow.choose_procedure(workspace.procedure(workspace.search("khai sinh")[0].code))
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    code = workspace.store.write(workspace.record_reception_op(flow)).value.code
    workspace.store.write(workspace.change_status_op(code, DossierStatus.RESOLVED))
    returns = _open_on_f3(qtbot, window, code)
    card, _person = devices.card.ensure()
    devices.card.slot.insert(card)  # put on the reader: F3 reads it with the owner's access number
    qtbot.waitUntil(lambda: "không phải của chủ hồ sơ" in returns.error.text(), timeout=15_000)
    qtbot.waitUntil(lambda: not window.card_reader.reading, timeout=5000)
    assert "không phải của chủ hồ sơ" in returns.error.text()  # not replaced by "read cancelled"
    assert returns.flow.step is ReturnStep.VERIFY and window.tabs.currentWidget() is returns
    assert window.reception.flow.applicant is None
    devices.card.lift()


def test_the_demo_card_tap_elsewhere_still_goes_to_reception(qtbot, demo_window, workspace):  # noqa: F811
    window, devices = demo_window
    qtbot.waitUntil(lambda: window.card_reader.available(), timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_F3)  # F3 with no dossier open: it takes no identity
    devices.tap()
    assert window.tabs.currentWidget() is window.reception
    qtbot.waitUntil(lambda: window.reception.flow.step is Step.PROCEDURE, timeout=10_000)
    assert window.returns.flow is None
    devices.card.lift()


def test_the_demo_scanner_scans_the_authorisation_on_f3(qtbot, demo_window, workspace, type_text,  # noqa: F811
                                                      no_scanner_answers):  # noqa: F811
    from devices.docscanner.sample_backend import SampleBackend

    window, _devices = demo_window
    QTest.keyClick(window, Qt.Key.Key_F3)
    returns = window.returns
    code = _authorised_receiver(returns, workspace, type_text)
    returns.scan_authorisation_button.click()
    assert returns.saving and not returns.scan_authorisation_button.isEnabled()
    qtbot.waitUntil(lambda: returns.busy.isVisible(), timeout=5000)  # a flatbed page takes ~0.6 s
    qtbot.waitUntil(lambda: bool(returns.authorisation) and not returns.saving, timeout=30_000)
    assert isinstance(returns.auth_scanner.scanner.backend, SampleBackend)  # the demo's scanner, not the platform's
    assert not returns.busy.isVisible() and "Đã lưu văn bản ủy quyền" in returns.authorisation_state.text()
    with workspace.store.read() as s:
        kept = list_attachments(s, code)
    assert [(a.mime, a.pages) for a in kept] == [("application/pdf", 1)]
    returns.proxy_button.click()
    assert returns.flow.step is ReturnStep.CONFIRM and "Trần Thị Bình" in returns.confirm_label.text()


@pytest.mark.usefixtures("sane_test_backend")
def test_cancelling_a_slow_authorisation_scan_keeps_nothing_and_allows_another(qtbot, window, workspace,
                                                                               type_text):
    from devices.docscanner import DocumentScanner, ScanOptions, sane_backend

    sane_backend.reset()
    returns = window.returns
    window.show_page(returns)
    returns.attach_scanner(lambda: DocumentScanner(sane_backend.SaneBackend()), pages=6,
                           options=ScanOptions(device="test:0", resolution=75,
                                               extra=GRID + (("read_delay", True), ("read_delay_duration", 20_000))))
    code = _authorised_receiver(returns, workspace, type_text)
    returns.scan_authorisation_button.click()
    qtbot.waitUntil(lambda: returns.busy.isVisible() and returns.busy.bar.value() > 0, timeout=30_000)  # > 300 ms
    assert returns.busy.cancel_button.isEnabled() and "Đang quét trang" in returns.busy.label.text()
    returns.busy.cancel_button.click()  # the scanner façade's cancel: the device stops
    qtbot.waitUntil(lambda: not returns.saving, timeout=30_000)
    assert not returns.busy.isVisible() and "Đã dừng quét theo yêu cầu" in returns.error.text()
    assert returns.authorisation == "" and not returns.proxy_button.isEnabled()
    assert returns.scan_authorisation_button.isEnabled()
    with workspace.store.read() as s:
        assert list_attachments(s, code) == []  # a cancelled scan keeps no partial authorisation
    returns.scan_options = ScanOptions(device="test:0", resolution=75, extra=GRID + (("read_delay", False),))
    returns.auth_scanner.pages = 1
    returns.scan_authorisation_button.click()  # scanning again works
    qtbot.waitUntil(lambda: bool(returns.authorisation) and not returns.saving, timeout=30_000)
    with workspace.store.read() as s:
        assert [a.pages for a in list_attachments(s, code)] == [1]
    returns.auth_scanner.close()
    sane_backend.reset()
