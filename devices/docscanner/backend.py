"""The interface every scanner backend implements (SANE, TWAIN, hot folder…).

Backends are driven only from the scanner worker's thread (device libraries are not
thread-safe); they return plain data (:class:`ScanResult`), never device objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .options import CancelToken, ScannedPage, ScanOptions, ScanResult

#: ``on_page(page, index)`` after each page; ``on_progress(index, fraction)`` while a page is read.
PageCallback = Callable[[ScannedPage, int], None]
ProgressCallback = Callable[[int, float], None]


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # what ScanOptions.device takes, e.g. "test:0" or "epson2:net:10.0.0.5"
    vendor: str
    model: str
    kind: str
    has_adf: bool | None = None  # None = unknown until the device is opened
    has_duplex: bool | None = None

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model} ({self.name})".strip()


class ScannerBackend(Protocol):
    name: str

    def available(self) -> bool:
        """True when the backend's library/driver is installed (not whether a device is plugged in)."""

    def devices(self) -> list[DeviceInfo]:
        ...

    def scan(self, options: ScanOptions, *, pages: int | None, cancel: CancelToken,
             on_page: PageCallback | None = None, on_progress: ProgressCallback | None = None) -> ScanResult:
        """Scan up to ``pages`` pages (None: one from the flatbed, or until the feeder is empty)."""
