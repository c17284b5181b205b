"""Sync state: the key/value table, and :class:`SyncStatus`, what the UI shows
(online / offline since / waiting items / last error)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.models import OutboxEventRow
from ..storage.models_sync import SyncStateRow, SyncUploadRow

# Keys of sync_state.
SERVER_URL, TOKEN, CA_FILE = "server_url", "token", "ca_file"
CURSOR = "cursor"
LAST_SUCCESS, OFFLINE_SINCE, LAST_ERROR = "last_success_at", "offline_since", "last_error"
LAST_CATALOG_SYNC, SKEW = "last_catalog_sync_at", "skew_seconds"
SLOT, FALLBACK_FIRST, FALLBACK_LAST, LEASE_CEILING = "slot", "fallback_first", "fallback_last", "lease_ceiling"
AUDIT_SENT_THROUGH = "audit_sent_through"  # last audit entry (seq) the server acknowledged

#: Keys whose value is a secret: with a keyring attached to the store (encrypted profiles,
#: ``Store.keep_secrets_in``) the value lives in the OS keyring under this name and the row
#: holds only :data:`IN_KEYRING`.
SECRET_NAMES = {TOKEN: "counter-token"}
IN_KEYRING = "@keyring"


def _secrets(session: Session, key: str):
    return session.info.get("secrets") if key in SECRET_NAMES else None


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncStateRow, key)
    if row is None:
        return default
    if row.value == IN_KEYRING and key in SECRET_NAMES:
        secrets = _secrets(session, key)
        value = secrets.get(SECRET_NAMES[key]) if secrets is not None else None
        return value if value is not None else default  # a keyring that lost it: not configured
    return row.value


def put(session: Session, key: str, value: object | None) -> None:
    secrets = _secrets(session, key)
    if value is None:
        row = session.get(SyncStateRow, key)
        if row is not None:
            session.delete(row)
        if secrets is not None:
            secrets.delete(SECRET_NAMES[key])
        return
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    if secrets is not None:
        secrets.set(SECRET_NAMES[key], text)
        text = IN_KEYRING
    session.merge(SyncStateRow(key=key, value=text))


def move_secrets_to_keyring(session: Session) -> int:
    """Secrets written in the database before the store had its keyring (an older profile, a
    configuration written by another tool) move to the keyring; how many moved."""
    moved = 0
    for key in SECRET_NAMES:
        row = session.get(SyncStateRow, key)
        if row is not None and row.value != IN_KEYRING and _secrets(session, key) is not None:
            put(session, key, row.value)
            moved += 1
    return moved


def get_time(session: Session, key: str) -> datetime | None:
    value = get(session, key)
    return datetime.fromisoformat(value) if value else None


def waiting_events(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEventRow).where(OutboxEventRow.sent_at.is_(None)))


def waiting_dossiers(session: Session) -> int:
    """Dossiers with at least one unsynced event (the offline-debt measure)."""
    return session.scalar(select(func.count(func.distinct(OutboxEventRow.aggregate)))
                          .where(OutboxEventRow.sent_at.is_(None)))


def waiting_uploads(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncUploadRow).where(SyncUploadRow.done_at.is_(None)))


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows. ``last_error`` is Vietnamese, for the officer."""

    online: bool = False
    offline_since: datetime | None = None
    last_success: datetime | None = None
    waiting_events: int = 0
    waiting_uploads: int = 0
    last_error: str = ""
    skew_seconds: float | None = None
    running: bool = False

    def with_(self, **kw) -> "SyncStatus":
        return replace(self, **kw)


def load_status(session: Session) -> SyncStatus:
    skew = get(session, SKEW)
    return SyncStatus(online=get(session, OFFLINE_SINCE) is None and get(session, LAST_SUCCESS) is not None,
                      offline_since=get_time(session, OFFLINE_SINCE), last_success=get_time(session, LAST_SUCCESS),
                      waiting_events=waiting_events(session), waiting_uploads=waiting_uploads(session),
                      last_error=get(session, LAST_ERROR, "") or "", skew_seconds=float(skew) if skew else None)
