"""Plain data of a scan: options in, pages out (no device objects cross the worker boundary)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum

from PIL import Image

from counter_app.domain.errors import CounterError

from .errors import ScanOptionError


class ColourMode(str, Enum):
    """Chế độ màu: màu / xám / đen trắng."""

    COLOUR = "color"
    GRAY = "gray"
    LINEART = "lineart"


class PageSize(str, Enum):
    """Paper sizes in millimetres; MAX = the whole scan bed."""

    A4 = "a4"
    A5 = "a5"
    LETTER = "letter"
    MAX = "max"

    @property
    def mm(self) -> tuple[float, float] | None:
        return {"a4": (210.0, 297.0), "a5": (148.0, 210.0), "letter": (215.9, 279.4)}.get(self.value)


class Source(str, Enum):
    FLATBED = "flatbed"
    ADF = "adf"  # khay nạp giấy tự động


@dataclass(frozen=True)
class ScanOptions:
    device: str | None = None  # None = first device found
    resolution: int = 200
    mode: ColourMode = ColourMode.GRAY
    page_size: PageSize = PageSize.A4
    source: Source = Source.FLATBED
    duplex: bool = False
    #: Backend-specific options by name (e.g. the SANE test backend's ``test_picture``).
    extra: tuple[tuple[str, object], ...] = ()

    def __post_init__(self) -> None:
        if not 50 <= self.resolution <= 1200:
            raise ScanOptionError(f"resolution {self.resolution} out of range",
                                  "Độ phân giải phải từ 50 đến 1200 dpi (khuyến nghị 200 dpi cho hồ sơ).")
        if self.duplex and self.source is not Source.ADF:
            raise ScanOptionError("duplex needs the document feeder",
                                  "Quét hai mặt chỉ dùng được với khay nạp giấy tự động (ADF).")


@dataclass
class ScannedPage:
    image: Image.Image
    resolution: int
    source: str = "scanner"  # scanner | hot-folder | file

    @property
    def size_mm(self) -> tuple[float, float]:
        w, h = self.image.size
        return (w * 25.4 / self.resolution, h * 25.4 / self.resolution)


@dataclass
class ScanResult:
    """What a scan produced. ``error`` is set when it stopped early; ``pages`` are kept anyway."""

    pages: list[ScannedPage] = field(default_factory=list)
    error: CounterError | None = None

    @property
    def cancelled(self) -> bool:
        from .errors import ScanCancelled

        return isinstance(self.error, ScanCancelled)

    def raise_if_failed(self) -> None:
        if self.error is not None and not self.cancelled:
            raise self.error


class CancelToken:
    """Set from any thread; the scanning worker checks it between and during pages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
