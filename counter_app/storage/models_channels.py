"""ORM tables for the channels feature (migration 0009): how a dossier came in and went out.

One row per dossier that did not simply come to the desk: an online dossier (kênh trực tuyến,
with the portal's submission id) or a postal one (kênh bưu chính công ích, with the inbound
tracking number), and a result sent back by post (outbound tracking number and time).
Kept apart from ``dossier`` so the core dossier table stays as it is.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class DossierChannelRow(Base):
    """The channel details of one dossier (kênh tiếp nhận, số hiệu bưu gửi đến và đi)."""

    __tablename__ = "dossier_channel"
    dossier_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[int]  # 1 counter, 2 online, 3 postal (domain.dossier.Channel)
    online_id: Mapped[str] = mapped_column(String(36), default="", index=True)  # portal submission id
    online_taken_at: Mapped[datetime | None]  # when the city server bound the submission to this code
    inbound_tracking: Mapped[str] = mapped_column(String(13), default="", index=True)  # dossier sent to us
    outbound_tracking: Mapped[str] = mapped_column(String(13), default="", index=True)  # result sent back
    outbound_sent_at: Mapped[datetime | None]
    outbound_officer: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime]
    officer: Mapped[str] = mapped_column(String(64))
