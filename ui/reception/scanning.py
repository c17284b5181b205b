"""Scanning into a checklist line of the reception wizard, off the GUI thread.

The document scanner façade (``devices.docscanner``) scans on its own worker thread; the
wait for the result and the PDF of the line are built on the operation runner's pool. The
GUI only gets signals: progress (page, fraction), then the line's new page count and, when
the scan stopped early (no scanner, paper jam, cancelled), the Vietnamese message — pages
scanned before the error are kept. ``cancel()`` is safe at any time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PyQt6.QtCore import QCoreApplication, QObject, pyqtSignal

from counter_app.domain.errors import CounterError

from ..ops import OperationRunner
from ..labels import error_text


def default_scanner():
    """The platform's scanner (SANE / TWAIN), or the null backend: built off the GUI thread."""
    from devices.docscanner import DocumentScanner

    return DocumentScanner()


class LineScanner(QObject):
    """One scan at a time, into one checklist line."""

    started = pyqtSignal(int)  # position
    progressed = pyqtSignal(int, int, float)  # position, page index (0-based), fraction of that page
    finished = pyqtSignal(int, int, str)  # position, pages now on the line, error message or ""

    def __init__(self, runner: OperationRunner, *, scanner_factory: Callable[[], object] = default_scanner,
                 options=None, pages: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.scanner_factory = scanner_factory
        self.options = options  # devices.docscanner.ScanOptions; None = defaults (first device)
        self.pages = pages  # None: one flatbed page, or the whole feeder
        self.scanner = None
        self.position: int | None = None
        self._lock = threading.Lock()
        self._job = None
        self._cancelled = False
        app = QCoreApplication.instance()
        if app is not None:  # the scanner's worker thread and library session end with the app
            app.aboutToQuit.connect(self.close)

    @property
    def busy(self) -> bool:
        return self.position is not None

    def start(self, position: int, lines, *, title: str = "") -> bool:
        """Scan into line ``position`` of ``lines`` (a ``devices.docscanner.line_pages.LinePages``)."""
        if self.busy:
            return False
        self.position, self._cancelled, self._job = position, False, None
        self.started.emit(position)
        self.runner.background(lambda: self._scan(position, lines, title), on_done=self._done,
                               on_error=lambda message: self._done((position, lines.pages(position), message)))
        return True

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            job = self._job
        if job is not None:
            job.cancel()

    # ---- pool thread -----------------------------------------------------------------------

    def _scan(self, position: int, lines, title: str) -> tuple[int, int, str]:
        from devices.docscanner import ScanCancelled, ScanOptions

        if self.scanner is None:
            self.scanner = self.scanner_factory()
        with self._lock:
            if self._cancelled:
                return position, lines.pages(position), error_text(ScanCancelled(0))
            self._job = self.scanner.start_scan(
                options=self.options or ScanOptions(), pages=self.pages,
                on_progress=lambda index, fraction: self.progressed.emit(position, index, fraction))
        result = self._job.result()
        try:
            lines.add(position, result.pages, title=title)
        except CounterError as exc:
            return position, lines.pages(position), error_text(exc)
        return position, lines.pages(position), error_text(result.error) if result.error else ""

    # ---- GUI thread ------------------------------------------------------------------------

    def _done(self, outcome: tuple[int, int, str]) -> None:
        with self._lock:
            self._job = None
        self.position = None
        self.finished.emit(*outcome)

    def close(self) -> None:
        self.cancel()
        scanner, self.scanner = self.scanner, None
        closer = getattr(scanner, "close", None)
        if closer is not None:
            closer()
