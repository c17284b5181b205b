"""Dossier tables: the dossier with its applicant snapshot, checklist, history, pauses, handoffs."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class DossierRow(Base):
    __tablename__ = "dossier"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    agency_code: Mapped[str] = mapped_column(String(32), index=True)
    counter_code: Mapped[str] = mapped_column(String(32))
    officer: Mapped[str] = mapped_column(String(64))
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedure.id"))
    procedure_code: Mapped[str] = mapped_column(String(64), index=True)
    procedure_name: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(String(16))
    channel: Mapped[int]
    status: Mapped[str] = mapped_column(String(32), index=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    counting_start: Mapped[datetime | None]
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    limit_kind: Mapped[str] = mapped_column(String(16))
    limit_value: Mapped[float] = mapped_column(default=0)
    fee_vnd: Mapped[int] = mapped_column(default=0)
    reception_supplements: Mapped[int] = mapped_column(default=0)
    reason: Mapped[str] = mapped_column(Text, default="")  # refusal / supplement reason
    # Applicant (chủ hồ sơ) snapshot as received — personal data.
    applicant_kind: Mapped[str] = mapped_column(String(16))
    applicant_name: Mapped[str] = mapped_column(Text)
    applicant_id_number: Mapped[str] = mapped_column(String(16), default="", index=True)
    applicant_tax_code: Mapped[str] = mapped_column(String(16), default="")
    applicant_dob: Mapped[date | None]
    applicant_sex: Mapped[str | None] = mapped_column(String(8))
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    applicant_source: Mapped[str] = mapped_column(String(8), default="typed")
    submitter_name: Mapped[str] = mapped_column(Text, default="")
    submitter_id_number: Mapped[str] = mapped_column(String(16), default="")
    submitter_relation: Mapped[str] = mapped_column(Text, default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    contact_email: Mapped[str] = mapped_column(String(255), default="")
    contact_address: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    row_version: Mapped[int] = mapped_column(default=1)
    components: Mapped[list[DossierComponentRow]] = relationship(
        order_by="DossierComponentRow.position", cascade="all, delete-orphan")
    history: Mapped[list[StatusChangeRow]] = relationship(
        order_by="StatusChangeRow.id", cascade="all, delete-orphan")
    pauses: Mapped[list[DossierPauseRow]] = relationship(
        order_by="DossierPauseRow.id", cascade="all, delete-orphan")
    handoffs: Mapped[list[HandoffRow]] = relationship(
        order_by="HandoffRow.seq", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": row_version}


class DossierComponentRow(Base):
    __tablename__ = "dossier_component"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    required_originals: Mapped[int]
    required_copies: Mapped[int]
    mandatory: Mapped[bool]
    originals: Mapped[int] = mapped_column(default=0)
    copies: Mapped[int] = mapped_column(default=0)


class StatusChangeRow(Base):
    __tablename__ = "status_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    officer: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")


class DossierPauseRow(Base):
    """Time waiting for a supplement during processing: excluded from the time limit."""

    __tablename__ = "dossier_pause"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(Text, default="")


class HandoffRow(Base):
    """A row of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ)."""

    __tablename__ = "handoff"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    from_unit: Mapped[str] = mapped_column(Text)
    to_unit: Mapped[str] = mapped_column(Text)
    given_by: Mapped[str] = mapped_column(String(64))
    given_at: Mapped[datetime]
    received_by: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime | None]
    step_due_at: Mapped[datetime | None]
    result: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
