"""ORM tables for the queue feature (see migration 0008/0009)."""

from __future__ import annotations

from .base import Base  # noqa: F401
