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
from test_ui_reception_scan import sane_test_backend  # noqa: F401 (fixture)

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
    assert not returns.proxy_button.isEnabled()  # no authorisation kept yet
    returns.proxy_receives()
    assert "văn bản ủy quyền" in returns.error.text()
    returns.attach_authorisation(b"%PDF-1.4 test authorisation", pages=1, filename="uy-quyen.pdf")
    assert returns.runner.wait_idle() and returns.proxy_button.isEnabled()
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


def _pdf_text(path: str) -> str:
    import subprocess

    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout


def _authorised_receiver(returns, workspace, type_text) -> str:
    code = resolved_dossier(workspace)
    returns.open_code(code)
    type_text(returns.proxy_name, "Trần Thị Bình")
    type_text(returns.proxy_id, "079085000111")
    assert not returns.proxy_button.isEnabled()  # no authorisation kept yet
    return code


def test_authorised_receiver_with_an_authorisation_file_then_the_result_slip_is_printed(
        qtbot, returns, workspace, type_text, tmp_path):
    from PyQt6.QtGui import QColor, QImage

    from counter_app.services.attachments import list_attachments
    from counter_app.services.return_authorisation import AUTHORISATION_POSITION
    from counter_app.storage.models_printing import PrintRecordRow
    from ui.result_print import result_printer

    returns.print_result = result_printer(workspace, printers_factory=lambda: None)  # no printer: PDF saved
    code = _authorised_receiver(returns, workspace, type_text)
    scan = QImage(300, 400, QImage.Format.Format_RGB32)
    scan.fill(QColor("white"))
    assert scan.save(str(tmp_path / "uy-quyen.png"))
    returns.attach_file(tmp_path / "missing.png")  # a path that is not there: a message, nothing kept
    assert "Không đọc được tệp" in returns.error.text() and not returns.proxy_button.isEnabled()
    returns.attach_file(tmp_path / "uy-quyen.png")
    qtbot.waitUntil(lambda: bool(returns.authorisation) and not returns.saving, timeout=5000)
    assert returns.proxy_button.isEnabled() and "Đã lưu văn bản ủy quyền" in returns.authorisation_state.text()
    with workspace.store.read() as s:
        kept = [a for a in list_attachments(s, code) if a.component_position == AUTHORISATION_POSITION]
    assert [(a.mime, a.original_filename, a.sha256) for a in kept] == [("image/png", "uy-quyen.png",
                                                                        returns.authorisation)]
    returns.proxy_button.click()
    assert returns.flow.step is ReturnStep.CONFIRM
    returns.confirm_button.click()
    qtbot.waitUntil(lambda: "PDF" in returns.print_state.text(), timeout=20_000)
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RETURNED
    with workspace.store.read() as s:
        prints = [(p.job_state, p.reprint, p.saved_pdf)
                  for p in s.query(PrintRecordRow).filter_by(dossier_code=code, form="result")]
    saved = returns.print_state.text().split("tệp PDF ", 1)[1].rstrip(".")
    assert prints == [("saved", False, saved)]
    text = _pdf_text(saved)
    assert "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ" in text and f"Mã hồ sơ: {code}" in text
    assert "Trần Thị Bình" in text and "Nguyễn Văn An" in text  # the receiver, and the owner
    assert "079******111" in text and "079085000111" not in text  # the receiver's number masked on paper
    assert returns.rating_box.isVisible()


def test_an_unreadable_authorisation_is_refused_and_nothing_is_kept(qtbot, returns, workspace, type_text, tmp_path):
    from counter_app.services.attachments import list_attachments

    code = _authorised_receiver(returns, workspace, type_text)
    (tmp_path / "note.txt").write_text("không phải bản quét")
    returns.attach_file(tmp_path / "note.txt")
    assert returns.runner.wait_idle()
    assert "PDF, JPEG hoặc PNG" in returns.error.text() and not returns.proxy_button.isEnabled()
    with workspace.store.read() as s:
        assert list_attachments(s, code) == []


@pytest.mark.usefixtures("sane_test_backend")
def test_the_authorisation_is_scanned_with_the_document_scanner(qtbot, returns, workspace, type_text):
    from devices.docscanner import DocumentScanner, ScanOptions, sane_backend

    from counter_app.services.attachments import list_attachments

    sane_backend.reset()
    returns.scanner_factory = lambda: DocumentScanner(sane_backend.SaneBackend())
    returns.scan_options = ScanOptions(device="test:0", resolution=75, extra=(("test_picture", "Grid"),))
    code = _authorised_receiver(returns, workspace, type_text)
    returns.scan_authorisation_button.click()
    assert returns.saving and not returns.scan_authorisation_button.isEnabled()
    qtbot.waitUntil(lambda: bool(returns.authorisation) and not returns.saving, timeout=30_000)
    with workspace.store.read() as s:
        kept = list_attachments(s, code)
    assert len(kept) == 1 and kept[0].mime == "application/pdf" and kept[0].pages >= 1
    returns.proxy_button.click()
    assert returns.flow.step is ReturnStep.CONFIRM
    sane_backend.reset()
