"""Digitised dossier components (tệp đính kèm / bản số hóa thành phần hồ sơ).

The file itself lives content-addressed under the profile's data folder
(``attachments/ab/cdef…`` by SHA-256); a row links it to one component of one dossier.
The same file attached to two components is stored once and has two rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AttachmentRow(Base):
    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("dossier_code", "component_position", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    pages: Mapped[int] = mapped_column(default=0)
    mime: Mapped[str] = mapped_column(String(64), default="application/pdf")
    dossier_code: Mapped[str] = mapped_column(
        String(64), ForeignKey("dossier.code", ondelete="CASCADE"), index=True)
    component_position: Mapped[int]
    original_filename: Mapped[str] = mapped_column(Text, default="")
    signed: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64), default="")
    #: When the local copy of the file was purged after the retention period (the city keeps it).
    purged_at: Mapped[datetime | None]
