"""The online preview renders a citizen's PDF (an ID scan) from memory: no file in the temp folder."""

from __future__ import annotations

import io
import os
import tempfile
import threading

import pytest

pytest.importorskip("PyQt6.QtWidgets")

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from ui.online.preview import render_preview  # noqa: E402


def _pdf() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(72, 720, "CAN CUOC 001190012345")
    page.save()
    return out.getvalue()


def test_pdf_preview_writes_nothing_to_disk(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    opened: list[str] = []
    real_open = os.open

    def spy(path, *args, **kwargs):  # a temp file written then deleted at once would leave no trace
        opened.append(str(path))
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(os, "open", spy)
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(image=render_preview(_pdf(), width=300)))
    worker.start()  # off the GUI thread, as the online page does
    worker.join(60)
    image = result["image"]
    assert image is not None and image.width() == 300 and image.height() > 300  # an A4 page, portrait
    assert list(tmp_path.iterdir()) == [] and not [p for p in opened if p.startswith(str(tmp_path))], \
        "no temporary copy of the citizen's file, not even for a moment"
    assert render_preview(b"%PDF-1.4 broken") is None
    assert render_preview(b"not a picture") is None
