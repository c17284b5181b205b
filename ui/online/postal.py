"""“Hồ sơ bưu chính”: a dossier that came by post, registered with its tracking number, and a
result sent back by post. The tracking number is typed or scanned (a keyboard-wedge scanner
types it and presses Enter); the applicant is typed from the form in the envelope.
"""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                             QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource
from counter_app.domain.errors import CounterError
from counter_app.security.permissions import Action
from counter_app.services import channels
from counter_app.services.online import flow_for_postal, parse_tracking_number
from counter_app.services.reception import Outcome

from ..approval import ask_approval
from ..ops import OperationRunner
from ..workspace import Workspace
from ..labels import error_text


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("StepError")
    label.setWordWrap(True)
    label.hide()
    return label


class PostalDialog(QDialog):
    """Register a postal dossier (kênh bưu chính công ích): tracking number, applicant, checklist."""

    def __init__(self, workspace: Workspace, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PostalDialog")
        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ qua bưu chính"))
        self.workspace, self.runner = workspace, runner
        self.procedure = None
        self.record = None
        self.flow = None  # the recorded flow (for printing its form)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("Quét hoặc nhập số hiệu bưu gửi, ví dụ EB123456785VN"))
        self.tracking.returnPressed.connect(self.check_tracking)
        self.name, self.id_number, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.procedure_query = QLineEdit()
        self.procedure_query.setPlaceholderText(self.tr("Mã hoặc tên thủ tục"))
        self.procedure_query.returnPressed.connect(self.find_procedures)
        self.procedures = QComboBox()
        self.procedures.currentIndexChanged.connect(lambda _i: self.choose_procedure())
        self.checklist = QListWidget()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Lý do / giấy tờ cần bổ sung"))
        form = QFormLayout()
        form.addRow(self.tr("Số hiệu bưu gửi"), self.tracking)
        form.addRow(self.tr("Họ tên chủ hồ sơ"), self.name)
        form.addRow(self.tr("Số định danh cá nhân"), self.id_number)
        form.addRow(self.tr("Điện thoại"), self.phone)
        form.addRow(self.tr("Địa chỉ nhận kết quả"), self.address)
        form.addRow(self.tr("Tìm thủ tục"), self.procedure_query)
        form.addRow(self.tr("Thủ tục"), self.procedures)
        self.error = _error_label()
        buttons = QHBoxLayout()
        self.buttons = {}
        for outcome, text in ((Outcome.RECEIVE, self.tr("Tiếp nhận")), (Outcome.SUPPLEMENT, self.tr("Yêu cầu bổ sung")),
                              (Outcome.REFUSE, self.tr("Từ chối tiếp nhận"))):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, o=outcome: self.decide(o))
            buttons.addWidget(button)
            self.buttons[outcome] = button
        close = QPushButton(self.tr("Đóng"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Giấy tờ có trong bưu gửi (đánh dấu từng thành phần)")))
        layout.addWidget(self.checklist, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def check_tracking(self) -> str | None:
        try:
            number = parse_tracking_number(self.tracking.text())
        except CounterError as exc:
            self.show_error(error_text(exc))
            return None
        self.tracking.setText(number)
        self.show_error("")
        self.name.setFocus()
        return number

    def find_procedures(self) -> None:
        self.procedures.clear()
        for hit in self.workspace.search(self.procedure_query.text(), limit=20):
            self.procedures.addItem(f"{hit.code} — {hit.name}", hit.code)

    def choose_procedure(self) -> None:
        code = self.procedures.currentData()
        self.checklist.clear()
        self.procedure = self.workspace.procedure(code) if code else None
        for c in self.procedure.components if self.procedure else ():
            item = QListWidgetItem(f"{c.position + 1}. {c.name}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, c.position)
            self.checklist.addItem(item)

    def _flow(self, outcome: Outcome):
        number = self.check_tracking()
        if number is None:
            return None, None
        if self.procedure is None:
            self.show_error(self.tr("Chọn thủ tục của hồ sơ."))
            return None, None
        flow, _ = flow_for_postal(number)
        address = self.address.text().strip()
        applicant = Applicant(ApplicantKind.INDIVIDUAL, self.name.text().strip(),
                              id_number=self.id_number.text().strip(), address=address, source=IdentitySource.TYPED)
        flow.identify(applicant, contact=Contact(phone=self.phone.text().strip(), address=address))
        flow.choose_procedure(self.procedure)
        for i in range(self.checklist.count()):
            item = self.checklist.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                line = flow.checklist[i]
                flow.set_count(item.data(Qt.ItemDataRole.UserRole), originals=line.required_originals,
                               copies=line.required_copies)
        flow.to_outcome()
        reason = self.reason.text().strip()
        {Outcome.RECEIVE: flow.receive, Outcome.SUPPLEMENT: lambda: flow.request_supplement(reason),
         Outcome.REFUSE: lambda: flow.refuse(reason)}[outcome]()
        return flow, number

    def decide(self, outcome: Outcome) -> None:
        try:
            flow, number = self._flow(outcome)
        except CounterError as exc:
            self.show_error(error_text(exc))
            return
        if flow is None:
            return
        approval_id = None
        if outcome is Outcome.REFUSE:
            approval_id = ask_approval(self, self.workspace, self.runner, action=Action.REFUSE_DOSSIER, target=number,
                                       reason=self.reason.text().strip())
            if approval_id is None:
                return
        ws = self.workspace
        at, ctx, allocator = ws.now(), ws.context, ws.allocator
        self.runner.write(lambda s: channels.receive_postal(s, flow, number, ctx=ctx, allocator=allocator, now=at,
                                                            approval_id=approval_id),
                          on_done=lambda result: self._recorded(result, flow), on_error=self.show_error)

    def _recorded(self, result, flow) -> None:
        self.record, self.flow = result.value, flow
        self.accept()


class PostalReturnDialog(QDialog):
    """The result handed to the post office (trả kết quả qua bưu chính): dossier code + tracking number."""

    def __init__(self, workspace: Workspace, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PostalReturnDialog")
        self.setWindowTitle(self.tr("Gửi kết quả qua bưu chính"))
        self.workspace, self.runner = workspace, runner
        self.sent = None
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Quét mã vạch trên giấy tiếp nhận"))
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("Quét số hiệu bưu gửi"))
        self.code.returnPressed.connect(self.tracking.setFocus)
        self.tracking.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Mã hồ sơ"), self.code)
        form.addRow(self.tr("Số hiệu bưu gửi"), self.tracking)
        self.error = _error_label()
        ok = QPushButton(self.tr("Ghi nhận đã gửi"))
        ok.setAutoDefault(False)
        ok.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def submit(self) -> None:
        code, tracking = self.code.text().strip(), self.tracking.text()
        if not code:
            self.show_error(self.tr("Nhập hoặc quét mã hồ sơ."))
            return
        at, ctx = self.workspace.now(), self.workspace.context
        self.runner.write(lambda s: channels.record_postal_return(s, code=code, tracking_number=tracking, ctx=ctx,
                                                                  now=at),
                          on_done=self._sent, on_error=self.show_error)

    def _sent(self, result) -> None:
        self.sent = result.value
        self.accept()
