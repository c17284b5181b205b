"""Dialogs of the F7 page (:mod:`ui.handoffs`): the apology with a new appointment (Mẫu 04) and the
stop of a dossier in processing (Mẫu 05). They only collect what the officer types; the core
suggests the new date (:func:`counter_app.services.late.suggest_new_due`) and decides the rest."""

from __future__ import annotations

from datetime import datetime

from PyQt6.QtCore import QCoreApplication, QDateTime
from PyQt6.QtWidgets import (QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                             QWidget)


def short(dt: datetime | None) -> str:
    return f"{dt:%H:%M %d/%m/%Y}" if dt else ""


def _buttons(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("HandoffDialogs", "Đồng ý"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("HandoffDialogs", "Hủy"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)


class ExtensionDialog(QDialog):
    """The new appointment (pre-filled with the core's working-day suggestion) and the reason
    printed on the apology letter (Mẫu 04)."""

    def __init__(self, code: str, due_at: datetime, suggested: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xin lỗi và gia hạn"))
        self.new_due = QDateTimeEdit(QDateTime(suggested))
        self.new_due.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.new_due.setCalendarPopup(True)
        self.new_due.setAccessibleName(self.tr("Hẹn trả mới"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Lý do chậm trả kết quả"))
        form = QFormLayout()
        form.addRow(self.tr("Hồ sơ"), QLabel(code))
        form.addRow(self.tr("Hẹn trả cũ"), QLabel(short(due_at)))
        form.addRow(self.tr("Hẹn trả mới"), self.new_due)
        form.addRow("", QLabel(self.tr("Gợi ý theo ngày làm việc (đã trừ ngày nghỉ, ngày lễ); có thể sửa.")))
        form.addRow(self.tr("Lý do"), self.reason)
        _buttons(self, form)

    def values(self) -> tuple[datetime, str]:
        return self.new_due.dateTime().toPyDateTime().replace(second=0, microsecond=0), self.reason.text()


class StopDialog(QDialog):
    """Which dossier stops and why; the reason is printed on the notice (Mẫu 05)."""

    def __init__(self, code: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dừng giải quyết hồ sơ"))
        self.code = QLineEdit(code)
        self.code.setAccessibleName(self.tr("Mã hồ sơ dừng giải quyết"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Lý do dừng giải quyết"))
        form = QFormLayout()
        form.addRow(self.tr("Mã hồ sơ"), self.code)
        form.addRow(self.tr("Lý do dừng"), self.reason)
        form.addRow("", QLabel(self.tr("Lý do được in trên Thông báo dừng giải quyết hồ sơ gửi công dân.")))
        _buttons(self, form)
        (self.reason if code else self.code).setFocus()

    def values(self) -> tuple[str, str]:
        return self.code.text().strip(), self.reason.text()
