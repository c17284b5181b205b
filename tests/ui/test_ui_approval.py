"""Four-eyes approval dialog: a supervisor approves with their own password; withdrawal and
cancellation from the dossier detail (F4) ask for it first and the core consumes it."""

from __future__ import annotations

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.status import DossierStatus
from counter_app.security.permissions import Action
from counter_app.services.reception import ReceptionFlow
from ui.approval import ApprovalDialog

pytestmark = pytest.mark.gui


def seed(workspace) -> list[str]:
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Thị Lan Anh", id_number="001190123456"))
    flow.choose_procedure(workspace.procedure(workspace.search("khai sinh")[0].code))
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    return [workspace.store.write(workspace.record_reception_op(flow)).value.code]


def _approve(dialog: ApprovalDialog, supervisor: str, password: str) -> int:
    dialog.supervisor.setText(supervisor)
    dialog.password.setText(password)
    dialog.submit()
    assert dialog.runner.wait_idle()
    return dialog.result()


@pytest.fixture
def signed_in(workspace):
    workspace.sign_in("canbo01", "demo-canbo01")
    return workspace


def test_self_approval_and_wrong_password_show_the_core_message(qtbot, window, signed_in):
    code = seed(signed_in)[0]
    dialog = ApprovalDialog(signed_in, window.runner, action=Action.CANCEL_DOSSIER, target=code, reason="Trùng")
    qtbot.addWidget(dialog)
    assert _approve(dialog, "canbo01", "demo-canbo01") == 0
    assert dialog.error.text().startswith("Không thể tự phê duyệt") and dialog.approval_id is None
    assert _approve(dialog, "lanhdao01", "not-the-password") == 0
    assert dialog.error.text() == "Mật khẩu không đúng." and dialog.password.text() == ""
    assert _approve(dialog, "lanhdao01", "demo-lanhdao01") == ApprovalDialog.DialogCode.Accepted
    assert dialog.approval_id


@pytest.mark.parametrize("target", [DossierStatus.WITHDRAWN, DossierStatus.CANCELLED])
def test_four_eyes_move_from_the_detail_asks_a_supervisor(qtbot, window, signed_in, monkeypatch, target):
    code = seed(signed_in)[0]
    asked: list[Action] = []

    def supervisor_approves(dialog):
        asked.append(dialog.action)
        return _approve(dialog, "lanhdao01", "demo-lanhdao01")
    monkeypatch.setattr(ApprovalDialog, "exec", supervisor_approves)
    window.dossiers.change_status(code, target, "Công dân đề nghị")
    assert window.runner.wait_idle()
    assert asked == [Action.WITHDRAW_DOSSIER if target is DossierStatus.WITHDRAWN else Action.CANCEL_DOSSIER]
    assert signed_in.dossier_detail(code).summary.status is target


def test_cancelled_approval_changes_nothing(qtbot, window, signed_in, monkeypatch):
    code = seed(signed_in)[0]
    monkeypatch.setattr(ApprovalDialog, "exec", lambda dialog: ApprovalDialog.DialogCode.Rejected)
    window.dossiers.change_status(code, DossierStatus.WITHDRAWN, "Công dân đề nghị")
    assert window.runner.wait_idle()
    assert signed_in.dossier_detail(code).summary.status is DossierStatus.RECEIVED
