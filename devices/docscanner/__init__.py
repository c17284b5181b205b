"""Document scanning and digitisation (số hóa thành phần hồ sơ): SANE, TWAIN, hot folder, PDFs."""

from .backend import DeviceInfo, ScannerBackend
from .errors import (CoverOpenError, FeederEmptyError, NoScannerError, PaperJamError, ScanCancelled, ScanError,
                     ScannerBusyError, ScannerIOError, ScanOptionError)
from .facade import DocumentScanner, NullBackend, ScanJob
from .options import CancelToken, ColourMode, PageSize, ScannedPage, ScanOptions, ScanResult, Source

__all__ = [
    "DeviceInfo", "ScannerBackend", "DocumentScanner", "NullBackend", "ScanJob",
    "CancelToken", "ColourMode", "PageSize", "ScannedPage", "ScanOptions", "ScanResult", "Source",
    "ScanError", "NoScannerError", "PaperJamError", "CoverOpenError", "FeederEmptyError", "ScannerBusyError",
    "ScannerIOError", "ScanOptionError", "ScanCancelled",
]
