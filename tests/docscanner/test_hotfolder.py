"""Hot folder: files are taken once, and only when completely written."""

from __future__ import annotations

import hashlib
import io
import threading
import time

from PIL import Image

from devices.docscanner import CancelToken, ScannedPage, ScanOptions
from devices.docscanner.hotfolder import HotFolder, HotFolderBackend
from devices.docscanner.pdf import build_pdf


def _jpeg(text_page) -> bytes:
    buf = io.BytesIO()
    text_page.save(buf, "JPEG", quality=80, dpi=(200, 200))
    return buf.getvalue()


class Collector:
    def __init__(self) -> None:
        self.docs = []
        self.arrived = threading.Event()

    def __call__(self, doc) -> None:
        self.docs.append((doc, time.monotonic()))
        self.arrived.set()


def test_half_written_file_is_taken_once_and_only_when_complete(tmp_path, text_page):
    data = _jpeg(text_page)
    got = Collector()
    with HotFolder(tmp_path, on_document=got, settle=0.4, poll=0.05):
        with open(tmp_path / "scan0001.jpg", "wb") as f:
            chunks = [data[i:i + len(data) // 6] for i in range(0, len(data), len(data) // 6)]
            for n, chunk in enumerate(chunks):
                f.write(chunk)
                f.flush()
                # short pauses, and one longer than the settle time: the size is stable but the
                # JPEG is truncated, so it must still not be taken
                time.sleep(0.8 if n == 2 else 0.1)
        finished = time.monotonic()
        assert got.arrived.wait(10), "the complete file was never picked up"
        time.sleep(1.0)  # more polls: it must not come twice
    assert len(got.docs) == 1
    doc, at = got.docs[0]
    assert at >= finished
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.name == "scan0001.jpg" and len(doc.pages) == 1 and doc.pages[0].resolution == 200
    assert doc.path.parent.name == "done" and doc.path.exists()
    assert not (tmp_path / "scan0001.jpg").exists()


def test_pdf_dropped_by_rename_and_files_already_there(tmp_path, text_page):
    pdf = build_pdf([ScannedPage(text_page, 200), ScannedPage(text_page, 200)]).data
    (tmp_path / "before.jpg").write_bytes(_jpeg(text_page))  # dropped while the app was closed
    (tmp_path / "notes.txt").write_text("ignored")
    got = Collector()
    with HotFolder(tmp_path, on_document=got, settle=0.2, poll=0.05):
        (tmp_path / ".copier.tmp").write_bytes(pdf)
        (tmp_path / ".copier.tmp").rename(tmp_path / "copier.pdf")
        deadline = time.monotonic() + 10
        while len(got.docs) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
    names = sorted(d.name for d, _ in got.docs)
    assert names == ["before.jpg", "copier.pdf"]
    pdf_doc = next(d for d, _ in got.docs if d.is_pdf)
    assert pdf_doc.pdf_pages == 2 and pdf_doc.data == pdf
    assert (tmp_path / "notes.txt").exists()


def test_a_file_that_never_becomes_readable_goes_to_failed(tmp_path):
    got = Collector()
    with HotFolder(tmp_path, on_document=got, settle=0.1, poll=0.05, give_up=0.5):
        (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
        deadline = time.monotonic() + 5
        while not (tmp_path / "failed" / "broken.jpg").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    assert (tmp_path / "failed" / "broken.jpg").exists()
    assert got.docs == []


def test_hot_folder_behind_the_scanner_interface(tmp_path, text_page):
    backend = HotFolderBackend(tmp_path, wait=10, settle=0.2)
    try:
        assert backend.available() and backend.devices()[0].kind == "hot folder"

        def drop() -> None:
            time.sleep(0.3)
            for i in range(2):
                Image.new("L", (200, 300), 255).save(tmp_path / f"p{i}.png", dpi=(150, 150))

        threading.Thread(target=drop).start()
        result = backend.scan(ScanOptions(), pages=2, cancel=CancelToken())
        assert result.error is None and len(result.pages) == 2
        assert {p.source for p in result.pages} == {"hot-folder"} and result.pages[0].resolution == 150
        token = CancelToken()
        token.cancel()
        assert backend.scan(ScanOptions(), pages=1, cancel=token).cancelled
    finally:
        backend.close()
