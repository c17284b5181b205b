"""The document scanner façade (máy quét tài liệu): the rest of the app talks only to this.

One :class:`ScannerWorker` thread owns the scanner library (SANE and TWAIN are not
thread-safe); callers get a :class:`ScanJob` they can wait on or cancel from any thread.
``available()`` lets screens hide the Scan button when no backend is installed.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from .backend import DeviceInfo, PageCallback, ProgressCallback, ScannerBackend
from .errors import NoScannerError
from .options import CancelToken, ScanOptions, ScanResult

log = logging.getLogger(__name__)

T = TypeVar("T")


class NullBackend:
    """Used where no scanner library is installed: nothing special-cases its absence."""

    name = "none"

    def available(self) -> bool:
        return False

    def devices(self) -> list[DeviceInfo]:
        return []

    def scan(self, options, *, pages, cancel, on_page=None, on_progress=None) -> ScanResult:
        return ScanResult(error=NoScannerError(options.device))


def default_backend() -> ScannerBackend:
    if sys.platform == "win32":
        from .twain_backend import TwainBackend

        backend: ScannerBackend = TwainBackend()
    else:
        from .sane_backend import SaneBackend

        backend = SaneBackend()
    return backend if backend.available() else NullBackend()


class ScannerWorker:
    """The one thread that talks to the scanner library.

    A daemon thread with its own queue (not a ``ThreadPoolExecutor``, whose threads the
    interpreter joins at exit): a driver stuck inside a C call — a scanner unplugged mid-page —
    must not keep the application from closing. :meth:`shutdown` waits a bounded time.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future, Callable[[], object]] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="scanner", daemon=True)
        self._closed = False
        self._thread.start()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 — handed to the caller through the future
                future.set_exception(exc)

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        if self._closed:
            raise RuntimeError("scanner worker is shut down")
        future: Future[T] = Future()
        self._jobs.put((future, fn))
        return future

    def on_worker_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Stop after the running job; False (and a warning) if the driver did not return in time."""
        self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("the scanner driver did not return within %.0f s; leaving its thread behind", timeout)
            return False
        return True


class ScanJob:
    """A scan running on the worker. ``cancel()`` stops it; pages already scanned are kept."""

    def __init__(self, future: Future[ScanResult], token: CancelToken) -> None:
        self._future = future
        self._token = token

    def cancel(self) -> None:
        self._token.cancel()

    def done(self) -> bool:
        return self._future.done()

    def result(self, timeout: float | None = None) -> ScanResult:
        return self._future.result(timeout)


class DocumentScanner:
    def __init__(self, backend: ScannerBackend | None = None) -> None:
        self.backend = backend or default_backend()
        self._worker = ScannerWorker()

    def available(self) -> bool:
        return self.backend.available()

    def devices(self, *, timeout: float = 30) -> list[DeviceInfo]:
        return self._worker.submit(self.backend.devices).result(timeout)

    def start_scan(self, *, options: ScanOptions, pages: int | None = None,
                   on_page: PageCallback | None = None, on_progress: ProgressCallback | None = None) -> ScanJob:
        """Start a scan on the worker thread. Callbacks run on that thread: hop back to the UI yourself."""
        token = CancelToken()
        future = self._worker.submit(lambda: self.backend.scan(
            options, pages=pages, cancel=token, on_page=on_page, on_progress=on_progress))
        return ScanJob(future, token)

    def scan(self, *, options: ScanOptions, pages: int | None = None, timeout: float | None = 600) -> ScanResult:
        """Blocking convenience for scripts: scan and return the result (errors inside it)."""
        return self.start_scan(options=options, pages=pages).result(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Cancel nothing by itself (cancel the job first), wait at most ``timeout`` for the driver."""
        self._worker.shutdown(timeout)
        closer = getattr(self.backend, "close", None)  # e.g. the hot folder's watcher thread
        if closer is not None:
            closer()

    def __enter__(self) -> "DocumentScanner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
