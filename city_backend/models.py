"""Server tables (SQLAlchemy 2). The schema is owned by ``city_backend/migrations``.

Every row that belongs to an agency carries ``agency_code``; every query of a counter's
request filters on it (``deps.Caller.agency_code``), so agency A never sees agency B.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Identity, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: 64-bit ids on PostgreSQL; SQLite (embedded demo) only auto-increments INTEGER PRIMARY KEY.
_BIGID = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Agency(Base):
    """Cơ quan / Bộ phận Một cửa."""

    __tablename__ = "agency"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Counter(Base):
    """A registered counter (quầy). Authenticates with a token bound to its public key."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("agency_code", "code"), UniqueConstraint("agency_code", "slot"))
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    slot: Mapped[int]  # 1..fallback slots: the counter's share of the offline fallback range
    public_key: Mapped[str] = mapped_column(Text, default="")
    key_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    registered_at: Mapped[datetime]
    revoked: Mapped[bool] = mapped_column(default=False)


class Officer(Base):
    """An officer of an agency. ``password_verifier`` (scrypt, the core's format) is checked at
    online sign-in, with a lockout after repeated failures; ``approval_key`` is the supervisor's
    approval key (``counter_app.security.approval_proof``), derived when the password is set."""

    __tablename__ = "officer"
    __table_args__ = (UniqueConstraint("agency_code", "username"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"), index=True)
    username: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    password_verifier: Mapped[str] = mapped_column(Text, default="", server_default="")
    approval_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    password_set_at: Mapped[datetime | None]
    failures: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None]


class ApprovalUse(Base):
    """A four-eyes approval the server accepted with an event: each approval is used once."""

    __tablename__ = "approval_use"
    approval_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))
    requested_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime]


class Dossier(Base):
    """The city's copy of a dossier (no personal data: the event payloads carry none)."""

    __tablename__ = "dossier"
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    counter_code: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    procedure_code: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    device_updated_at: Mapped[datetime | None]
    server_updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)


class DossierEvent(Base):
    """One applied event; ``event_id`` is the client's idempotency key (applied exactly once)."""

    __tablename__ = "dossier_event"
    id: Mapped[int] = mapped_column(_BIGID, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    agency_code: Mapped[str] = mapped_column(String(32), index=True)
    counter_code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(64))
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict] = mapped_column(JSON)
    device_at: Mapped[datetime]  # when the counter made the change (its clock)
    received_at: Mapped[datetime]  # when the server got it (server clock, UTC)
    skew_seconds: Mapped[float] = mapped_column(default=0.0)


class Change(Base):
    """The pull feed: one row per change a counter must learn, ordered by ``seq`` per agency.

    ``agency_code`` NULL means city-wide (catalog, city holidays). Writers take a per-agency
    advisory lock before inserting, so within an agency seq order is commit order."""

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_agency_seq", "agency_code", "seq"),)
    seq: Mapped[int] = mapped_column(_BIGID, Identity(), primary_key=True)
    agency_code: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    origin_counter: Mapped[str] = mapped_column(String(32), default="")
    body: Mapped[dict] = mapped_column(JSON)
    at: Mapped[datetime]


class ProcedureVersion(Base):
    """A published version of a procedure of the catalog (thủ tục hành chính)."""

    __tablename__ = "procedure_version"
    __table_args__ = (UniqueConstraint("code", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    version: Mapped[int]
    body: Mapped[dict] = mapped_column(JSON)
    published_at: Mapped[datetime]


class HolidayOverride(Base):
    __tablename__ = "holiday_override"
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str | None] = mapped_column(String(32), index=True)
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")


class LeaseHighWater(Base):
    """The last sequence number leased per agency and day (cấp khối số hồ sơ)."""

    __tablename__ = "lease_high_water"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    last_leased: Mapped[int] = mapped_column(default=0)


class NumberLease(Base):
    __tablename__ = "number_lease"
    __table_args__ = (Index("ix_number_lease_agency_day", "agency_code", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32))
    day: Mapped[date]
    counter_code: Mapped[str] = mapped_column(String(32))
    first: Mapped[int]
    last: Mapped[int]
    granted_at: Mapped[datetime]


class Attachment(Base):
    """A content-addressed file (SHA-256) of one agency; ``complete`` once verified."""

    __tablename__ = "attachment"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class AuditEvent(Base):
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str | None] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime]


__all__ = ["Base", "Agency", "Counter", "Officer", "ApprovalUse", "Dossier", "DossierEvent", "Change",
           "ProcedureVersion", "HolidayOverride", "LeaseHighWater", "NumberLease", "Attachment", "AuditEvent"]


class OnlineDossier(Base):
    """A dossier submitted on the public portal (hồ sơ trực tuyến, kênh 2) or registered as
    arrived by post (kênh 3), waiting for reception by a counter of its agency.

    ``applicant`` holds what the citizen typed on the portal (the portal's own data); it is
    served only to counters of the agency and never copied into events or the feed. Once a
    counter takes the submission it is erased: ``{"erased": true, "kind", "sha256"}``
    (``routes_online.erase_applicant``; older taken rows by migration 0007)."""

    __tablename__ = "online_dossier"
    __table_args__ = (Index("ix_online_dossier_agency_state", "agency_code", "state"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"))
    channel: Mapped[int] = mapped_column(default=2)
    procedure_code: Mapped[str] = mapped_column(String(64))
    applicant: Mapped[dict] = mapped_column(JSON, default=dict)
    files: Mapped[list] = mapped_column(JSON, default=list)
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16), default="waiting")  # waiting | taken
    dossier_code: Mapped[str] = mapped_column(String(64), default="")
    taken_by: Mapped[str] = mapped_column(String(32), default="")
    submitted_at: Mapped[datetime]
    taken_at: Mapped[datetime | None]


__all__ += ["OnlineDossier"]

from . import models_app, models_queue  # noqa: E402,F401  (feature tables, same metadata)
from . import models_audit  # noqa: E402,F401  (counters' audit chains, same metadata)
