"""Procedure step (chọn thủ tục): favourites, recent procedures and search as you type.

Quick picks sit above the search: the officer's favourites first (★), then this counter's
recent procedures, numbered Alt+1 … Alt+9. Search results list favourites first too. The
star (Ctrl+D, or the button) toggles the highlighted result as a favourite; the wizard
stores it (``counter_app.services.favourites``) and refills the row.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.services.catalog import ProcedureHit

from ..widgets.procedure_search import ProcedureSearch

MAX_PICKS = 9
STAR_KEY = "Ctrl+D"


class ProcedureStep(QFrame):
    procedureChosen = pyqtSignal(str)  # code
    starRequested = pyqtSignal(str)  # code to star or unstar

    def __init__(self, search: Callable[[str], list[ProcedureHit]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        self._core_search = search
        self.favourite_codes: list[str] = []
        self.search = ProcedureSearch(self._search_favourites_first)
        self.search.procedureChosen.connect(self.procedureChosen)
        self.favourite_buttons: list[QPushButton] = []
        self.recent_buttons: list[QPushButton] = []

        self.favourite_label = QLabel(self.tr("★ Ưa dùng:"))
        self.favourite_label.setObjectName("MutedText")
        self.recent_label = QLabel(self.tr("Thủ tục gần đây:"))
        self.recent_label.setObjectName("MutedText")
        self.favourite_row, self.favourite_box = self._row(self.favourite_label)
        self.recent_row, self.recent_box = self._row(self.recent_label)
        self.star_button = QPushButton()
        self.star_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+D from the search box
        self.star_button.clicked.connect(self.star_current)
        self.search.results.selectionModel().currentChanged.connect(lambda *_: self._update_star())
        self.search.model.modelReset.connect(self._update_star)

        star_row = QHBoxLayout()
        star_row.setContentsMargins(12, 0, 12, 8)
        star_row.addStretch(1)
        star_row.addWidget(self.star_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.favourite_row)
        layout.addWidget(self.recent_row)
        layout.addWidget(self.search, 1)
        layout.addLayout(star_row)
        for n in range(1, MAX_PICKS + 1):
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda n=n: self.choose_pick(n - 1),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(STAR_KEY), self, self.star_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_star()

    def _row(self, label: QLabel) -> tuple[QWidget, QHBoxLayout]:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(12, 8, 12, 0)
        layout.addWidget(label)
        box = QHBoxLayout()
        box.addStretch(1)
        layout.addLayout(box, 1)
        row.hide()
        return row, box

    # ---- quick picks ---------------------------------------------------------------------

    @property
    def picks(self) -> list[QPushButton]:
        return self.favourite_buttons + self.recent_buttons

    def fill(self, favourites: list[tuple[str, str]], recent: list[tuple[str, str]]) -> None:
        """Favourites first, then recent procedures that are not favourites; Alt+1 … Alt+9 in that order."""
        self.favourite_codes = [code for code, _ in favourites]
        recent = [(c, n) for c, n in recent if c not in self.favourite_codes]
        favourites = favourites[:MAX_PICKS]
        recent = recent[:max(0, MAX_PICKS - len(favourites))]
        self._refill(self.favourite_box, self.favourite_buttons, favourites, 0, star=True)
        self._refill(self.recent_box, self.recent_buttons, recent, len(favourites), star=False)
        self.favourite_row.setVisible(bool(favourites))
        self.recent_row.setVisible(bool(recent))
        self._update_star()

    def _refill(self, box: QHBoxLayout, buttons: list[QPushButton], items: list[tuple[str, str]], first: int, *,
                star: bool) -> None:
        for button in buttons:
            box.removeWidget(button)
            button.hide()
            button.deleteLater()
        buttons.clear()
        for i, (code, name) in enumerate(items):
            button = QPushButton(self.tr("Alt+{n}: {name}").format(n=first + i + 1, name=name))
            button.setToolTip(" — ".join((code, name)))
            button.setObjectName("FavouriteButton" if star else "RecentButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: Alt+n
            button.clicked.connect(lambda _c=False, code=code: self.procedureChosen.emit(code))
            box.insertWidget(i, button)
            buttons.append(button)

    def choose_pick(self, index: int) -> None:
        if self.isVisible() and index < len(self.picks):
            self.picks[index].click()

    # ---- favourites in the search --------------------------------------------------------

    def _search_favourites_first(self, text: str) -> list[ProcedureHit]:
        hits = self._core_search(text)
        starred = set(self.favourite_codes)
        return sorted(hits, key=lambda hit: hit.code not in starred)  # stable: the core's ranking otherwise

    def star_current(self) -> None:
        code = self.search.current_code()
        if code:
            self.starRequested.emit(code)

    def _update_star(self) -> None:
        code = self.search.current_code()
        self.star_button.setEnabled(bool(code))
        self.star_button.setText(self.tr("★ Bỏ ưa dùng ({key})").format(key=STAR_KEY) if code in self.favourite_codes
                                 else self.tr("☆ Đánh dấu ưa dùng ({key})").format(key=STAR_KEY))
