"""Shipping the audit log to the city (gửi nhật ký lên hệ thống của thành phố).

Each sync round sends the entries after ``audit_sent_through`` (the last one the server
acknowledged), in ``seq`` order, in batches, to ``POST /v1/audit/entries``. The server
recomputes every hash and checks the link with what it already has; the cursor moves only
after its answer, so a crash in between just resends (the server answers ``duplicate``).
A refused batch (``audit_chain_broken``: an entry was edited, deleted or reordered) raises
:class:`ServerRefused`; the round shows its Vietnamese message as the sync status's last
error, the cursor stays put and the local entries are kept untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..storage.db import Store
from ..storage.models_security import AuditEntryRow
from . import state
from .client import SyncClient

@dataclass
class AuditPushSummary:
    accepted: int = 0
    duplicate: int = 0
    batches: int = 0
    through: int = 0  # the cursor after the round


def wire(row: AuditEntryRow) -> dict[str, Any]:
    """An entry as the server recomputes it: ``at`` is the very text the counter hashed."""
    return {"seq": row.id, "at": row.at.isoformat(), "actor": row.actor, "action": row.action,
            "target": row.target, "details": row.details, "prev_hash": row.prev_hash, "hash": row.hash}


def send(client: SyncClient, *, agency: str, counter: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    body = {"agency_code": agency, "counter_code": counter, "entries": entries}
    return client._call("POST", "/v1/audit/entries", json=body).json()


def push_audit(store: Store, client: SyncClient, *, agency: str, counter: str, batch_size: int = 200,
               max_batches: int | None = None) -> AuditPushSummary:
    """Send every entry not acknowledged yet (or ``max_batches`` batches of them)."""
    summary = AuditPushSummary()
    while max_batches is None or summary.batches < max_batches:
        with store.read() as s:
            through = int(state.get(s, state.AUDIT_SENT_THROUGH, "0") or 0)
            rows = s.scalars(select(AuditEntryRow).where(AuditEntryRow.id > through)
                             .order_by(AuditEntryRow.id).limit(batch_size)).all()
            entries = [wire(r) for r in rows]
        summary.through = through
        if not entries:
            break
        answer = send(client, agency=agency, counter=counter, entries=entries)
        summary.batches += 1
        summary.accepted += answer["accepted"]
        summary.duplicate += answer["duplicate"]
        summary.through = entries[-1]["seq"]
        store.write(lambda s, seq=summary.through: state.put(s, state.AUDIT_SENT_THROUGH, seq))
        if len(entries) < batch_size:
            break
    return summary
