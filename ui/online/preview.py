"""Previews of attached files, rendered off the GUI thread (``OperationRunner.background``).

PDF: the first page through Qt PDF (``QPdfDocument``), loaded from memory (a ``QBuffer``): a
citizen's ID scan is never written to a temporary file; images: decoded by ``QImage``. Both give
a ``QImage`` — safe to hand to the GUI thread, which only turns it into a pixmap. Anything else
has no preview (``None``).
"""

from __future__ import annotations

from PyQt6.QtCore import QBuffer, QByteArray, QIODevice, QSize
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

    buffer = QBuffer()  # outlives the document: Qt PDF reads from it while the document is open
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    doc = QPdfDocument(None)
    try:
        doc.load(buffer)  # a non-sequential device loads at once (no event loop needed)
        if doc.status() is not QPdfDocument.Status.Ready or doc.pageCount() < 1:
            return None
        size = doc.pagePointSize(0)
        if size.width() <= 0:
            return None
        image = doc.render(0, QSize(width, int(width * size.height() / size.width())))
        return None if image.isNull() else image
    finally:
        doc.close()
        doc.deleteLater()
        buffer.close()
