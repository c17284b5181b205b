"""The dossier search's period filter and its search runner, both off the page's hot path.

* :class:`PeriodFilter` — the presets (mọi ngày, hôm nay, 7 / 30 ngày qua) next to a date range
  (từ ngày … đến ngày, calendar pickers). A preset fills the pickers; editing a picker switches
  the preset to "Khoảng ngày". Empty ends ("—") do not filter; the range maps to the core's
  ``DossierQuery.received_from`` / ``received_to`` (both inclusive).
* :class:`SearchRunner` — runs a search on the operation runner's pool, ~250 ms after the last
  keystroke (or at once), and drops the answer of any search overtaken by a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PyQt6.QtCore import QDate, QObject, QTimer, pyqtSignal
from PyQt6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from ..ops import OperationRunner

DEBOUNCE_MS = 250
_PRESET_DAYS = (None, 0, 6, 29)  # all, today, last 7 days, last 30 days; index 4: a chosen range
_NO_DATE = QDate(2000, 1, 1)  # the pickers' minimum, shown as "—": that end is open


class PeriodFilter(QWidget):
    changed = pyqtSignal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.period = QComboBox()
        self.period.addItems([self.tr("Mọi ngày"), self.tr("Hôm nay"), self.tr("7 ngày qua"), self.tr("30 ngày qua"),
                              self.tr("Khoảng ngày")])
        self.period.setAccessibleName(self.tr("Thời gian tiếp nhận"))
        self.date_from, self.date_to = self._picker(self.tr("Từ ngày")), self._picker(self.tr("Đến ngày"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period)
        row.addWidget(QLabel(self.tr("từ")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("đến")))
        row.addWidget(self.date_to)
        self.period.currentIndexChanged.connect(self._preset_chosen)
        self.date_from.dateChanged.connect(self._picked)
        self.date_to.dateChanged.connect(self._picked)

    def _picker(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(_NO_DATE)
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        return edit

    def _preset_chosen(self, index: int) -> None:
        if index >= len(_PRESET_DAYS):
            return  # "Khoảng ngày": the pickers say it
        days, today = _PRESET_DAYS[index], self.today()
        for edit, value in ((self.date_from, None if days is None else today - timedelta(days=days)),
                            (self.date_to, None if days is None else today)):
            edit.blockSignals(True)
            edit.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self.changed.emit()

    def _picked(self, _date: QDate) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(len(_PRESET_DAYS))
        self.period.blockSignals(False)
        self.changed.emit()

    def set_range(self, start: date | None, end: date | None) -> None:
        """Both ends at once (one :attr:`changed`)."""
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self._picked(QDate())

    def range(self) -> tuple[date | None, date | None]:
        """``(received_from, received_to)``; ``None`` for an open end."""
        def value(edit: QDateEdit) -> date | None:
            picked = edit.date()
            return None if picked <= _NO_DATE else date(picked.year(), picked.month(), picked.day())
        return value(self.date_from), value(self.date_to)

    def problem(self) -> str:
        start, end = self.range()
        if start is not None and end is not None and start > end:
            return self.tr("Khoảng ngày không hợp lệ: “từ ngày” đang sau “đến ngày”.")
        return ""


class SearchRunner(QObject):
    """One search in flight that counts; newer searches overtake older ones (their answers are dropped)."""

    found = pyqtSignal(object)  # the rows of the latest search
    failed = pyqtSignal(str)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None, *, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._search: Callable[[], Any] | None = None
        self._latest = 0  # the newest search started
        self._answered = 0  # the newest search answered

    @property
    def started(self) -> int:
        """How many searches were started (the number of the newest)."""
        return self._latest

    @property
    def answered(self) -> int:
        """The number of the newest search answered."""
        return self._answered

    @property
    def busy(self) -> bool:
        """A search is waiting for its debounce or for its answer."""
        return self._timer.isActive() or self._answered < self._latest

    def later(self, search: Callable[[], Any]) -> None:
        """Run ``search()`` once typing pauses (each call restarts the wait)."""
        self._search = search
        self._timer.start()

    def now(self, search: Callable[[], Any]) -> None:
        self._timer.stop()
        self._search = search
        self._start()

    def _start(self) -> None:
        search, self._search = self._search, None
        if search is None:
            return
        self._latest += 1
        n = self._latest
        self.runner.background(search, on_done=lambda rows: self._answer(n, rows, None),
                               on_error=lambda message: self._answer(n, None, message))

    def _answer(self, n: int, rows, message: str | None) -> None:
        if n < self._latest:  # overtaken: a newer search is on its way
            self._answered = max(self._answered, n)
            return
        self._answered = n
        if message is not None:
            self.failed.emit(message)
        else:
            self.found.emit(rows)
