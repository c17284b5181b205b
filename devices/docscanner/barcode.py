"""A dossier barcode on a scanned page files the page itself (mã hồ sơ trên trang quét).

Officers print the dossier code as Code 128 / QR on the receipt (Mẫu 01) or on a cover
sheet; when such a page is scanned, the pages from it up to the next coded page belong to
that dossier. Decoding uses the barcode package's reader
(``devices.barcode.scan_codes.read_codes_in_image``, zxing-cpp); if that package is absent
from a build, zxing-cpp is called directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from counter_app.domain.dossier_code import parse_dossier_code
from counter_app.domain.errors import ValidationError

from .options import ScannedPage


def read_codes(image: Image.Image) -> list[str]:
    """All barcode texts on the page (Code 128, QR, DataMatrix…), in reading order."""
    try:
        from devices.barcode.scan_codes import read_codes_in_image
    except ImportError:
        read_codes_in_image = None
    if read_codes_in_image is not None:
        return [found.text for found in read_codes_in_image(image) if found.text]
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(image.convert("L")) if r.valid and r.text]


def dossier_code_on(image: Image.Image) -> str | None:
    """The first barcode on the page that is a well-formed dossier code, normalised."""
    for text in read_codes(image):
        try:
            return parse_dossier_code(text.strip()).format()
        except ValidationError:
            continue
    return None


@dataclass
class FiledPages:
    dossier_code: str | None  # None: pages before the first coded page (ask the officer)
    pages: list[ScannedPage] = field(default_factory=list)


def file_by_barcode(pages: list[ScannedPage]) -> list[FiledPages]:
    """Split a batch: each page carrying a dossier code starts that dossier's group."""
    groups: list[FiledPages] = []
    for page in pages:
        code = dossier_code_on(page.image)
        if code is not None or not groups:
            groups.append(FiledPages(code))
        groups[-1].pages.append(page)
    return groups
