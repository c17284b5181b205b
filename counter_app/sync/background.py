"""Sync in the running app (đồng bộ khi ứng dụng đang chạy): which numbering a counter uses,
the background worker of a session, and what a round changed for the screens. No Qt here.

* :class:`ConfiguredLeaseSource` decides at each lease, inside the reception's transaction:
  with a city server configured (``sync_state.server_url``) the numbers come from the server's
  leases and the counter's fallback slice (:class:`~counter_app.sync.leases.ServerLeaseSource`),
  so two counters of one agency never issue the same code; without one (the embedded
  single-counter default, the demo) from the local high-water mark. Configuring a server while
  the app runs switches at the next block.
* :func:`make_worker` builds the session's :class:`~counter_app.sync.worker.SyncWorker`.
* :func:`round_changes` turns a round's summary into the services' :class:`Changes`, so the
  screens redraw what a pull moved (another counter's change, a department's result).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from .. import clock
from ..services.numbering import Block, LocalLeaseSource
from ..services.operations import Changes
from ..storage.db import Store
from . import state
from .engine import RoundSummary, SyncOptions
from .leases import ServerLeaseSource
from .worker import Backoff, SyncWorker


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


def make_worker(store: Store, profile_root: Path, *, interval: float, options: SyncOptions = SyncOptions(),
                backoff: Backoff = Backoff(), rng: random.Random | None = None) -> SyncWorker:
    """The worker of a GUI session; attachments are the profile's stored files (as ``sync --once``)."""
    from .attachments import StoredAttachments

    return SyncWorker(store, interval=interval, backoff=backoff, options=options,
                      attachments=StoredAttachments(store, profile_root), rng=rng)


def round_changes(summary: RoundSummary) -> Changes | None:
    """What a round's pull changed locally (None: nothing to redraw)."""
    pull = summary.pull
    changes = Changes(dossiers=set(pull.dossiers), catalog=pull.procedures > 0, calendar=pull.holidays > 0)
    if changes.dossiers or changes.catalog or changes.calendar:
        return changes
    return None
