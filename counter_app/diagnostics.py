"""Diagnostics for the help desk: versions, database and audit state, disk, sync backlog;
and the support bundle (logs, crash reports + diagnostics, personal data redacted)."""

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
        from .sync.state import load_status

        st = load_status(s)
        out["sync"].update({"online": st.online, "last_success": _iso(st.last_success),
                            "offline_since": _iso(st.offline_since), "waiting_uploads": st.waiting_uploads,
                            "last_error": st.last_error})
    usage = shutil.disk_usage(data_dir)
    out["disk"] = {"free_mb": usage.free // 2**20, "total_mb": usage.total // 2**20}
    out["last_errors"] = last_errors(data_dir / "logs")
    return out


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def last_errors(log_dir: Path, *, limit: int = 10, level: str = "WARNING") -> list[dict]:
    """The newest ``limit`` log entries at ``level`` or above (already redacted by the log filter).

    ``message`` is the English technical line; ``message_vi`` the officer's message when the entry
    is about a core error (``counter_app.logsetup.CoreMessageFilter``), else ``""``."""
    wanted = {"WARNING": ("WARNING", "ERROR", "CRITICAL"), "ERROR": ("ERROR", "CRITICAL")}[level]
    found: list[dict] = []
    files = sorted(log_dir.glob("counter.log*"), key=lambda f: f.stat().st_mtime) if log_dir.exists() else []
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("level") in wanted:
                found.append({k: entry.get(k, "") for k in ("at", "level", "logger", "message", "message_vi")})
    return [{**e, "message": redact(str(e["message"]))[:500], "message_vi": redact(str(e["message_vi"]))[:500]}
            for e in found[-limit:]][::-1]


def check_devices(cfg, *, spool_dir: Path, token=None, now: datetime | None = None, only: str | None = None,
                  barcode_text: str = "") -> dict:
    """Run the device checks (``counter_app.setup.devices``) with the configured devices;
    ``only`` = one key (``idcard``, ``barcode``, ``scanner``, ``printer_a4``…, ``signing``).
    ``barcode_text`` is what a keyboard-wedge scanner typed into the test field."""
    from .setup import devices as checks

    dev, now = cfg.devices, now or datetime.now()
    runs = {
        "idcard": lambda: checks.check_card_reader(reader=dev.card_reader),
        "barcode": lambda: checks.check_barcode(mode=dev.barcode_mode, port=dev.barcode_port, baud=dev.barcode_baud,
                                                scanned_text=barcode_text, wait_s=3.0),
        "scanner": lambda: checks.check_scanner(device=dev.scanner_device),
        "signing": lambda: checks.check_signing(module=token.module if token else dev.pkcs11_module,
                                                token_label=(token.token_label or "") if token else "", now=now),
    }
    for key, (setting, _size) in checks.PRINTER_SIZES.items():
        runs[setting] = (lambda k=key, name=getattr(dev, setting): _printer_state(checks, k, name, spool_dir, now))
    keys = [only] if only else list(runs)
    return {k: runs[k]() for k in keys}


def _printer_state(checks, size_class: str, printer: str, spool_dir: Path, now: datetime):
    """Diagnostics do not print: the queue's state only (printing a test page is the setup's job)."""
    key = checks.PRINTER_SIZES[size_class][0]
    try:
        from printing.printers import Printers

        printers = Printers(spool_dir=spool_dir, defaults={})
        known = {p.name: p for p in printers.list_printers()} if printers.available() else {}
    except ImportError:
        known = {}
    if not printer:
        return checks.DeviceCheck(key, False, "Chưa chọn máy in cho khổ giấy này (cấu hình thiết bị).", "unset")
    info = known.get(printer)
    if info is None:
        return checks.DeviceCheck(key, False, f"Không thấy máy in “{printer}”.", "not found")
    if info.stopped or not info.accepting:
        return checks.DeviceCheck(key, False, f"Máy in “{printer}” đang tạm dừng hoặc từ chối lệnh in.",
                                  "stopped" if info.stopped else "rejecting")
    return checks.DeviceCheck(key, True, f"Máy in “{printer}” sẵn sàng.", "ready")


def support_bundle(path: Path, *, diagnostics: dict, log_dir: Path, crash_dir: Path | None = None) -> Path:
    """A zip of the diagnostics, the logs and the crash reports (``crash_dir``, by default the
    profile's ``crash/`` beside ``log_dir``), every text redacted once more on the way in."""
    crash_dir = log_dir.parent / "crash" if crash_dir is None else crash_dir
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("diagnostics.json", redact(json.dumps(diagnostics, ensure_ascii=False, indent=2)))
        for folder, files in (("logs", sorted(log_dir.glob("*")) if log_dir.exists() else []),
                              ("crash", sorted(crash_dir.glob("*.txt")) if crash_dir.is_dir() else [])):
            for f in files:
                if f.is_file():
                    zf.writestr(f"{folder}/{f.name}", redact(f.read_text(encoding="utf-8", errors="replace")))
    return path
