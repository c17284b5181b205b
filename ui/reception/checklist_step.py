"""Checklist step (kiểm tra thành phần hồ sơ): what the citizen handed in, line by line.

The counts live in the flow (``ReceptionFlow.checklist``); the model edits them through
``flow.set_count`` so the flow's rules stay the only rules. "Đủ tất cả" ticks every line
with the required counts and moves on (one key: Ctrl+Enter).

Each line can be scanned into ("Quét", or Ctrl+S for the selected line): the scan runs off the
GUI thread (:mod:`ui.reception.scanning`), with progress and "Hủy quét"; the line shows its
page count. The wizard attaches the pages when the dossier is recorded.

When the procedure has several fee rows (alternatives: on time / late, paper / online…), the
officer picks one here (Alt+P), before the outcome; the first is chosen by default, and a
procedure with a single fee shows no choice at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QAbstractTableModel, QModelIndex, Qt, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                             QPushButton, QTableView, QVBoxLayout, QWidget)

from counter_app.domain.errors import CounterError
from counter_app.services.reception import ReceptionFlow

from ..formatting import money_vnd
from ..labels import error_text

NAME, REQUIRED, ORIGINALS, COPIES, STATE, SCANNED, SCAN = range(7)
SCAN_KEY = "Ctrl+S"


class ReceivedModel(QAbstractTableModel):
    failed = pyqtSignal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.flow: ReceptionFlow | None = None
        self.page_count: Callable[[int], int] = lambda _position: 0  # scanned pages of a line

    def set_flow(self, flow: ReceptionFlow | None) -> None:
        self.beginResetModel()
        self.flow = flow
        self.endResetModel()

    def refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, SCANNED))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() or self.flow is None else len(self.flow.checklist)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (self.tr("Thành phần hồ sơ"), self.tr("Yêu cầu"), self.tr("Bản chính"), self.tr("Bản sao"),
                self.tr("Tình trạng"), self.tr("Bản quét"), "")[section]

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
            if col == SCANNED:
                pages = self.page_count(line.position)
                return self.tr("{n} trang").format(n=pages) if pages else "—"
            if col == SCAN:
                return None
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
            self.failed.emit(error_text(exc))
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), STATE))
        return True


class ChecklistStep(QFrame):
    """Emits :attr:`proceed` when the officer moves to the outcome (the flow decides what is allowed).

    :attr:`scanRequested` (position) asks the wizard to scan into a line; the wizard answers
    through :meth:`scan_started`, :meth:`scan_progress` and :meth:`scan_finished`.
    """

    proceed = pyqtSignal()
    failed = pyqtSignal(str)
    scanRequested = pyqtSignal(int)  # checklist position
    cancelScan = pyqtSignal()
    feeChosen = pyqtSignal(int)  # amount in VND

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
        self.model.modelReset.connect(self._add_scan_buttons)  # after the view's own reset
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col in (REQUIRED, ORIGINALS, COPIES, STATE, SCANNED, SCAN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.scan_buttons: list[QPushButton] = []
        self.scan_state = QLabel()
        self.scan_state.setObjectName("MutedText")
        self.scan_state.setWordWrap(True)
        self.scan_progress = QProgressBar()
        self.scan_progress.setRange(0, 100)
        self.scan_progress.setAccessibleName(self.tr("Tiến độ quét"))
        self.cancel_button = QPushButton(self.tr("Hủy quét (Esc)"))
        self.cancel_button.clicked.connect(self.cancelScan)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_state, 1)
        scan_row.addWidget(self.scan_progress)
        scan_row.addWidget(self.cancel_button)
        self.scan_progress.hide()
        self.cancel_button.hide()
        self.fee_label = QLabel(self.tr("&Phí, lệ phí:"))
        self.fee = QComboBox()
        self.fee.setAccessibleName(self.tr("Phí, lệ phí"))
        self.fee.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fee_label.setBuddy(self.fee)
        self.fee.activated.connect(self._fee_activated)
        fee_row = QHBoxLayout()
        fee_row.addWidget(self.fee_label)
        fee_row.addWidget(self.fee, 1)
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
        QShortcut(QKeySequence(SCAN_KEY), self, self.scan_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(scan_row)
        layout.addLayout(fee_row)
        layout.addLayout(buttons)

    def set_flow(self, flow: ReceptionFlow) -> None:
        self.flow = flow
        self.heading.setText(self.tr("Thành phần hồ sơ — {name}").format(name=flow.procedure.name)
                             if flow.procedure else "")
        self.model.set_flow(flow)
        self._fill_fees(flow)
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
            self.failed.emit(error_text(exc))
            return
        self.model.refresh()
        self.proceed.emit()

    def _fill_fees(self, flow: ReceptionFlow) -> None:
        """One entry per fee row; the one matching the flow's amount (the first by default) is current."""
        fees = flow.procedure.fees if flow.procedure else ()
        self.fee.clear()
        for fee in fees:
            self.fee.addItem(self.tr("{name}: {amount}").format(name=fee.name, amount=money_vnd(fee.amount_vnd)),
                             fee.amount_vnd)
        amounts = [f.amount_vnd for f in fees]
        self.fee.setCurrentIndex(amounts.index(flow.fee_vnd) if flow.fee_vnd in amounts else 0)
        self.fee.setVisible(len(fees) > 1)
        self.fee_label.setVisible(len(fees) > 1)

    def _fee_activated(self, index: int) -> None:
        if index >= 0:
            self.feeChosen.emit(int(self.fee.itemData(index)))

    def _update_summary(self) -> None:
        if self.flow is None:
            return
        missing = self.flow.missing
        self.summary.setText(self.tr("Đủ các thành phần bắt buộc.") if not missing else
                             self.tr("Còn thiếu {n} thành phần bắt buộc.").format(n=len(missing)))

    # ---- scanning ------------------------------------------------------------------------

    def _add_scan_buttons(self) -> None:
        self.scan_buttons.clear()
        if self.model.flow is None:
            return
        for row, line in enumerate(self.model.flow.checklist):
            button = QPushButton(self.tr("Quét"))
            button.setObjectName("ScanLineButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: Ctrl+S on the selected line
            button.setToolTip(self.tr("Quét thành phần này ({key} cho dòng đang chọn)").format(key=SCAN_KEY))
            button.setAccessibleName(self.tr("Quét: {name}").format(name=line.name))
            button.clicked.connect(lambda _c=False, pos=line.position: self.scanRequested.emit(pos))
            self.table.setIndexWidget(self.model.index(row, SCAN), button)
            self.scan_buttons.append(button)

    def current_position(self) -> int | None:
        index = self.table.currentIndex()
        if self.flow is None or not index.isValid():
            return None
        return self.flow.checklist[index.row()].position

    def scan_current(self) -> None:
        position = self.current_position()
        if position is not None:
            self.scanRequested.emit(position)

    def _line_name(self, position: int) -> str:
        for line in self.flow.checklist if self.flow else []:
            if line.position == position:
                return line.name
        return ""

    def scan_started(self, position: int) -> None:
        for button in self.scan_buttons:
            button.setEnabled(False)
        self.scan_state.setText(self.tr("Đang quét: {name}…").format(name=self._line_name(position)))
        self.scan_progress.setValue(0)
        self.scan_progress.show()
        self.cancel_button.show()

    def scan_progress_at(self, page: int, fraction: float) -> None:
        self.scan_progress.setValue(int(fraction * 100))
        self.scan_progress.setFormat(self.tr("Trang {n}: %p%").format(n=page + 1))

    def scan_finished(self, position: int, pages: int, message: str) -> None:
        for button in self.scan_buttons:
            button.setEnabled(True)
        self.scan_progress.hide()
        self.cancel_button.hide()
        name = self._line_name(position)
        done = self.tr("{name}: {n} trang đã quét.").format(name=name, n=pages)
        self.scan_state.setText(f"{message} {done}" if message else done)
        self.model.refresh()
        self.table.setFocus()

    def clear_scan_state(self) -> None:
        self.scan_state.clear()
        self.scan_progress.hide()
        self.cancel_button.hide()
