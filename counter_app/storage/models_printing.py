"""Print records: every print and reprint of a form (who, when, why, where, and how it went)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class PrintRecordRow(Base):
    """One print of a form for a dossier (bản in / bản in lại). ``saved_pdf`` keeps the document
    that was sent, so a failed print can be printed later."""

    __tablename__ = "print_record"
    __table_args__ = (Index("ix_print_record_dossier_form", "dossier_code", "form"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64))
    form: Mapped[str] = mapped_column(String(32))
    legal_basis: Mapped[str] = mapped_column(String(16))
    copies: Mapped[int] = mapped_column(default=1)
    printer: Mapped[str] = mapped_column(String(255), default="")
    reprint: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(index=True)
    job_state: Mapped[str] = mapped_column(String(16))
    saved_pdf: Mapped[str] = mapped_column(Text, default="")
    #: The supervisor's approval a reprint of the receipt consumed (four-eyes); "" for other prints.
    approval_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
