"""The document scanner façade (máy quét tài liệu): the rest of the app talks only to this.

One :class:`ScannerWorker` thread owns the scanner library (SANE and TWAIN are not
thread-safe); callers get a :class:`ScanJob` they can wait on or cancel from any thread.
``available()`` lets screens hide the Scan button when no backend is installed.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from .backend import DeviceInfo, PageCallback, ProgressCallback, ScannerBackend
from .errors import NoScannerError
from .options import CancelToken, ScanOptions, ScanResult

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
    """The one thread that talks to the scanner library."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scanner")
        self._thread_id: int | None = None

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        def run() -> T:
            self._thread_id = threading.get_ident()
            return fn()
        return self._pool.submit(run)

    def on_worker_thread(self) -> bool:
        return threading.get_ident() == self._thread_id

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


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

    def close(self) -> None:
        self._worker.shutdown()
        closer = getattr(self.backend, "close", None)  # e.g. the hot folder's watcher thread
        if closer is not None:
            closer()

    def __enter__(self) -> "DocumentScanner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
