"""The reception wizard (F2) end to end on a demo profile, driven by the keyboard.

Every officer action goes through :class:`Officer`, which counts it: typing one field
is one input, a key (Enter, Tab, Ctrl+Enter, Alt+1) is one input, a scan is one input.
Keys go to whatever widget has the focus, so the focus chain is tested too.
"""

from __future__ import annotations

from datetime import date

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from counter_app.domain.status import DossierStatus
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.reception import Step

pytestmark = pytest.mark.gui

#: A 2021-model card QR (domain.md §5.1) for a made-up citizen born 1990, male.
CARD_QR = "001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 1 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|15032021"
NO = Qt.KeyboardModifier.NoModifier


class Officer:
    def __init__(self, qtbot, send_text) -> None:
        self.qtbot, self.send_text, self.inputs = qtbot, send_text, 0

    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str, *, into=None) -> None:
        target = self.focus()
        if into is not None:
            assert target is into, f"focus is on {target!r}, expected {into!r}"
        self.send_text(target, text)
        self.inputs += 1

    def key(self, key: Qt.Key, modifiers=NO) -> None:
        QTest.keyClick(self.focus(), key, modifiers)
        self.inputs += 1

    def scan(self, text: str) -> None:
        """A keyboard-wedge scanner: the characters, then Enter — one action of the officer."""
        target = self.focus()
        self.send_text(target, text)
        QTest.keyClick(target, Qt.Key.Key_Return)
        self.inputs += 1


@pytest.fixture
def wizard(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_page(window.reception)
    page = window.reception
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return page


@pytest.fixture
def officer(qtbot, type_text):
    return Officer(qtbot, type_text)


def wait_done(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.flow.step is Step.DONE and not page.saving, timeout=5000)


def stored(workspace, code):
    with workspace.store.read() as s:
        row = get_dossier_row(s, code)
        return row.status, row.applicant_source, row.applicant_name, row.due_at, len(row.components)


def receive_standard(qtbot, page, officer) -> str:
    """From the procedure step: search, choose, all complete, receive, next citizen."""
    assert page.flow.step is Step.PROCEDURE
    officer.type("khai sinh", into=page.search.query)
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    officer.key(Qt.Key.Key_Return)
    assert page.flow.step is Step.CHECKLIST
    officer.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # all complete
    assert page.flow.step is Step.OUTCOME and page.flow.can_receive
    assert page.outcome.due.text().startswith("Nếu tiếp nhận lúc này, hẹn trả: ")  # shown before confirming
    officer.key(Qt.Key.Key_Return)  # receive
    wait_done(qtbot, page)
    return page.done.code.text().removeprefix("Mã hồ sơ: ")


def test_card_qr_standard_dossier_takes_six_inputs(qtbot, wizard, officer, workspace, window):
    page = wizard
    assert page.identify.accepts_qr  # devices.barcode provides the CCCD QR parser
    assert QApplication.focusWidget() is page.identify.qr
    officer.scan(CARD_QR)
    assert page.flow.applicant.full_name == "Nguyễn Văn An"
    assert "001******456" in page.banner.text() and "001090123456" not in page.banner.text()
    code = receive_standard(qtbot, page, officer)
    assert code.startswith(workspace.context.agency_code + "-261127-")
    status, source, name, due_at, n_components = stored(workspace, code)
    assert (status, source, name) == ("received", "qr", "Nguyễn Văn An") and n_components > 0
    assert page.done.due.text().endswith(f"ngày {due_at:%d/%m/%Y}")
    assert "Chưa kết nối máy in" in page.done.print_state.text()
    # "khai sinh" has two fee rows (on time / late): the first is the default, no input spent on it.
    assert len(page.flow.procedure.fees) == 2 and not page.checklist.fee.isHidden()  # offered, not needed
    with workspace.store.read() as s:
        assert get_dossier_row(s, code).fee_vnd == page.flow.procedure.fees[0].amount_vnd
    officer.key(Qt.Key.Key_Return)  # next citizen
    assert page.flow.step is Step.IDENTIFY and page.identify.id_number.text() == ""
    assert officer.inputs == 6
    assert window.dashboard.counts is not None and window.dashboard.counts.received == 1


def test_recent_procedure_saves_an_input_for_the_next_citizen(qtbot, wizard, officer, workspace):
    page = wizard
    officer.scan(CARD_QR)
    first = receive_standard(qtbot, page, officer)
    officer.key(Qt.Key.Key_Return)
    officer.inputs = 0
    officer.scan(CARD_QR)
    assert page.recent_buttons, "the procedure just used is offered"
    officer.key(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert page.flow.step is Step.CHECKLIST
    officer.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    officer.key(Qt.Key.Key_Return)
    wait_done(qtbot, page)
    second = page.done.code.text().removeprefix("Mã hồ sơ: ")
    officer.key(Qt.Key.Key_Return)
    assert officer.inputs == 5
    assert second != first and int(second[-4:]) == int(first[-4:]) + 1


def test_typed_identity_counts_and_id_warnings(qtbot, wizard, officer, workspace):
    page = wizard
    QTest.keyClick(page.identify.qr, Qt.Key.Key_Tab)  # from the QR box to the ID number (not counted: setup)
    assert QApplication.focusWidget() is page.identify.id_number
    officer.type("001090123456", into=page.identify.id_number)
    officer.key(Qt.Key.Key_Tab)
    officer.type("Trần Thị Bình", into=page.identify.full_name)
    officer.key(Qt.Key.Key_Tab)
    officer.type("05/09/1985", into=page.identify.dob)  # the number says 1990, male
    officer.key(Qt.Key.Key_Return)
    assert page.flow.step is Step.PROCEDURE
    assert page.warnings.isVisible()
    assert "Năm sinh theo số định danh là 1990" in page.warnings.text()
    code = receive_standard(qtbot, page, officer)
    officer.key(Qt.Key.Key_Return)
    assert officer.inputs == 11  # typed identity with DOB: 6 for identity + 5 for the rest
    status, source, name, _, _ = stored(workspace, code)
    assert (status, source, name) == ("received", "typed", "Trần Thị Bình")


def test_a_malformed_id_number_stays_on_the_step_with_the_core_message(qtbot, wizard, officer):
    page = wizard
    page.identify.id_number.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.identify.id_number, timeout=1000)
    officer.type("12345")
    QTest.keyClick(page.identify.id_number, Qt.Key.Key_Tab)
    officer.type("Lê Văn C")
    officer.key(Qt.Key.Key_Return)
    assert page.flow.step is Step.IDENTIFY
    assert "phải gồm đúng 12 chữ số" in page.identify.error.text() and page.identify.error.isVisible()
    page.identify.accept_qr_text("not a card")
    assert page.flow.step is Step.IDENTIFY and page.identify.error.text()


def test_incomplete_dossier_gets_a_supplement_request_not_a_receipt(qtbot, wizard, officer, workspace):
    page = wizard
    officer.scan(CARD_QR)
    officer.type("khai sinh")
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    officer.key(Qt.Key.Key_Return)
    page.checklist.next_button.click()  # nothing ticked
    assert page.flow.step is Step.OUTCOME
    assert not page.outcome.receive_button.isEnabled() and page.outcome.supplement_button.isEnabled()
    assert page.outcome.missing.text().startswith("Còn thiếu: ")
    page.outcome.refuse_button.click()  # refusal without a reason: the flow's message
    assert "phải ghi rõ lý do" in page.error.text() and page.flow.step is Step.OUTCOME
    page.outcome.supplement_button.click()
    wait_done(qtbot, page)
    code = page.done.code.text().removeprefix("Mã hồ sơ: ")
    status, *_ = stored(workspace, code)
    assert status == DossierStatus.SUPPLEMENT_REQUESTED.value
    assert not page.done.due.isVisible()


def test_checklist_counts_are_edited_through_the_flow(qtbot, wizard, officer):
    page = wizard
    officer.scan(CARD_QR)
    officer.type("khai sinh")
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    officer.key(Qt.Key.Key_Return)
    model = page.checklist.model
    mandatory = [r for r in range(model.rowCount()) if page.flow.checklist[r].mandatory]
    for r in mandatory:
        line = page.flow.checklist[r]
        assert model.setData(model.index(r, 2), line.required_originals)
        assert model.setData(model.index(r, 3), line.required_copies)
    assert not page.flow.missing
    assert model.index(mandatory[0], 4).data() == "Đủ"
    assert not model.setData(model.index(0, 2), -1)  # the flow refuses a negative count
    assert "không thể âm" in page.error.text()


def test_chip_identity_plugs_in_and_back_keeps_the_applicant(qtbot, wizard, workspace):
    from devices.idcard.identity import CitizenIdentity

    page = wizard
    card = CitizenIdentity(id_number="001090123456", full_name="Nguyễn Văn An", date_of_birth=date(1990, 1, 1),
                           sex="Nam", place_of_residence="Hà Nội")
    page.accept_identity(card)
    assert page.flow.step is Step.PROCEDURE and page.flow.applicant.source.value == "chip"
    assert page.flow.id_warnings == ()
    page.choose_procedure(page.workspace.search("khai sinh")[0].code)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert page.flow.step is Step.PROCEDURE and page.flow.applicant.full_name == "Nguyễn Văn An"
    page.accept_identity(card)  # ignored outside the identify step
    assert page.flow.step is Step.PROCEDURE


def test_a_classified_scan_reaches_the_wizard_and_the_dossier_page(qtbot, wizard, window, officer):
    from devices.barcode.dispatch import classify_scan

    window.show_page(window.dashboard)
    window.on_scan(classify_scan(CARD_QR))
    assert window.tabs.currentWidget() is window.reception
    assert wizard.flow.step is Step.PROCEDURE and wizard.flow.applicant.source.value == "qr"
    code = receive_standard(qtbot, wizard, officer)
    window.on_scan(classify_scan(code))
    assert window.tabs.currentWidget() is window.dossiers
    assert window.dossiers.detail.detail is not None and window.dossiers.detail.detail.summary.code == code


def test_the_print_step_renders_and_saves_the_receipt_without_a_printer(qtbot, wizard, officer, workspace):
    import subprocess

    from ui.print_hook import slip_printer

    page = wizard
    page.print_slip = slip_printer(workspace, printers_factory=lambda: None)  # no printer: PDF saved
    officer.scan(CARD_QR)
    code = receive_standard(qtbot, page, officer)
    qtbot.waitUntil(lambda: "PDF" in page.done.print_state.text(), timeout=15_000)
    saved = page.done.print_state.text().split("tệp PDF ", 1)[1].rstrip(".")
    pdf = open(saved, "rb").read()
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", saved, "-"], capture_output=True, text=True, check=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text  # Mẫu 01
    assert f"Mã hồ sơ: {code}" in text and "Nguyễn Văn An" in text
