"""Errors of the barcode area (mã vạch, mã QR, đầu đọc mã vạch)."""

from __future__ import annotations

from counter_app.domain.errors import ConfigurationError, CounterError, ValidationError


class NotACardQr(ValidationError):
    """Text that is not the QR code of a CCCD / Thẻ căn cước."""

    code = "not_card_qr"


class UnknownScan(ValidationError):
    """A scan the dispatcher cannot classify (not a dossier, card or procedure code)."""

    code = "unknown_scan"


class ScannerPortError(ConfigurationError):
    """The serial scanner's port cannot be opened or was lost."""

    code = "scanner_port"


class CodeReadError(CounterError):
    """An image or PDF could not be read to look for codes."""

    code = "code_read"
