"""Client-side sync tables (đồng bộ với hệ thống của thành phố).

Owned by migration ``0005_sync``. The outbox itself is ``models.OutboxEventRow`` (written
by the services in the same transaction as each change); these tables hold what the
sync layer learns: its key/value state (server, cursor, last success…), final rejections
to show the officer, number blocks leased ahead from the server, and upload progress.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class SyncStateRow(Base):
    """Key/value state of the sync layer (cursor, server URL, last success, offline since…)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncRejectionRow(Base):
    """An outbox event the server refused for good, with the reason to show the officer."""

    __tablename__ = "sync_rejection"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    aggregate: Mapped[str] = mapped_column(String(64), index=True)
    reason_code: Mapped[str] = mapped_column(String(64))
    reason_vi: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]


class SyncLeasePoolRow(Base):
    """A block of dossier numbers granted by the server ahead of need, not yet in use."""

    __tablename__ = "sync_lease_pool"
    __table_args__ = (Index("ix_sync_lease_pool_agency_day", "agency_code", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32))
    day: Mapped[date]
    first: Mapped[int]
    last: Mapped[int]
    fetched_at: Mapped[datetime]
    taken_at: Mapped[datetime | None]


class SyncUploadRow(Base):
    """Progress of one attachment upload (content-addressed by SHA-256)."""

    __tablename__ = "sync_upload"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int]
    uploaded: Mapped[int] = mapped_column(default=0)
    done_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
