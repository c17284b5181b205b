"""Four-eyes approvals (phê duyệt bốn mắt).

A four-eyes action (refusal, reprint, extension, cancellation, handoff batch) needs a
supervisor's approval given *at that moment* with the supervisor's own credentials.
Nobody approves their own action. The approval names one action on one target, is
valid for a few minutes and is consumed once; the server re-checks it on sync.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..storage.models_security import ApprovalRow
from . import audit
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
    row = ApprovalRow(id=str(uuid.uuid4()), action=action.value, target=target, requested_by=requested_by,
                      approved_by=supervisor, approved_at=now, reason=reason, used_at=None)
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
    return row
