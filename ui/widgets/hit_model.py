"""Search hits (``ProcedureHit``) as a list model: ``code — name`` over the field (lĩnh vực)."""

from __future__ import annotations

from PyQt6.QtCore import QAbstractListModel, QModelIndex, Qt

from counter_app.services.catalog import ProcedureHit

from .two_line import SECONDARY_ROLE

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProcedureHitModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[ProcedureHit] = []

    def set_hits(self, hits: list[ProcedureHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> ProcedureHit:
        return self._hits[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.code} — {hit.name}"
        if role == SECONDARY_ROLE:
            return hit.field
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.name}\n{hit.field} · {hit.limit_label}"
        if role == CODE_ROLE:
            return hit.code
        return None
