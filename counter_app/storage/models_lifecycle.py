"""Lifecycle tables: fee payments, deadline extensions, satisfaction ratings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class PaymentRow(Base):
    """A fee collected, refunded or cancelled (thu / hoàn / hủy phí, lệ phí)."""

    __tablename__ = "payment"
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
    """A citizen's satisfaction rating (mức độ hài lòng) of one dossier and visit."""

    __tablename__ = "rating"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    scale: Mapped[int]  # 3 or 5 levels
    level: Mapped[int]  # 1 = best
    at: Mapped[datetime]
    officer: Mapped[str] = mapped_column(String(64), index=True)
    visit_id: Mapped[str | None] = mapped_column(String(36))
