"""Shipping the audit log to the city (gửi nhật ký lên hệ thống của thành phố).

Each sync round sends the entries after ``audit_sent_through`` (the last one the server
acknowledged), in ``seq`` order, in batches, to ``POST /v1/audit/entries``. The server
recomputes every hash and checks the link with what it already has; the cursor moves only
after its answer, so a crash in between just resends (the server answers ``duplicate``).
A refused batch (``audit_chain_broken``: an entry was edited, deleted or reordered) raises
:class:`ServerRefused` after noting the refusal in the summary (``refused_vi``); the round
shows its Vietnamese message (call the help desk) as the sync status's last error, the
cursor stays put and the local entries are kept untouched. The way out is the city's: an
administrator accepts that break (``POST /v1/admin/audit/alerts/{id}/accept``) and the next
round goes through; the counter itself changes nothing (docs/security.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..storage.db import Store
from ..storage.models_security import AuditEntryRow
from . import state
from .client import SyncClient
from .errors import ServerRefused

CHAIN_BROKEN = "audit_chain_broken"


@dataclass
class AuditPushSummary:
    accepted: int = 0
    duplicate: int = 0
    batches: int = 0
    through: int = 0  # the cursor after the round
    epoch: int = 0  # the server's chain for this counter (a new one after an accepted restart)
    refused_vi: str = ""  # the server refused the chain: its Vietnamese message
    reached: bool = False  # the round got to this step

    def line(self) -> str:
        """The round's audit line (dòng nhật ký trong kết quả đồng bộ)."""
        if not self.reached:
            return "Nhật ký gửi thành phố: chưa gửi trong lượt này"
        if self.refused_vi:
            return (f"Nhật ký gửi thành phố: bị từ chối, đã xác nhận đến mục số {self.through} — "
                    "gọi bộ phận hỗ trợ kỹ thuật (help desk) của thành phố")
        return (f"Nhật ký gửi thành phố: {self.accepted} mục mới, {self.duplicate} đã có; "
                f"đã xác nhận đến mục số {self.through}")


def wire(row: AuditEntryRow) -> dict[str, Any]:
    """An entry as the server recomputes it: ``at`` is the very text the counter hashed."""
    return {"seq": row.id, "at": row.at.isoformat(), "actor": row.actor, "action": row.action,
            "target": row.target, "details": row.details, "prev_hash": row.prev_hash, "hash": row.hash}


def send(client: SyncClient, *, agency: str, counter: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    body = {"agency_code": agency, "counter_code": counter, "entries": entries}
    return client._call("POST", "/v1/audit/entries", json=body).json()


def push_audit(store: Store, client: SyncClient, *, agency: str, counter: str, batch_size: int = 200,
               max_batches: int | None = None, summary: AuditPushSummary | None = None) -> AuditPushSummary:
    """Send every entry not acknowledged yet (or ``max_batches`` batches of them), counting into ``summary``
    (which keeps the refusal when the server refuses the chain and this raises)."""
    summary = AuditPushSummary() if summary is None else summary
    summary.reached = True
    while max_batches is None or summary.batches < max_batches:
        with store.read() as s:
            through = int(state.get(s, state.AUDIT_SENT_THROUGH, "0") or 0)
            rows = s.scalars(select(AuditEntryRow).where(AuditEntryRow.id > through)
                             .order_by(AuditEntryRow.id).limit(batch_size)).all()
            entries = [wire(r) for r in rows]
        summary.through = through
        if not entries:
            break
        try:
            answer = send(client, agency=agency, counter=counter, entries=entries)
        except ServerRefused as exc:
            if exc.code == CHAIN_BROKEN:
                summary.refused_vi = exc.message_vi
            raise
        summary.batches += 1
        summary.epoch = answer.get("epoch", summary.epoch)
        summary.accepted += answer["accepted"]
        summary.duplicate += answer["duplicate"]
        summary.through = entries[-1]["seq"]
        store.write(lambda s, seq=summary.through: state.put(s, state.AUDIT_SENT_THROUGH, seq))
        if len(entries) < batch_size:
            break
    return summary
