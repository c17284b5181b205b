"""Scanned pages → stored attachment of a dossier component, in one call.

Builds the component's PDF and thumbnails from a :class:`PageSet` (after the officer has
reordered/deleted pages) and attaches it through ``counter_app.services.attachments`` in one
``Store.write`` transaction.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from counter_app.services.attachments import AttachmentInfo, attach_file
from counter_app.services.operations import OpResult
from counter_app.storage.db import Store

from .pages import PageSet


def attach_pages(store: Store, *, data_root: Path, dossier_code: str, component_position: int, pages: PageSet,
                 by: str, now: datetime, drop_blank: bool = False, title: str = "") -> OpResult[AttachmentInfo]:
    if drop_blank:
        pages.drop_blank()
    document = pages.to_pdf(title=title)
    thumbs = pages.thumbnails()
    return store.write(lambda s: attach_file(
        s, data_root=data_root, dossier_code=dossier_code, component_position=component_position,
        data=document.data, pages=document.pages, by=by, now=now,
        original_filename=f"{dossier_code}-tp{component_position + 1}.pdf", thumbnails=thumbs))
