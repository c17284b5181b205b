"""Barcode and QR input (mã vạch, mã QR): keyboard-wedge and serial scanners, the card QR, codes on scans.

* :mod:`.cccd_qr` — the CCCD / Thẻ căn cước QR parser (plain data + warnings);
* :mod:`.dispatch` — what a scan is (dossier, card, procedure) and what to do;
* :mod:`.ime` — undoing a Vietnamese input method's rewrite of a keyboard-wedge burst;
* :mod:`.burst` — scanner burst vs typing (the Qt filter is ``ui/barcode_filter.py``);
* :mod:`.serial_scanner` / :mod:`.frames` — serial scanners on their own worker thread;
* :mod:`.scan_codes` — codes on images and PDFs (zxing-cpp, pdftoppm);
* :mod:`.facade` — :func:`available`, :func:`start_serial` with a :class:`ScanHandler`.

Code *generation* for paper is ``printing/codes.py``.
"""

from .cccd_qr import CardQr, QrWarning, applicant_from_card, parse_card_qr
from .dispatch import ScanKind, ScanResult, ScanSource, classify_scan
from .errors import CodeReadError, NotACardQr, ScannerPortError, UnknownScan
from .facade import BarcodeAvailability, ScanHandler, available, start_serial

__all__ = [
    "BarcodeAvailability", "CardQr", "CodeReadError", "NotACardQr", "QrWarning", "ScanHandler", "ScanKind",
    "ScanResult", "ScanSource", "ScannerPortError", "UnknownScan", "applicant_from_card", "available",
    "classify_scan", "parse_card_qr", "start_serial",
]
