"""Chuyển hồ sơ (F7): the day's batch approved and handed off with its printouts, a result scanned
in, and the apology with a new appointment for an overdue dossier (offscreen, real store)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.status import DossierStatus
from counter_app.security.permissions import Action
from counter_app.services.dossiers import record_reception
from counter_app.services.reception import ReceptionFlow
from ui.approval import ApprovalDialog

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

    def supervisor_approves(dialog):
        asked.append((dialog.action, dialog.target))
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
    page.asked = asked
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
    assert page.asked == [(Action.EXTEND_DEADLINE, overdue)]
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
