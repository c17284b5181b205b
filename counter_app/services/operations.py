"""Operations: every change to the store runs as one transaction and says what changed.

Screens decide from the returned :class:`Changes` whether to redraw (the Anki pattern).
Each operation also writes its outbox events in the same transaction, so a change and
the record that it must be synced can never part — and, with each event, its entry in the
audit log (nhật ký, :mod:`counter_app.security.audit`): who, which change, which dossier.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import event
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


#: Payload keys that may name the officer who made the change (when the caller does not say).
_ACTOR_KEYS = ("by", "officer", "reprinted_by", "rated_officer", "created_by")
#: Payload keys copied into the audit entry: what changed, never who the citizen is.
_AUDITED_KEYS = ("status", "procedure_code", "channel", "amount_vnd", "method", "to_unit", "level",
                 "reprint_form", "reprint_copies", "component_position", "sha256", "purpose", "result", "seq")
ACTOR_KEY = "qmc.actor"


def acting(session: Session, officer: str) -> None:
    """Name the officer the changes of this transaction are made by (for callers of
    :func:`queue_event` that do not pass ``actor``); forgotten at commit or rollback."""
    session.info[ACTOR_KEY] = officer


def _actor(session: Session, actor: str, payload: dict) -> str:
    if actor:
        return actor
    if session.info.get(ACTOR_KEY):
        return session.info[ACTOR_KEY]
    named = next((str(payload[k]) for k in _ACTOR_KEYS if payload.get(k)), "")
    if named:
        return named
    # The officer named by a row this operation adds (a payment, an extension…), not yet flushed.
    for row in session.new:
        who = next((getattr(row, k) for k in _ACTOR_KEYS if isinstance(getattr(row, k, None), str)
                    and getattr(row, k)), "")
        if who:
            return who
    return "system"


def queue_event(session: Session, changes: Changes, *, kind: str, aggregate: str,
                payload: dict, at: datetime, actor: str = "") -> str:
    """Add an outbox event (idempotency key = a new UUID) in the current transaction, and its
    audit entry (actor = ``actor``, the officer of the operation's context; action = the event
    kind; target = the dossier code / aggregate; details = the event id and what changed, no
    personal data)."""
    from ..security import audit

    event_id = str(uuid.uuid4())
    details = {"event": event_id, **{k: payload[k] for k in _AUDITED_KEYS if payload.get(k) not in (None, "")}}
    audit.append(session, actor=_actor(session, actor, payload), action=kind, target=aggregate,
                 details=json.loads(json.dumps(details, default=_json_default)), at=at)
    session.add(OutboxEventRow(
        event_id=event_id, kind=kind, aggregate=aggregate,
        payload=json.dumps(payload, ensure_ascii=False, default=_json_default, sort_keys=True),
        created_at=at, sent_at=None, attempts=0,
    ))
    changes.outbox += 1
    return event_id


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_actor(session: Session) -> None:
    session.info.pop(ACTOR_KEY, None)
