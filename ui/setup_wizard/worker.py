"""One background call at a time for the wizard (connecting, device tests): the GUI never
waits on a device or the network; the result comes back on the GUI thread by a queued signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QCoreApplication, QObject, pyqtSignal

from counter_app.domain.errors import CounterError
from ..labels import error_text


class Background(QObject):
    done = pyqtSignal(object, object)  # (callback, value)
    failed = pyqtSignal(object, str)  # (callback, message_vi)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.done.connect(self._deliver)
        self.failed.connect(self._deliver)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> bool:
        """Start ``fn`` on a thread unless one is running; False when busy."""
        if self.busy:
            return False
        self.busy = True

        def work() -> None:
            try:
                value = fn()
            except CounterError as exc:
                self.failed.emit(on_error, error_text(exc))
            except Exception:  # noqa: BLE001 — shown calmly, the type goes nowhere with personal data
                self.failed.emit(on_error, QCoreApplication.translate(
                    "SetupWizard", "Thao tác chưa thực hiện được do lỗi không mong đợi. Hãy thử lại."))
            else:
                self.done.emit(on_done, value)
        threading.Thread(target=work, name="setup-wizard", daemon=True).start()
        return True

    def _deliver(self, callback, value) -> None:
        self.busy = False
        callback(value)
