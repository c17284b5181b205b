"""Printer dispatch (façade): list printers, pick the default per paper size, print a PDF,
report the job state as plain data.

Every PDF is saved to the spool folder *before* it is sent, so a printer that is missing,
stopped or refuses the job costs nothing: :class:`PrintFailed` says what happened in
Vietnamese and where the saved PDF is, for printing later. Backends: CUPS via pycups on
Linux/macOS (:mod:`printing.cups_backend`), the Windows spooler (:mod:`printing.windows_backend`),
and a null backend when neither is usable (``available()`` is then False).
All calls to one backend run on one dedicated worker thread (:class:`PrintWorker`).

The spool folder holds citizens' personal data in clear (files 0600, folder 0700). In an encrypted
profile (its attachment key is registered, ``counter_app.services.attachment_store``) the copy of a
job the printer accepted is deleted at once (the print system has its own); PDFs only saved or of a
failed print stay for the officer to print by hand and :func:`purge_spool` deletes them after
``security.prints_keep_days`` (run daily with the retention checks, docs/security.md).
"""

from __future__ import annotations

import enum
import logging
import os
import re
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from counter_app.domain.errors import CounterError

#: Paper sizes of the forms → printer option value; the size class picks the default printer.
PAGE_OPTIONS = {"A5": "A5", "A4": "A4", "A4-landscape": "A4", "80mm": "Custom.80x110mm"}
SIZE_CLASS = {"A5": "a5", "A4": "a4", "A4-landscape": "a4", "80mm": "thermal"}


class JobState(enum.Enum):
    PENDING = "pending"  # waiting in the queue
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"  # aborted or cancelled by the system
    OFFLINE = "offline"  # the printer is stopped / unreachable; the job waits


@dataclass(frozen=True, slots=True)
class PrinterInfo:
    name: str
    accepting: bool
    stopped: bool
    is_default: bool = False
    description: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class PrintJob:
    printer: str
    job_id: int
    state: JobState
    saved_pdf: Path | None  # None: the spool copy was deleted once the printer accepted the job
    message: str = ""


class PrintFailed(CounterError):
    """The job could not be printed; ``saved_pdf`` holds the document for a later print."""

    code = "print_failed"

    def __init__(self, message_en: str, message_vi: str, *, saved_pdf: Path | None) -> None:
        tail = f" Bản PDF đã được lưu tại: {saved_pdf} — có thể in lại sau." if saved_pdf else ""
        super().__init__(message_en, message_vi + tail)
        self.saved_pdf = saved_pdf


class PrinterBackend(Protocol):
    name: str

    def available(self) -> bool: ...
    def list_printers(self) -> list[PrinterInfo]: ...
    def submit(self, printer: str, path: Path, *, title: str, options: dict[str, str]) -> int: ...
    def job_state(self, printer: str, job_id: int) -> tuple[JobState, str]: ...


class NullBackend:
    """No print system here: nothing to list, every print fails with the PDF saved."""

    name = "none"

    def available(self) -> bool:
        return False

    def list_printers(self) -> list[PrinterInfo]:
        return []

    def submit(self, printer: str, path: Path, *, title: str, options: dict[str, str]) -> int:
        raise PrintFailed("no print system", "Máy này chưa có hệ thống in (CUPS / Windows spooler).",
                          saved_pdf=path)

    def job_state(self, printer: str, job_id: int) -> tuple[JobState, str]:
        return JobState.FAILED, ""


def default_backend() -> PrinterBackend:
    if sys.platform == "win32":
        from .windows_backend import WindowsBackend

        backend: PrinterBackend = WindowsBackend()
    else:
        from .cups_backend import CupsBackend

        backend = CupsBackend()
    return backend if backend.available() else NullBackend()


class Printers:
    """The printer façade the app and the CLI use."""

    def __init__(self, *, spool_dir: Path, backend: PrinterBackend | None = None,
                 defaults: dict[str, str] | None = None) -> None:
        self.backend = backend or default_backend()
        self.spool_dir = spool_dir
        self.defaults = defaults if defaults is not None else _configured_defaults()

    def available(self) -> bool:
        return self.backend.available()

    def list_printers(self) -> list[PrinterInfo]:
        return self.backend.list_printers()

    def default_for(self, page: str) -> str | None:
        """The configured printer of this paper size (forms.toml ``[printers]``), else the system default."""
        configured = self.defaults.get(SIZE_CLASS.get(page, "a4"), "")
        if configured:
            return configured
        return next((p.name for p in self.list_printers() if p.is_default), None)

    def save_pdf(self, pdf: bytes, *, label: str, now: datetime) -> Path:
        return save_pdf(pdf, folder=self.spool_dir, label=label, now=now)

    def print_pdf(self, *, pdf: bytes, page: str, label: str, now: datetime, copies: int = 1,
                  printer: str | None = None, wait_s: float = 20.0) -> PrintJob:
        """Save, send and follow one job. Raises :class:`PrintFailed` (PDF kept) on any failure."""
        saved = self.save_pdf(pdf, label=label, now=now)
        name = printer or self.default_for(page)
        if not name:
            raise PrintFailed("no printer chosen", "Chưa chọn máy in và máy này không có máy in mặc định.",
                              saved_pdf=saved)
        info = {p.name: p for p in self.backend.list_printers()}.get(name)
        if info is None:
            raise PrintFailed(f"printer {name!r} not found", f"Không tìm thấy máy in “{name}”. Kiểm tra máy in "
                              "đã được cài đặt và bật nguồn, hoặc chọn máy in khác.", saved_pdf=saved)
        if not info.accepting:
            raise PrintFailed(f"printer {name!r} rejects jobs", f"Máy in “{name}” đang từ chối nhận lệnh in. "
                              "Bật lại hàng đợi in (hoặc báo bộ phận kỹ thuật).", saved_pdf=saved)
        if info.stopped:
            raise PrintFailed(f"printer {name!r} is stopped", f"Máy in “{name}” đang tạm dừng hoặc mất kết nối "
                              "(hết giấy, kẹt giấy, tắt nguồn?). Kiểm tra máy in rồi in lại.", saved_pdf=saved)
        options = {"PageSize": PAGE_OPTIONS.get(page, "A4"), "copies": str(max(1, copies))}
        try:
            job_id = self.backend.submit(name, saved, title=saved.stem, options=options)
        except PrintFailed:
            raise
        except Exception as exc:  # the print system's own error types differ per platform
            raise PrintFailed(f"submit to {name!r} failed: {exc}", f"Máy in “{name}” không nhận lệnh in ({exc}).",
                              saved_pdf=saved) from exc
        job = self._follow(name, job_id, saved, wait_s)
        if spool_is_protected(self.spool_dir):  # accepted: the print system holds the job now
            saved.unlink(missing_ok=True)
            return PrintJob(job.printer, job.job_id, job.state, None, job.message)
        return job

    def _follow(self, name: str, job_id: int, saved: Path, wait_s: float) -> PrintJob:
        deadline = time.monotonic() + wait_s
        state, message = self.backend.job_state(name, job_id)
        while state in (JobState.PENDING, JobState.PRINTING) and time.monotonic() < deadline:
            time.sleep(0.1)
            state, message = self.backend.job_state(name, job_id)
        if state is JobState.FAILED:
            raise PrintFailed(f"job {job_id} on {name!r} failed: {message}",
                              f"Lệnh in trên máy “{name}” bị hủy hoặc lỗi ({message or 'không rõ lý do'}).",
                              saved_pdf=saved)
        return PrintJob(name, job_id, state, saved, message)


def save_pdf(pdf: bytes, *, folder: Path, label: str, now: datetime) -> Path:
    """Keep a PDF in ``folder`` under a new name (time + label); never overwrites. Only this user
    reads it (0600 in a 0700 folder): it holds a citizen's personal data in clear."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    safe = re.sub(r"[^0-9A-Za-z.-]+", "_", label)[:80]
    n = 1
    while True:
        path = folder / (f"{now:%Y%m%d-%H%M%S}-{safe}.pdf" if n == 1 else f"{now:%Y%m%d-%H%M%S}-{safe}-{n}.pdf")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            n += 1
            continue
        with os.fdopen(fd, "wb") as out:
            out.write(pdf)
        return path


def spool_is_protected(spool_dir: Path) -> bool:
    """True when the spool folder belongs to an encrypted profile (its attachment key is registered)."""
    from counter_app.services.attachment_store import key_for

    return key_for(spool_dir) is not None


def purge_spool(folder: Path, *, keep_days: int, now: float | None = None) -> int:
    """Delete the PDFs in ``folder`` last written more than ``keep_days`` days ago (saved forms,
    failed prints the officer did not print by hand in time). Returns how many were deleted."""
    if not folder.is_dir():
        return 0
    limit = (time.time() if now is None else now) - keep_days * 86400
    deleted = 0
    for path in folder.glob("*.pdf"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                deleted += 1
        except OSError as exc:  # in use (Windows) or gone: tried again at the next check
            logging.getLogger(__name__).warning("spool file not purged: %s", type(exc).__name__)
    return deleted


def _configured_defaults() -> dict[str, str]:
    from counter_app.resources import load_toml

    return {k: str(v) for k, v in load_toml("brand", "forms.toml").get("printers", {}).items()}


class PrintWorker:
    """One thread for all print-system calls (pycups is not thread-safe); results as futures."""

    def __init__(self, printers: Printers) -> None:
        self.printers = printers
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="printer")

    def print_pdf(self, **kwargs) -> Future:
        return self._pool.submit(self.printers.print_pdf, **kwargs)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
