"""Server tables for the app feature: releases announced to counters and the version each
counter last reported (update check, ``routes_app``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class AppRelease(Base):
    """The release announced for one platform tag (``windows-x64``…; ``any`` = every platform)."""

    __tablename__ = "app_release"
    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    minimum: Mapped[str] = mapped_column(String(32), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    notes_vi: Mapped[str] = mapped_column(Text, default="")
    announced_at: Mapped[datetime]


class CounterVersionSeen(Base):
    """The version a counter last reported (phiên bản quầy đang chạy), for the help desk."""

    __tablename__ = "counter_version_seen"
    __table_args__ = (UniqueConstraint("agency_code", "counter_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32), index=True)
    counter_code: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(32))
    platform: Mapped[str] = mapped_column(String(32), default="")
    seen_at: Mapped[datetime]


class AgencySettings(Base):
    """Per-agency settings (cấu hình theo cơ quan) served to its counters and merged over their TOML."""

    __tablename__ = "agency_settings"
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    body: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime]
