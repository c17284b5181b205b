"""The server's re-check of four-eyes approvals carried by pushed events (kiểm tra phê duyệt).

A counter could be modified, or its database edited, to skip the supervisor; so the server
checks each four-eyes event itself against its own officer table: the approval is there,
is for this action and target, names two different officers of the caller's agency, the
requester's role may do the action and the approver's may approve (the core's one
permission table), the proof verifies under the approver's approval key, it was given
shortly before the event, and it was never used before. Any failure rejects the event with
its own reason code, as the push does for other rejections.

A refusal at reception (``dossier.refuse``) is approved before its dossier code exists, so its
target is checked against what the server knows of the dossier (:meth:`Checker._refusal_problem`):
the resumed dossier's own code; ``reception:<procedure>:<digest>`` of the event's procedure (the
applicant digest cannot be checked by a server holding no personal data); an online submission of
this agency, of the same procedure and channel, not taken under another code; or a postal
tracking number on a postal dossier. An approval given for dossier A never passes on dossier B.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.organisation import Role
from counter_app.security import approval_proof
from counter_app.security.approval_proof import ApprovalClaim
from counter_app.security.permissions import Action, allowed

from .models import ApprovalUse, Officer, OnlineDossier
from .schemas import EventIn, EventResult, EventResultKind

#: How long before its event an approval may have been given (the counter allows 5 minutes).
MAX_AGE = timedelta(minutes=6)
_CLOCK_SLACK = timedelta(seconds=60)

_REASONS = {
    "approval_missing": "Thao tác cần lãnh đạo phê duyệt nhưng không kèm phê duyệt hợp lệ; hệ thống của thành phố "
                        "không ghi nhận. Làm lại thao tác với phê duyệt của lãnh đạo.",
    "approval_mismatch": "Phê duyệt kèm theo không đúng thao tác hoặc hồ sơ này; hệ thống của thành phố không ghi "
                         "nhận. Làm lại thao tác với phê duyệt của lãnh đạo.",
    "self_approval": "Cán bộ không thể tự phê duyệt thao tác của chính mình; hệ thống của thành phố không ghi nhận.",
    "approval_unknown_officer": "Cán bộ trong phê duyệt không thuộc cơ quan này trên hệ thống của thành phố. "
                                "Báo quản trị hệ thống.",
    "permission_denied": "Tài khoản của cán bộ thực hiện không có quyền làm thao tác này; hệ thống của thành phố "
                         "không ghi nhận.",
    "approval_not_supervisor": "Người phê duyệt không có quyền phê duyệt (cần tài khoản lãnh đạo); hệ thống của "
                               "thành phố không ghi nhận.",
    "approval_forged": "Phê duyệt không xác thực được bằng mật khẩu của lãnh đạo (có thể bị giả mạo); hệ thống của "
                       "thành phố không ghi nhận. Báo ngay cho lãnh đạo và quản trị hệ thống.",
    "approval_expired": "Phê duyệt đã quá hạn khi thao tác được thực hiện; hệ thống của thành phố không ghi nhận.",
    "approval_reused": "Phê duyệt này đã được dùng cho một thao tác khác; mỗi phê duyệt chỉ dùng một lần.",
}


def _rejected(event_id: str, code: str) -> EventResult:
    return EventResult(event_id=event_id, result=EventResultKind.rejected, reason_code=code, reason_vi=_REASONS[code])


class Checker:
    """The approvals of one pushed batch, with the officers and past uses they refer to."""

    def __init__(self, agency_code: str, officers: dict[str, Officer], used: set[str],
                 submissions: dict[str, OnlineDossier] | None = None) -> None:
        self.agency_code, self.officers, self.used = agency_code, officers, used
        self.submissions = submissions or {}  # online/postal submissions named by refusal approvals

    @classmethod
    def load(cls, session: Session, agency_code: str, events: list[EventIn]) -> "Checker":
        claims = [ApprovalClaim.from_wire(e.payload.get("approval")) for e in events
                  if approval_proof.required_action(e.kind, e.payload) is not None]
        claims = [c for c in claims if c is not None]
        names = {n for c in claims for n in (c.requested_by, c.approved_by)}
        officers = {o.username: o for o in session.scalars(select(Officer).where(
            Officer.agency_code == agency_code, Officer.username.in_(names)))} if names else {}
        ids = {c.id for c in claims}
        used = set(session.scalars(select(ApprovalUse.approval_id).where(ApprovalUse.approval_id.in_(ids)))) \
            if ids else set()
        targets = {c.target for c in claims if c.action == Action.REFUSE_DOSSIER.value and len(c.target) <= 36}
        submissions = {o.id: o for o in session.scalars(select(OnlineDossier).where(
            OnlineDossier.agency_code == agency_code, OnlineDossier.id.in_(targets)))} if targets else {}
        return cls(agency_code, officers, used, submissions)

    def check(self, event: EventIn, event_id: str, device_at: datetime) -> EventResult | dict[str, Any] | None:
        """None: no approval needed; a rejection; or the use to record if the event is applied."""
        action = approval_proof.required_action(event.kind, event.payload)
        if action is None:
            return None
        claim = ApprovalClaim.from_wire(event.payload.get("approval"))
        if claim is None:
            return _rejected(event_id, "approval_missing")
        problem = self._problem(claim, action, event, device_at)
        if problem:
            return _rejected(event_id, problem)
        return {"approval_id": claim.id, "agency_code": self.agency_code, "action": claim.action,
                "requested_by": claim.requested_by, "approved_by": claim.approved_by}

    def _problem(self, claim: ApprovalClaim, action: Action, event: EventIn, device_at: datetime) -> str | None:
        expected = approval_proof.expected_target(event.kind, event.aggregate, event.payload)
        if claim.action != action.value or (expected is not None and claim.target != expected):
            return "approval_mismatch"
        if expected is None and event.kind == "dossier.refuse" and not self._refusal_fits(claim.target, event):
            return "approval_mismatch"  # approved for another dossier
        if claim.approved_by == claim.requested_by:
            return "self_approval"
        requester, approver = self.officers.get(claim.requested_by), self.officers.get(claim.approved_by)
        if requester is None or approver is None:
            return "approval_unknown_officer"
        if not _may(requester.role, action):
            return "permission_denied"
        if not _may(approver.role, Action.APPROVE):
            return "approval_not_supervisor"
        key = approval_proof.decode_key(approver.approval_key)
        if key is None or not approval_proof.verify(claim, key):
            return "approval_forged"
        try:
            age = device_at - datetime.fromisoformat(claim.approved_at)
        except ValueError:
            return "approval_mismatch"
        if not (-_CLOCK_SLACK <= age <= MAX_AGE):
            return "approval_expired"
        if claim.id in self.used:
            return "approval_reused"
        return None


    def _refusal_fits(self, target: str, event: EventIn) -> bool:
        """Whether a refusal approval's ``target`` (``services.dossiers.refusal_target``, the online
        submission id, or the postal tracking number) can be this dossier's."""
        payload, code = event.payload, event.aggregate
        procedure, channel = payload.get("procedure_code"), payload.get("channel")
        if target == code:  # the resumed dossier
            return True
        if target.startswith("reception:"):
            parts = target.split(":", 2)
            return len(parts) < 3 or parts[1] == procedure  # (a two-part target names no procedure)
        submission = self.submissions.get(target)
        if submission is not None:
            return (submission.procedure_code == procedure and channel == submission.channel
                    and (submission.state == "waiting" or submission.dossier_code == code))
        if channel == 3:  # a postal dossier: approved on the tracking number on the envelope
            from counter_app.services.online import TrackingNumberError, parse_tracking_number

            try:
                return parse_tracking_number(target) == target
            except TrackingNumberError:
                return False
        return False


def _may(role: str, action: Action) -> bool:
    try:
        return allowed(Role(role), action)
    except ValueError:  # an unknown role may do nothing
        return False
