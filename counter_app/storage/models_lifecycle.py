"""Lifecycle tables: fee payments, deadline extensions, satisfaction ratings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class PaymentRow(Base):
    """A fee collected, refunded or cancelled (thu / hoàn / hủy phí, lệ phí).

    A refund or cancellation names the collection it reverses (``ref_payment_id``) and keeps
    its method. Receipt numbers (số biên lai) of collections are unique per agency (0013)."""

    __tablename__ = "payment"
    __table_args__ = (Index("uq_payment_agency_receipt", "agency_code", "receipt_no", unique=True,
                            sqlite_where=text("kind = 'collect'")),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # collect | refund | cancel
    amount_vnd: Mapped[int]
    method: Mapped[str] = mapped_column(String(16))  # cash | transfer | qr
    receipt_no: Mapped[str] = mapped_column(String(64), default="")  # số biên lai
    at: Mapped[datetime] = mapped_column(index=True)
    officer: Mapped[str] = mapped_column(String(64), index=True)
    approval_id: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str] = mapped_column(Text, default="")
    agency_code: Mapped[str] = mapped_column(String(64), default="")
    ref_payment_id: Mapped[int | None]  # the collection a refund or cancellation reverses


class ExtensionRow(Base):
    """An apology and extension (Mẫu 04: xin lỗi và đề nghị gia hạn), allowed once."""

    __tablename__ = "dossier_extension"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    old_due_at: Mapped[datetime]
    new_due_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    officer: Mapped[str] = mapped_column(String(64))
    approval_id: Mapped[str] = mapped_column(String(36))


class RatingRow(Base):
    """A citizen's satisfaction rating (mức độ hài lòng) of one dossier at one stage (reception or
    return), never replaced: one per dossier and stage (0013)."""

    __tablename__ = "rating"
    __table_args__ = (Index("uq_rating_dossier_stage", "dossier_code", "stage", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    scale: Mapped[int]  # 3 or 5 levels
    level: Mapped[int]  # 1 = best
    at: Mapped[datetime]
    officer: Mapped[str] = mapped_column(String(64), index=True)
    visit_id: Mapped[str | None] = mapped_column(String(36))
    stage: Mapped[str] = mapped_column(String(16), default="reception")  # reception | return
