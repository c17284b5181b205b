"""Operations: every change to the store runs as one transaction and says what changed.

Screens decide from the returned :class:`Changes` whether to redraw (the Anki pattern).
Each operation also writes its outbox events in the same transaction, so a change and
the record that it must be synced can never part.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from ..storage.models import OutboxEventRow

T = TypeVar("T")


@dataclass
class Changes:
    dossiers: set[str] = field(default_factory=set)  # dossier codes
    catalog: bool = False
    calendar: bool = False
    numbering: bool = False
    outbox: int = 0  # events queued for sync

    def merge(self, other: "Changes") -> "Changes":
        self.dossiers |= other.dossiers
        self.catalog |= other.catalog
        self.calendar |= other.calendar
        self.numbering |= other.numbering
        self.outbox += other.outbox
        return self


@dataclass(frozen=True)
class OpResult(Generic[T]):
    value: T
    changes: Changes


def _json_default(value: Any) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def queue_event(session: Session, changes: Changes, *, kind: str, aggregate: str,
                payload: dict, at: datetime) -> str:
    """Add an outbox event (idempotency key = a new UUID) in the current transaction."""
    event_id = str(uuid.uuid4())
    session.add(OutboxEventRow(
        event_id=event_id, kind=kind, aggregate=aggregate,
        payload=json.dumps(payload, ensure_ascii=False, default=_json_default, sort_keys=True),
        created_at=at, sent_at=None, attempts=0,
    ))
    changes.outbox += 1
    return event_id
