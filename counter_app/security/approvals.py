"""Four-eyes approvals (phê duyệt bốn mắt).

A four-eyes action (refusal, reprint, extension, cancellation, handoff batch) needs a
supervisor's approval given *at that moment* with the supervisor's own credentials.
Nobody approves their own action. The approval names one action on one target, is
valid for a few minutes and is consumed once; the server re-checks it on sync.

The approval carries a proof (:mod:`.approval_proof`) keyed by the supervisor's password.
When an operation consumes an approval and queues its outbox event in the same transaction,
the event's payload gets the approval (``payload["approval"]``) at flush time, so every
four-eyes event leaves the counter with what the server needs to check it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import json

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ..storage.models import OfficerRow, OutboxEventRow
from ..storage.models_security import ApprovalRow
from . import approval_proof, audit
from .permissions import Action, PermissionDenied, require
from .signin import SecurityPolicy, check_password


@dataclass(frozen=True)
class Approval:
    id: str
    action: Action
    target: str
    requested_by: str
    approved_by: str
    approved_at: datetime


def approve(session: Session, *, action: Action, target: str, requested_by: str, supervisor: str,
            password: str, now: datetime, reason: str = "", policy: SecurityPolicy = SecurityPolicy()) -> Approval:
    """The supervisor approves ``action`` on ``target`` for ``requested_by`` (credentials checked now)."""
    if supervisor == requested_by:
        raise PermissionDenied("self-approval", "Không thể tự phê duyệt thao tác của chính mình. "
                                                "Mời lãnh đạo khác phê duyệt.")
    officer = check_password(session, username=supervisor, password=password, now=now, policy=policy)
    require(officer.role, Action.APPROVE)
    agency = session.scalar(select(OfficerRow.agency_code).where(OfficerRow.username == supervisor)) or ""
    approval_id = str(uuid.uuid4())
    claim = approval_proof.claim_for(
        id=approval_id, action=action, target=target, requested_by=requested_by, approved_by=supervisor,
        approved_at=now, key=approval_proof.derive_key(agency_code=agency, username=supervisor, password=password))
    row = ApprovalRow(id=approval_id, action=action.value, target=target, requested_by=requested_by,
                      approved_by=supervisor, approved_at=now, reason=reason, used_at=None, proof=claim.proof)
    session.add(row)
    audit.append(session, actor=supervisor, action="approve", target=target,
                 details={"action": action.value, "requested_by": requested_by, "approval": row.id}, at=now)
    return Approval(row.id, action, target, requested_by, supervisor, now)


def consume(session: Session, *, approval_id: str, action: Action, target: str, by: str, now: datetime,
            policy: SecurityPolicy = SecurityPolicy()) -> ApprovalRow:
    """Check and use an approval for exactly this action, target and requester, once."""
    row = session.get(ApprovalRow, approval_id) if approval_id else None
    problem = None
    if row is None:
        problem = "unknown approval"
    elif row.action != action.value or row.target != target or row.requested_by != by:
        problem = "approval is for another action, target or officer"
    elif row.used_at is not None:
        problem = "approval already used"
    elif now - row.approved_at > policy.approval_validity:
        problem = "approval expired"
    elif row.approved_by == by:
        problem = "self-approval"
    if problem:
        raise PermissionDenied(problem, f"Thao tác “{action.label_vi}” cần lãnh đạo phê duyệt ngay lúc này "
                                        "(phê duyệt không hợp lệ hoặc đã hết hạn).")
    row.used_at = now
    session.flush()
    session.info.setdefault(_CONSUMED, []).append(row)
    return row


_CONSUMED = "qmc.consumed_approvals"


def consumed_in(session: Session, action: Action) -> bool:
    """Whether an approval of ``action`` was consumed in this transaction and not yet attached."""
    return any(r.action == action.value for r in session.info.get(_CONSUMED, ()))


def claim_of(row: ApprovalRow) -> approval_proof.ApprovalClaim:
    return approval_proof.ApprovalClaim(row.id, row.action, row.target, row.requested_by, row.approved_by,
                                        row.approved_at.isoformat(timespec="seconds"), row.proof)


@event.listens_for(Session, "before_flush")
def _attach_to_events(session: Session, _ctx, _instances) -> None:
    """Put each consumed approval into the payload of the four-eyes event queued with it."""
    consumed = session.info.get(_CONSUMED)
    if not consumed:
        return
    for obj in list(session.new):
        if not isinstance(obj, OutboxEventRow):
            continue
        payload = json.loads(obj.payload)
        action = approval_proof.required_action(obj.kind, payload)
        if action is None or "approval" in payload:
            continue
        row = next((r for r in consumed if r.action == action.value), None)
        if row is None:
            continue
        consumed.remove(row)
        payload["approval"] = claim_of(row).to_wire()
        obj.payload = json.dumps(payload, ensure_ascii=False, sort_keys=True)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_CONSUMED, None)
