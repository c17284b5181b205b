"""The public progress lookup page (trang tra cứu tiến độ hồ sơ), server-rendered, no JavaScript.

``GET /tra-cuu`` shows the form; ``GET /tra-cuu?ma=<dossier code>&so=<last 4 digits of the
ID number>`` shows ONLY the status, the appointment date and the steps done. A wrong code and
wrong digits get the very same neutral page (the digits are checked in constant time against
the salted hash the counter pushed, ``counter_app.services.online.lookup_hash``). Requests are
rate-limited per client address (token bucket, ``CITY_LOOKUP_PER_MINUTE`` / ``CITY_LOOKUP_BURST``).
"""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from counter_app.domain.status import DossierStatus
from counter_app.services.online import check_lookup

from .deps import DbDep
from .models import Dossier, DossierEvent
from .public_html import form_page, neutral_page, result_page, too_many_page

router = APIRouter(tags=["public"])

#: Statuses a citizen never sees as steps (internal to the counter).
_HIDDEN = {DossierStatus.DRAFT.value}


class TokenBucket:
    """Per-key token buckets: ``burst`` requests at once, refilled at ``per_minute`` a minute."""

    def __init__(self, per_minute: float, burst: int, *, clock=time.monotonic, max_keys: int = 100_000) -> None:
        self.rate, self.burst, self.clock, self.max_keys = per_minute / 60.0, float(burst), clock, max_keys
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if allowed (a token is taken), else the seconds until the next token."""
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                if len(self._buckets) >= self.max_keys:
                    self._buckets.clear()  # memory bound under a flood of addresses
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate if self.rate > 0 else 3600.0


def _bucket(request: Request) -> TokenBucket:
    bucket = getattr(request.app.state, "lookup_bucket", None)
    if bucket is None:
        bucket = TokenBucket(float(os.environ.get("CITY_LOOKUP_PER_MINUTE", "30")),
                             int(os.environ.get("CITY_LOOKUP_BURST", "10")))
        request.app.state.lookup_bucket = bucket
    return bucket


_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex",
            "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"}

_HTML = {"content": {"text/html": {"schema": {"type": "string"}}}}


def _parse_time(value: object) -> datetime | None:
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


@router.get("/tra-cuu", response_class=HTMLResponse,
            responses={200: {**_HTML, "description": "the form, the dossier's progress, or the neutral answer"},
                       429: {**_HTML, "description": "too many lookups from this address"}})
def lookup(request: Request, db: DbDep, ma: Annotated[str | None, Query(description="dossier code")] = None,
           so: Annotated[str | None, Query(description="last 4 digits of the applicant's ID number")] = None,
           ) -> HTMLResponse:
    """Public progress lookup: status, appointment date and steps done — nothing personal."""
    code, digits = (ma or "").strip()[:64], (so or "").strip()[:8]
    if not code and not digits:
        return HTMLResponse(form_page(), headers=_HEADERS)
    wait = _bucket(request).take(request.client.host if request.client else "?")
    if wait:
        headers = {**_HEADERS, "Retry-After": str(max(1, int(wait + 0.999)))}
        return HTMLResponse(too_many_page(), status_code=429, headers=headers)
    with db.session() as s:
        row = s.scalar(select(Dossier).where(Dossier.code.in_({code, code.upper()})).limit(1)) if code else None
        stored = row.data.get("lookup_hash") if row is not None and isinstance(row.data, dict) else None
        if not check_lookup(row.code if row is not None else code, digits, stored if isinstance(stored, str) else None):
            return HTMLResponse(neutral_page(code), headers=_HEADERS)
        events = s.scalars(select(DossierEvent).where(DossierEvent.dossier_code == row.code)
                           .order_by(DossierEvent.device_at, DossierEvent.id)).all()
        steps: list[tuple[datetime, str]] = []
        for e in events:
            status = e.payload.get("status") if isinstance(e.payload, dict) else None
            if status and status not in _HIDDEN and (not steps or steps[-1][1] != status):
                steps.append((e.device_at, status))
        current = DossierStatus(row.status)
        due = _parse_time(row.data.get("due_at"))
    labels = [(at, DossierStatus(st).label_vi) for at, st in steps if st in DossierStatus._value2member_map_]
    return HTMLResponse(result_page(code=row.code, status=current.label_vi, due=due, steps=labels),
                        headers=_HEADERS)
