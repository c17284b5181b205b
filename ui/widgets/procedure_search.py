"""Left panel: the procedure search box and its result list, keyboard first.

Typing searches at once (the search itself, diacritic-insensitive, is the core's);
Up/Down/PageUp/PageDown move in the list without leaving the box; Enter chooses the
highlighted procedure; Esc clears the box. A click or Enter in the list chooses too.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QEvent, QModelIndex, QObject, Qt, pyqtSignal
from PyQt6.QtGui import QKeyEvent
from PyQt6.QtWidgets import QAbstractItemView, QApplication, QFrame, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from counter_app.domain.errors import CounterError
from counter_app.services.catalog import ProcedureHit

from .hit_model import CODE_ROLE, ProcedureHitModel
from .two_line import TwoLineDelegate
from ..labels import error_text

_NAV_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class ProcedureSearch(QFrame):
    """Search box + hits. ``search`` is the core query; failures are reported, never raised."""

    procedureChosen = pyqtSignal(str)  # procedure code
    failed = pyqtSignal(str)  # message for the officer (Vietnamese, from the core)

    def __init__(self, search: Callable[[str], list[ProcedureHit]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchPanel")
        self._search = search

        heading = QLabel(self.tr("Tìm thủ tục hành chính"))
        heading.setObjectName("PanelHeading")
        self.query = QLineEdit()
        self.query.setObjectName("SearchBox")
        self.query.setPlaceholderText(self.tr("Tên, lĩnh vực hoặc mã thủ tục"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Tìm thủ tục"))
        heading.setBuddy(self.query)

        self.model = ProcedureHitModel(self)
        self.results = QListView()
        self.results.setObjectName("SearchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(TwoLineDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        self.results.setAccessibleName(self.tr("Kết quả tìm kiếm"))

        self.summary = QLabel(self.tr("Gõ vài chữ, không cần dấu. Ctrl+F: về ô tìm kiếm."))
        self.summary.setObjectName("MutedText")
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

        self.query.textChanged.connect(self._run_search)
        self.query.installEventFilter(self)
        self.results.clicked.connect(self._choose_index)
        self.results.activated.connect(self._choose_index)

    # ---- behaviour ---------------------------------------------------------------

    def focus_search(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def hit_count(self) -> int:
        return self.model.rowCount()

    def current_code(self) -> str | None:
        index = self.results.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def choose_current(self) -> None:
        self._choose_index(self.results.currentIndex())

    def refresh(self) -> None:
        """Run the query again (e.g. after the order of hits changed), keeping the highlighted code."""
        code = self.current_code()
        self._run_search(self.query.text())
        for row in range(self.model.rowCount()):
            if self.model.index(row).data(CODE_ROLE) == code:
                self.results.setCurrentIndex(self.model.index(row))
                break

    def _run_search(self, text: str) -> None:
        if not text.strip():
            self.model.set_hits([])
            self.summary.setText(self.tr("Gõ vài chữ, không cần dấu. Ctrl+F: về ô tìm kiếm."))
            return
        try:
            hits = self._search(text)
        except CounterError as exc:
            self.model.set_hits([])
            self.summary.setText(self.tr("Không tìm được."))
            self.failed.emit(error_text(exc))
            return
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
            self.summary.setText(self.tr("Tìm thấy {count} thủ tục — ↑/↓ để chọn, Enter để xem.").format(
                count=len(hits)))
        else:
            self.summary.setText(self.tr("Không tìm thấy thủ tục nào. Thử từ khác, hoặc gõ mã thủ tục."))

    def _choose_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.results.setCurrentIndex(index)
            self.procedureChosen.emit(index.data(CODE_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _NAV_KEYS and self.hit_count():
                # The list moves its own current row; the focus stays in the box.
                QApplication.sendEvent(self.results, QKeyEvent(event.type(), key, event.modifiers()))
                return True
            if key in _ENTER_KEYS and self.hit_count():
                self.choose_current()
                return True
            if key == Qt.Key.Key_Escape and self.query.text():
                self.query.clear()
                return True
        return super().eventFilter(watched, event)
