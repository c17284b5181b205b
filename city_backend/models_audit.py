"""Server tables of the counters' audit chains (owned by migration ``0006_counter_audit``).

``counter_audit_entry`` is the city's copy of each counter's hash-chained audit log (nhật ký),
keyed (agency, counter, seq), stored only after the server recomputed every hash and checked
the link with the entry before (``city_backend.audit_chains``); it names targets (dossier codes),
never personal data. ``counter_audit_alert`` records a chain that did not verify, once per
counter, entry and reason (``repeats`` counts the counter's later attempts with the same break).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, _BIGID


class CounterAuditEntry(Base):
    __tablename__ = "counter_audit_entry"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # the counter's local time, exactly the text it hashed
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128))
    details: Mapped[str] = mapped_column(Text)  # JSON text, as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class CounterAuditAlert(Base):
    """A counter's chain that did not verify (cảnh báo nhật ký bị sửa hoặc xóa)."""

    __tablename__ = "counter_audit_alert"
    __table_args__ = (UniqueConstraint("agency_code", "counter_code", "seq", "reason"),
                      Index("ix_counter_audit_alert_agency", "agency_code", "id"))
    id: Mapped[int] = mapped_column(_BIGID, primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32))
    counter_code: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(BigInteger)  # the first entry that breaks the chain
    reason: Mapped[str] = mapped_column(String(200))
    first_at: Mapped[datetime]
    last_at: Mapped[datetime]
    repeats: Mapped[int] = mapped_column(default=1)
