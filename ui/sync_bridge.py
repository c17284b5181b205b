"""The background sync, seen from the GUI thread (cầu nối đồng bộ ↔ giao diện).

The workspace's :class:`~counter_app.sync.worker.SyncWorker` runs its rounds on its own
thread; its listeners are called there. :class:`SyncBridge` turns them into Qt signals, which
Qt queues to the GUI thread (the bridge lives there): ``statusChanged(SyncStatus)`` for the
status bar, ``pulled(Changes)`` when a pull moved local dossiers (another counter's change, a
department's result), the catalog or the calendar. The worker writes through ``Store.write``
like the window's writer thread: each write is one short SQLite transaction in WAL mode
(readers never wait; two writers queue on SQLite's lock, ``busy_timeout`` 5 s), and no
network call happens inside one.
"""

from __future__ import annotations

from PyQt6.QtCore import QObject, pyqtSignal

from counter_app.sync.background import round_changes


class SyncBridge(QObject):
    """Starts, wakes and stops the workspace's sync worker; re-emits what it says as signals."""

    statusChanged = pyqtSignal(object)  # counter_app.sync.state.SyncStatus
    pulled = pyqtSignal(object)  # counter_app.services.operations.Changes

    def __init__(self, workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._worker = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self) -> bool:
        """Start syncing if a city server is configured (else False: nothing to sync with)."""
        if self._worker is not None:
            return True
        worker = self.workspace.start_sync()
        if worker is None:
            return False
        worker.subscribe(self._on_status)
        worker.subscribe_rounds(self._on_round)
        self._worker = worker
        self.statusChanged.emit(worker.status)
        return True

    def sync_now(self) -> bool:
        """“Đồng bộ ngay”: a round as soon as possible (starting the worker if the server was configured
        since the window opened). False when no server is configured."""
        if not self.start():
            return False
        self._worker.sync_now()
        return True

    def stop(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.unsubscribe(self._on_status)
            worker.unsubscribe(self._on_round)
        self.workspace.stop_sync()

    # ---- worker thread: only emit (Qt queues the call to the GUI thread) -----------------

    def _on_status(self, status) -> None:
        self.statusChanged.emit(status)

    def _on_round(self, summary) -> None:
        changes = round_changes(summary)
        if changes is not None:
            self.pulled.emit(changes)
