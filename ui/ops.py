"""Operations off the GUI thread (the Anki ``CollectionOp`` pattern).

* :class:`OperationRunner` owns **one writer thread** for the store: every write
  (``store.write(fn)``) runs there, in order, so the GUI never waits on SQLite and two
  writes never interleave. The result comes back on the GUI thread through a queued
  signal and is handed to the caller's ``on_done``; a :class:`CounterError` goes to
  ``on_error`` with its Vietnamese message. When the value is an ``OpResult``, its
  ``Changes`` are also broadcast (:attr:`OperationRunner.changed`) so every screen can
  decide whether to redraw.
* :meth:`OperationRunner.background` runs anything else (a device read, a print job)
  on a shared thread pool, with the same callbacks.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, pyqtSignal, pyqtSlot

from counter_app.domain.errors import CounterError
from counter_app.services.operations import Changes, OpResult
from counter_app.storage.db import Store
from .labels import error_text

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[str], None]


def _message(exc: BaseException) -> str:
    if isinstance(exc, CounterError):
        return error_text(exc)
    # Unexpected: the type only goes to the log (a message could quote personal data).
    log.error("operation failed unexpectedly: %s", type(exc).__name__, exc_info=exc)
    return QCoreApplication.translate("Operations", "Thao tác chưa thực hiện được do lỗi không mong đợi. "
                                                    "Dữ liệu chưa bị thay đổi; hãy thử lại, và báo bộ phận hỗ "
                                                    "trợ nếu lỗi lặp lại.")


class _Writer(QObject):
    """Lives on the writer thread; runs one store transaction per job."""

    finished = pyqtSignal(int, object)
    failed = pyqtSignal(int, object)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    @pyqtSlot(int, object)
    def execute(self, job: int, fn: Callable) -> None:
        try:
            value = self.store.write(fn)
        except BaseException as exc:  # noqa: BLE001 — reported to the GUI, never lost
            self.failed.emit(job, exc)
        else:
            self.finished.emit(job, value)


class _TaskSignals(QObject):
    finished = pyqtSignal(int, object)
    failed = pyqtSignal(int, object)


class _Task(QRunnable):
    def __init__(self, job: int, fn: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.job, self.fn, self.signals = job, fn, signals

    def run(self) -> None:
        try:
            value = self.fn()
        except BaseException as exc:  # noqa: BLE001
            self.signals.failed.emit(self.job, exc)
        else:
            self.signals.finished.emit(self.job, value)


class OperationRunner(QObject):
    """Runs store writes on one writer thread and other work on a pool; answers on the GUI thread."""

    changed = pyqtSignal(object)  # Changes of a finished write
    busyChanged = pyqtSignal(bool)
    _submit = pyqtSignal(int, object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Done | None, Failed | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("store-writer")
        self._writer = _Writer(store)
        self._writer.moveToThread(self._thread)
        self._submit.connect(self._writer.execute)
        self._writer.finished.connect(self._on_finished)
        self._writer.failed.connect(self._on_failed)
        self._signals = _TaskSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def write(self, fn: Callable, *, on_done: Done | None = None, on_error: Failed | None = None) -> int:
        """Queue ``store.write(fn)`` on the writer thread; returns a job id."""
        job = self._register(on_done, on_error)
        self._submit.emit(job, fn)
        return job

    def background(self, fn: Callable[[], Any], *, on_done: Done | None = None,
                   on_error: Failed | None = None) -> int:
        """Run ``fn()`` on the pool (device reads, printing); callbacks on the GUI thread."""
        job = self._register(on_done, on_error)
        self._pool.start(_Task(job, fn, self._signals))
        return job

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every job has answered (tests, shutdown)."""
        from PyQt6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(1)
        return not self._pending

    def shutdown(self) -> None:
        """Let queued jobs finish, then stop the writer thread and the pool."""
        self.wait_idle()
        self._pool.waitForDone(10_000)
        self._thread.quit()
        self._thread.wait(10_000)

    # ---- GUI thread -----------------------------------------------------------------

    def _register(self, on_done: Done | None, on_error: Failed | None) -> int:
        job = next(self._ids)
        was_busy = self.busy
        self._pending[job] = (on_done, on_error)
        if not was_busy:
            self.busyChanged.emit(True)
        return job

    def _take(self, job: int) -> tuple[Done | None, Failed | None]:
        callbacks = self._pending.pop(job, (None, None))
        if not self._pending:
            self.busyChanged.emit(False)
        return callbacks

    @pyqtSlot(int, object)
    def _on_finished(self, job: int, value: object) -> None:
        on_done, _ = self._take(job)
        if isinstance(value, OpResult) and isinstance(value.changes, Changes):
            self.changed.emit(value.changes)
        if on_done is not None:
            on_done(value)

    @pyqtSlot(int, object)
    def _on_failed(self, job: int, exc: object) -> None:
        _, on_error = self._take(job)
        message = _message(exc)  # type: ignore[arg-type]
        if on_error is not None:
            on_error(message)
        else:
            log.warning("operation %d failed with no handler", job)
