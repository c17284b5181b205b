"""Sync in the running app (đồng bộ khi ứng dụng đang chạy): which numbering a counter uses,
the background worker of a session, and what a round changed for the screens. No Qt here.

* :class:`ConfiguredLeaseSource` decides at each lease, inside the reception's transaction:
  with a city server configured (``sync_state.server_url``) the numbers come from the server's
  leases and the counter's fallback slice (:class:`~counter_app.sync.leases.ServerLeaseSource`),
  so two counters of one agency never issue the same code; without one (the embedded
  single-counter default, the demo) from the local high-water mark. Configuring a server while
  the app runs switches at the next block.
* :class:`ConfiguredAllocator` closes a local block still open when a server gets configured
  (its remaining numbers could collide with another counter's server leases).
* :func:`make_worker` builds the session's :class:`~counter_app.sync.worker.SyncWorker`.
* :class:`DailyChecks` runs, after the first successful round of each day, the checks that
  need the server but not at every round: the update announcement and the agency's settings;
  and the daily retention check (:mod:`counter_app.services.retention_daily`: old form PDFs,
  the purge of returned, synced dossiers' local copies) for a session left open for days.
* :func:`round_changes` turns a round's summary into the services' :class:`Changes`, so the
  screens redraw what a pull moved (another counter's change, a department's result).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session

from .. import clock
from ..domain.dossier_code import DossierCode
from ..services.numbering import Block, LocalLeaseSource, NumberAllocator
from ..services.operations import Changes
from ..storage.db import Store
from ..storage.models import NumberLeaseRow
from . import state
from .engine import RoundSummary, SyncOptions
from .leases import ServerLeaseSource
from .worker import Backoff, SyncWorker

log = logging.getLogger(__name__)


def server_configured(session: Session) -> bool:
    """Whether this counter syncs with a city server (address and token stored)."""
    return bool(state.get(session, state.SERVER_URL) and state.get(session, state.TOKEN))


class ConfiguredLeaseSource:
    """The core's ``LeaseSource``: server leases when a city server is configured, else local ones."""

    name = "configured"

    def __init__(self, *, now: Callable[[], datetime] = clock.now) -> None:
        self.server = ServerLeaseSource(now=now)
        self.local = LocalLeaseSource()

    def source_for(self, session: Session):
        return self.server if state.get(session, state.SERVER_URL) else self.local

    def lease(self, session: Session, *, agency_code: str, day: date, counter_code: str,
              size: int, max_sequence: int) -> Block:
        return self.source_for(session).lease(session, agency_code=agency_code, day=day, counter_code=counter_code,
                                              size=size, max_sequence=max_sequence)


class ConfiguredAllocator(NumberAllocator):
    """The counter's allocator over a :class:`ConfiguredLeaseSource`. With a server configured, a
    local block left open (leased before the configuration) is closed at its last issued number
    first, in the same transaction, so every further number comes from the server's leases."""

    def __init__(self, *, counter_code: str, now: Callable[[], datetime] = clock.now, **kw) -> None:
        super().__init__(ConfiguredLeaseSource(now=now), counter_code=counter_code, **kw)

    def next_code(self, session: Session, *, agency_code: str, day: date, now: datetime) -> DossierCode:
        if state.get(session, state.SERVER_URL):
            session.execute(update(NumberLeaseRow).where(
                NumberLeaseRow.agency_code == agency_code, NumberLeaseRow.day == day,
                NumberLeaseRow.counter_code == self.counter_code, NumberLeaseRow.source == "local",
                NumberLeaseRow.next_value <= NumberLeaseRow.last).values(last=NumberLeaseRow.next_value - 1)
                .execution_options(synchronize_session="fetch"))
        return super().next_code(session, agency_code=agency_code, day=day, now=now)


def make_worker(store: Store, profile_root: Path, *, interval: float, options: SyncOptions = SyncOptions(),
                backoff: Backoff = Backoff(), rng: random.Random | None = None) -> SyncWorker:
    """The worker of a GUI session; attachments are the profile's stored files (as ``sync --once``)."""
    from .attachments import StoredAttachments

    worker = SyncWorker(store, interval=interval, backoff=backoff, options=options,
                        attachments=StoredAttachments(store, profile_root), rng=rng)
    worker.subscribe_rounds(DailyChecks(store, profile_root))
    from ..notify_delivery import DeliveryAfterSync

    worker.subscribe_rounds(DeliveryAfterSync(profile_root))  # citizen notices, when providers are configured
    return worker


class DailyChecks:
    """A round listener: once a day, after a successful round, ask the server for an announced
    update (:func:`counter_app.updates.check_store`, kept for the sign-in and end-of-shift notices;
    nothing is ever installed) and refresh the agency's settings
    (:func:`counter_app.setup.backend.refresh_agency_settings`); run the daily retention check
    (:func:`counter_app.services.retention_daily.run_if_due`, itself once a day per profile, so a
    session started today skips it). A failure is logged and retried
    after the next successful round; it never stops syncing."""

    def __init__(self, store: Store, profile_root: Path, *, today: Callable[[], date] = lambda: clock.now().date(),
                 checks: dict[str, Callable[[], object]] | None = None) -> None:
        self.today = today
        self.done: dict[str, date] = {}
        self.checks = checks if checks is not None else {
            "update": lambda: _check_update(store, profile_root),
            "agency_settings": lambda: _refresh_settings(store),
            "retention": lambda: _retention(store, profile_root),
        }

    def __call__(self, summary: RoundSummary) -> None:
        if not summary.ok:
            return
        day = self.today()
        for name, check in self.checks.items():
            if self.done.get(name) == day:
                continue
            try:
                check()
            except Exception as exc:  # noqa: BLE001 — whatever the server said, sync goes on
                log.warning("daily %s check failed: %s", name, getattr(exc, "message_en", type(exc).__name__))
            else:
                self.done[name] = day


def _check_update(store: Store, profile_root: Path) -> None:
    from ..updates import check_store

    check_store(store, profile_root=profile_root)


def _retention(store: Store, profile_root: Path) -> None:
    from ..services.retention_daily import run_if_due

    run_if_due(store, profile_root, now=clock.now())


def _refresh_settings(store: Store) -> None:
    from ..setup.backend import refresh_agency_settings

    refresh_agency_settings(store)


def round_changes(summary: RoundSummary) -> Changes | None:
    """What a round's pull changed locally (None: nothing to redraw)."""
    pull = summary.pull
    changes = Changes(dossiers=set(pull.dossiers), catalog=pull.procedures > 0, calendar=pull.holidays > 0)
    if changes.dossiers or changes.catalog or changes.calendar:
        return changes
    return None
