"""Server tables of the counters' audit chains (owned by migration ``0006_counter_audit``).

``counter_audit_entry`` is the city's copy of each counter's hash-chained audit log (nhật ký),
keyed (agency, counter, epoch, seq), stored only after the server recomputed every hash and
checked the link with the entry before (``city_backend.audit_chains``); it names targets
(dossier codes), never personal data. An **epoch** is one chain of a counter: epoch 1 from its
first entry; a new epoch opens only when an administrator accepted a restarted chain (the
counter's database replaced); older epochs are kept, read-only. ``accepted_alert_id`` marks the
entry stored as sent because an administrator accepted the break at it.

``counter_audit_alert`` records a chain that did not verify, once per counter, epoch, entry and
reason (``repeats`` counts the counter's later attempts with the same break), and, once an
administrator accepted it, who, when and why (chấp nhận điểm đứt của chuỗi nhật ký).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, _BIGID

#: Kinds of break (``CounterAuditAlert.kind``): what accepting it does.
CONTINUE = "continue"  # an entry edited/deleted/reordered after what the server holds: store it as sent, go on
RESTART = "restart"  # the chain restarts at 1 from GENESIS (database replaced): open a new epoch
REWRITE = "rewrite"  # entries the server already holds sent differently, or seq going back: not acceptable
BREAK_KINDS = (CONTINUE, RESTART, REWRITE)


class CounterAuditEntry(Base):
    __tablename__ = "counter_audit_entry"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    epoch: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # the counter's local time, exactly the text it hashed
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128))
    details: Mapped[str] = mapped_column(Text)  # JSON text, as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]
    accepted_alert_id: Mapped[int | None] = mapped_column(BigInteger)  # stored unverified: this break was accepted


class CounterAuditAlert(Base):
    """A counter's chain that did not verify (cảnh báo nhật ký bị sửa hoặc xóa)."""

    __tablename__ = "counter_audit_alert"
    __table_args__ = (UniqueConstraint("agency_code", "counter_code", "epoch", "seq", "reason"),
                      Index("ix_counter_audit_alert_agency", "agency_code", "id"))
    id: Mapped[int] = mapped_column(_BIGID, primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32))
    counter_code: Mapped[str] = mapped_column(String(32))
    epoch: Mapped[int] = mapped_column(default=1)  # the chain the break was found in
    seq: Mapped[int] = mapped_column(BigInteger)  # the first entry that breaks the chain
    reason: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # one of BREAK_KINDS
    first_at: Mapped[datetime]
    last_at: Mapped[datetime]
    repeats: Mapped[int] = mapped_column(default=1)
    accepted_by: Mapped[str | None] = mapped_column(String(64))  # the administrator who decided
    accepted_at: Mapped[datetime | None]
    accept_reason: Mapped[str | None] = mapped_column(Text)
    applied_at: Mapped[datetime | None]  # when the counter's next push went through the accepted break
