"""The fee option in the reception wizard: several fee rows → the officer picks one (default the first)."""

from __future__ import annotations

import subprocess

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication
from test_ui_reception import CARD_QR, officer, wait_done, wizard  # noqa: F401 (fixtures)

from counter_app.services.dossiers import get_dossier_row
from counter_app.services.reception import Step
from counter_app.storage.models import ProcedureRow
from ui.formatting import money_vnd

pytestmark = pytest.mark.gui
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
BIRTH = "1.001193"  # Đăng ký khai sinh: on time 0 đồng, late 5.000 đồng (demo catalog)


def test_pick_the_second_fee_with_the_keyboard_it_is_stored_and_printed(qtbot, wizard, officer,  # noqa: F811
                                                                          workspace):
    from ui.print_hook import slip_printer

    page = wizard
    page.print_slip = slip_printer(workspace, printers_factory=lambda: None)  # no printer: the PDF is saved
    officer.scan(CARD_QR)
    page.choose_procedure(BIRTH)
    fees = page.flow.procedure.fees
    assert [f.amount_vnd for f in fees] == [0, 5000]
    combo = page.checklist.fee
    assert combo.isVisible() and combo.count() == 2 and combo.currentIndex() == 0 and page.flow.fee_vnd == 0
    assert combo.itemText(1) == f"{fees[1].name}: {money_vnd(5000)}"
    officer.key(Qt.Key.Key_P, ALT)  # "&Phí, lệ phí"
    assert QApplication.focusWidget() is combo
    officer.key(Qt.Key.Key_Down)
    assert page.flow.fee_vnd == 5000
    officer.key(Qt.Key.Key_Return, CTRL)
    assert page.flow.step is Step.OUTCOME
    assert f"Phí, lệ phí: {money_vnd(5000)}" in page.outcome.due.text()
    officer.key(Qt.Key.Key_Return)
    wait_done(qtbot, page)
    code = page.done.code.text().removeprefix("Mã hồ sơ: ")
    with workspace.store.read() as s:
        assert get_dossier_row(s, code).fee_vnd == 5000
    qtbot.waitUntil(lambda: "PDF" in page.done.print_state.text(), timeout=15_000)
    saved = page.done.print_state.text().split("tệp PDF ", 1)[1].rstrip(".")
    text = subprocess.run(["pdftotext", saved, "-"], capture_output=True, text=True, check=True).stdout
    assert "Phí, lệ phí: 5.000 đồng" in text and f"Mã hồ sơ: {code}" in text
    assert officer.inputs == 5  # QR, Alt+P, Down, Ctrl+Enter, Enter


def test_going_back_keeps_the_choice_and_a_single_fee_needs_no_input(qtbot, wizard, officer, workspace):  # noqa: F811
    page = wizard
    officer.scan(CARD_QR)
    page.choose_procedure(BIRTH)
    page.checklist.fee.setCurrentIndex(1)
    page.checklist.fee.activated.emit(1)
    page.back()
    page.choose_procedure(BIRTH)  # the same procedure: the flow keeps 5.000 đồng, the box shows it
    assert page.flow.fee_vnd == 5000 and page.checklist.fee.currentIndex() == 1
    with workspace.store.read() as s:
        single = next(r for r in s.query(ProcedureRow).filter(ProcedureRow.active) if len(r.fees) == 1)
        code, amount = single.code, single.fees[0].amount_vnd
    page.back()
    page.choose_procedure(code)
    assert page.flow.fee_vnd == amount
    assert not page.checklist.fee.isVisible() and not page.checklist.fee_label.isVisible()
