"""TWAIN backend (Windows counters) through pytwain.

Written against pytwain 2.x (``SourceManager``, ``Source.set_capability``,
``request_acquire`` / ``xfer_image_natively``, ``dib_to_bm_file``); it imports on every
platform but only works on Windows with a TWAIN driver installed, so CI checks that it loads
and reports itself unavailable here. See docs/scanning.md for the manual test on a counter PC.
Every call must run on the scanner worker's thread; TWAIN also needs a window handle, which
the UI passes in as ``parent_window`` (a Win32 HWND as int).
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from PIL import Image

from counter_app.domain.errors import CounterError

from .backend import DeviceInfo, PageCallback, ProgressCallback
from .errors import CoverOpenError, NoScannerError, PaperJamError, ScanCancelled, ScanError, ScannerIOError
from .options import CancelToken, ColourMode, ScannedPage, ScanOptions, ScanResult, Source

log = logging.getLogger(__name__)

try:  # pytwain exists only on Windows (pyproject: sys_platform == 'win32')
    import twain  # type: ignore[import-not-found]
except Exception:  # noqa: BLE001 — ImportError, or OSError when twain_32.dll/TWAINDSM.dll is missing
    twain = None

_PIXEL = {ColourMode.COLOUR: "TWPT_RGB", ColourMode.GRAY: "TWPT_GRAY", ColourMode.LINEART: "TWPT_BW"}


def map_twain_error(exc: Exception, *, kept: int) -> ScanError:
    name = type(exc).__name__
    if name in ("DSTransferCancelled", "CancelAll"):
        return ScanCancelled(kept)
    if name in ("PaperJam", "PaperDoubleFeedError"):
        return PaperJamError()
    if name == "CheckDeviceOnlineError":
        return CoverOpenError() if "cover" in str(exc).lower() else NoScannerError()
    if name == "NoDataSourceError":
        return NoScannerError()
    return ScannerIOError(f"{name}: {exc}"[:120])


class TwainBackend:
    name = "twain"

    def __init__(self, *, parent_window: int | None = None) -> None:
        self.parent_window = parent_window

    def available(self) -> bool:
        return twain is not None and sys.platform == "win32"

    def _manager(self):
        if not self.available():
            raise NoScannerError()
        return twain.SourceManager(self.parent_window or 0)

    def devices(self) -> list[DeviceInfo]:
        if not self.available():
            return []
        with self._manager() as sm:
            return [DeviceInfo(name, "", name, "twain") for name in sm.source_list]

    def scan(self, options: ScanOptions, *, pages: int | None, cancel: CancelToken,
             on_page: PageCallback | None = None, on_progress: ProgressCallback | None = None) -> ScanResult:
        result = ScanResult()
        try:
            sm = self._manager()
        except CounterError as exc:
            return ScanResult(error=exc)
        try:
            src = sm.open_source(options.device) if options.device else None
            if src is None:
                return ScanResult(error=NoScannerError(options.device))
            try:
                self._configure(src, options)
                wanted = pages if pages is not None else (10_000 if options.source is Source.ADF else 1)
                remaining = 1
                while remaining and len(result.pages) < wanted:
                    if cancel.cancelled:
                        result.error = ScanCancelled(len(result.pages))
                        break
                    if not result.pages or options.source is Source.FLATBED:
                        src.request_acquire(show_ui=False, modal_ui=False)
                    handle, remaining = src.xfer_image_natively()
                    page = ScannedPage(_dib_to_image(handle), options.resolution)
                    result.pages.append(page)
                    if on_page is not None:
                        on_page(page, len(result.pages) - 1)
                    if options.source is Source.FLATBED:
                        remaining = 1
            except Exception as exc:  # noqa: BLE001 — pytwain raises its own hierarchy
                result.error = map_twain_error(exc, kept=len(result.pages))
            finally:
                src.close()
        finally:
            sm.close()
        return result

    def _configure(self, src, options: ScanOptions) -> None:
        t = twain
        src.set_capability(t.ICAP_PIXELTYPE, t.TWTY_UINT16, getattr(t, _PIXEL[options.mode]))
        src.set_capability(t.ICAP_XRESOLUTION, t.TWTY_FIX32, float(options.resolution))
        src.set_capability(t.ICAP_YRESOLUTION, t.TWTY_FIX32, float(options.resolution))
        if options.source is Source.ADF:
            src.set_capability(t.CAP_FEEDERENABLED, t.TWTY_BOOL, True)
            src.set_capability(t.CAP_AUTOFEED, t.TWTY_BOOL, True)
            if options.duplex:
                src.set_capability(t.CAP_DUPLEXENABLED, t.TWTY_BOOL, True)
        size = options.page_size.mm
        if size:
            src.set_capability(t.ICAP_UNITS, t.TWTY_UINT16, t.TWUN_INCHES)
            try:
                src.set_image_layout((0.0, 0.0, size[0] / 25.4, size[1] / 25.4))
            except Exception:  # noqa: BLE001 — CheckStatus: the source clipped the frame
                log.info("TWAIN source adjusted the page frame")


def _dib_to_image(handle) -> Image.Image:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.bmp"
        try:
            twain.dib_to_bm_file(handle, str(path))
        finally:
            twain.global_handle_free(handle)
        with Image.open(path) as im:
            return im.copy()
