"""The ID-card device worker: one thread owns every PC/SC call (pyscard is not thread-safe).

Between jobs it polls readers and card presence, tells the handler about insert/remove and
reader changes, and re-establishes the PC/SC context when the service comes back.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from .handler import IdCardHandler

log = logging.getLogger(__name__)


def on_worker(fn):
    """Guard: the decorated method runs only on the worker thread."""
    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        if threading.current_thread() is not self._worker._thread:  # not an assert: must survive python -O
            raise RuntimeError(f"{fn.__name__} called off the ID-card worker thread")
        return fn(self, *args, **kwargs)
    return wrapper


class DeviceWorker:
    def __init__(self, handler: IdCardHandler, *, poll_interval: float = 0.3,
                 context_factory: Callable[[], Any] | None = None) -> None:
        self.handler = handler
        self.context_factory = context_factory  # e.g. devices.idcard.simulated: a reader without PC/SC
        self.poll_interval = poll_interval
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="idcard-worker", daemon=True)
        self._stop = threading.Event()
        self.ctx = None  # PcscContext, created on the thread
        self.readers: list[str] = []
        self.present: dict[str, bool] = {}
        self.service_ok = False
        self.import_error: str | None = None

    def start(self) -> None:
        if not self._thread.is_alive():
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._jobs.put(None)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def submit(self, fn: Callable[..., Any], *args, **kwargs) -> Future:
        fut: Future = Future()
        if self._stop.is_set():
            fut.set_exception(RuntimeError("ID-card worker stopped"))
            return fut
        self._jobs.put((fut, fn, args, kwargs))
        return fut

    def _run(self) -> None:
        try:
            from .pcsc import PcscContext
        except ImportError as exc:  # pyscard or libpcsclite missing: the façade reports unavailable
            self.import_error = str(exc)
            PcscContext = None  # noqa: N806
        if self.context_factory is not None:
            self.ctx = self.context_factory()
        else:
            self.ctx = PcscContext() if PcscContext else None
        while not self._stop.is_set():
            try:
                job = self._jobs.get(timeout=self.poll_interval)
            except queue.Empty:
                self._poll()
                continue
            if job is None:
                break
            fut, fn, args, kwargs = job
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # handed to the caller through the future
                fut.set_exception(exc)
            self._poll()
        if self.ctx is not None:
            self.ctx.release()

    def _poll(self) -> None:
        if self.ctx is None:
            return
        from .pcsc import ServiceLost

        try:
            readers = self.ctx.list_readers()
            present = self.ctx.presence(readers)
            if not self.service_ok:
                log.info("PC/SC service available")
            self.service_ok = True
        except ServiceLost:
            if self.service_ok:
                log.warning("PC/SC service lost; will re-establish the context")
                self.handler.service_lost()
            self.service_ok = False
            readers, present = [], {}
        if readers != self.readers:
            self.readers = readers
            self.handler.readers_changed(list(readers))
        for name, is_in in present.items():
            if is_in and not self.present.get(name):
                self.handler.card_inserted(name)
            elif not is_in and self.present.get(name):
                self.handler.card_removed(name)
        for name in set(self.present) - set(present):
            if self.present[name]:
                self.handler.card_removed(name)
        self.present = present
