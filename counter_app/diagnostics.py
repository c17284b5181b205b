"""Diagnostics for the help desk: versions, database and audit state, disk, sync backlog;
and the support bundle (logs + diagnostics, personal data redacted)."""

from __future__ import annotations

import json
import platform
import shutil
import sys
import zipfile
from datetime import datetime
from importlib import metadata
from pathlib import Path

from sqlalchemy import func, inspect, select, text

from . import __version__
from .security.redaction import redact
from .storage.db import Store
from .storage.migrate import current_revision, head_revision
from .storage.models import OutboxEventRow

_PACKAGES = ["holidays", "SQLAlchemy", "alembic", "PyQt6", "pyscard", "reportlab", "pyhanko", "httpx"]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def collect(store: Store, *, data_dir: Path) -> dict:
    """A plain dict (JSON-ready) describing this installation's health."""
    out: dict = {"app": __version__, "python": sys.version.split()[0], "platform": platform.platform(),
                 "packages": {p: _version(p) for p in _PACKAGES}, "collected_at": datetime.now().isoformat()}
    out["database"] = {"revision": current_revision(store.engine), "head": head_revision(),
                       "encrypted": store.encrypted}
    with store.engine.connect() as conn:
        out["database"]["integrity"] = conn.execute(text("PRAGMA integrity_check")).scalar()
    with store.read() as s:
        out["sync"] = {"waiting_events": s.scalar(select(func.count()).select_from(OutboxEventRow)
                                                  .where(OutboxEventRow.sent_at.is_(None)))}
        if "audit_entry" in inspect(store.engine).get_table_names():
            from .security.audit import verify_chain

            check = verify_chain(s)
            out["audit"] = {"entries": check.entries, "ok": check.ok, "first_broken": check.first_broken}
        else:
            out["audit"] = {"entries": 0, "ok": True, "first_broken": None}
    usage = shutil.disk_usage(data_dir)
    out["disk"] = {"free_mb": usage.free // 2**20, "total_mb": usage.total // 2**20}
    return out


def support_bundle(path: Path, *, diagnostics: dict, log_dir: Path) -> Path:
    """A zip of the diagnostics and the logs, every text redacted once more on the way in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("diagnostics.json", redact(json.dumps(diagnostics, ensure_ascii=False, indent=2)))
        if log_dir.exists():
            for f in sorted(log_dir.glob("*")):
                if f.is_file():
                    zf.writestr(f"logs/{f.name}", redact(f.read_text(encoding="utf-8", errors="replace")))
    return path
