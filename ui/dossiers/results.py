"""Dossier search results as a table model (ID numbers arrive already masked from the core)."""

from __future__ import annotations

from PyQt6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PyQt6.QtGui import QBrush, QColor

from counter_app.services.queries import DossierSummary
from ..labels import status_label

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
CODE, APPLICANT, ID_NUMBER, PROCEDURE, STATUS, RECEIVED, DUE = range(7)


def _overdue_ink() -> QBrush:
    from ..theme import Brand

    return QBrush(QColor(Brand.load().colors["error"]))


class DossierResultModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DossierSummary] = []
        self._overdue = _overdue_ink()

    def set_rows(self, rows: list[DossierSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> DossierSummary:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Mã hồ sơ"), self.tr("Chủ hồ sơ"), self.tr("Số định danh"), self.tr("Thủ tục"),
                self.tr("Trạng thái"), self.tr("Tiếp nhận"), self.tr("Hẹn trả"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (d.code, d.applicant_name, d.id_number_masked, d.procedure_name, status_label(d.status),
                    f"{d.received_at:%d/%m/%Y %H:%M}", f"{d.due_at:%d/%m/%Y %H:%M}" if d.due_at else "—")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == PROCEDURE:
            return f"{d.procedure_code} — {d.procedure_name}"
        if role == Qt.ItemDataRole.ForegroundRole and d.overdue and col in (STATUS, DUE):
            return self._overdue
        if role == CODE_ROLE:
            return d.code
        return None
