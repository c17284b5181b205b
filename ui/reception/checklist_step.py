"""Checklist step (kiểm tra thành phần hồ sơ): what the citizen handed in, line by line.

The counts live in the flow (``ReceptionFlow.checklist``); the model edits them through
``flow.set_count`` so the flow's rules stay the only rules. "Đủ tất cả" ticks every line
with the required counts and moves on (one key: Ctrl+Enter).
"""

from __future__ import annotations

from PyQt6.QtCore import QAbstractTableModel, QModelIndex, Qt, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                             QVBoxLayout, QWidget)

from counter_app.domain.errors import CounterError
from counter_app.services.reception import ReceptionFlow

NAME, REQUIRED, ORIGINALS, COPIES, STATE = range(5)


class ReceivedModel(QAbstractTableModel):
    failed = pyqtSignal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.flow: ReceptionFlow | None = None

    def set_flow(self, flow: ReceptionFlow | None) -> None:
        self.beginResetModel()
        self.flow = flow
        self.endResetModel()

    def refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, STATE))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() or self.flow is None else len(self.flow.checklist)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (self.tr("Thành phần hồ sơ"), self.tr("Yêu cầu"), self.tr("Bản chính"), self.tr("Bản sao"),
                self.tr("Tình trạng"))[section]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in (ORIGINALS, COPIES) else flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.flow is None:
            return None
        line = self.flow.checklist[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NAME:
                return line.name
            if col == REQUIRED:
                return self.tr("{o} chính, {c} sao").format(o=line.required_originals, c=line.required_copies)
            if col == ORIGINALS:
                return line.originals
            if col == COPIES:
                return line.copies
            if role == Qt.ItemDataRole.DisplayRole:
                if line.complete:
                    return self.tr("Đủ")
                return self.tr("Thiếu (bắt buộc)") if line.mandatory else self.tr("Thiếu")
        if role == Qt.ItemDataRole.TextAlignmentRole and col != NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME:
            return line.name
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if self.flow is None or role != Qt.ItemDataRole.EditRole or index.column() not in (ORIGINALS, COPIES):
            return False
        line = self.flow.checklist[index.row()]
        originals, copies = line.originals, line.copies
        try:
            number = int(value)
            if index.column() == ORIGINALS:
                originals = number
            else:
                copies = number
            self.flow.set_count(line.position, originals=originals, copies=copies)
        except (TypeError, ValueError):
            return False
        except CounterError as exc:
            self.failed.emit(exc.message_vi)
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), STATE))
        return True


class ChecklistStep(QFrame):
    """Emits :attr:`proceed` when the officer moves to the outcome (the flow decides what is allowed)."""

    proceed = pyqtSignal()
    failed = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        self.flow: ReceptionFlow | None = None
        self.heading = QLabel()
        self.heading.setObjectName("PanelHeading")
        self.heading.setWordWrap(True)
        self.model = ReceivedModel(self)
        self.model.failed.connect(self.failed)
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        self.table = QTableView()
        self.table.setObjectName("ReceivedChecklist")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col in (REQUIRED, ORIGINALS, COPIES, STATE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.all_button = QPushButton(self.tr("Đủ tất cả thành phần (Ctrl+Enter)"))
        self.all_button.setObjectName("PrimaryButton")
        self.all_button.clicked.connect(self.all_complete)
        self.next_button = QPushButton(self.tr("Tiếp tục với số đã nhập"))
        self.next_button.clicked.connect(self.proceed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.all_complete,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_flow(self, flow: ReceptionFlow) -> None:
        self.flow = flow
        self.heading.setText(self.tr("Thành phần hồ sơ — {name}").format(name=flow.procedure.name)
                             if flow.procedure else "")
        self.model.set_flow(flow)
        self.table.resizeRowsToContents()
        self._update_summary()
        self.table.setFocus()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, ORIGINALS))

    def all_complete(self) -> None:
        if self.flow is None:
            return
        try:
            self.flow.mark_all_complete()
        except CounterError as exc:
            self.failed.emit(exc.message_vi)
            return
        self.model.refresh()
        self.proceed.emit()

    def _update_summary(self) -> None:
        if self.flow is None:
            return
        missing = self.flow.missing
        self.summary.setText(self.tr("Đủ các thành phần bắt buộc.") if not missing else
                             self.tr("Còn thiếu {n} thành phần bắt buộc.").format(n=len(missing)))
