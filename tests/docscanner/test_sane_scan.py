"""Scanning through python-sane against the real SANE ``test`` backend."""

from __future__ import annotations

import io
import threading

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from devices.docscanner import (ColourMode, CoverOpenError, DocumentScanner, NoScannerError, NullBackend,
                                PageSize, PaperJamError, ScanOptions, ScanOptionError, Source)
from devices.docscanner.pages import PageSet

GRID = (("test_picture", "Grid"),)


def test_devices_are_listed(scanner):
    names = [d.name for d in scanner.devices()]
    assert scanner.available()
    assert names == ["test:0", "test:1"]


def test_two_page_scan_makes_a_two_page_pdf_of_the_right_size(scanner):
    result = scanner.scan(options=ScanOptions(device="test:0", resolution=200, extra=GRID), pages=2)
    assert result.error is None and len(result.pages) == 2
    page = result.pages[0]
    assert page.image.mode == "L" and page.resolution == 200
    # A4 asked; the test backend's bed is 200 × 200 mm, so the scan is clipped to it.
    w_mm, h_mm = page.size_mm
    assert w_mm == pytest.approx(200, abs=1) and h_mm == pytest.approx(200, abs=1)
    doc = PageSet(result.pages).to_pdf()
    reader = PdfFileReader(io.BytesIO(doc.data))
    assert int(reader.root["/Pages"]["/Count"]) == 2
    box = [float(v) for v in reader.root["/Pages"]["/Kids"][0].get_object()["/MediaBox"]]
    assert box[2] == pytest.approx(200 / 25.4 * 72, abs=3) and box[3] == pytest.approx(200 / 25.4 * 72, abs=3)


def test_page_size_and_resolution_are_applied(scanner):
    a5 = scanner.scan(options=ScanOptions(device="test:1", resolution=100, page_size=PageSize.A5), pages=1)
    assert a5.error is None
    w_mm, h_mm = a5.pages[0].size_mm
    assert w_mm == pytest.approx(148, abs=1) and h_mm == pytest.approx(200, abs=1)
    assert a5.pages[0].image.size[0] == pytest.approx(148 / 25.4 * 100, abs=2)


@pytest.mark.parametrize("mode, pil_mode", [(ColourMode.COLOUR, "RGB"), (ColourMode.GRAY, "L"),
                                            (ColourMode.LINEART, "1")])
def test_colour_modes(scanner, mode, pil_mode):
    result = scanner.scan(options=ScanOptions(device="test:0", mode=mode, resolution=75,
                                              extra=(("test_picture", "Color pattern"),)), pages=1)
    assert result.error is None
    assert result.pages[0].image.mode == pil_mode


def test_cancel_mid_page_keeps_the_earlier_pages(scanner):
    jobs = []

    def progress(index: int, fraction: float) -> None:
        if index == 1 and fraction > 0.3:
            jobs[0].cancel()  # during the second page

    jobs.append(scanner.start_scan(options=ScanOptions(device="test:0", extra=GRID), pages=4,
                                   on_progress=progress))
    result = jobs[0].result(timeout=60)
    assert result.cancelled
    assert len(result.pages) == 1
    assert "1 trang" in result.error.message_vi
    result.raise_if_failed()  # a cancel is not a failure


def test_cancel_from_another_thread_while_scanning_slowly(scanner):
    first_page = threading.Event()
    slow = GRID + (("read_delay", True), ("read_delay_duration", 2000))
    job = scanner.start_scan(options=ScanOptions(device="test:0", resolution=100, extra=slow), pages=6,
                             on_page=lambda page, index: first_page.set())
    assert first_page.wait(30), "the first page never arrived"
    job.cancel()
    result = job.result(timeout=60)
    assert result.cancelled
    assert 1 <= len(result.pages) < 6


@pytest.mark.parametrize("status, error", [("SANE_STATUS_JAMMED", PaperJamError),
                                           ("SANE_STATUS_COVER_OPEN", CoverOpenError)])
def test_device_errors_have_vietnamese_messages(scanner, status, error):
    result = scanner.scan(options=ScanOptions(device="test:0", extra=(("read_return_value", status),)), pages=2)
    assert isinstance(result.error, error)
    assert result.pages == []
    assert "giữ lại" in result.error.message_vi
    with pytest.raises(error):
        result.raise_if_failed()


def test_missing_scanner(scanner):
    result = scanner.scan(options=ScanOptions(device="test:7"), pages=1)
    assert isinstance(result.error, NoScannerError)
    assert "test:7" in result.error.message_vi


def test_feeder_scans_until_empty(scanner):
    result = scanner.scan(options=ScanOptions(device="test:0", source=Source.ADF, resolution=50), pages=None)
    assert result.error is None
    assert len(result.pages) == 10  # the test backend's feeder holds 10 sheets


def test_duplex_on_a_simplex_device_is_refused(scanner):
    result = scanner.scan(options=ScanOptions(device="test:0", source=Source.ADF, duplex=True), pages=1)
    assert isinstance(result.error, ScanOptionError)
    assert "hai mặt" in result.error.message_vi


def test_bad_options_are_refused_before_scanning():
    with pytest.raises(ScanOptionError):
        ScanOptions(resolution=5000)
    with pytest.raises(ScanOptionError):
        ScanOptions(duplex=True)


def test_null_backend_when_nothing_is_installed():
    with DocumentScanner(NullBackend()) as s:
        assert not s.available()
        assert s.devices() == []
        assert isinstance(s.scan(options=ScanOptions(), pages=1).error, NoScannerError)


def test_twain_backend_imports_and_reports_unavailable_here():
    from devices.docscanner.twain_backend import TwainBackend, map_twain_error

    backend = TwainBackend()
    assert not backend.available() and backend.devices() == []

    class PaperJam(Exception):
        pass
    assert isinstance(map_twain_error(PaperJam(), kept=2), PaperJamError)
