"""Local time. All core datetimes are naive Vietnam local time (ICT, UTC+07:00, no DST).

The sync layer adds the offset when it talks to the backend. Tests pin the clock
by passing ``now=`` explicitly; nothing in the core reads the wall clock elsewhere.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

ICT = timezone(timedelta(hours=7), "ICT")


def now() -> datetime:
    """Current local time in Vietnam, naive, to the second."""
    return datetime.now(ICT).replace(tzinfo=None, microsecond=0)


def to_aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=ICT)
