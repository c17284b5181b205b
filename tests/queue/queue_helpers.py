"""Helpers of the queue tests (imported by name: this folder is on sys.path through its conftest)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta


def new_agency_code() -> str:
    h = uuid.uuid4().hex.upper()
    return f"{h[:3]}.{h[3:5]}.{h[5:7]}.Q{h[7:9]}"


def vn_now(back: timedelta = timedelta(0), *, room: timedelta = timedelta(minutes=15)) -> datetime:
    """The server's wall clock in Vietnam (UTC+7), ``back`` in the past — but never on the previous
    day, and leaving ``room`` before midnight, so the queue's "today" is the same for the counter
    and the coordinator whatever the hour the tests run."""
    now = datetime.utcnow() + timedelta(hours=7)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    at = max(now - back, midnight + timedelta(seconds=1))
    return min(at, midnight + timedelta(days=1) - room)
