"""ORM tables of the local store (SQLAlchemy 2, typed).

The schema is owned by the Alembic migrations in ``migrations/versions``; these
classes must match them (``tests/storage/test_migrations.py`` compares the two).
Personal data (names, ID numbers, addresses) lives only in ``dossier`` and is
encrypted at rest with the whole database (SQLCipher, security issue).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class AgencyRow(Base):
    __tablename__ = "agency"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    level: Mapped[str] = mapped_column(String(8))


class CounterRow(Base):
    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("agency_code", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(255))


class OfficerRow(Base):
    __tablename__ = "officer"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"))


class ProcedureRow(Base):
    __tablename__ = "procedure"
    __table_args__ = (UniqueConstraint("code", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(default=1)
    name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(255))
    level: Mapped[str] = mapped_column(String(8))
    processing_agency: Mapped[str] = mapped_column(String(255))
    limit_kind: Mapped[str] = mapped_column(String(16))
    limit_value: Mapped[float] = mapped_column(default=0)
    result_type: Mapped[str] = mapped_column(Text, default="")
    legal_basis_text: Mapped[str] = mapped_column(Text, default="")
    published_by: Mapped[str] = mapped_column(Text, default="")
    form_version: Mapped[str | None] = mapped_column(String(16))
    is_demo: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    keywords: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # unaccented, lower-case
    components: Mapped[list[ProcedureComponentRow]] = relationship(
        order_by="ProcedureComponentRow.position", cascade="all, delete-orphan")
    fees: Mapped[list[ProcedureFeeRow]] = relationship(cascade="all, delete-orphan")


class ProcedureComponentRow(Base):
    __tablename__ = "procedure_component"
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(default=1)
    copies: Mapped[int] = mapped_column(default=0)
    mandatory: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ProcedureFeeRow(Base):
    __tablename__ = "procedure_fee"
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    amount_vnd: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarOverrideRow(Base):
    """An extra day off or a swapped working day (ngày nghỉ bù / ngày làm bù)."""

    __tablename__ = "calendar_override"
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str | None] = mapped_column(String(32), index=True)
    day: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime]


class NumberLeaseRow(Base):
    """A block of dossier sequence numbers this counter may issue for one agency and day."""

    __tablename__ = "number_lease"
    __table_args__ = (Index("ix_number_lease_agency_day", "agency_code", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32))
    day: Mapped[date]
    first: Mapped[int]
    last: Mapped[int]
    next_value: Mapped[int]
    source: Mapped[str] = mapped_column(String(16))  # "local" | "server"
    counter_code: Mapped[str] = mapped_column(String(32))
    leased_at: Mapped[datetime]


class NumberHighWaterRow(Base):
    """Local lease source: the highest number handed out in a block per agency and day."""

    __tablename__ = "number_high_water"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    last_leased: Mapped[int] = mapped_column(default=0)


class OutboxEventRow(Base):
    """An event to push to the city backend, written in the same transaction as its change."""

    __tablename__ = "outbox_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)  # idempotency key
    kind: Mapped[str] = mapped_column(String(64))
    aggregate: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(default=0)


class SettingRow(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


from .models_dossier import (  # noqa: E402,F401  (same metadata)
    DossierComponentRow, DossierPauseRow, DossierRow, HandoffRow, StatusChangeRow)
from .models_attachments import AttachmentRow  # noqa: E402,F401
from .models_printing import PrintRecordRow  # noqa: E402,F401
from .models_sync import SyncLeasePoolRow, SyncRejectionRow, SyncStateRow, SyncUploadRow  # noqa: E402,F401
from .models_security import ApprovalRow, AuditEntryRow, CachedCredentialRow  # noqa: E402,F401
from .models_lifecycle import ExtensionRow, PaymentRow, RatingRow  # noqa: E402,F401
from . import models_channels, models_queue, models_returns  # noqa: E402,F401  (feature tables)
