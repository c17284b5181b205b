"""Server tables for the queue feature."""

from __future__ import annotations

from .models import Base  # noqa: F401
