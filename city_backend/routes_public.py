"""The public progress lookup page (trang tra cứu tiến độ hồ sơ), server-rendered, no JavaScript.

``GET /tra-cuu`` shows the form; ``GET /tra-cuu?ma=<dossier code>&so=<last 4 digits of the
ID number>`` shows ONLY the status, the appointment date and the steps done. A wrong code and
wrong digits get the very same neutral page (the digits are checked in constant time against
the salted hash the counter pushed, ``counter_app.services.online.lookup_hash``). Requests are
rate-limited per client (IPv4 address or IPv6 /64; ``CITY_LOOKUP_PER_MINUTE`` / ``CITY_LOOKUP_BURST``)
and per dossier code (``CITY_LOOKUP_CODE_FAILURES`` wrong answers within ``CITY_LOOKUP_CODE_WINDOW``
seconds lock the code for ``CITY_LOOKUP_CODE_LOCK`` seconds): :mod:`.lookup_limits`.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from counter_app.domain.status import DossierStatus
from counter_app.services.online import check_lookup

from .deps import DbDep
from .lookup_limits import CodeLock, TokenBucket, client_key
from .models import Dossier, DossierEvent
from .public_html import form_page, neutral_page, result_page, too_many_page

router = APIRouter(tags=["public"])

#: Statuses a citizen never sees as steps (internal to the counter).
_HIDDEN = {DossierStatus.DRAFT.value}


def _env(name: str, default: str) -> float:
    return float(os.environ.get(name, default))


def _limits(request: Request) -> tuple[TokenBucket, CodeLock]:
    state = request.app.state
    if getattr(state, "lookup_bucket", None) is None:
        state.lookup_bucket = TokenBucket(_env("CITY_LOOKUP_PER_MINUTE", "30"), int(_env("CITY_LOOKUP_BURST", "10")))
    if getattr(state, "lookup_code_lock", None) is None:
        state.lookup_code_lock = CodeLock(int(_env("CITY_LOOKUP_CODE_FAILURES", "10")),
                                          _env("CITY_LOOKUP_CODE_WINDOW", "3600"),
                                          _env("CITY_LOOKUP_CODE_LOCK", "3600"))
    return state.lookup_bucket, state.lookup_code_lock


def _too_many(wait: float) -> HTMLResponse:
    headers = {**_HEADERS, "Retry-After": str(max(1, int(wait + 0.999)))}
    return HTMLResponse(too_many_page(), status_code=429, headers=headers)


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
                       429: {**_HTML, "description": "too many lookups (client or dossier code)"}})
def lookup(request: Request, db: DbDep, ma: Annotated[str | None, Query(description="dossier code")] = None,
           so: Annotated[str | None, Query(description="last 4 digits of the applicant's ID number")] = None,
           ) -> HTMLResponse:
    """Public progress lookup: status, appointment date and steps done — nothing personal."""
    code, digits = (ma or "").strip()[:64], (so or "").strip()[:8]
    if not code and not digits:
        return HTMLResponse(form_page(), headers=_HEADERS)
    bucket, code_lock = _limits(request)
    wait = bucket.take(client_key(request.client.host if request.client else None))
    if not wait:
        wait = code_lock.wait(code)  # too many wrong answers for this code, from anyone
    if wait:
        return _too_many(wait)
    with db.session() as s:
        row = s.scalar(select(Dossier).where(Dossier.code.in_({code, code.upper()})).limit(1)) if code else None
        stored = row.data.get("lookup_hash") if row is not None and isinstance(row.data, dict) else None
        if not check_lookup(row.code if row is not None else code, digits, stored if isinstance(stored, str) else None):
            code_lock.failed(code)  # an unknown code counts the same as wrong digits
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
