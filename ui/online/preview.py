"""Previews of attached files, rendered off the GUI thread (``OperationRunner.background``).

PDF: the first page through Qt PDF (``QPdfDocument``, from a private temporary file, deleted
at once); images: decoded by ``QImage``. Both give a ``QImage`` — safe to hand to the GUI
thread, which only turns it into a pixmap. Anything else has no preview (``None``).
"""

from __future__ import annotations

import os
import tempfile

from PyQt6.QtCore import QSize
from PyQt6.QtGui import QImage

PDF_MAGIC = b"%PDF"


def render_preview(data: bytes, width: int = 520) -> QImage | None:
    """The first page (PDF) or the image scaled to ``width`` pixels wide; None if not viewable."""
    if data[:1024].lstrip().startswith(PDF_MAGIC):
        return _pdf_first_page(data, width)
    image = QImage()
    if image.loadFromData(data) and not image.isNull():
        return image.scaledToWidth(min(width, image.width()))
    return None


def _pdf_first_page(data: bytes, width: int) -> QImage | None:
    from PyQt6.QtPdf import QPdfDocument

    fd, path = tempfile.mkstemp(suffix=".pdf", prefix="qmc-preview-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        doc = QPdfDocument(None)
        try:
            if doc.load(path) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
                return None
            size = doc.pagePointSize(0)
            if size.width() <= 0:
                return None
            image = doc.render(0, QSize(width, int(width * size.height() / size.width())))
            return None if image.isNull() else image
        finally:
            doc.close()
            doc.deleteLater()
    finally:
        os.unlink(path)
