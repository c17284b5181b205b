"""The pull feed (dòng thay đổi): append changes for an agency or the whole city.

Ordering: a counter pulls ``seq > cursor`` for its agency plus city-wide rows, so a row with
a lower seq must never commit after a puller has moved past it. Agency writers hold the
agency's advisory lock and the city lock *shared*; city-wide writers hold the city lock
*exclusive*. Within what one agency sees, seq order is therefore commit order.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import Database, server_now
from .models import Change

_CITY = "*city*"


def _key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def lock_for_agency(db: Database, session: Session, agency_code: str) -> None:
    if db.is_postgres:
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": _key(_CITY)})
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _key(agency_code)})


def lock_for_city(db: Database, session: Session) -> None:
    if db.is_postgres:
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _key(_CITY)})


def append(session: Session, *, agency_code: str | None, kind: str, body: dict[str, Any],
           origin_counter: str = "") -> Change:
    """Add a change (the caller holds the matching lock). Flushed: ``seq`` is set on return."""
    row = Change(agency_code=agency_code, kind=kind, origin_counter=origin_counter, body=body, at=server_now())
    session.add(row)
    return row
