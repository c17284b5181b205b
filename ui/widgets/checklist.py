"""The components of a procedure's dossier (thành phần hồ sơ): table model and view.

Columns: Thành phần hồ sơ | Bản chính | Bản sao | Bắt buộc. Read-only here; the
reception screen (its own issue) will add a "received" column to the same model.
"""

from __future__ import annotations

from PyQt6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PyQt6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from counter_app.domain.procedure import Component

from .two_line import SECONDARY_ROLE, TwoLineDelegate

NAME, ORIGINALS, COPIES, MANDATORY = range(4)


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._components: tuple[Component, ...] = ()

    def set_components(self, components: tuple[Component, ...]) -> None:
        self.beginResetModel()
        self._components = tuple(sorted(components, key=lambda c: c.position))
        self.endResetModel()

    def component(self, row: int) -> Component:
        return self._components[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._components)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal:
            align = Qt.AlignmentFlag.AlignLeft if section == NAME else Qt.AlignmentFlag.AlignHCenter
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (self.tr("Thành phần hồ sơ"), self.tr("Bản chính"), self.tr("Bản sao"), self.tr("Bắt buộc"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self._components[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return c.name
            if col == ORIGINALS:
                return str(c.originals)
            if col == COPIES:
                return str(c.copies)
            return self.tr("Có") if c.mandatory else self.tr("Không")
        if col == NAME and role in (SECONDARY_ROLE, Qt.ItemDataRole.ToolTipRole):
            return c.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col != NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == MANDATORY:
            return self.tr("Bắt buộc") if c.mandatory else self.tr("Không bắt buộc")
        return None


class ChecklistView(QTableView):
    """Shows every row at once (its height follows its rows); the page around it scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Checklist")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setItemDelegateForColumn(NAME, TwoLineDelegate(self))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())

    def setModel(self, model) -> None:  # noqa: N802 (Qt name)
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col in (ORIGINALS, COPIES, MANDATORY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        model.modelReset.connect(self.refit)

    def refit(self) -> None:
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        header = self.horizontalHeader()
        height = max(header.height(), header.sizeHint().height()) + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.model().rowCount() if self.model() else 0))
        return QSize(hint.width(), max(height, 80))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())
