"""Codes on scanned pages and photos (mã vạch / mã QR trên bản quét), read with zxing-cpp.

A scanned result document carries the dossier's Code128 or QR (printed by
``printing/codes.py``), so it files itself under the right dossier; a photo or scan of
a card yields its QR. PDFs are rendered page by page with poppler's ``pdftoppm``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from counter_app.domain.dossier_code import DossierCode

from .cccd_qr import CardQr
from .dispatch import ScanKind, ScanResult, ScanSource, classify_scan
from .errors import CodeReadError

#: Formats printed by the project and found on cards; others are ignored (faster, fewer false hits).
FORMAT_NAMES = ("Code128", "QRCode", "DataMatrix")
PDF_DPI = 200
PDF_TIMEOUT_S = 120


@dataclass(frozen=True, slots=True)
class FoundCode:
    text: str
    format: str  # "QR Code", "Code 128"…
    page: int  # 1-based; 1 for a single image
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels of the rendered page
    scan: ScanResult  # what the dispatcher makes of it


def _formats():
    import zxingcpp

    return [getattr(zxingcpp.BarcodeFormat, n) for n in FORMAT_NAMES]


def read_codes_in_image(image, *, page: int = 1) -> list[FoundCode]:
    """Every code zxing-cpp finds in a PIL image, top to bottom."""
    import zxingcpp

    found = []
    # Printed pages and cards are dark on light: skipping the inverted pass halves the time.
    for b in zxingcpp.read_barcodes(image.convert("L"), formats=_formats(), try_invert=False):
        if not b.valid:
            continue
        p = b.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        found.append(FoundCode(b.text, str(b.format), page, (min(xs), min(ys), max(xs), max(ys)),
                               classify_scan(b.text, source=ScanSource.IMAGE)))
    return sorted(found, key=lambda f: (f.box[1], f.box[0]))


def _open_image(path: Path):
    from PIL import Image, UnidentifiedImageError

    try:
        img = Image.open(path)
        img.load()
        return img
    except (OSError, UnidentifiedImageError) as exc:
        raise CodeReadError(
            f"cannot open image {path.name}: {exc}",
            f"Không mở được ảnh “{path.name}”. Tệp có thể bị hỏng hoặc không phải ảnh; quét hoặc chụp lại.",
        ) from exc


def render_pdf_pages(path: Path, out_dir: Path, *, dpi: int = PDF_DPI,
                     first: int | None = None, last: int | None = None) -> list[Path]:
    """Render PDF pages to grey images with ``pdftoppm``; returns the files in page order."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise CodeReadError("pdftoppm not installed",
                            "Máy chưa cài poppler-utils (pdftoppm) nên không đọc được mã trên tệp PDF. "
                            "Báo quản trị hệ thống cài đặt.", code="pdftoppm_missing")
    cmd = [exe, "-r", str(dpi), "-gray"]  # PGM output: no compression, ~2x faster than PNG
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    try:
        run = subprocess.run([*cmd, str(path), str(out_dir / "page")], capture_output=True, text=True,
                             timeout=PDF_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise CodeReadError(f"pdftoppm timed out on {path.name}",
                            f"Đọc tệp PDF “{path.name}” quá lâu. Tách tệp thành ít trang hơn rồi thử lại.") from exc
    pages = sorted(out_dir.glob("page*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
    if run.returncode != 0 or not pages:
        raise CodeReadError(
            f"pdftoppm failed on {path.name} (exit {run.returncode})",
            f"Không đọc được tệp PDF “{path.name}”. Tệp có thể bị hỏng hoặc có mật khẩu; quét lại tài liệu.",
        )
    return pages


def read_codes(path: str | Path, *, dpi: int = PDF_DPI) -> list[FoundCode]:
    """Codes in an image file or in every page of a PDF."""
    path = Path(path)
    if not path.is_file():
        raise CodeReadError(f"no such file {path.name}", f"Không tìm thấy tệp “{path.name}”.")
    with path.open("rb") as fh:
        is_pdf = fh.read(5) == b"%PDF-"
    if not is_pdf:
        return read_codes_in_image(_open_image(path))
    found: list[FoundCode] = []
    with tempfile.TemporaryDirectory(prefix="qmc-codes-") as tmp:
        for number, page in enumerate(render_pdf_pages(path, Path(tmp), dpi=dpi), start=1):
            found += read_codes_in_image(_open_image(page), page=number)
    return found


def find_dossier_code(path: str | Path, *, dpi: int = PDF_DPI) -> DossierCode | None:
    """The dossier code a scanned document carries (the first one found), or None."""
    for code in read_codes(path, dpi=dpi):
        if code.scan.kind is ScanKind.DOSSIER:
            return code.scan.dossier_code
    return None


def find_card_qr(path: str | Path) -> CardQr | None:
    """The CCCD QR in a photo or scan of the card, or None."""
    for code in read_codes(path, dpi=300):
        if code.scan.kind is ScanKind.CARD_QR:
            return code.scan.card
    return None
