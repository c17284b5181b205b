"""Client of the queue coordinator (``/v1/queue`` of the city backend).

* :class:`QueueClient` — issue a ticket (kiosk), call next, act on a ticket, long-poll calls;
* :func:`push_visits` — send the counter's ``queue_outbox`` (visit changes made here, paper
  tickets keyed in offline) to be reconciled; each event once, marked sent after the answer;
* :func:`follow_calls` — the loop of a calling display: long-poll, hand each call over, and
  keep going through network errors (with a pause) until asked to stop.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update

from ..storage.db import Store
from ..storage.models_queue import QueueOutboxRow, QueueVisitRow
from ..storage.models_sync import SyncRejectionRow
from .client import SyncClient
from .errors import ServerUnreachable

log = logging.getLogger(__name__)


class QueueClient(SyncClient):
    def issue(self, area: str, *, prefix: str = "", priority: int = 0) -> dict[str, Any]:
        return self._call("POST", "/v1/queue/tickets", json={"area": area, "prefix": prefix,
                                                             "priority": int(priority)}).json()

    def tickets(self, state: str | None = None) -> list[dict[str, Any]]:
        return self._call("GET", "/v1/queue/tickets", params={"state": state} if state else None).json()

    def call_next(self, areas: list[str] | None = None) -> dict[str, Any] | None:
        return self._call("POST", "/v1/queue/call-next", json={"areas": sorted(areas or [])}).json()["ticket"]

    def act(self, ticket_id: str, action: str, *, area: str | None = None,
            counter_code: str | None = None) -> dict[str, Any]:
        body = {"action": action, "area": area, "counter_code": counter_code}
        return self._call("POST", f"/v1/queue/tickets/{ticket_id}/actions", json=body).json()

    def calls(self, after: int | None = None, *, wait: int = 5) -> dict[str, Any]:
        """Long-poll: returns as soon as there is a call after ``after`` (or after ``wait`` s)."""
        params = {"wait": wait} if after is None else {"after": after, "wait": wait}
        return self._call("GET", "/v1/queue/calls", params=params, timeout=wait + 10).json()

    def kpis(self, day: date | None = None) -> dict[str, Any]:
        """The site's queue indicators of ``day`` (every counter's tickets), as the coordinator computes them."""
        return self._call("GET", "/v1/queue/kpis", params={"day": day.isoformat()} if day else None).json()

    def reconcile(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self.reconcile_visits(events)


def _wire(row: QueueOutboxRow) -> dict[str, Any]:
    p = json.loads(row.payload)
    return {"event_id": row.event_id, "kind": row.kind, "visit_id": p["visit_id"], "day": p["day"],
            "number": p["number"], "area": p["area"], "priority": p["priority"], "state": p["state"],
            "counter_code": p["counter_code"], "issued_at": p["issued_at"], "paper": p["paper"],
            "recalls": p["recalls"], "at": p["at"]}


def push_visits(store: Store, client: SyncClient, *, now: Callable[[], datetime],
                batch_size: int = 200) -> dict[str, int]:
    """Send unsent visit changes in order; returns counts per result. Raises ``ServerUnreachable``."""
    counts = {"applied": 0, "duplicate": 0, "rejected": 0}
    while True:
        with store.read() as s:
            rows = list(s.scalars(select(QueueOutboxRow).where(QueueOutboxRow.sent_at.is_(None))
                                  .order_by(QueueOutboxRow.id).limit(batch_size)))
            wire = [_wire(r) for r in rows]
            numbers = {r.event_id: s.scalar(select(QueueVisitRow.number).where(QueueVisitRow.id == r.visit_id))
                       for r in rows}
        if not wire:
            return counts
        results = client.reconcile_visits(wire)
        at = now()

        def record(s) -> None:
            for r in results:
                counts[r["result"]] = counts.get(r["result"], 0) + 1
                if r["result"] == "rejected":
                    s.merge(SyncRejectionRow(event_id=r["event_id"], aggregate=f"queue:{numbers.get(r['event_id'])}",
                                             reason_code=r.get("reason_code", ""), reason_vi=r.get("reason_vi", ""),
                                             at=at))
            s.execute(update(QueueOutboxRow).where(QueueOutboxRow.event_id.in_([r["event_id"] for r in results]))
                      .values(sent_at=at))
        store.write(record)


def follow_calls(client: QueueClient, on_calls: Callable[[list[dict[str, Any]], bool], None], *,
                 stop: threading.Event, wait: int = 5, retry_seconds: float = 2.0,
                 on_link: Callable[[bool], None] = lambda _online: None) -> None:
    """A display's loop: today's latest calls first (``on_calls(calls, True)``: to show, not to
    announce), then every new call as it is made (``on_calls(calls, False)``). ``on_link(online)``
    is told when the coordinator stops or starts answering."""
    after: int | None = None
    online: bool | None = None
    while not stop.is_set():
        try:
            answer = client.calls(after, wait=wait)
        except ServerUnreachable as exc:
            log.warning("queue calls: server unreachable (%s)", exc)
            if online is not False:
                online = False
                on_link(False)
            stop.wait(retry_seconds)
            continue
        if online is not True:
            online = True
            on_link(True)
        initial, after = after is None, answer["last_seq"]
        if answer["calls"]:
            on_calls(answer["calls"], initial)


def queue_client_for(store: Store, *, timeout: float = 10.0) -> QueueClient | None:
    """A client of the site's coordinator from the counter's sync registration; None when not registered."""
    from . import state

    with store.read() as s:
        url, token, ca = (state.get(s, k) for k in (state.SERVER_URL, state.TOKEN, state.CA_FILE))
    if not url or not token:
        return None
    return QueueClient(url, token, timeout=timeout, verify=ca or True)
