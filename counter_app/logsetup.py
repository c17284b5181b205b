"""Logging: rotating JSON-lines files with personal data redacted, and a calm crash handler.

Every record goes through :mod:`counter_app.security.redaction` before it reaches a file.
A record about a core error (:class:`~counter_app.domain.errors.CounterError` among its
arguments or as its exception, or ``extra={"message_vi": …}``) also keeps the officer's
Vietnamese message (``message_vi``, redacted too): the diagnostics page (F12) shows it, with the
English technical line as the help desk's detail. The crash handler saves a (redacted) report
in the profile's ``crash/`` folder (the support bundle carries it) and calls the UI's callback
to show a calm message instead of a traceback.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .security.redaction import RedactingFilter, redact


class CoreMessageFilter(logging.Filter):
    """Keeps a core error's Vietnamese message on the record (before the redacting filter drops
    the arguments it was found in)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "message_vi", ""):
            found = [a for a in _args(record.args) if hasattr(a, "message_vi") and isinstance(a, BaseException)]
            if record.exc_info and isinstance(record.exc_info[1], BaseException):
                found.append(record.exc_info[1])
            message = next((getattr(e, "message_vi", "") for e in found if getattr(e, "message_vi", "")), "")
            if message:
                record.message_vi = message
        return True


def _args(args) -> list:
    if isinstance(args, dict):
        return list(args.values())
    return list(args) if isinstance(args, tuple) else []


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"at": datetime.fromtimestamp(record.created).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if getattr(record, "message_vi", ""):
            entry["message_vi"] = str(record.message_vi)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False))


def setup(log_dir: Path, *, level: str = "INFO", max_bytes: int = 5_000_000, keep_files: int = 10) -> Path:
    """Log to ``log_dir/counter.log`` (rotating); returns the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "counter.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=keep_files,
                                                   encoding="utf-8")
    handler.setFormatter(JsonFormatter())
    handler.addFilter(CoreMessageFilter())  # first: it reads the arguments the redacting filter drops
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.setLevel(level.upper())
    root.addHandler(handler)
    # SQLAlchemy logs statements *with their parameters* (names, addresses) at INFO: never let a
    # DEBUG root turn that on. Those parameters are personal data the redaction cannot all catch.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return path


def save_crash_report(crash_dir: Path, exc_type, exc, tb, *, when: str = "") -> Path:
    """Write the traceback, redacted, to ``crash_dir/crash-<time>.txt`` and log that it exists."""
    crash_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now()
    report = crash_dir / f"crash-{stamp:%Y%m%dT%H%M%S}-{stamp:%f}.txt"
    head = f"{when}\n" if when else ""
    report.write_text(redact(head + "".join(traceback.format_exception(exc_type, exc, tb))), encoding="utf-8")
    logging.getLogger("counter_app.crash").error("unhandled %s%s; report %s", exc_type.__name__,
                                                 f" ({when})" if when else "", report.name)
    return report


def crash_reports(crash_dir: Path) -> list[Path]:
    """The saved crash reports, oldest first."""
    return sorted(crash_dir.glob("crash-*.txt")) if crash_dir.is_dir() else []


def install_crash_handler(crash_dir: Path, on_crash: Callable[[Path], None] | None = None) -> None:
    """Replace ``sys.excepthook``: save a redacted report, log it, tell the UI (calmly)."""

    def hook(exc_type, exc, tb) -> None:
        report = save_crash_report(crash_dir, exc_type, exc, tb)
        if on_crash is not None:
            on_crash(report)

    sys.excepthook = hook
