"""Four-eyes approval (phê duyệt bốn mắt): a supervisor approves, at this moment, with their own password.

The dialog names the action and what it is for (the dossier, or a readable ``target_label`` such
as "Lô chuyển 3 hồ sơ ngày 27/11" for a target that is not a dossier code), takes the
supervisor's username and password and calls :func:`counter_app.security.approvals.approve` on
the writer thread. Self-approval, a wrong password or a role that may not approve are refused
by the core; its message is shown and nothing is approved. On success :attr:`ApprovalDialog.approval_id` is the id the
service then consumes (``change_status(..., approval_id=…)``).
"""

from __future__ import annotations

from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.domain.errors import CounterError
from counter_app.security.permissions import Action

from .formatting import money_vnd
from .ops import OperationRunner
from .workspace import Workspace
from .labels import action_label


class ApprovalDialog(QDialog):
    def __init__(self, workspace: Workspace, runner: OperationRunner, *, action: Action, target: str,
                 reason: str = "", parent: QWidget | None = None, target_label: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalDialog")
        self.workspace, self.runner = workspace, runner
        self.action, self.target, self.reason = action, target, reason
        self.approval_id: str | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Phê duyệt của lãnh đạo"))
        heading = QLabel(self.tr("Cần lãnh đạo phê duyệt: {action}").format(action=action_label(action)))
        heading.setObjectName("PanelHeading")
        heading.setWordWrap(True)
        what = self.what = QLabel(self.tr("{target} — cán bộ đề nghị: {officer}").format(
            target=target_label or self._readable(target), officer=workspace.identity.officer_name))
        what.setWordWrap(True)
        why = QLabel(self.tr("Lý do: {reason}").format(reason=reason) if reason else "")
        why.setWordWrap(True)
        why.setVisible(bool(reason))
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName(self.tr("Tên đăng nhập của lãnh đạo"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu của lãnh đạo"))
        form = QFormLayout()
        form.addRow(self.tr("Lãnh đạo"), self.supervisor)
        form.addRow(self.tr("Mật khẩu"), self.password)
        note = QLabel(self.tr("Lãnh đạo tự nhập mật khẩu của mình tại quầy. Không ai tự phê duyệt thao tác "
                              "của chính mình."))
        note.setObjectName("FactLabel")
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Phê duyệt (Enter)"))
        self.ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.supervisor.returnPressed.connect(self.password.setFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for w in (heading, what, why):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.supervisor.setFocus()

    def _readable(self, target: str) -> str:
        """A target without a label: a dossier code, or one of the core's composite targets."""
        kind, _, rest = target.partition(":")
        if kind == "handoff-batch":  # handoffs.batch_target
            return self.tr("Lô chuyển {n} hồ sơ").format(n=rest.partition(":")[0])
        if kind in ("fee-refund", "fee-cancel"):  # fees.refund_target / cancel_target: receipt and amount
            code, receipt, amount = rest.rsplit(":", 2)
            text = (self.tr("Hoàn {amount}, biên lai {receipt}, hồ sơ {code}") if kind == "fee-refund"
                    else self.tr("Hủy biên lai {receipt} ({amount}), hồ sơ {code}"))
            return text.format(amount=money_vnd(int(amount)), receipt=receipt, code=code)
        if kind == "reception":  # dossiers.refusal_target of a dossier that has no code yet
            return self.tr("Hồ sơ mới (chưa cấp mã), thủ tục {procedure}").format(procedure=rest.partition(":")[0])
        return self.tr("Hồ sơ {code}").format(code=target)

    def submit(self) -> None:
        if self.busy:
            return
        if not self.supervisor.text().strip():
            self.show_error(self.tr("Nhập tên đăng nhập của lãnh đạo phê duyệt."))
            return
        self.busy = True
        self.ok.setEnabled(False)
        supervisor, password = self.supervisor.text(), self.password.text()
        configured = False
        try:
            configured = self.workspace.sync_status()[0]
        except CounterError:
            pass
        if configured:  # the city checks the password first (a supervisor new to this counter can approve)
            self.runner.background(lambda: self.workspace.refresh_supervisor(supervisor, password),
                                   on_done=lambda _online: self._approve(supervisor, password),
                                   on_error=self._refused)
        else:
            self._approve(supervisor, password)

    def _approve(self, supervisor: str, password: str) -> None:
        op = self.workspace.approve_op(self.action, self.target, supervisor=supervisor, password=password,
                                       reason=self.reason)
        self.runner.write(op, on_done=self._approved, on_error=self._refused)

    def _approved(self, approval) -> None:
        self.busy = False
        self.approval_id = approval.id
        self.accept()

    def _refused(self, message: str) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.show_error(message)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


def ask_approval(parent: QWidget | None, workspace: Workspace, runner: OperationRunner, *, action: Action,
                 target: str, reason: str = "", target_label: str | None = None) -> str | None:
    """Show the dialog; the approval id, or ``None`` when the officer cancelled.

    ``target_label`` names the target for the supervisor when it is not a dossier code."""
    dialog = ApprovalDialog(workspace, runner, action=action, target=target, reason=reason, parent=parent,
                            target_label=target_label)
    try:
        return dialog.approval_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
