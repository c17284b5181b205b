"""The pages of one dossier component before they are attached: reorder, delete, drop blanks."""

from __future__ import annotations

from counter_app.domain.errors import ValidationError

from .options import ScannedPage
from .pdf import PdfDocument, build_pdf, is_blank, thumbnail


class PageSet:
    """An editable list of scanned pages (0-based positions)."""

    def __init__(self, pages: list[ScannedPage] | None = None) -> None:
        self._pages: list[ScannedPage] = list(pages or [])

    def __len__(self) -> int:
        return len(self._pages)

    @property
    def pages(self) -> list[ScannedPage]:
        return list(self._pages)

    def add(self, pages: list[ScannedPage]) -> None:
        self._pages.extend(pages)

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self._pages):
            raise ValidationError(f"no page {index + 1}",
                                  f"Không có trang số {index + 1} (hiện có {len(self._pages)} trang).")

    def move(self, *, source: int, target: int) -> None:
        self._check(source)
        self._check(target)
        page = self._pages.pop(source)
        self._pages.insert(target, page)

    def reorder(self, order: list[int]) -> None:
        """Put pages in ``order`` (a permutation of 0..n-1)."""
        if sorted(order) != list(range(len(self._pages))):
            raise ValidationError("order is not a permutation of the pages",
                                  "Thứ tự trang không hợp lệ: mỗi trang phải xuất hiện đúng một lần.")
        self._pages = [self._pages[i] for i in order]

    def delete(self, index: int) -> ScannedPage:
        self._check(index)
        return self._pages.pop(index)

    def rotate(self, index: int, *, degrees: int) -> None:
        self._check(index)
        if degrees % 90:
            raise ValidationError("rotate by multiples of 90°", "Chỉ xoay trang theo bội số của 90 độ.")
        page = self._pages[index]
        page.image = page.image.rotate(-degrees, expand=True)

    def drop_blank(self) -> list[int]:
        """Remove blank pages (on the officer's request); return their former positions."""
        blank = [i for i, p in enumerate(self._pages) if is_blank(p.image)]
        self._pages = [p for i, p in enumerate(self._pages) if i not in blank]
        return blank

    def thumbnails(self, *, max_px: int = 240) -> list[bytes]:
        return [thumbnail(p.image, max_px=max_px) for p in self._pages]

    def to_pdf(self, *, title: str = "") -> PdfDocument:
        return build_pdf(self._pages, title=title)
