"""Server tables of the queue (owned by migration ``0004_queue``): the site's coordinator.

``queue_ticket`` is one visit of a day at an agency's site (its id is the counters' visit
id); ``queue_call`` is the feed the calling displays long-poll (``seq`` is in commit order
per agency: writers hold the agency's queue lock while inserting); ``queue_event`` keeps
every applied change once (its id is the idempotency key of a counter's reconcile).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Identity, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

_BIGID = BigInteger().with_variant(Integer(), "sqlite")


class QueueTicket(Base):
    __tablename__ = "queue_ticket"
    __table_args__ = (UniqueConstraint("agency_code", "day", "number", "paper", name="uq_queue_ticket_number"),
                      Index("ix_queue_ticket_agency_day_state", "agency_code", "day", "state"))
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("agency.code"))
    day: Mapped[date]
    number: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(32))
    priority: Mapped[int] = mapped_column(default=0)
    state: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str | None] = mapped_column(String(32))  # calling / serving / directed-to counter
    issued_at: Mapped[datetime]
    called_at: Mapped[datetime | None]  # first call
    finished_at: Mapped[datetime | None]  # done or no-show
    recalls: Mapped[int] = mapped_column(default=0)
    paper: Mapped[bool] = mapped_column(default=False)


class QueueSeq(Base):
    """The last number issued per agency, day and prefix (A001, A002…)."""

    __tablename__ = "queue_seq"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last: Mapped[int]


class QueueCall(Base):
    """A call (or recall) to show and speak on the site's displays."""

    __tablename__ = "queue_call"
    __table_args__ = (Index("ix_queue_call_agency_seq", "agency_code", "seq"),)
    seq: Mapped[int] = mapped_column(_BIGID, Identity(), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32))
    ticket_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(32))
    counter_code: Mapped[str] = mapped_column(String(32))
    recall: Mapped[bool] = mapped_column(default=False)
    at: Mapped[datetime]


class QueueEvent(Base):
    """A change applied to a ticket, once (the timeline; ``event_id`` = idempotency key)."""

    __tablename__ = "queue_event"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32), index=True)
    ticket_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    counter_code: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[datetime]  # when it happened at the counter (server time for server-side calls)
    received_at: Mapped[datetime]
