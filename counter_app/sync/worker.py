"""The background sync worker (tiến trình đồng bộ chạy nền): one dedicated thread, rounds on a
timer, exponential backoff with full jitter while the server is unreachable, and a
:class:`SyncStatus` pushed to listeners (the UI adapts it to a Qt signal; no Qt here).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from ..storage.db import Store
from .engine import RoundSummary, SyncOptions, client_for, sync_once
from .state import SyncStatus, load_status

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    """Delay before retry ``n`` (1-based): uniform in [0, min(cap, base·2^(n-1))] (full jitter)."""

    base: float = 2.0
    cap: float = 300.0

    def delay(self, failures: int, rng: random.Random) -> float:
        if failures <= 0:
            return 0.0
        return rng.uniform(0, min(self.cap, self.base * 2 ** (failures - 1)))


class SyncWorker:
    def __init__(self, store: Store, *, interval: float = 60.0, backoff: Backoff = Backoff(),
                 options: SyncOptions = SyncOptions(), client_factory: Callable | None = None,
                 attachments=None, rng: random.Random | None = None) -> None:
        self.store, self.interval, self.backoff, self.options = store, interval, backoff, options
        self._client_factory = client_factory or (lambda: client_for(store, options=options))
        self.attachments = attachments
        self.rng = rng or random.Random()
        self.failures = 0
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._round_listeners: list[Callable[[RoundSummary], None]] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        with store.read() as s:
            self._status = load_status(s)

    @property
    def status(self) -> SyncStatus:
        return self._status

    def subscribe(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)

    def subscribe_rounds(self, listener: Callable[[RoundSummary], None]) -> None:
        """``listener(summary)`` after every round, on the worker thread (e.g. what the pull changed)."""
        self._round_listeners.append(listener)

    def unsubscribe(self, listener: Callable) -> None:
        """Stop calling ``listener`` (status or round listener); unknown listeners are ignored."""
        for listeners in (self._listeners, self._round_listeners):
            if listener in listeners:
                listeners.remove(listener)

    def _publish(self, status: SyncStatus) -> None:
        self._status = status
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:  # a broken listener must not stop syncing
                log.exception("sync status listener failed")

    def run_round(self) -> RoundSummary:
        """One round on the calling thread (the worker thread, or a test)."""
        self._publish(self._status.with_(running=True))
        try:
            client = self._client_factory()
        except Exception as exc:
            summary = RoundSummary(error_vi=getattr(exc, "message_vi", str(exc)))
        else:
            with client:
                summary = sync_once(self.store, client, options=self.options, attachments=self.attachments)
        self.failures = 0 if summary.ok else self.failures + 1
        with self.store.read() as s:
            status = load_status(s)
        for listener in list(self._round_listeners):
            try:
                listener(summary)
            except Exception:  # a broken listener must not stop syncing
                log.exception("sync round listener failed")
        self._publish(status.with_(running=False, online=summary.ok))
        return summary

    def next_delay(self) -> float:
        return self.interval if self.failures == 0 else self.backoff.delay(self.failures, self.rng)

    def sync_now(self) -> None:
        """Ask for a round as soon as possible (the officer's “Đồng bộ ngay”)."""
        self._wake.set()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="sync-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_round()
            except Exception:  # keep the thread alive whatever happens; the state says what failed
                log.exception("sync round crashed")
                self.failures += 1
            self._wake.wait(self.next_delay())
            self._wake.clear()
