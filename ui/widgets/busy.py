"""A small progress line with a cancel button, for anything that may take over ~300 ms.

:class:`BusyIndicator` is shown only when the work lasts longer than ``delay_ms`` (no flicker
for quick answers). Two ways to drive it:

* **A job it starts** — :meth:`BusyIndicator.run` hands ``fn`` to a runner
  (``OperationRunner.background`` or anything with the same ``start(fn, on_done=, on_error=)``
  signature). "Hủy" (or Esc within the parent page) *abandons the wait*: the page goes on at
  once, the worker may still finish in the background, and its late answer is dropped.
* **Work with its own cancel** — :meth:`begin` / :meth:`set_progress` / :meth:`finish`, with
  :attr:`cancelRequested` wired to the device's cancel (e.g. the scanner façade's job).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

Start = Callable[..., Any]  # start(fn, on_done=..., on_error=...)


class BusyIndicator(QFrame):
    """"Đang …" with a progress bar (busy or a percentage) and "Hủy (Esc)"."""

    cancelRequested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = 300, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("BusyIndicator")
        self.delay_ms = delay_ms
        self.label = QLabel()
        self.label.setObjectName("MutedText")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Hủy (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar)
        row.addWidget(self.label, 1)
        row.addWidget(self.cancel_button)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._reveal)
        self._token = 0
        self._active = False
        self._on_cancel: Callable[[], None] | None = None
        self._escape: QShortcut | None = None
        if parent is not None and cancellable:  # Esc cancels while busy, within the page only
            self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), parent)
            self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._escape.setEnabled(False)
            self._escape.activated.connect(self.cancel)
        self.hide()

    @property
    def busy(self) -> bool:
        return self._active

    # ---- driven by the caller ----------------------------------------------------------------

    def begin(self, text: str) -> None:
        """Work started: shown after ``delay_ms`` unless finished before."""
        self._token += 1
        self._active = True
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until a fraction is known
        if self._escape is not None:
            self._escape.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if self.delay_ms <= 0:
            self._reveal()
        else:
            self._show_timer.start(self.delay_ms)

    def set_progress(self, fraction: float | None, text: str | None = None) -> None:
        if not self._active:
            return
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(max(0, min(100, int(fraction * 100))))
        if text is not None:
            self.label.setText(text)

    def finish(self) -> None:
        self._active = False
        self._on_cancel = None
        self._show_timer.stop()
        if self._escape is not None:
            self._escape.setEnabled(False)
        self.hide()

    def cancel(self) -> None:
        """"Hủy": ask the work to stop (:attr:`cancelRequested`); a job from :meth:`run` is abandoned."""
        if not self._active:
            return
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Đang hủy…"))
        self.cancelRequested.emit()
        on_cancel = self._on_cancel
        if on_cancel is not None:  # a run(): the wait is abandoned now, its late answer dropped
            self._token += 1
            self.finish()
            on_cancel()

    def _reveal(self) -> None:
        if self._active:
            self.show()

    # ---- a job on a runner ---------------------------------------------------------------

    def run(self, start: Start, fn: Callable[[], Any], *, text: str, on_done: Callable[[Any], None],
            on_error: Callable[[str], None], on_cancel: Callable[[], None] | None = None) -> bool:
        """``start(fn, on_done=…, on_error=…)`` (``OperationRunner.background``); False if busy or refused.

        Cancel abandons the wait: ``on_cancel()`` runs at once and ``fn``'s late result is ignored.
        """
        if self._active:
            return False
        self.begin(text)
        token = self._token
        self._on_cancel = on_cancel or (lambda: None)

        def done(value: Any) -> None:
            if token == self._token:
                self.finish()
                on_done(value)

        def failed(message: str) -> None:
            if token == self._token:
                self.finish()
                on_error(message)

        started = start(fn, on_done=done, on_error=failed)
        if started is False:  # a worker that runs one job at a time said no
            self.finish()
            return False
        return True
