"""Queue tables at the counter (phiếu xếp hàng, lượt phục vụ); owned by migration ``0008_queue``.

A visit is one queue ticket (issued at the kiosk, keyed in from paper, or called from the
city backend); each state change is a row of ``queue_visit_event`` with its time, so wait
and service times are computed from the data. ``queue_visit_dossier`` links the dossiers
received or returned during the visit; ratings point at the visit (``rating.visit_id``).
``queue_outbox`` holds the visit changes still to reconcile with the site's coordinator.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class QueueVisitRow(Base):
    """One ticket / visit of one day at the site."""

    __tablename__ = "queue_visit"
    __table_args__ = (UniqueConstraint("day", "number", name="uq_queue_visit_day_number"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID, the same on the backend
    day: Mapped[date] = mapped_column(index=True)
    number: Mapped[str] = mapped_column(String(16))  # A001, or the paper ticket's number
    area: Mapped[str] = mapped_column(String(32))  # service area (lĩnh vực / khu vực)
    priority: Mapped[int] = mapped_column(default=0)  # domain.queue.Priority
    state: Mapped[str] = mapped_column(String(16), index=True)  # domain.queue.VisitState value
    counter_code: Mapped[str | None] = mapped_column(String(32))
    officer: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime]
    recalls: Mapped[int] = mapped_column(default=0)
    paper: Mapped[bool] = mapped_column(default=False)  # keyed in from a paper ticket (offline)
    events: Mapped[list[QueueVisitEventRow]] = relationship(order_by="QueueVisitEventRow.id",
                                                            cascade="all, delete-orphan")
    dossiers: Mapped[list[QueueVisitDossierRow]] = relationship(order_by="QueueVisitDossierRow.at",
                                                                cascade="all, delete-orphan")


class QueueVisitEventRow(Base):
    """A state change of a visit, with its time and counter."""

    __tablename__ = "queue_visit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("queue_visit.id"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    counter_code: Mapped[str | None] = mapped_column(String(32))
    officer: Mapped[str | None] = mapped_column(String(64))


class QueueVisitDossierRow(Base):
    """A dossier received or returned during a visit (one visit may serve several)."""

    __tablename__ = "queue_visit_dossier"
    visit_id: Mapped[str] = mapped_column(ForeignKey("queue_visit.id"), primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)  # received | returned
    at: Mapped[datetime]


class QueueOutboxRow(Base):
    """A visit change to send to the site's queue coordinator (reconciled later when offline)."""

    __tablename__ = "queue_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)  # idempotency key
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # JSON, no personal data
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
