"""Refusal at reception (từ chối tiếp nhận, Mẫu 03) is four-eyes: the wizard asks a supervisor first."""

from __future__ import annotations

import json

import pytest
from PyQt6.QtCore import Qt
from sqlalchemy import select

from counter_app.domain.status import DossierStatus
from counter_app.security.permissions import Action
from counter_app.services.reception import Step
from counter_app.storage.models import DossierRow, OutboxEventRow
from ui.approval import ApprovalDialog

from test_ui_reception import CARD_QR, officer, stored, wait_done, wizard  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def _to_refusal(qtbot, page, officer) -> None:  # noqa: F811
    officer.scan(CARD_QR)
    officer.type("khai sinh", into=page.search.query)
    qtbot.waitUntil(lambda: page.search.hit_count() > 0, timeout=2000)
    officer.key(Qt.Key.Key_Return)
    page.checklist.next_button.click()
    assert page.flow.step is Step.OUTCOME
    page.outcome.reason.setText("Không thuộc thẩm quyền giải quyết")


def _dossiers(workspace) -> int:
    with workspace.store.read() as s:
        return len(s.scalars(select(DossierRow.code)).all())


def test_refusal_asks_a_supervisor_and_records_with_the_approval(qtbot, wizard, officer, workspace,  # noqa: F811
                                                                 monkeypatch):
    asked = []

    def supervisor_approves(dialog):
        asked.append((dialog.action, dialog.target))
        dialog.supervisor.setText("lanhdao01")
        dialog.password.setText("demo-lanhdao01")
        dialog.submit()
        assert dialog.runner.wait_idle()
        return dialog.result()
    monkeypatch.setattr(ApprovalDialog, "exec", supervisor_approves)
    _to_refusal(qtbot, wizard, officer)
    wizard.outcome.refuse_button.click()
    wait_done(qtbot, wizard)
    code = wizard.done.code.text().removeprefix("Mã hồ sơ: ")
    assert stored(workspace, code)[0] == DossierStatus.REFUSED.value
    assert [a for a, _ in asked] == [Action.REFUSE_DOSSIER] and asked[0][1].startswith("reception:")
    with workspace.store.read() as s:
        event = s.scalar(select(OutboxEventRow).where(OutboxEventRow.aggregate == code,
                                                      OutboxEventRow.kind == "dossier.refuse"))
        approval = json.loads(event.payload)["approval"]
    assert (approval["action"], approval["approved_by"], approval["target"]) == (
        "refuse_dossier", "lanhdao01", asked[0][1])


def test_refusal_without_the_supervisor_records_nothing(qtbot, wizard, officer, workspace,  # noqa: F811
                                                        monkeypatch):
    monkeypatch.setattr(ApprovalDialog, "exec", lambda dialog: ApprovalDialog.DialogCode.Rejected)
    before = _dossiers(workspace)
    _to_refusal(qtbot, wizard, officer)
    wizard.outcome.refuse_button.click()
    assert wizard.flow.step is Step.OUTCOME and wizard.flow.outcome is None and not wizard.saving
    assert "cần lãnh đạo phê duyệt" in wizard.error.text()
    assert _dossiers(workspace) == before
