"""Return of results (F3) on the lifecycle core flow: scan the receipt, verify the owner, confirm."""

from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.status import DossierStatus
from counter_app.services.reception import ReceptionFlow
from counter_app.services.returns import ReturnStep

pytestmark = pytest.mark.gui

CARD_QR = "001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 1 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|15032021"


def resolved_dossier(workspace, *, resolve=True, fee_vnd=0) -> str:
    proc = workspace.procedure(workspace.search("khai sinh")[0].code)
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn An", id_number="001090123456"))
    flow.choose_procedure(proc)
    flow.set_fee(fee_vnd)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    code = workspace.store.write(workspace.record_reception_op(flow)).value.code
    if resolve:
        workspace.store.write(workspace.change_status_op(code, DossierStatus.RESOLVED))
    return code


@pytest.fixture
def returns(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.returns
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.returns.receipt, timeout=2000)
    return window.returns


def test_scan_receipt_then_owner_card_qr_then_enter_returns_the_result(qtbot, window, returns, workspace):
    from devices.barcode.dispatch import classify_scan

    code = resolved_dossier(workspace)
    window.on_scan(classify_scan(code))  # the receipt's barcode
    assert returns.flow is not None and returns.flow.step is ReturnStep.VERIFY
    assert "001******456" in returns.dossier.text() and "001090123456" not in returns.dossier.text()
    window.on_scan(classify_scan(CARD_QR))  # the owner's card
    assert returns.flow.step is ReturnStep.CONFIRM and "Nguyễn Văn An" in returns.confirm_label.text()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: returns.flow.step is ReturnStep.DONE and not returns.saving, timeout=3000)
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RETURNED
    assert code in returns.confirm_label.text()
    qtbot.waitUntil(lambda: window.dashboard.counts is not None and window.dashboard.counts.returned == 1,
                    timeout=2000)


def test_the_flow_rules_show_their_messages(qtbot, returns, workspace, type_text, press_key):
    unresolved = resolved_dossier(workspace, resolve=False)
    returns.open_code(unresolved)
    assert returns.flow is None and "chưa có kết quả" in returns.error.text()
    code = resolved_dossier(workspace)
    type_text(returns.receipt, code)
    press_key(returns.receipt, Qt.Key.Key_Return)
    assert returns.flow.step is ReturnStep.VERIFY
    type_text(returns.owner_id, "079085000111")  # someone else's number
    press_key(returns.owner_id, Qt.Key.Key_Return)
    assert returns.flow.step is ReturnStep.VERIFY and "không khớp" in returns.error.text()
    type_text(returns.proxy_name, "Trần Thị Bình")
    type_text(returns.proxy_id, "079085000111")
    returns.proxy_button.click()
    assert "văn bản ủy quyền" in returns.error.text()
    returns.proxy_attached.setChecked(True)
    returns.proxy_button.click()
    assert returns.flow.step is ReturnStep.CONFIRM and "Trần Thị Bình" in returns.confirm_label.text()
    returns.confirm_button.click()
    qtbot.waitUntil(lambda: returns.flow.step is ReturnStep.DONE and not returns.saving, timeout=3000)
    history = workspace.dossier_detail(code).timeline
    assert history[-1].text_vi == "Đã trả kết quả" and "người được ủy quyền" in history[-1].reason
    returns.next_button.click()
    assert returns.flow is None and returns.receipt.text() == ""


def test_fee_owed_blocks_until_collected_then_rating_is_asked(qtbot, window, returns, workspace):
    from counter_app.services import fees
    from counter_app.services.fees import PaymentMethod
    from counter_app.storage.models_lifecycle import PaymentRow, RatingRow
    from ui.formatting import money_vnd

    code = resolved_dossier(workspace, fee_vnd=8_000)
    returns.open_code(code)
    assert returns.fee_box.isVisible() and money_vnd(8_000) in returns.fee_due.text()
    returns.owner_id.setText("001090123456")
    returns.owner_receives()
    returns.confirm()  # blocked by the core: fees outstanding
    assert "còn nợ phí" in returns.error.text() and returns.flow.step is ReturnStep.CONFIRM
    returns.fee_method.setCurrentIndex(returns.fee_method.findData(PaymentMethod.TRANSFER))
    returns.collect_fee()  # no receipt number: the core refuses, nothing stored
    assert returns.runner.wait_idle() and "số biên lai" in returns.error.text()
    returns.fee_receipt.setText("BL-0001")
    returns.collect_fee()
    assert returns.runner.wait_idle() and not returns.fee_box.isVisible()
    with workspace.store.read() as s:
        assert fees.outstanding_vnd(s, code) == 0
        paid = s.query(PaymentRow).filter_by(dossier_code=code).one()
        assert (paid.amount_vnd, paid.method, paid.receipt_no) == (8_000, "transfer", "BL-0001")
    returns.confirm()
    qtbot.waitUntil(lambda: returns.flow.step is ReturnStep.DONE and not returns.saving, timeout=3000)
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RETURNED
    assert returns.rating_box.isVisible() and len(returns.rating_buttons) >= 3
    returns.rating_buttons[0].click()
    assert returns.runner.wait_idle() and not returns.rating_box.isVisible()
    with workspace.store.read() as s:
        assert s.query(RatingRow).filter_by(dossier_code=code).one().level == 1
