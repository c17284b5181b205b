"""Chuyển hồ sơ (F7): the day's batch approved and handed off with its printouts, a result scanned
in (typed, or from the scanner through ``MainWindow.on_scan``), the apology with a new appointment
suggested on the working-day calendar, and the stop of a dossier in processing with its notice
(Mẫu 05) (offscreen, real store)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QDialog

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.status import DossierStatus
from counter_app.security.permissions import Action
from counter_app.services.dossiers import record_reception
from counter_app.services.reception import ReceptionFlow
from ui.approval import ApprovalDialog
from ui.handoff_dialogs import ExtensionDialog, StopDialog

pytestmark = pytest.mark.gui


def receive(workspace, at: datetime | None = None) -> str:
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Phạm Thị Hoa", id_number="001190123456"))
    flow.choose_procedure(workspace.procedure("1.004873"))  # 3 working days
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    op = workspace.record_reception_op(flow) if at is None else (
        lambda s: record_reception(s, flow, ctx=workspace.context, allocator=workspace.allocator, now=at))
    return workspace.store.write(op).value.code


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def page(qtbot, window, workspace, monkeypatch):
    workspace.sign_in("canbo01", "demo-canbo01")
    asked: list[tuple[Action, str]] = []
    shown: list[str] = []  # what the supervisor reads in the dialog

    def supervisor_approves(dialog):
        asked.append((dialog.action, dialog.target))
        shown.append(dialog.what.text())
        dialog.supervisor.setText("lanhdao01")
        dialog.password.setText("demo-lanhdao01")
        dialog.submit()
        assert dialog.runner.wait_idle()
        return dialog.result()

    monkeypatch.setattr(ApprovalDialog, "exec", supervisor_approves)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page = window.handoffs
    page.printers_factory = lambda: None  # no printer here: the PDFs are saved in the profile
    page.asked, page.shown = asked, shown
    return page


def test_f7_batch_is_approved_handed_off_and_printed(qtbot, window, workspace, page):
    old = receive(workspace, datetime(2026, 11, 26, 15, 30))  # after Thursday's cut-off → Friday's batch
    new = receive(workspace)  # Fri 27/11 09:15 (the pinned clock)
    QTest.keyClick(window, Qt.Key.Key_F7)
    assert window.tabs.currentWidget() is page and page.title() == "Chuyển hồ sơ"
    rows = [[page.batch.item(r, c).text() for c in (0, 4)] for r in range(page.batch.rowCount())]
    assert rows == [[old, "Chuyển trong ngày"], [new, "Chuyển trong ngày"]]
    assert "Lô chuyển ngày 27/11/2026: 2 hồ sơ" == page.batch_heading.text()
    assert page.to_unit.text().startswith("UBND cấp xã")
    page.to_unit.setText("Công chức Tư pháp - Hộ tịch")
    page.send.click()
    qtbot.waitUntil(lambda: page.last_print is not None, timeout=20000)
    assert [a for a, _ in page.asked] == [Action.HANDOFF_BATCH]
    assert page.shown == ["Lô chuyển 2 hồ sơ ngày 27/11 — cán bộ đề nghị: Nguyễn Thị Lan"]
    for code in (old, new):
        detail = workspace.dossier_detail(code)
        assert detail.summary.status is DossierStatus.PROCESSING
    assert page.batch.rowCount() == 0 and not page.send.isEnabled()
    listing = pdf_text(page.last_print.list_pdf)
    assert "DANH SÁCH HỒ SƠ CHUYỂN GIẢI QUYẾT" in listing and old in listing and new in listing
    assert "Lãnh đạo duyệt chuyển: lanhdao01" in listing
    assert len(page.last_print.slips) == 2
    assert all("PHIẾU KIỂM SOÁT" in pdf_text(Path(s.record.saved_pdf)) for s in page.last_print.slips)
    assert "Đã in danh sách hồ sơ chuyển và 2 phiếu kiểm soát." == page.message.text()


def test_scanned_result_and_apology_for_an_overdue_dossier(qtbot, window, workspace, page, type_text):
    ready = receive(workspace, datetime(2026, 11, 25, 9, 0))
    workspace.store.write(workspace.change_status_op(ready, DossierStatus.PROCESSING))
    overdue = receive(workspace, datetime(2026, 11, 23, 9, 0))  # due Fri 27/11 09:00 (24/11 off): overdue
    QTest.keyClick(window, Qt.Key.Key_F7)
    assert [page.due.item(r, 0).text() for r in range(page.due.rowCount())] == [overdue, ready]
    assert page.due.item(0, 3).text() == "Quá hạn" and page.due.item(1, 3).text() == "Sắp đến hạn"

    page.result_code.setFocus()
    type_text(page.result_code, "xin chao")
    QTest.keyClick(page.result_code, Qt.Key.Key_Return)
    assert window.runner.wait_idle()
    assert page.error.isVisibleTo(page) and page.error.text()  # the core's Vietnamese message
    assert workspace.dossier_detail(ready).summary.status is DossierStatus.PROCESSING
    page.result_code.setText(ready)  # as the scanner types it
    QTest.keyClick(page.result_code, Qt.Key.Key_Return)
    assert window.runner.wait_idle()
    assert workspace.dossier_detail(ready).summary.status is DossierStatus.RESOLVED
    assert page.message.text().startswith(f"Đã nhận kết quả hồ sơ {ready}") and not page.error.isVisibleTo(page)
    assert page.result_code.text() == ""

    page.due.selectRow(0)
    page.apologise(new_due_at=datetime(2026, 12, 2, 17, 0), reason="")
    assert "lý do" in page.error.text() and page.asked == []  # nobody bothered without a reason
    page.apologise(new_due_at=datetime(2026, 12, 2, 17, 0), reason="Chờ kết quả xác minh")
    qtbot.waitUntil(lambda: page.last_print is not None, timeout=20000)
    assert page.asked == [(Action.EXTEND_DEADLINE, f"{overdue}|hẹn mới 2026-12-02T17:00:00")]
    assert "hẹn trả kết quả mới 17:00 ngày 02/12/2026" in page.shown[-1]  # the supervisor sees the new date
    assert workspace.dossier_detail(overdue).summary.due_at == datetime(2026, 12, 2, 17, 0)
    letter = pdf_text(page.last_print.record.saved_pdf)
    assert "XIN LỖI" in letter and "Chờ kết quả xác minh" in letter and overdue in letter
    assert [page.due.item(r, 0).text() for r in range(page.due.rowCount())] == [], "nothing due soon any more"


def test_a_classified_scan_on_this_page_files_the_result(qtbot, window, workspace, page):
    from devices.barcode.dispatch import classify_scan

    code = receive(workspace, datetime(2026, 11, 25, 9, 0))
    workspace.store.write(workspace.change_status_op(code, DossierStatus.PROCESSING))
    QTest.keyClick(window, Qt.Key.Key_F7)
    assert page.accept_scan(classify_scan(f"https://dichvucong.hanoi.gov.vn/tra-cuu-ho-so?ma={code}"))
    assert window.runner.wait_idle()
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RESOLVED
    assert not page.accept_scan(classify_scan("1.004873")), "a procedure code is not a result"


def test_the_apology_dialog_suggests_a_date_in_working_days(qtbot, window, workspace, page, monkeypatch):
    overdue = receive(workspace, datetime(2026, 11, 23, 9, 0))  # due Fri 27/11 09:00, overdue at 09:15
    QTest.keyClick(window, Qt.Key.Key_F7)
    seen: list[datetime] = []

    def officer_types_a_reason(dialog):
        seen.append(dialog.values()[0])
        dialog.reason.setText("Chờ ý kiến cơ quan phối hợp")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExtensionDialog, "exec", officer_types_a_reason)
    page.due.selectRow(0)
    page.apologise()
    qtbot.waitUntil(lambda: page.last_print is not None, timeout=20000)
    # now Fri 27/11 09:15 + 3 working days (24 h): Fri 6 h 45, Sat/Sun off, Mon 30 8 h, Tue 01/12 8 h, Wed 1 h 15
    assert seen == [datetime(2026, 12, 2, 9, 15)]
    assert page.asked == [(Action.EXTEND_DEADLINE, f"{overdue}|hẹn mới 2026-12-02T09:15:00")]
    assert workspace.dossier_detail(overdue).summary.due_at == datetime(2026, 12, 2, 9, 15)


def test_stop_a_dossier_in_processing_prints_the_notice(qtbot, window, workspace, page, monkeypatch):
    code = receive(workspace, datetime(2026, 11, 25, 9, 0))  # due Mon 30/11 09:00: listed as due soon
    workspace.store.write(workspace.change_status_op(code, DossierStatus.PROCESSING))
    waiting = receive(workspace)  # received, not handed off yet
    QTest.keyClick(window, Qt.Key.Key_F7)
    assert [page.due.item(r, 0).text() for r in range(page.due.rowCount())] == [code]

    page.stop(code=code, reason="  ")
    assert "lý do dừng" in page.error.text() and page.asked == []
    page.stop(code=waiting, reason="Không thuộc thẩm quyền")
    assert "“Được tiếp nhận”" in page.error.text()
    assert workspace.dossier_detail(waiting).summary.status is DossierStatus.RECEIVED

    prefilled: list[str] = []
    reason = "Công dân đề nghị dừng giải quyết bằng văn bản ngày 26/11/2026"

    def officer_gives_the_reason(dialog):
        prefilled.append(dialog.code.text())
        dialog.reason.setText(reason)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StopDialog, "exec", officer_gives_the_reason)
    page.due.selectRow(0)
    page.stop_button.click()
    qtbot.waitUntil(lambda: page.last_print is not None, timeout=20000)
    assert prefilled == [code] and page.asked == []  # the role table makes no stop four-eyes
    assert workspace.dossier_detail(code).summary.status is DossierStatus.STOPPED
    notice = pdf_text(page.last_print.record.saved_pdf)
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in notice and code in notice and reason in notice
    assert page.message.text() == f"Đã dừng giải quyết hồ sơ {code} và in thông báo (Mẫu 05)."
    assert page.due.rowCount() == 0, "a stopped dossier is no longer due"


def test_a_scan_reaches_f7_through_the_window(qtbot, window, workspace, page):
    from devices.barcode.dispatch import classify_scan

    code = receive(workspace, datetime(2026, 11, 25, 9, 0))
    workspace.store.write(workspace.change_status_op(code, DossierStatus.PROCESSING))
    other = receive(workspace, datetime(2026, 11, 25, 10, 0))
    QTest.keyClick(window, Qt.Key.Key_F7)
    window.on_scan(classify_scan(code))
    assert window.runner.wait_idle()
    assert window.tabs.currentWidget() is page, "the scan stayed on F7 (not the F4 detail)"
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RESOLVED
    assert page.message.text().startswith(f"Đã nhận kết quả hồ sơ {code}")
    window.on_scan(classify_scan("1.004873"))  # not a result: the window routes it as before (catalogue)
    assert window.tabs.currentWidget() is window.catalog_page
    window.on_scan(classify_scan(other))  # away from F7 a dossier scan opens its detail, files nothing
    assert window.tabs.currentWidget() is window.dossiers
    assert workspace.dossier_detail(other).summary.status is DossierStatus.RECEIVED


def test_approval_dialog_names_targets_that_are_not_dossier_codes(window, workspace, page):
    def what(target, label=None):
        dialog = ApprovalDialog(workspace, window.runner, action=Action.REFUSE_DOSSIER, target=target,
                                target_label=label)
        try:
            return dialog.what.text()
        finally:
            dialog.deleteLater()

    assert what("000.00.01.H26-261127-0001") == "Hồ sơ 000.00.01.H26-261127-0001 — cán bộ đề nghị: Nguyễn Thị Lan"
    assert what("reception:1.004873:0123456789abcdef").startswith("Hồ sơ mới (chưa cấp mã), thủ tục 1.004873 —")
    assert what("handoff-batch:3:abcd").startswith("Lô chuyển 3 hồ sơ —")
    assert what("handoff-batch:3:abcd", "Lô chuyển 3 hồ sơ ngày 27/11").startswith("Lô chuyển 3 hồ sơ ngày 27/11 —")
