"""Outcome step (kết quả tiếp nhận) and the done page.

Outcome: the appointment the citizen will get is shown *before* confirming; then
receive (Mẫu 01), request a supplement (Mẫu 02, once) or refuse with a reason (Mẫu 03).
Enter receives when the dossier is complete — never anything else by accident.
Done: the dossier code and the appointment, the print state, and "next citizen".
"""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.services.dossiers import ReceptionRecord
from counter_app.services.reception import Outcome, ReceptionFlow

from ..formatting import appointment


def _label(name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OutcomeStep(QFrame):
    decided = pyqtSignal(object, str)  # Outcome, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        heading = QLabel(self.tr("Kết quả tiếp nhận"))
        heading.setObjectName("PanelHeading")
        self.due = _label("DueLine")
        self.due_box = QFrame()
        self.due_box.setObjectName("DueBox")
        box = QVBoxLayout(self.due_box)
        box.addWidget(self.due)
        self.missing = _label("StepError")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Lý do (bắt buộc khi từ chối; ghi trên phiếu)"))
        self.reason.setAccessibleName(self.tr("Lý do"))
        self.receive_button = QPushButton(self.tr("Tiếp nhận hồ sơ (Enter)"))
        self.receive_button.setObjectName("PrimaryButton")
        self.supplement_button = QPushButton(self.tr("Yêu cầu bổ sung (Mẫu 02)"))
        self.refuse_button = QPushButton(self.tr("Từ chối tiếp nhận (Mẫu 03)"))
        self.refuse_button.setToolTip(self.tr("Cần lãnh đạo phê duyệt ngay tại quầy (bốn mắt)."))
        self.receive_button.clicked.connect(lambda: self.decided.emit(Outcome.RECEIVE, ""))
        self.supplement_button.clicked.connect(lambda: self.decided.emit(Outcome.SUPPLEMENT, self.reason.text()))
        self.refuse_button.clicked.connect(lambda: self.decided.emit(Outcome.REFUSE, self.reason.text()))
        self.reason.returnPressed.connect(self.confirm_default)

        buttons = QHBoxLayout()
        buttons.addWidget(self.refuse_button)
        buttons.addWidget(self.supplement_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading)
        layout.addWidget(self.due_box)
        layout.addWidget(self.missing)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._flow: ReceptionFlow | None = None

    def set_flow(self, flow: ReceptionFlow, due_text: str) -> None:
        self._flow = flow
        self.reason.clear()
        complete = flow.can_receive
        self.due.setText(due_text if complete else self.tr("Hồ sơ chưa đủ: chưa có ngày hẹn trả."))
        names = "; ".join(line.name for line in flow.missing)
        self.missing.setText(self.tr("Còn thiếu: {names}").format(names=names) if names else "")
        self.missing.setVisible(bool(names))
        self.receive_button.setEnabled(complete)
        self.supplement_button.setEnabled(flow.can_request_supplement and not complete)
        self.receive_button.setDefault(complete)
        (self.receive_button if complete else self.reason).setFocus()

    def confirm_default(self) -> None:
        """Enter: receive a complete dossier; with a reason typed, refuse needs its own button."""
        if self.receive_button.isEnabled():
            self.receive_button.click()


class DoneStep(QFrame):
    nextCitizen = pyqtSignal()
    reprintRequested = pyqtSignal()  # "In lại": the receipt again (four-eyes when it was printed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        self.title = _label("PanelHeading")
        self.code = _label("DossierCode", wrap=False)
        self.due = _label("DueLine")
        self.print_state = _label("MutedText")
        self.next_button = QPushButton(self.tr("Người tiếp theo (Enter)"))
        self.next_button.setObjectName("PrimaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.nextCitizen)
        self.reprint_button = QPushButton(self.tr("In lại giấy tiếp nhận"))
        self.reprint_button.setToolTip(self.tr("In lại cần ghi lý do và lãnh đạo phê duyệt"))
        self.reprint_button.clicked.connect(self.reprintRequested)
        self.reprint_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.code)
        layout.addWidget(self.due)
        layout.addWidget(self.print_state)
        layout.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_record(self, record: ReceptionRecord, outcome: Outcome) -> None:
        self.title.setText({
            Outcome.RECEIVE: self.tr("Đã tiếp nhận hồ sơ"),
            Outcome.SUPPLEMENT: self.tr("Đã ghi yêu cầu bổ sung hồ sơ"),
            Outcome.REFUSE: self.tr("Đã ghi từ chối tiếp nhận"),
        }[outcome])
        self.code.setText(self.tr("Mã hồ sơ: {code}").format(code=record.code))
        self.due.setText(self.tr("Hẹn trả kết quả: {when}").format(when=appointment(record.due_at))
                         if record.due_at else "")
        self.due.setVisible(record.due_at is not None)
        self.reprint_button.hide()  # shown once the first print has finished (set_reprint_allowed)
        self.next_button.setFocus()

    def set_print_state(self, text: str) -> None:
        self.print_state.setText(text)

    def set_reprint_allowed(self, allowed: bool) -> None:
        self.reprint_button.setVisible(allowed)
