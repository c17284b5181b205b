"""Return of results (trả kết quả), F3: renders ``counter_app.services.returns.ReturnFlow``.

find (scan the receipt's barcode or type the code) → verify the receiver (the owner by the
card's QR, a chip read or the typed ID number; or an authorised person with the written
authorisation attached) → confirm → recorded (status 10) on the writer thread → next.
Every rule (resolved only, owner's number must match, authorisation required, fees paid)
is the flow's. Not yet here: the result slip print and the rating prompt (hooks below).
"""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import (QCheckBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                             QVBoxLayout, QWidget)

from counter_app.domain.applicant import IdentitySource
from counter_app.domain.errors import CounterError
from counter_app.domain.personal_id import mask_id_number
from counter_app.services.returns import ReturnFlow, ReturnStep

from .ops import OperationRunner
from .workspace import Workspace


class ReturnPage(QFrame):
    returned = pyqtSignal(str)  # dossier code

    def __init__(self, workspace: Workspace, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        self.workspace, self.runner = workspace, runner
        self.flow: ReturnFlow | None = None
        self.saving = False
        heading = QLabel(self.tr("Trả kết quả"))
        heading.setObjectName("PanelHeading")
        self.receipt = QLineEdit()
        self.receipt.setObjectName("SearchBox")
        self.receipt.setPlaceholderText(self.tr("Quét mã vạch trên giấy tiếp nhận, hoặc nhập mã hồ sơ"))
        self.receipt.setAccessibleName(self.tr("Mã hồ sơ"))
        self.dossier = QLabel()
        self.dossier.setObjectName("ApplicantBanner")
        self.dossier.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)

        self.owner_id = QLineEdit()
        self.owner_id.setPlaceholderText(self.tr("Quét mã QR trên thẻ của người nhận, hoặc nhập số định danh"))
        self.owner_button = QPushButton(self.tr("Chủ hồ sơ nhận (Enter)"))
        self.owner_button.setObjectName("PrimaryButton")
        self.proxy_name, self.proxy_id = QLineEdit(), QLineEdit()
        self.proxy_attached = QCheckBox(self.tr("Văn bản ủy quyền đã được quét và đính kèm hồ sơ"))
        self.proxy_button = QPushButton(self.tr("Người được ủy quyền nhận"))
        verify = QFormLayout()
        verify.addRow(self.tr("Chủ hồ sơ"), self.owner_id)
        verify.addRow("", self.owner_button)
        verify.addRow(self.tr("Người được ủy quyền"), self.proxy_name)
        verify.addRow(self.tr("Số định danh người nhận"), self.proxy_id)
        verify.addRow("", self.proxy_attached)
        verify.addRow("", self.proxy_button)
        self.verify_box = QFrame()
        self.verify_box.setLayout(verify)

        self.confirm_label = QLabel()
        self.confirm_label.setObjectName("DueLine")
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Xác nhận đã trả kết quả (Enter)"))
        self.confirm_button.setObjectName("PrimaryButton")
        self.confirm_button.setDefault(True)
        self.next_button = QPushButton(self.tr("Hồ sơ tiếp theo"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.confirm_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading)
        layout.addWidget(self.receipt)
        layout.addWidget(self.dossier)
        layout.addWidget(self.error)
        layout.addWidget(self.verify_box)
        layout.addWidget(self.confirm_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.receipt.returnPressed.connect(lambda: self.open_code(self.receipt.text()))
        self.owner_id.returnPressed.connect(self.owner_receives)
        self.owner_button.clicked.connect(self.owner_receives)
        self.proxy_button.clicked.connect(self.proxy_receives)
        self.confirm_button.clicked.connect(self.confirm)
        self.next_button.clicked.connect(self.reset)
        self.reset()

    # ---- rendering ---------------------------------------------------------------------

    def render(self) -> None:
        step = self.flow.step if self.flow else None
        self.dossier.setVisible(self.flow is not None)
        if self.flow is not None:
            d = self.flow.dossier
            self.dossier.setText(self.tr("Hồ sơ {code} · {name} · {id}").format(
                code=d.code, name=d.applicant_name, id=mask_id_number(d.applicant_id_number)))
        self.verify_box.setVisible(step is ReturnStep.VERIFY)
        self.confirm_label.setVisible(step in (ReturnStep.CONFIRM, ReturnStep.DONE))
        self.confirm_button.setVisible(step is ReturnStep.CONFIRM)
        self.confirm_button.setEnabled(not self.saving)
        self.next_button.setVisible(step is ReturnStep.DONE)
        if step is ReturnStep.CONFIRM:
            self.confirm_label.setText(self.tr("Trả kết quả cho: {name}").format(name=self.flow.receiver_name))
            self.confirm_button.setFocus()
        elif step is ReturnStep.VERIFY:
            self.owner_id.setFocus()
        elif step is ReturnStep.DONE:
            self.next_button.setFocus()
        else:
            self.receipt.setFocus()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def reset(self) -> None:
        self.flow = None
        for edit in (self.receipt, self.owner_id, self.proxy_name, self.proxy_id):
            edit.clear()
        self.proxy_attached.setChecked(False)
        self._show_error("")
        self.render()

    # ---- officer actions -----------------------------------------------------------------

    def _attempt(self, action) -> bool:
        try:
            action()
        except CounterError as exc:
            self._show_error(exc.message_vi)
            return False
        self._show_error("")
        self.render()
        return True

    def open_code(self, code: str) -> None:
        if self.saving or not code.strip():
            return
        self.receipt.setText(code.strip())

        def load() -> None:
            self.flow = self.workspace.load_for_return(code)
        if not self._attempt(load):
            self.receipt.selectAll()  # the next scan replaces the wrong code

    def accept_identity(self, identity: object, source: IdentitySource) -> None:
        """A card QR / chip read while verifying: the owner's check, no typing."""
        if self.flow is not None and self.flow.step is ReturnStep.VERIFY:
            self._attempt(lambda: self.flow.verify_owner(id_number=str(getattr(identity, "id_number", "")),
                                                         source=source))

    def owner_receives(self) -> None:
        if self.flow is not None:
            self._attempt(lambda: self.flow.verify_owner(id_number=self.owner_id.text(),
                                                         source=IdentitySource.TYPED))

    def proxy_receives(self) -> None:
        if self.flow is not None:
            self._attempt(lambda: self.flow.verify_authorised(
                name=self.proxy_name.text(), id_number=self.proxy_id.text(), source=IdentitySource.TYPED,
                authorisation_attached=self.proxy_attached.isChecked()))

    def confirm(self) -> None:
        if self.flow is None or self.saving or not self._attempt(self.flow.confirm):
            return
        self.saving = True
        self.render()
        self.runner.write(self.workspace.record_return_op(self.flow), on_done=self._recorded,
                          on_error=self._failed)

    def _recorded(self, result) -> None:
        self.saving = False
        self.confirm_label.setText(self.tr("Đã trả kết quả hồ sơ {code}.").format(code=result.value))
        self.render()
        self.returned.emit(result.value)

    def _failed(self, message: str) -> None:
        # Nothing stored (rolled back): back to the confirmation.
        self.saving = False
        self.flow.step = ReturnStep.CONFIRM
        self._show_error(message)
        self.render()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.flow is not None:
            if self.flow.step is ReturnStep.CONFIRM:
                self.confirm()
                return
            if self.flow.step is ReturnStep.DONE:
                self.reset()
                return
        super().keyPressEvent(event)
