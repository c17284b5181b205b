"""Hot folder (thư mục quét mạng): network copiers that scan to a folder or share.

A watchdog observer notices new files; a file is taken only when it is *complete*: its size
and modification time have not changed for ``settle`` seconds **and** it parses to the end
(a JPEG/TIFF/PNG decodes fully, a PDF ends with ``%%EOF`` and its page tree reads). A file
still being copied is simply looked at again later. Each file is handed over exactly once
and then moved to ``done/`` (or to ``failed/`` if it never becomes readable).
"""

from __future__ import annotations

import hashlib
import io
import logging
import queue
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageSequence

from .backend import DeviceInfo, PageCallback, ProgressCallback
from .errors import HotFolderError, NoScannerError, ScanCancelled
from .options import CancelToken, ScannedPage, ScanOptions, ScanResult

log = logging.getLogger(__name__)
SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


@dataclass
class HotFolderDocument:
    name: str  # original file name (may be shown; copiers name files by date/counter)
    path: Path  # where it was archived
    sha256: str
    data: bytes
    pages: list[ScannedPage] = field(default_factory=list)  # empty for a PDF
    pdf_pages: int = 0

    @property
    def is_pdf(self) -> bool:
        return self.pdf_pages > 0


def read_document(path: Path, data: bytes) -> HotFolderDocument:
    """Parse a complete file; raises ``HotFolderError`` when it is truncated or not a scan."""
    sha = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() == ".pdf":
        if not data.rstrip().endswith(b"%%EOF"):
            raise HotFolderError("pdf not complete", "Tệp PDF chưa được chép xong.")
        try:
            from pyhanko.pdf_utils.reader import PdfFileReader

            count = int(PdfFileReader(io.BytesIO(data), strict=False).root["/Pages"]["/Count"])
        except Exception as exc:  # noqa: BLE001 — any parse failure means "not readable (yet)"
            raise HotFolderError(f"pdf unreadable: {exc}", "Tệp PDF bị hỏng hoặc chưa chép xong.") from None
        return HotFolderDocument(path.name, path, sha, data, pdf_pages=max(1, count))
    if path.suffix.lower() in (".jpg", ".jpeg") and not data.rstrip(b"\0").endswith(b"\xff\xd9"):
        # no End Of Image marker yet (also catches Pillow's LOAD_TRUNCATED_IMAGES being switched on)
        raise HotFolderError("jpeg not complete", "Tệp ảnh quét chưa được chép xong.")
    try:
        image = Image.open(io.BytesIO(data))
        pages = []
        for frame in ImageSequence.Iterator(image):
            frame.load()
            dpi = frame.info.get("dpi", (200, 200))[0] or 200
            pages.append(ScannedPage(frame.copy(), int(round(float(dpi))), source="hot-folder"))
    except (OSError, SyntaxError, ValueError) as exc:
        raise HotFolderError(f"image unreadable: {exc}", "Tệp ảnh quét bị hỏng hoặc chưa chép xong.") from None
    return HotFolderDocument(path.name, path, sha, data, pages=pages)


class HotFolder:
    """Watch ``folder``; call ``on_document`` (on the checker thread) once per complete file."""

    def __init__(self, folder: Path, *, on_document: Callable[[HotFolderDocument], None],
                 settle: float = 1.0, poll: float = 0.2, give_up: float = 120.0) -> None:
        self.folder = Path(folder)
        self.on_document = on_document
        self.settle, self.poll, self.give_up = settle, poll, give_up
        self._pending: dict[Path, tuple[tuple[int, int], float, float]] = {}  # (size, mtime), since, first
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._observer = None
        self._thread: threading.Thread | None = None

    def start(self) -> "HotFolder":
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        if not self.folder.is_dir():
            raise NoScannerError(str(self.folder))
        (self.folder / "done").mkdir(exist_ok=True)
        (self.folder / "failed").mkdir(exist_ok=True)
        outer = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory:
                    return
                target = getattr(event, "dest_path", "") or event.src_path
                outer.notice(Path(target))

        self._observer = Observer()
        self._observer.schedule(Handler(), str(self.folder), recursive=False)
        self._observer.start()
        for path in self.folder.iterdir():  # files dropped while the app was closed
            self.notice(path)
        self._thread = threading.Thread(target=self._run, name="hot-folder", daemon=True)
        self._thread.start()
        return self

    def notice(self, path: Path) -> None:
        if path.parent != self.folder or path.suffix.lower() not in SUFFIXES or path.name.startswith("."):
            return
        with self._lock:
            if path not in self._pending:
                now = time.monotonic()
                self._pending[path] = ((-1, -1), now, now)

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            self.check_once()

    def check_once(self) -> None:
        with self._lock:
            items = list(self._pending.items())
        for path, (seen, since, first) in items:
            try:
                st = path.stat()
            except FileNotFoundError:
                with self._lock:
                    self._pending.pop(path, None)
                continue
            now = time.monotonic()
            state = (st.st_size, st.st_mtime_ns)
            if state != seen:
                with self._lock:
                    self._pending[path] = (state, now, first)
                continue
            if st.st_size == 0 or now - since < self.settle:
                continue
            self._try_take(path, since, first, now)

    def _try_take(self, path: Path, since: float, first: float, now: float) -> None:
        data = path.read_bytes()
        try:
            doc = read_document(path, data)
        except HotFolderError:
            if now - first > self.give_up:
                log.warning("hot folder: %s never became readable; moved to failed/", path.name)
                self._archive(path, "failed")
                with self._lock:
                    self._pending.pop(path, None)
            return  # still being written: look again when it changes
        doc.path = self._archive(path, "done")
        with self._lock:
            self._pending.pop(path, None)
        try:
            self.on_document(doc)
        except Exception:  # noqa: BLE001 — a failing consumer must not stop the watcher
            log.exception("hot folder consumer failed for %s", path.name)

    def _archive(self, path: Path, where: str) -> Path:
        target = self.folder / where / path.name
        n = 1
        while target.exists():
            target = self.folder / where / f"{path.stem}.{n}{path.suffix}"
            n += 1
        shutil.move(str(path), target)
        return target

    def stop(self) -> None:
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "HotFolder":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class HotFolderBackend:
    """The hot folder behind the scanner interface: "scan" waits for the copier's files."""

    name = "hot-folder"

    def __init__(self, folder: Path, *, wait: float = 120.0, settle: float = 1.0) -> None:
        self.folder = Path(folder)
        self.wait = wait
        self._queue: queue.Queue[HotFolderDocument] = queue.Queue()
        self._watcher = HotFolder(self.folder, on_document=self._queue.put, settle=settle)
        self._started = False

    def available(self) -> bool:
        return self.folder.is_dir()

    def devices(self) -> list[DeviceInfo]:
        return [DeviceInfo(f"folder:{self.folder}", "", "Thư mục quét", "hot folder")] if self.available() else []

    def scan(self, options: ScanOptions, *, pages: int | None, cancel: CancelToken,
             on_page: PageCallback | None = None, on_progress: ProgressCallback | None = None) -> ScanResult:
        if not self._started:
            self._watcher.start()
            self._started = True
        result = ScanResult()
        wanted = pages or 1
        deadline = time.monotonic() + self.wait
        while len(result.pages) < wanted:
            if cancel.cancelled:
                result.error = ScanCancelled(len(result.pages))
                break
            try:
                doc = self._queue.get(timeout=0.1)
            except queue.Empty:
                if time.monotonic() > deadline:
                    result.error = HotFolderError(
                        "no file arrived in the hot folder",
                        f"Chưa nhận được tệp quét nào trong thư mục {self.folder}. Kiểm tra máy photocopy "
                        "đã quét vào đúng thư mục chưa, rồi thử lại.")
                    break
                continue
            for page in doc.pages or _render_pdf(doc):
                result.pages.append(page)
                if on_page is not None:
                    on_page(page, len(result.pages) - 1)
        return result

    def close(self) -> None:
        if self._started:
            self._watcher.stop()


def _render_pdf(doc: HotFolderDocument) -> list[ScannedPage]:
    """Pages of a copier's PDF as images (poppler's pdftoppm), for the page editor."""
    import subprocess
    import tempfile

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise HotFolderError("pdftoppm missing", "Thiếu công cụ poppler-utils để mở tệp PDF từ máy photocopy.")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(doc.data)
        subprocess.run([exe, "-r", "200", "-gray", str(src), str(Path(tmp) / "p")], check=True, timeout=120)
        out = []
        for f in sorted(Path(tmp).glob("p*.pgm")):
            with Image.open(f) as im:
                out.append(ScannedPage(im.copy(), 200, source="hot-folder"))
    return out
