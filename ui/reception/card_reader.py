"""The chip ID card reader in the GUI: a Qt implementation of the reader's handler interface.

``devices.idcard.facade.IdCardReader`` runs every PC/SC call on its own worker thread and
talks to the officer through an ``IdCardHandler``. :class:`QtCardHandler` turns the
handler's calls into Qt signals (delivered on the GUI thread) and answers the access-key
question from the CAN the wizard already knows — the last 6 digits of the ID number
(scanned from the QR or typed), so the officer never types it twice. Reads go through the
operation runner's pool, so the GUI never waits on the card.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PyQt6.QtCore import QObject, pyqtSignal

from devices.idcard.errors import IdCardError
from devices.idcard.handler import IdCardHandler
from devices.idcard.keys import from_can

from ..ops import OperationRunner


class QtCardHandler(QObject, IdCardHandler):
    """Called on the reader's worker thread; every event becomes a queued signal."""

    cardInserted = pyqtSignal(str)
    cardRemoved = pyqtSignal(str)
    readersChanged = pyqtSignal(list)
    serviceLost = pyqtSignal()
    progressed = pyqtSignal(str, int, int)
    keyNeeded = pyqtSignal(bool)  # retry

    def __init__(self, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        self._lock = threading.Lock()
        self._can: str | None = None
        self._cancelled = threading.Event()

    def set_can(self, can: str | None) -> None:
        with self._lock:
            self._can = can
        self._cancelled.clear()

    def cancel(self) -> None:
        """Stop the running read at its next step (between two APDU exchanges); thread-safe."""
        self._cancelled.set()

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise IdCardError("read cancelled by the officer", "Đã hủy đọc thẻ. Đặt lại thẻ hoặc nhập tay để tiếp tục.",
                              code="idcard_cancelled")

    def readers_changed(self, readers: list[str]) -> None:
        self.readersChanged.emit(list(readers))

    def card_inserted(self, reader: str) -> None:
        self.cardInserted.emit(reader)

    def card_removed(self, reader: str) -> None:
        self.cardRemoved.emit(reader)

    def service_lost(self) -> None:
        self.serviceLost.emit()

    def progress(self, step: str, done: int, total: int) -> None:
        self._check_cancelled()  # the reader calls this between blocks: the card is released at once
        self.progressed.emit(step, done, total)

    def ask_access_key(self, *, reader: str, retry: bool):
        self._check_cancelled()
        with self._lock:
            can = self._can
        if retry or not can:
            self.keyNeeded.emit(retry)
            return None  # cancels this read; the wizard asks for the number and reads again
        return from_can(can)


class CardReaderBridge(QObject):
    """Owns the reader façade; :meth:`read` with a CAN → :attr:`identityRead` or :attr:`failed`."""

    identityRead = pyqtSignal(object)  # devices.idcard.identity.CitizenIdentity
    failed = pyqtSignal(str)
    cardPresent = pyqtSignal(bool)

    def __init__(self, runner: OperationRunner, reader_factory: Callable[[QtCardHandler], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.handler = QtCardHandler(self)
        self.reader = reader_factory(self.handler)
        self.present = False
        self.reading = False
        self.handler.cardInserted.connect(lambda _r: self._set_present(True))
        self.handler.cardRemoved.connect(lambda _r: self._set_present(False))

    def _set_present(self, present: bool) -> None:
        self.present = present
        self.cardPresent.emit(present)

    def read(self, *, can: str) -> bool:
        """Start a chip read with ``can`` (6 digits) unless one is running; ``False`` if not started."""
        if self.reading:
            return False
        self.reading = True
        self.handler.set_can(can)
        self.runner.background(self.reader.read, on_done=self._done, on_error=self._failed)
        return True

    def cancel(self) -> bool:
        """Cancel the running read (→ :attr:`failed` with “Đã hủy đọc thẻ…”); ``False`` if none runs."""
        if not self.reading:
            return False
        self.handler.cancel()
        return True

    def _done(self, identity: object) -> None:
        self.reading = False
        self.handler.set_can(None)
        self.identityRead.emit(identity)

    def _failed(self, message: str) -> None:
        self.reading = False
        self.handler.set_can(None)
        self.failed.emit(message)

    def available(self) -> bool:
        return bool(self.reader.available())

    def close(self) -> None:
        self.reader.close()
