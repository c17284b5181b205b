"""Fees from the officer's screens: refund / cancel a receipt in the dossier detail (F4), four-eyes
with the amount shown, and the daily cash report printed from the dashboard (F8)."""

from __future__ import annotations

import subprocess

import pytest
from test_ui_approval import _approve, seed

from counter_app.services import fees
from counter_app.services.dossiers import get_dossier_row
from ui.approval import ApprovalDialog
from ui.dossiers import fee_actions
from ui.formatting import money_vnd

pytestmark = pytest.mark.gui
RECEIPT = "BL-0007"


@pytest.fixture
def collected(workspace):
    """A dossier whose 5.000 đồng fee canbo01 collected in cash on receipt BL-0007."""
    workspace.sign_in("canbo01", "demo-canbo01")
    code = seed(workspace)[0]

    def owe(s):
        get_dossier_row(s, code).fee_vnd = 5000
    workspace.store.write(owe)
    workspace.store.write(workspace.collect_fee_op(code, amount_vnd=5000, method=fees.PaymentMethod.CASH,
                                                   receipt_no=RECEIPT))
    return code


def _answers(monkeypatch, *, amount: int, reason: str) -> None:
    monkeypatch.setattr(fee_actions.QInputDialog, "getInt", lambda *a, **k: (amount, True))
    monkeypatch.setattr(fee_actions.QInputDialog, "getText", lambda *a, **k: (reason, True))


def _cash(workspace):
    with workspace.store.read() as s:
        return fees.daily_cash_report(s, officer="canbo01", day=workspace.now().date())


def test_refund_from_the_detail_with_a_supervisor(qtbot, window, workspace, collected, monkeypatch):
    page = window.dossiers
    page.open_code(collected)
    box = page.detail.payments
    assert box.isVisibleTo(page.detail) and box.list.count() == 1
    assert box.list.item(0).text().startswith(f"Biên lai {RECEIPT}: {money_vnd(5000)}")
    shown: list[str] = []

    def supervisor_approves(dialog):
        shown.append(dialog.what.text())
        return _approve(dialog, "lanhdao01", "demo-lanhdao01")
    monkeypatch.setattr(ApprovalDialog, "exec", supervisor_approves)
    _answers(monkeypatch, amount=3000, reason="Thu thừa")
    box.refund_button.click()
    assert window.runner.wait_idle()
    assert shown and f"Hoàn {money_vnd(3000)}, biên lai {RECEIPT}, hồ sơ {collected}" in shown[0]
    assert "Hồ sơ fee-refund" not in shown[0]
    assert page.detail.payments.list.item(0).text().endswith(f"đã hoàn {money_vnd(3000)}")
    assert "Đã hoàn" in page.summary.text() and not page.error.isVisible()
    report = _cash(workspace)
    assert report.refunds == 3000 and report.net == 2000 and report.refunded_by_method == {"cash": 3000}
    # The rest of the receipt can still be refunded, but it cannot be cancelled any more.
    assert box.refund_button.isEnabled() and not box.cancel_button.isEnabled()


def test_self_approval_is_refused_and_nothing_is_refunded(qtbot, window, workspace, collected, monkeypatch):
    page = window.dossiers
    page.open_code(collected)
    errors: list[str] = []

    def self_approval(dialog):
        _approve(dialog, "canbo01", "demo-canbo01")
        errors.append(dialog.error.text())
        return ApprovalDialog.DialogCode.Rejected
    monkeypatch.setattr(ApprovalDialog, "exec", self_approval)
    _answers(monkeypatch, amount=5000, reason="Công dân rút hồ sơ")
    page.detail.payments.cancel_button.click()
    assert window.runner.wait_idle()
    assert errors and errors[0].startswith("Không thể tự phê duyệt")
    assert page.detail.payments.list.item(0).text() == f"Biên lai {RECEIPT}: {money_vnd(5000)}, Tiền mặt"
    assert _cash(workspace).net == 5000


def test_a_refund_without_reason_or_over_the_receipt_never_asks_a_supervisor(qtbot, window, workspace, collected,
                                                                            monkeypatch):
    page = window.dossiers
    page.open_code(collected)
    monkeypatch.setattr(ApprovalDialog, "exec", lambda dialog: pytest.fail("no supervisor should be asked"))
    page.fees.reverse("refund", collected, RECEIPT, "  ", 1000)
    assert page.error.text() == "Ghi rõ lý do hoàn phí."
    page.fees.reverse("refund", collected, RECEIPT, "Thu thừa", 9000)
    assert page.error.text() == f"Số tiền hoàn theo biên lai “{RECEIPT}” phải từ 1 đến 5.000 đồng."


def test_cash_report_button_saves_the_pdf_with_the_officer_and_totals(qtbot, window, workspace, collected,
                                                                      monkeypatch):
    page = window.dossiers
    page.open_code(collected)
    monkeypatch.setattr(ApprovalDialog, "exec", lambda d: _approve(d, "lanhdao01", "demo-lanhdao01"))
    page.fees.reverse("cancel", collected, RECEIPT, "Thu nhầm hồ sơ")
    assert window.runner.wait_idle()
    assert page.detail.payments.list.item(0).text().endswith("đã hủy biên lai")
    dash = window.dashboard
    dash.printers_factory = lambda: None  # no printer: the PDF is saved
    dash.cash_button.click()
    assert window.runner.wait_idle(30_000)
    saved, job = dash.last_print
    assert job is None and saved.exists() and "PDF" in dash.message.text()
    text = subprocess.run(["pdftotext", "-layout", str(saved), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "(canbo01)" in text and RECEIPT in text and collected in text
    assert "5.000" in text and "−5.000" in text  # collected, and the cancellation given back
