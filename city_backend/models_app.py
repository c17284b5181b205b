"""Server tables for the app feature."""

from __future__ import annotations

from .models import Base  # noqa: F401
