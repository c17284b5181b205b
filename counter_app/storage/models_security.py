"""Security tables: cached sign-in verifiers, four-eyes approvals, the hash-chained audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CachedCredentialRow(Base):
    """An officer's offline verifier, cached after a successful online sign-in."""

    __tablename__ = "cached_credential"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    verifier: Mapped[str] = mapped_column(String(255))
    cached_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class ApprovalRow(Base):
    """A supervisor's approval of one action on one target (phê duyệt bốn mắt)."""

    __tablename__ = "approval"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(128))
    requested_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")
    used_at: Mapped[datetime | None]
    #: HMAC of the approval under the supervisor's approval key (security.approval_proof):
    #: what the server checks when the four-eyes event is pushed.
    proof: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AuditEntryRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE); each entry hashes the previous one."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
