"""The demo's sample-image scanner behaves like a scanner: sizes, modes, progress, cancel, errors."""

from __future__ import annotations

import pytest

from devices.docscanner import (ColourMode, DocumentScanner, FeederEmptyError, NoScannerError, PageSize,
                                ScanOptions, Source)
from devices.docscanner.pages import PageSet
from devices.docscanner.sample_backend import DEVICE, SampleBackend


@pytest.fixture
def scanner():
    s = DocumentScanner(SampleBackend(page_seconds=0.02, feeder_sheets=3))
    yield s
    s.close()


def test_pages_have_the_asked_size_mode_and_make_a_pdf(scanner):
    assert scanner.available() and [d.name for d in scanner.devices()] == [DEVICE]
    progress = []
    job = scanner.start_scan(options=ScanOptions(resolution=100, page_size=PageSize.A5), pages=2,
                             on_progress=lambda i, f: progress.append((i, f)))
    result = job.result(timeout=30)
    assert result.error is None and len(result.pages) == 2
    w_mm, h_mm = result.pages[0].size_mm
    assert w_mm == pytest.approx(148, abs=1) and h_mm == pytest.approx(210, abs=1)
    assert result.pages[0].image.mode == "L"
    assert progress[-1] == (1, 1.0) and (0, 1.0) in progress
    assert PageSet(result.pages).to_pdf().pages == 2
    colour = scanner.scan(options=ScanOptions(resolution=50, mode=ColourMode.COLOUR), pages=1)
    assert colour.pages[0].image.mode == "RGB"


def test_cancel_keeps_earlier_pages_and_errors_are_vietnamese(scanner):
    jobs = []

    def progress(index, fraction):
        if index == 1 and fraction >= 0.5:
            jobs[0].cancel()

    jobs.append(scanner.start_scan(options=ScanOptions(resolution=50), pages=3, on_progress=progress))
    result = jobs[0].result(timeout=30)
    assert result.cancelled and len(result.pages) == 1 and "1 trang" in result.error.message_vi
    feeder = scanner.scan(options=ScanOptions(resolution=50, source=Source.ADF), pages=None)
    assert feeder.error is None and len(feeder.pages) == 3
    assert isinstance(scanner.scan(options=ScanOptions(device="test:0"), pages=1).error, NoScannerError)
    empty = DocumentScanner(SampleBackend(page_seconds=0, feeder_sheets=0))
    try:
        assert isinstance(empty.scan(options=ScanOptions(source=Source.ADF), pages=None).error, FeederEmptyError)
    finally:
        empty.close()
