"""Request context: the database, the settings, and who is calling (counter or admin)."""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import select

from .db import Database
from .errors import forbidden_admin, unauthorized
from .models import Counter
from .settings import Settings


@dataclass(frozen=True)
class Caller:
    """An authenticated counter: every query of its request is scoped to ``agency_code``."""

    agency_code: str
    counter_code: str
    slot: int


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def _bearer(authorization: str | None) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise unauthorized()
    token = authorization[7:].strip()
    if not token or len(token) > 256:
        raise unauthorized()
    return token


#: Known tokens per process, for ``TOKEN_CACHE_SECONDS``: a revoked counter is refused at the
#: latest that long after revocation, and most requests skip one database round trip.
TOKEN_CACHE_SECONDS = 30.0
_token_cache: dict[str, tuple[Caller, float]] = {}


def get_caller(request: Request, authorization: Annotated[str | None, Header()] = None) -> Caller:
    token = _bearer(authorization)
    key = token_hash(token)
    cached = _token_cache.get(key)
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    db: Database = request.app.state.db
    with db.session() as s:
        row = s.scalar(select(Counter).where(Counter.token_hash == key, Counter.revoked.is_(False)))
        if row is None:
            raise unauthorized()
        caller = Caller(row.agency_code, row.code, row.slot)
    if len(_token_cache) > 10_000:
        _token_cache.clear()
    _token_cache[key] = (caller, time.monotonic() + TOKEN_CACHE_SECONDS)
    return caller


def require_admin(request: Request, x_admin_token: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.settings.admin_token
    if not expected or not x_admin_token or not hmac.compare_digest(expected, x_admin_token):
        raise forbidden_admin()


DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CallerDep = Annotated[Caller, Depends(get_caller)]
AdminDep = Annotated[None, Depends(require_admin)]
