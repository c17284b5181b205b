"""The retention runs by itself once a day (docs/security.md, Data at rest): old form PDFs of the
spool folder deleted, returned and synced dossiers' local copies purged, at session start (also
without sync) and in the sync worker's daily checks; audited as the app's own purge."""

from __future__ import annotations

import os
import time
from datetime import timedelta

from sqlalchemy import select

from counter_app import clock
from counter_app.config import SecurityConfig
from counter_app.services.attachments import blob_path
from counter_app.services.retention_daily import CHECKED_ON, run_if_due
from counter_app.storage.models import SettingRow
from counter_app.storage.models_security import AuditEntryRow
from counter_app.sync.background import DailyChecks
from counter_app.sync.engine import RoundSummary
from printing.printers import save_pdf

from test_attachments_at_rest import T0, _attach, _returned, _synced
from test_attachments_at_rest import sealed as _sealed_fixture

sealed = _sealed_fixture  # the encrypted profile with a Desk (a fixture of that module)


def _old(path, days: int) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def _audit(store) -> list[tuple[str, str]]:
    with store.read() as s:
        return [(e.actor, e.action) for e in s.scalars(select(AuditEntryRow))]


def _checked_on(store) -> str | None:
    with store.read() as s:
        row = s.get(SettingRow, CHECKED_ON)
        return row.value if row else None


def test_once_a_day_old_prints_and_synced_returned_copies_go(sealed):
    profile, desk = sealed
    root, store = profile.root, desk.store
    code = _returned(desk, T0)
    info = _attach(desk, root, code)
    _synced(store, code)
    waiting = _returned(desk, T0)  # returned as long ago, not synced yet: kept
    kept = _attach(desk, root, waiting, data=b"%PDF-1.7 not synced\n")
    old_pdf = save_pdf(b"%PDF-1.4 failed print", folder=root / "prints", label=f"{code}-receipt", now=T0)
    new_pdf = save_pdf(b"%PDF-1.4 saved today", folder=root / "prints", label=f"{code}-control", now=T0)
    _old(old_pdf, 8)
    now = T0 + timedelta(days=40)
    security = SecurityConfig(retention_days=30, prints_keep_days=7)
    first = run_if_due(store, root, now=now, security=security)
    assert first.ran and first.prints_deleted == 1
    assert first.purge.dossiers == [code] and first.purge.waiting_sync == 1
    assert not old_pdf.exists() and new_pdf.exists()
    assert not blob_path(root, info.sha256).exists() and blob_path(root, kept.sha256).exists()
    assert {("system", "retention_purge"), ("system", "prints_purged")} <= set(_audit(store))
    assert _checked_on(store) == now.date().isoformat()
    assert not run_if_due(store, root, now=now + timedelta(hours=3), security=security).ran  # once a day
    _old(new_pdf, 8)
    nxt = run_if_due(store, root, now=now + timedelta(days=1), security=security)
    assert nxt.ran and nxt.prints_deleted == 1 and nxt.purge.dossiers == [] and not new_pdf.exists()


def test_retention_zero_keeps_dossiers_but_form_pdfs_still_expire(sealed, tmp_path, monkeypatch):
    profile, desk = sealed
    code = _returned(desk, T0)
    info = _attach(desk, profile.root, code)
    _synced(desk.store, code)
    old_pdf = save_pdf(b"%PDF-1.4 x", folder=profile.root / "prints", label="x", now=T0)
    _old(old_pdf, 3)
    conf = tmp_path / "retention.toml"
    conf.write_text("[security]\nprints_keep_days = 2\n", encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(conf))  # retention_days stays 0: keep
    done = run_if_due(desk.store, profile.root, now=T0 + timedelta(days=400))
    assert done.ran and done.purge is None and done.prints_deleted == 1
    assert blob_path(profile.root, info.sha256).exists()


def test_session_start_without_sync_and_the_sync_workers_daily_checks_run_it(sealed, tmp_path, monkeypatch):
    from ui.workspace import Workspace

    profile, desk = sealed
    root, store = profile.root, desk.store
    code = _returned(desk, T0)
    info = _attach(desk, root, code)
    _synced(store, code)
    conf = tmp_path / "retention.toml"
    conf.write_text("[security]\nretention_days = 30\n", encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(conf))
    assert clock.now() > T0 + timedelta(days=32)
    workspace = Workspace(profile, store)
    assert workspace.start_sync() is None  # no city server: no worker, but the day's check ran
    assert not blob_path(root, info.sha256).exists()
    assert _checked_on(store) == clock.now().date().isoformat()
    store.write(lambda s: s.delete(s.get(SettingRow, CHECKED_ON)))  # as on the next day of an open session
    other = _returned(desk, T0)
    later = _attach(desk, root, other, data=b"%PDF-1.7 later\n")
    _synced(store, other)
    checks = DailyChecks(store, root)
    assert "retention" in checks.checks
    checks(RoundSummary(ok=False))
    assert blob_path(root, later.sha256).exists(), "only after a successful round"
    checks(RoundSummary(ok=True))  # the update and settings checks fail (no server): logged, retention runs
    assert not blob_path(root, later.sha256).exists()
    assert checks.done.get("retention") == clock.now().date()
