"""Pushing the outbox (gửi hàng đợi sự kiện) in batches, in the order the changes were made.

Crash safety: an event is marked sent only after the server's answer, in one local
transaction. If the counter dies in between, the next round sends it again and the
server answers ``duplicate`` (the event id is the idempotency key): nothing lost, nothing
applied twice. An event whose attachments are not uploaded yet is held back, with every
later event of the same dossier, so the server sees each dossier's events in order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..storage.db import Store
from ..storage.models import OutboxEventRow
from ..storage.models_sync import SyncRejectionRow, SyncUploadRow
from . import state
from .client import SyncClient
from .errors import ServerRefused


@dataclass
class PushSummary:
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    pending: int = 0
    batches: int = 0
    rejections: list[tuple[str, str]] = field(default_factory=list)  # (dossier code, reason_vi)

    @property
    def sent(self) -> int:
        return self.applied + self.duplicate + self.rejected


def _wire(row: OutboxEventRow) -> dict:
    return {"event_id": row.event_id, "kind": row.kind, "aggregate": row.aggregate,
            "payload": json.loads(row.payload), "created_at": row.created_at.isoformat()}


def _next_batch(session: Session, size: int, skip_ids: set[int]) -> list[OutboxEventRow]:
    """The oldest unsent events, minus those held back (attachments not uploaded yet)."""
    rows = list(session.scalars(select(OutboxEventRow).where(OutboxEventRow.sent_at.is_(None))
                                .order_by(OutboxEventRow.id).limit(size + len(skip_ids))))
    uploaded = None
    held: set[str] = set()
    batch = []
    for row in rows:
        if row.id in skip_ids or row.aggregate in held:
            held.add(row.aggregate)
            continue
        files = json.loads(row.payload).get("attachments") or []
        if files:
            if uploaded is None:
                uploaded = set(session.scalars(select(SyncUploadRow.sha256).where(SyncUploadRow.done_at.is_not(None))))
            if any(sha not in uploaded for sha in files):
                held.add(row.aggregate)
                continue
        batch.append(row)
        if len(batch) == size:
            break
    return batch


def _send(client: SyncClient, wire: list[dict], now) -> dict:
    """Push a batch. If the server refuses the whole batch as malformed (422), send the events one
    by one, so one bad event is rejected alone instead of blocking every later one forever."""
    try:
        return client.push(wire, sent_at=now())
    except ServerRefused as exc:
        if exc.status != 422:
            raise
        if len(wire) == 1:
            return {"results": [{"event_id": wire[0]["event_id"], "result": "rejected", "reason_code": exc.code,
                                 "reason_vi": exc.message_vi}], "skew_seconds": None}
    answers = [_send(client, [event], now) for event in wire]
    skews = [a["skew_seconds"] for a in answers if a.get("skew_seconds") is not None]
    return {"results": [r for a in answers for r in a["results"]], "skew_seconds": skews[-1] if skews else None}


def push_outbox(store: Store, client: SyncClient, *, now, batch_size: int = 200,
                max_batches: int | None = None) -> PushSummary:
    """Send unsent outbox events until none is left (or ``max_batches``). ``now()`` gives local time."""
    summary = PushSummary()
    held_back: set[int] = set()
    while max_batches is None or summary.batches < max_batches:
        with store.read() as s:
            batch = _next_batch(s, batch_size, held_back)
            wire = [_wire(r) for r in batch]
            ids = {r.event_id: r.id for r in batch}
            aggregates = {r.event_id: r.aggregate for r in batch}
        if not wire:
            break
        store.write(lambda s: s.execute(update(OutboxEventRow).where(OutboxEventRow.event_id.in_(ids))
                                        .values(attempts=OutboxEventRow.attempts + 1)))
        answer = _send(client, wire, now)
        summary.batches += 1
        at = now()

        def record(s: Session) -> None:
            done = []
            for r in answer["results"]:
                result, event_id = r["result"], r["event_id"]
                if result in ("applied", "duplicate", "rejected"):
                    done.append(event_id)
                    setattr(summary, result, getattr(summary, result) + 1)
                if result == "rejected":
                    s.merge(SyncRejectionRow(event_id=event_id, aggregate=aggregates.get(event_id, ""),
                                             reason_code=r.get("reason_code", ""), reason_vi=r.get("reason_vi", ""),
                                             at=at))
                    summary.rejections.append((aggregates.get(event_id, ""), r.get("reason_vi", "")))
                elif result == "pending":
                    summary.pending += 1
                    held_back.add(ids[event_id])
            if done:
                s.execute(update(OutboxEventRow).where(OutboxEventRow.event_id.in_(done)).values(sent_at=at))
            if answer.get("skew_seconds") is not None:
                state.put(s, state.SKEW, answer["skew_seconds"])

        store.write(record)
    return summary
