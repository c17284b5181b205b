"""Logging: rotating JSON-lines files with personal data redacted, and a calm crash handler.

Every record goes through :mod:`counter_app.security.redaction` before it reaches a file.
The crash handler saves a (redacted) report next to the logs and calls the UI's callback
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


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"at": datetime.fromtimestamp(record.created).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
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
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.setLevel(level.upper())
    root.addHandler(handler)
    # SQLAlchemy logs statements *with their parameters* (names, addresses) at INFO: never let a
    # DEBUG root turn that on. Those parameters are personal data the redaction cannot all catch.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return path


def install_crash_handler(crash_dir: Path, on_crash: Callable[[Path], None] | None = None) -> None:
    """Replace ``sys.excepthook``: save a redacted report, log it, tell the UI (calmly)."""

    def hook(exc_type, exc, tb) -> None:
        crash_dir.mkdir(parents=True, exist_ok=True)
        report = crash_dir / f"crash-{datetime.now():%Y%m%dT%H%M%S}.txt"
        report.write_text(redact("".join(traceback.format_exception(exc_type, exc, tb))), encoding="utf-8")
        logging.getLogger("counter_app.crash").error("unhandled %s; report %s", exc_type.__name__, report.name)
        if on_crash is not None:
            on_crash(report)

    sys.excepthook = hook
