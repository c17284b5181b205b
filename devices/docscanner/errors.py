"""Errors of the document scanner (máy quét tài liệu), each with a Vietnamese message for the officer.

A scan that stops part-way never loses the pages already scanned: the worker returns them in
:class:`~devices.docscanner.options.ScanResult` together with the error that stopped it.
"""

from __future__ import annotations

from counter_app.domain.errors import CounterError, ValidationError


class ScanError(CounterError):
    """Base class: the scanner could not (finish) the scan."""

    code = "scan_failed"


class NoScannerError(ScanError):
    code = "scanner_missing"

    def __init__(self, device: str | None = None) -> None:
        what = f"“{device}”" if device else "nào"
        super().__init__(
            f"no scanner {device or ''}".strip(),
            f"Không tìm thấy máy quét {what}. Kiểm tra cáp USB/mạng và nguồn điện của máy quét, "
            "rồi bấm Quét lại; hoặc chọn máy quét khác trong Cài đặt.")


class PaperJamError(ScanError):
    code = "scanner_jammed"

    def __init__(self) -> None:
        super().__init__("document feeder jammed",
                         "Kẹt giấy trong khay nạp của máy quét. Mở nắp, gỡ tờ giấy bị kẹt rồi quét tiếp; "
                         "các trang đã quét được giữ lại.")


class CoverOpenError(ScanError):
    code = "scanner_cover_open"

    def __init__(self) -> None:
        super().__init__("scanner cover open",
                         "Nắp máy quét đang mở. Đóng nắp rồi quét tiếp; các trang đã quét được giữ lại.")


class FeederEmptyError(ScanError):
    code = "scanner_no_paper"

    def __init__(self) -> None:
        super().__init__("document feeder empty",
                         "Khay nạp giấy của máy quét đang trống. Đặt giấy tờ vào khay rồi bấm Quét.")


class ScannerBusyError(ScanError):
    code = "scanner_busy"

    def __init__(self) -> None:
        super().__init__("scanner busy",
                         "Máy quét đang bận (có thể một chương trình khác đang dùng). Chờ một lát rồi thử lại.")


class ScanCancelled(ScanError):
    code = "scan_cancelled"

    def __init__(self, kept: int = 0) -> None:
        super().__init__(f"scan cancelled; {kept} page(s) kept",
                         f"Đã dừng quét theo yêu cầu. {kept} trang đã quét trước đó được giữ lại.")


class ScannerIOError(ScanError):
    code = "scanner_io"

    def __init__(self, detail: str) -> None:
        super().__init__(f"scanner error: {detail}",
                         "Máy quét báo lỗi khi đang quét. Kiểm tra máy quét (giấy, nắp, cáp) rồi thử lại; "
                         "các trang đã quét được giữ lại.")


class ScanOptionError(ValidationError):
    """A scan option the device cannot do (resolution, mode, source)."""

    code = "scan_option"


class HotFolderError(ScanError):
    code = "hot_folder"
