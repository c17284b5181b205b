"""Pages scanned into the reception checklist, one :class:`PageSet` per checklist line.

Each scan adds pages to its line; the line's PDF (with thumbnails) is rebuilt from all of
them and handed to :class:`counter_app.services.reception_scans.PendingScans`, which the
wizard attaches when the dossier is recorded. :meth:`LinePages.add` builds the PDF: call it
off the GUI thread (the scanner worker or a pool).
"""

from __future__ import annotations

import threading

from counter_app.services.reception_scans import PendingScans, ScannedComponent

from .options import ScannedPage
from .pages import PageSet


class LinePages:
    def __init__(self, scans: PendingScans | None = None) -> None:
        self.scans = scans if scans is not None else PendingScans()
        self._lock = threading.Lock()
        self._pages: dict[int, PageSet] = {}

    def add(self, position: int, pages: list[ScannedPage], *, title: str = "") -> ScannedComponent | None:
        """Append ``pages`` to line ``position``; returns the line's new PDF (``None`` if no pages)."""
        if not pages:
            return self.scans.get(position)
        with self._lock:
            line = PageSet(self._pages.get(position, PageSet()).pages + list(pages))
            self._pages[position] = line
        document = line.to_pdf(title=title)
        built = ScannedComponent(document.data, document.pages, tuple(line.thumbnails()))
        with self._lock:
            if self._pages.get(position) is line:  # not cleared or re-scanned meanwhile
                self.scans.put(position, built)
        return built

    def pages(self, position: int) -> int:
        with self._lock:
            line = self._pages.get(position)
            return len(line) if line else 0

    def discard(self, position: int) -> None:
        with self._lock:
            self._pages.pop(position, None)
            self.scans.discard(position)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.scans.clear()
