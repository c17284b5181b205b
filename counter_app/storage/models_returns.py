"""Who received a result (người nhận kết quả): the owner or an authorised person.

Personal data (name, ID number): the whole database is encrypted at rest in encrypted
profiles (SQLCipher); lists and logs show them masked (``mask_name``, ``mask_id_number``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ReturnReceiverRow(Base):
    """One return of results (trả kết quả, status 10): who received, how identified, the authorisation."""

    __tablename__ = "return_receiver"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True, unique=True)
    receiver_kind: Mapped[str] = mapped_column(String(16))  # owner | authorised
    receiver_name: Mapped[str] = mapped_column(Text)
    receiver_id_number: Mapped[str] = mapped_column(String(16))
    identified_by: Mapped[str] = mapped_column(String(16))  # chip | qr | typed…
    authorisation_sha256: Mapped[str] = mapped_column(String(64), default="")  # văn bản ủy quyền ("" for the owner)
    at: Mapped[datetime]
    officer: Mapped[str] = mapped_column(String(64))
