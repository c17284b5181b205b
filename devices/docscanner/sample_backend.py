"""A scanner without hardware (máy quét mô phỏng): pages drawn here, for the demo profile.

It behaves like a slow flatbed with a small document feeder: each page is "read" in bands
(progress callbacks, cancel honoured mid-page), at the resolution, colour mode and paper
size asked. Pages show their number and say they are demo scans. Where a real SANE/TWAIN
device exists the demo uses that instead (``ui/demo_devices.py``).
"""

from __future__ import annotations

import time

from PIL import Image, ImageDraw, ImageFont

from .backend import DeviceInfo, PageCallback, ProgressCallback
from .errors import FeederEmptyError, NoScannerError, ScanCancelled
from .options import CancelToken, ColourMode, PageSize, ScannedPage, ScanOptions, ScanResult, Source

DEVICE = "sample:0"
_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
_BANDS = 10


def _font(size: int):
    try:
        return ImageFont.truetype(_FONT, size)
    except OSError:  # no DejaVu (Windows): Pillow's own font, ASCII only — still a readable page
        return ImageFont.load_default()


def draw_page(number: int, *, resolution: int, page_size: PageSize = PageSize.A4,
              mode: ColourMode = ColourMode.GRAY) -> Image.Image:
    """A demo page: a title, the page number, ruled lines like a filled-in form."""
    w_mm, h_mm = page_size.mm or PageSize.A4.mm
    w, h = round(w_mm / 25.4 * resolution), round(h_mm / 25.4 * resolution)
    im = Image.new("RGB", (w, h), (250, 250, 247))
    draw = ImageDraw.Draw(im)
    unit = resolution / 25.4  # pixels per mm
    draw.text((20 * unit, 20 * unit), "BẢN QUÉT MÔ PHỎNG — DEMO", fill=(20, 20, 20), font=_font(int(6 * unit)))
    draw.text((20 * unit, 32 * unit), f"Trang {number}", fill=(150, 20, 20), font=_font(int(10 * unit)))
    y = 55 * unit
    while y < h - 25 * unit:
        draw.line((20 * unit, y, w - 20 * unit, y), fill=(120, 120, 120), width=max(1, int(unit / 4)))
        y += 9 * unit
    draw.rectangle((w - 60 * unit, 20 * unit, w - 20 * unit, 50 * unit), outline=(180, 30, 30),
                   width=max(1, int(unit / 2)))
    if mode is ColourMode.GRAY:
        return im.convert("L")
    if mode is ColourMode.LINEART:
        return im.convert("L").point(lambda v: 255 if v >= 160 else 0).convert("1")
    return im


class SampleBackend:
    """``available()`` always; one device, ``sample:0``, with a feeder of ``feeder_sheets`` sheets."""

    name = "sample"

    def __init__(self, *, page_seconds: float = 0.6, feeder_sheets: int = 3) -> None:
        self.page_seconds = page_seconds
        self.feeder_sheets = feeder_sheets
        self.scanned = 0

    def available(self) -> bool:
        return True

    def devices(self) -> list[DeviceInfo]:
        return [DeviceInfo(DEVICE, "Quầy Một cửa", "Máy quét mô phỏng (demo)", "virtual", has_adf=True,
                           has_duplex=False)]

    def scan(self, options: ScanOptions, *, pages: int | None, cancel: CancelToken,
             on_page: PageCallback | None = None, on_progress: ProgressCallback | None = None) -> ScanResult:
        if options.device not in (None, DEVICE):
            return ScanResult(error=NoScannerError(options.device))
        adf = options.source is Source.ADF
        wanted = pages if pages is not None else (10_000 if adf else 1)  # the feeder: until it is empty
        result = ScanResult()
        for index in range(wanted):
            if adf and index >= self.feeder_sheets:
                if not result.pages:
                    result.error = FeederEmptyError()
                break
            for band in range(1, _BANDS + 1):  # the carriage moves: progress, and a chance to cancel
                if cancel.cancelled:
                    result.error = ScanCancelled(len(result.pages))
                    return result
                time.sleep(self.page_seconds / _BANDS)
                if on_progress is not None:
                    on_progress(index, band / _BANDS)
            self.scanned += 1
            page = ScannedPage(draw_page(self.scanned, resolution=options.resolution, page_size=options.page_size,
                                         mode=options.mode), options.resolution, source="sample")
            result.pages.append(page)
            if on_page is not None:
                on_page(page, index)
        return result
