"""Thumbnails of a dossier's files, made off the GUI thread and kept in memory.

The first page of each stored file: the preview the scanner stored with it when there is
one (``attachments.thumbnails``), else the file itself — an image scaled down, a PDF's first
page rendered with Qt PDF (``QPdfDocument``), or with poppler's ``pdftoppm`` where Qt PDF is
not installed. Files are read through the core (checked against their SHA-256, decrypted in
an encrypted profile) on the operation runner's pool; the images stay in memory only (they
may show faces and ID numbers), in a small LRU cache keyed by SHA-256.
"""

from __future__ import annotations

import subprocess
from collections import OrderedDict

from PyQt6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, pyqtSignal
from PyQt6.QtGui import QImage

from ..ops import OperationRunner

CACHE_SIZE = 64


def render_first_page(data: bytes, mime: str, *, size: int) -> QImage:
    """``data``'s first page, at most ``size`` px on its longer side (pool thread)."""
    if mime == "application/pdf":
        image = _pdf_first_page(data, size)
    else:
        image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


def _pdf_first_page(data: bytes, size: int) -> QImage:
    try:
        from PyQt6.QtPdf import QPdfDocument
    except ImportError:
        return _pdftoppm(data, size)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(None)
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        return QImage()
    points = doc.pagePointSize(0)
    scale = size / max(points.width(), points.height(), 1.0)
    image = doc.render(0, QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale))))
    doc.close()
    return image


def _pdftoppm(data: bytes, size: int) -> QImage:
    try:
        out = subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-scale-to", str(size), "-png", "-singlefile", "-"],
                             input=data, capture_output=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return QImage()
    return QImage.fromData(out)


class ThumbnailLoader(QObject):
    """``request(info)``: the cached image now, or ``None`` and ``ready(sha256, image)`` later."""

    ready = pyqtSignal(str, QImage)

    def __init__(self, workspace, runner: OperationRunner, *, size: int = 120, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.runner, self.size = workspace, runner, size
        self.cache: OrderedDict[str, QImage] = OrderedDict()
        self.pending: set[str] = set()
        self.rendered = 0  # how many were made (the cache's hits make none)

    def request(self, info) -> QImage | None:
        sha = info.sha256
        if sha in self.cache:
            self.cache.move_to_end(sha)
            return self.cache[sha]
        if sha not in self.pending:
            self.pending.add(sha)
            self.runner.background(lambda: self._make(info), on_done=lambda image: self._done(sha, image),
                                   on_error=lambda _message: self._done(sha, QImage()))
        return None

    def _make(self, info) -> QImage:  # pool thread
        from counter_app.services.attachments import read_thumbnail, thumbnails

        stored = thumbnails(self.workspace.profile.root, info.sha256)
        if stored:
            image = QImage.fromData(read_thumbnail(stored[0]))
            if not image.isNull():
                return image.scaled(self.size, self.size, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
        return render_first_page(self.workspace.attachment_bytes(info), info.mime, size=self.size)

    def _done(self, sha: str, image: QImage) -> None:
        self.pending.discard(sha)
        self.rendered += 1
        if not image.isNull():
            self.cache[sha] = image
            while len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)
        self.ready.emit(sha, image)
