"""Reprinting the receipt (four-eyes): from the dossier detail (F4) and from the wizard's done step,
the officer gives a reason and a supervisor approves with their own password; the reprint carries
"BẢN IN LẠI" and its record keeps the approval. Cancelling the approval prints nothing."""

from __future__ import annotations

import subprocess

import pytest
from PyQt6.QtCore import Qt

from counter_app.domain.legal_basis import LegalBasis
from counter_app.security.permissions import Action
from counter_app.services.prints import list_prints, record_print
from ui.approval import ApprovalDialog

from test_ui_approval import seed
from test_ui_reception import CARD_QR, officer, receive_standard, wizard  # noqa: F401 (fixtures)

pytestmark = pytest.mark.gui

REASON = "Bản giao công dân bị mất"


@pytest.fixture
def signed_in(workspace):
    workspace.sign_in("canbo01", "demo-canbo01")
    return workspace


def _printed_once(workspace, code: str) -> None:
    """The receipt reached a printer once (job "done"): the next print is a reprint."""
    workspace.store.write(lambda s: record_print(s, dossier_code=code, form="receipt", basis=LegalBasis.TT03_2025,
                                                 officer="canbo01", now=workspace.now(), job_state="done",
                                                 printer="QMC_PDF"))


def _prints(workspace, code: str):
    with workspace.store.read() as s:
        return list_prints(s, dossier_code=code)


def _supervisor(asked: list, password: str = "demo-lanhdao01"):
    def approve(dialog: ApprovalDialog) -> int:
        asked.append((dialog.action, dialog.target, dialog.what.text()))
        dialog.supervisor.setText("lanhdao01")
        dialog.password.setText(password)
        dialog.submit()
        assert dialog.runner.wait_idle()
        return dialog.result()
    return approve


def _pdf_text(path: str) -> str:
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout


def test_reprint_from_the_detail_with_a_supervisors_approval(qtbot, window, signed_in, monkeypatch):
    code = seed(signed_in)[0]
    _printed_once(signed_in, code)
    page = window.dossiers
    page.printers_factory = lambda: None  # no printer: the reprint is saved as a PDF
    asked: list = []
    monkeypatch.setattr(ApprovalDialog, "exec", _supervisor(asked))
    monkeypatch.setattr("ui.dossiers.page.QInputDialog.getText", lambda *a, **k: (REASON, True))
    window.show_page(page)
    page.open_code(code)
    assert not page.detail.reprint_button.isHidden()
    qtbot.mouseClick(page.detail.reprint_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait_idle()
    qtbot.waitUntil(lambda: len(_prints(signed_in, code)) == 2, timeout=15_000)
    assert window.runner.wait_idle()
    assert [(a, t) for a, t, _ in asked] == [(Action.REPRINT_RECEIPT, code)]
    assert f"Giấy tiếp nhận của hồ sơ {code}" in asked[0][2]
    record = _prints(signed_in, code)[-1]
    assert (record.reprint, record.reason, record.officer, record.job_state) == (True, REASON, "canbo01", "saved")
    assert record.approval_id
    assert "BẢN IN LẠI" in _pdf_text(record.saved_pdf)
    qtbot.waitUntil(lambda: "đã lưu giấy tiếp nhận" in page.summary.text(), timeout=5_000)
    assert page.error.isHidden()


def test_cancelled_approval_or_no_reason_prints_nothing(qtbot, window, signed_in, monkeypatch):
    code = seed(signed_in)[0]
    _printed_once(signed_in, code)
    page = window.dossiers
    page.printers_factory = lambda: None
    monkeypatch.setattr(ApprovalDialog, "exec", lambda dialog: ApprovalDialog.DialogCode.Rejected)
    page.reprint_receipt(code, REASON)
    page.reprint_receipt(code, "  ")
    assert window.runner.wait_idle()
    assert page.error.text().startswith("In lại giấy tiếp nhận cần ghi lý do")
    assert len(_prints(signed_in, code)) == 1
    assert not (signed_in.profile.root / "prints").exists() or not list((signed_in.profile.root / "prints").iterdir())


def test_a_receipt_never_printed_prints_without_approval_and_refused_dossiers_offer_no_reprint(
        qtbot, window, signed_in, monkeypatch):
    code = seed(signed_in)[0]
    page = window.dossiers
    page.printers_factory = lambda: None
    asked: list = []
    monkeypatch.setattr(ApprovalDialog, "exec", _supervisor(asked))
    page.reprint_receipt(code)
    assert window.runner.wait_idle()
    qtbot.waitUntil(lambda: len(_prints(signed_in, code)) == 1, timeout=15_000)
    assert asked == [] and not _prints(signed_in, code)[0].reprint
    assert "BẢN IN LẠI" not in _pdf_text(_prints(signed_in, code)[0].saved_pdf)
    page.open_code(code)
    assert not page.detail.reprint_button.isHidden()
    from counter_app.domain.status import DossierStatus

    page.change_status(code, DossierStatus.CANCELLED, "Trùng")  # the supervisor approves the cancellation
    assert window.runner.wait_idle()
    page.open_code(code)
    assert page.detail.reprint_button.isHidden()


def test_in_lai_after_a_reception_asks_a_supervisor_once_the_receipt_was_printed(
        qtbot, wizard, officer, workspace, monkeypatch):  # noqa: F811
    from ui.print_hook import slip_printer

    workspace.sign_in("canbo01", "demo-canbo01")
    wizard.print_slip = slip_printer(workspace, printers_factory=lambda: None)  # no printer: PDF saved
    asked: list = []
    monkeypatch.setattr(ApprovalDialog, "exec", _supervisor(asked))
    monkeypatch.setattr("ui.reception.wizard.QInputDialog.getText", lambda *a, **k: (REASON, True))
    officer.scan(CARD_QR)
    code = receive_standard(qtbot, wizard, officer)
    qtbot.waitUntil(lambda: not wizard.done.reprint_button.isHidden(), timeout=15_000)
    qtbot.mouseClick(wizard.done.reprint_button, Qt.MouseButton.LeftButton)  # only saved so far: no reprint
    qtbot.waitUntil(lambda: len(_prints(workspace, code)) == 2, timeout=15_000)
    assert asked == [] and not any(r.reprint for r in _prints(workspace, code))
    qtbot.waitUntil(lambda: not wizard.done.reprint_button.isHidden(), timeout=15_000)
    _printed_once(workspace, code)  # now it reached paper: "In lại" is a reprint
    monkeypatch.setattr(ApprovalDialog, "exec", lambda dialog: ApprovalDialog.DialogCode.Rejected)
    qtbot.mouseClick(wizard.done.reprint_button, Qt.MouseButton.LeftButton)
    assert wizard.runner.wait_idle() and len(_prints(workspace, code)) == 3  # cancelled: nothing printed
    monkeypatch.setattr(ApprovalDialog, "exec", _supervisor(asked))
    qtbot.mouseClick(wizard.done.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_prints(workspace, code)) == 4, timeout=15_000)
    assert [(a, t) for a, t, _ in asked] == [(Action.REPRINT_RECEIPT, code)]
    record = _prints(workspace, code)[-1]
    assert (record.reprint, record.reason, record.job_state) == (True, REASON, "saved") and record.approval_id
    assert "BẢN IN LẠI" in _pdf_text(record.saved_pdf)
    qtbot.waitUntil(lambda: "PDF" in wizard.done.print_state.text(), timeout=5_000)
