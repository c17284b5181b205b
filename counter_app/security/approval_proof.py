"""Approval proofs the city backend can verify (bằng chứng phê duyệt bốn mắt).

A supervisor approves at the counter by typing their password. From that password (and
their username and agency) the counter derives an *approval key* with scrypt; the server
derives the very same key when the password is set, and keeps it. The proof is an
HMAC-SHA256 of the approval's fields under that key, so the server can check that the
supervisor named really typed their password for exactly this action, target and
requesting officer. The counter never stores the key: it exists only while the approval is
given. Trade-off (docs/security.md): whoever reads the server's officer table can forge
approvals (not sign in); asymmetric signatures with the supervisor's token would avoid that.

:func:`required_action` is the one table, shared by counter and server, of which pushed
events are four-eyes and which approval target they must carry.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from .permissions import Action

_KDF_N, _KDF_R, _KDF_P = 2**14, 8, 1  # ~25 ms; the server derives once per password set


def derive_key(*, agency_code: str, username: str, password: str) -> bytes:
    """The supervisor's approval key (deterministic: the server computes the same one)."""
    salt = hashlib.sha256(f"qmc-approval-v1|{agency_code}|{username}".encode()).digest()
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_KDF_N, r=_KDF_R, p=_KDF_P, dklen=32,
                          maxmem=64 * 1024 * 1024)


def encode_key(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes | None:
    """The stored key, or None when none is set (no password yet) or it is malformed."""
    try:
        key = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return None
    return key if len(key) == 32 else None


@dataclass(frozen=True)
class ApprovalClaim:
    """What travels with a four-eyes event (no personal data: officer usernames and codes)."""

    id: str
    action: str
    target: str
    requested_by: str
    approved_by: str
    approved_at: str  # ISO, local time of the counter
    proof: str = ""

    def message(self) -> bytes:
        return "\x1f".join(["qmc-approval-v1", self.id, self.action, self.target, self.requested_by,
                            self.approved_by, self.approved_at]).encode("utf-8")

    def to_wire(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_wire(cls, value: Any) -> "ApprovalClaim | None":
        """Parse what a counter sent; anything malformed is None (the server answers ``approval_missing``)."""
        if not isinstance(value, dict):
            return None
        fields = ("id", "action", "target", "requested_by", "approved_by", "approved_at", "proof")
        if not all(isinstance(value.get(f), str) and 0 < len(value[f]) <= 200 for f in fields):
            return None
        return cls(**{f: value[f] for f in fields})


def sign(claim: ApprovalClaim, key: bytes) -> ApprovalClaim:
    proof = hmac.new(key, claim.message(), hashlib.sha256).hexdigest()
    return ApprovalClaim(**{**asdict(claim), "proof": proof})


def verify(claim: ApprovalClaim, key: bytes) -> bool:
    expected = hmac.new(key, claim.message(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, claim.proof)


def claim_for(*, id: str, action: Action, target: str, requested_by: str, approved_by: str,
              approved_at: datetime, key: bytes) -> ApprovalClaim:
    return sign(ApprovalClaim(id, action.value, target, requested_by, approved_by,
                              approved_at.isoformat(timespec="seconds")), key)


#: Status moves that are four-eyes when a counter makes them.
_STATUS_ACTIONS = {"refused": Action.REFUSE_DOSSIER, "cancelled": Action.CANCEL_DOSSIER,
                   "withdrawn": Action.WITHDRAW_DOSSIER}
_KIND_ACTIONS = {"dossier.refuse": Action.REFUSE_DOSSIER, "dossier.extension": Action.EXTEND_DEADLINE,
                 "fee.refund": Action.REFUND_FEE, "fee.cancel": Action.REFUND_FEE,
                 "handoff.batch": Action.HANDOFF_BATCH,
                 "receipt.reprint": Action.REPRINT_RECEIPT}


def required_action(kind: str, payload: dict[str, Any]) -> Action | None:
    """The four-eyes action a pushed event stands for, or None when it needs no approval."""
    if kind in _KIND_ACTIONS:
        return _KIND_ACTIONS[kind]
    if kind == "dossier.status":
        return _STATUS_ACTIONS.get(str(payload.get("status")))
    return None


def fee_target(kind: str, code: str, receipt_no: str, amount_vnd: int) -> str:
    """The approval target of a fee refund or cancellation: the dossier, the receipt and the
    amount, so the supervisor approves a sum (= services.fees.refund_target / cancel_target)."""
    return f"{'fee-refund' if kind == 'fee.refund' else 'fee-cancel'}:{code}:{receipt_no}:{int(amount_vnd)}"


def expected_target(kind: str, aggregate: str, payload: dict[str, Any]) -> str | None:
    """The approval target the event must carry; None when only the counter can know it
    (a refusal at first reception is approved before its dossier code exists)."""
    if kind == "handoff.batch":
        codes = payload.get("codes")
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            return ""
        digest = hashlib.sha256("\n".join(sorted(codes)).encode("utf-8")).hexdigest()[:32]
        return f"handoff-batch:{len(codes)}:{digest}"  # = services.handoffs.batch_target
    if kind == "dossier.refuse":
        return None  # services.dossiers.refusal_target: the resumed code, or "reception:…"
    if kind in ("fee.refund", "fee.cancel") and "receipt_no" in payload:  # older refunds named the dossier only
        try:
            return fee_target(kind, aggregate, str(payload["receipt_no"]), int(payload.get("amount_vnd")))
        except (TypeError, ValueError):
            return ""
    if kind == "dossier.extension" and isinstance(payload.get("new_due_at"), str):
        return extension_target(aggregate, payload["new_due_at"])  # the approval names the new date
    return aggregate


def extension_target(code: str, new_due_at_iso: str) -> str:
    """What a supervisor approves for an extension (Mẫu 04): this dossier moved to this new date."""
    return f"{code}|hẹn mới {new_due_at_iso}"
