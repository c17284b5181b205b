"""SANE backend (Linux) through python-sane.

Every call runs on the scanner worker's thread. Option names and values differ between
drivers ("Color"/"Colour", "Lineart"/"Binary", "ADF"/"Automatic Document Feeder"), so
they are matched loosely; what the device really did (resolution, size) is read back
from the image.
"""

from __future__ import annotations

import logging
import threading

from PIL import Image

from counter_app.domain.errors import CounterError

from .backend import DeviceInfo, PageCallback, ProgressCallback
from .errors import (CoverOpenError, FeederEmptyError, NoScannerError, PaperJamError, ScanCancelled,
                     ScanError, ScannerBusyError, ScannerIOError, ScanOptionError)
from .options import CancelToken, ColourMode, ScannedPage, ScanOptions, ScanResult, Source

log = logging.getLogger(__name__)
_lock = threading.Lock()  # python-sane keeps global state: one caller at a time
_initialised = False

_MODE_WORDS = {
    ColourMode.COLOUR: ("color", "colour", "24bit color"),
    ColourMode.GRAY: ("gray", "grey", "true gray", "grayscale", "8bit gray"),
    ColourMode.LINEART: ("lineart", "binary", "black & white", "bw", "monochrome"),
}
_ERRORS = {
    "document feeder jammed": PaperJamError,
    "scanner cover is open": CoverOpenError,
    "document feeder out of documents": FeederEmptyError,
    "device busy": ScannerBusyError,
}


def _sane():
    global _initialised
    import sane  # imported here: the module must load on machines without libsane

    if not _initialised:
        sane.init()
        _initialised = True
    return sane


def map_error(exc: Exception, *, kept: int = 0) -> ScanError:
    """Turn a python-sane error (status text) into one of ours."""
    text = str(exc).strip().lower()
    if "cancel" in text:
        return ScanCancelled(kept)
    for key, cls in _ERRORS.items():
        if key in text:
            return cls()
    return ScannerIOError(str(exc)[:120])


class SaneBackend:
    name = "sane"

    def available(self) -> bool:
        try:
            import sane  # noqa: F401
        except ImportError:
            return False
        return True

    def devices(self) -> list[DeviceInfo]:
        with _lock:
            found = _sane().get_devices()
        return [DeviceInfo(name, vendor, model, kind) for name, vendor, model, kind in found]

    def scan(self, options: ScanOptions, *, pages: int | None, cancel: CancelToken,
             on_page: PageCallback | None = None, on_progress: ProgressCallback | None = None) -> ScanResult:
        with _lock:
            try:
                dev = self._open(options.device)
            except CounterError as exc:
                return ScanResult(error=exc)
            try:
                resolution = configure(dev, options)
                return self._loop(dev, options, resolution, pages, cancel, on_page, on_progress)
            except CounterError as exc:
                return ScanResult(error=exc)
            finally:
                try:
                    dev.close()
                except Exception:  # noqa: BLE001 — closing a dead device must not hide the result
                    log.debug("closing the scanner failed", exc_info=True)

    def _open(self, device: str | None):
        sane = _sane()
        name = device
        if name is None:
            found = sane.get_devices()
            if not found:
                raise NoScannerError()
            name = found[0][0]
        try:
            return sane.open(name)
        except Exception as exc:  # _sane.error / RuntimeError: no such device
            log.info("cannot open scanner %s: %s", name, exc)
            raise NoScannerError(name) from None

    def _loop(self, dev, options: ScanOptions, resolution: int, pages: int | None, cancel: CancelToken,
              on_page: PageCallback | None, on_progress: ProgressCallback | None) -> ScanResult:
        adf = options.source is Source.ADF
        wanted = pages if pages is not None else (10_000 if adf else 1)
        result = ScanResult()
        for index in range(wanted):
            if cancel.cancelled:
                result.error = ScanCancelled(len(result.pages))
                break

            def progress(done: int, total: int, index: int = index) -> None:
                if on_progress is not None and total > 0:
                    on_progress(index, min(1.0, done / total))
                if cancel.cancelled:
                    dev.cancel()  # sane_read then returns CANCELLED; this page is dropped

            try:
                dev.start()
                image = dev.snap(no_cancel=adf, progress=progress)
            except Exception as exc:  # noqa: BLE001 — _sane.error has no importable class on all builds
                error = map_error(exc, kept=len(result.pages))
                if adf and isinstance(error, FeederEmptyError) and result.pages:
                    break  # the feeder ran out: the normal end of a feeder scan
                result.error = error
                break
            page = ScannedPage(_finish(image, options.mode), resolution)
            result.pages.append(page)
            if on_page is not None:
                on_page(page, index)
        if adf:
            try:
                dev.cancel()
            except Exception:  # noqa: BLE001
                pass
        return result


def _finish(image: Image.Image, mode: ColourMode) -> Image.Image:
    if mode is ColourMode.LINEART and image.mode != "1":
        return image.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    if mode is ColourMode.GRAY and image.mode != "L":
        return image.convert("L")
    return image


def _choose(values: list, words: tuple[str, ...]) -> str | None:
    for v in values:
        if isinstance(v, str) and v.strip().lower() in words:
            return v
    return None


def configure(dev, options: ScanOptions) -> int:
    """Apply ``options`` to an open SANE device; return the resolution really set."""
    opts = dev.opt
    if "mode" in opts and isinstance(opts["mode"].constraint, list):
        modes = opts["mode"].constraint
        chosen = _choose(modes, _MODE_WORDS[options.mode])
        if chosen is None and options.mode is ColourMode.LINEART:
            chosen = _choose(modes, _MODE_WORDS[ColourMode.GRAY])  # thresholded in software
        if chosen is None:
            raise ScanOptionError(f"mode {options.mode.value} not offered",
                                  "Máy quét này không hỗ trợ chế độ màu đã chọn. Chọn chế độ khác trong Cài đặt.")
        dev.mode = chosen
        depth = opts.get("depth")
        if depth is not None and depth.is_active() and 8 in (depth.constraint or []):
            dev.depth = 8
    resolution = options.resolution
    if "resolution" in opts:
        constraint = opts["resolution"].constraint
        if isinstance(constraint, list) and constraint:
            resolution = int(min(constraint, key=lambda v: abs(v - options.resolution)))
        elif isinstance(constraint, tuple):
            resolution = int(max(constraint[0], min(constraint[1], options.resolution)))
        dev.resolution = resolution
    _set_source(dev, options)
    size = options.page_size.mm
    for key in ("tl_x", "tl_y"):
        if key in opts and opts[key].is_active():
            setattr(dev, key, 0.0)
    for index, key in enumerate(("br_x", "br_y")):
        if key in opts and opts[key].is_active():
            top = opts[key].constraint[1] if isinstance(opts[key].constraint, tuple) else None
            want = size[index] if size else top
            if want is not None:
                setattr(dev, key, float(min(want, top) if top is not None else want))
    for name, value in options.extra:
        setattr(dev, name, value)
    return resolution


def _set_source(dev, options: ScanOptions) -> None:
    opts = dev.opt
    sources = opts["source"].constraint if "source" in opts else []
    sources = sources if isinstance(sources, list) else []
    if options.source is Source.FLATBED:
        flat = [s for s in sources if "flatbed" in s.lower()]
        if flat:
            dev.source = flat[0]
        return
    feeders = [s for s in sources if any(w in s.lower() for w in ("adf", "feeder", "automatic"))]
    if options.duplex:
        duplex = [s for s in feeders if "duplex" in s.lower()]
        if duplex:
            dev.source = duplex[0]
            return
        if "duplex" in opts and opts["duplex"].is_settable():
            dev.source = feeders[0] if feeders else dev.source
            dev.duplex = True
            return
        raise ScanOptionError("device has no duplex", "Máy quét này không quét được hai mặt.")
    if not feeders:
        raise ScanOptionError("device has no document feeder",
                              "Máy quét này không có khay nạp giấy tự động (ADF). Chọn quét mặt kính.")
    simplex = [s for s in feeders if "duplex" not in s.lower()]
    dev.source = (simplex or feeders)[0]


def device_capabilities(dev) -> tuple[bool, bool]:
    """(has ADF, has duplex) of an open device."""
    opts = dev.opt
    sources = opts["source"].constraint if "source" in opts else []
    sources = [s.lower() for s in sources] if isinstance(sources, list) else []
    adf = any(w in s for s in sources for w in ("adf", "feeder", "automatic"))
    duplex = any("duplex" in s for s in sources) or "duplex" in opts
    return adf, duplex


def reset() -> None:
    """End the SANE session (``sane_exit``); the next call starts a fresh one.

    Backends keep option values between ``open`` calls within one session (the ``test``
    backend even its feeder counter); tests use this to start clean.
    """
    global _initialised
    with _lock:
        if _initialised:
            import sane

            sane.exit()
            _initialised = False
