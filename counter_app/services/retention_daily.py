"""The daily retention check (kiểm tra thời hạn lưu giữ hằng ngày): nothing with personal data
stays at the counter longer than the configuration allows, without anyone running a command.

Once a day (the first call of a day; the day done is kept in the profile's ``retention_checked_on``
setting, so a restart does not run it again) :func:`run_if_due`

* deletes the form PDFs of ``<profile>/prints`` older than ``security.prints_keep_days`` (forms
  only saved, or of failed prints, kept for printing by hand; :func:`printing.printers.purge_spool`);
* when ``security.retention_days`` > 0, purges the local copies of returned, fully synced dossiers
  (:func:`counter_app.services.retention.purge_local_copies`, with
  ``security.retention_personal_fields``), audited as the app's own purge (actor ``system``).

It runs at the start of every signed-in session (``ui.workspace.Workspace.start_sync`` calls
:func:`run_at_start`, also on counters without a city server) and, for syncing counters, in the
sync worker's :class:`counter_app.sync.background.DailyChecks` (a session left open for days).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock
from ..security import audit
from ..storage.db import Store
from ..storage.models import SettingRow
from .retention import PurgeReport, purge_local_copies

log = logging.getLogger(__name__)

#: The profile setting holding the last day the check ran (ISO date).
CHECKED_ON = "retention_checked_on"
#: The audit actor of the scheduled purge (no officer runs it).
ACTOR = "system"


@dataclass(frozen=True)
class DailyRetention:
    ran: bool  # False: already done today
    prints_deleted: int = 0
    purge: PurgeReport | None = None  # None: security.retention_days is 0 (keep)


def run_if_due(store: Store, profile_root: Path | str, *, now: datetime, security=None) -> DailyRetention:
    """Run the day's retention check unless it already ran today (see the module).
    ``security``: the ``[security]`` configuration (default: :func:`counter_app.config.load`)."""
    from printing.printers import purge_spool

    day = now.date().isoformat()
    with store.read() as s:
        row = s.get(SettingRow, CHECKED_ON)
        if row is not None and row.value == day:
            return DailyRetention(False)
    if security is None:
        from .. import config

        security = config.load().security
    root = Path(profile_root)
    deleted = purge_spool(root / "prints", keep_days=security.prints_keep_days)
    purge = None
    if security.retention_days > 0:
        purge = purge_local_copies(store, data_root=root, now=now, retention_days=security.retention_days,
                                   personal_fields=security.retention_personal_fields, by=ACTOR)

    def done(s) -> None:
        if deleted:
            audit.append(s, actor=ACTOR, action="prints_purged", at=now,
                         details={"files": deleted, "keep_days": security.prints_keep_days})
        s.merge(SettingRow(key=CHECKED_ON, value=day))
    store.write(done)
    log.info("daily retention: %d form PDFs deleted, %d dossiers purged, %d waiting for sync", deleted,
             len(purge.dossiers) if purge else 0, purge.waiting_sync if purge else 0)
    return DailyRetention(True, deleted, purge)


def run_at_start(store: Store, profile_root: Path | str) -> DailyRetention | None:
    """:func:`run_if_due` at the start of a session; a failure is logged (tried again next time),
    never stops the app."""
    try:
        return run_if_due(store, profile_root, now=clock.now())
    except Exception as exc:  # noqa: BLE001 — the counter works on; the next start or day retries
        log.warning("daily retention check failed: %s", getattr(exc, "message_en", type(exc).__name__))
        return None
