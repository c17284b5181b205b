"""Online sign-in first, offline with the cached verifier when the city backend is out of reach.

When the counter has a backend configured, the password goes to ``POST /v1/auth/signin``
(over the pinned TLS of the sync client). The server's word decides: a wrong password or a
locked account there is final, even if an old verifier on this machine would match (the
password may have been changed or the account locked from another counter). On success
the officer's name and role are refreshed from the server and the offline verifier is
cached for ``SecurityPolicy.offline_validity``. When the server cannot be reached (or is
not trusted), the officer signs in offline with the cached verifier and is told so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.organisation import Role
from ..storage.db import Store
from ..storage.models import OfficerRow
from ..storage.models_security import CachedCredentialRow
from .signin import CounterSession, Officer, SignInError, cache_credential, check_password

#: The server's answers that are final for this password (no offline fallback).
FINAL_CODES = ("wrong_password", "account_locked")
#: Seconds an online sign-in may take before the counter falls back to offline.
TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class SignInOutcome:
    officer: Officer
    online: bool
    notice_vi: str = ""  # shown to the officer (e.g. signed in offline because the link is dead)


def default_client(store: Store) -> Callable[[], object] | None:
    """A factory of the sync client when a backend is configured, else None (offline only)."""
    from ..sync import state

    with store.read() as s:
        configured = bool(state.get(s, state.SERVER_URL) and state.get(s, state.TOKEN))
    if not configured:
        return None

    def make():
        from ..sync.engine import SyncOptions, client_for

        return client_for(store, options=SyncOptions(timeout=TIMEOUT_SECONDS))
    return make


def sign_in(store: Store, counter: CounterSession, *, username: str, password: str, now: datetime,
            client: Callable[[], object] | None = None) -> SignInOutcome:
    """Sign ``username`` in at this counter (or switch to them). Raises :class:`SignInError`."""
    from ..sync.errors import ServerRefused, ServerUnreachable, UntrustedServer

    username = username.strip()
    if client is None:
        officer = store.write(lambda s: counter.sign_in(s, username=username, password=password, now=now))
        return SignInOutcome(officer, online=False)
    try:
        with client() as http:
            answer = http.sign_in(username, password)
    except ServerRefused as exc:
        if exc.code in FINAL_CODES:
            raise SignInError(f"server refused sign-in: {exc.code}", exc.message_vi) from None
        return _offline(store, counter, username, password, now, exc.message_vi)
    except (ServerUnreachable, UntrustedServer) as exc:
        return _offline(store, counter, username, password, now, exc.message_vi)

    def remember(s: Session) -> Officer:
        officer = _refresh_officer(s, answer)
        cache_credential(s, username=officer.username, password=password, now=now, policy=counter.policy)
        return counter.begin(s, officer, now=now, online=True)
    return SignInOutcome(store.write(remember), online=True)


def refresh_credential(store: Store, *, username: str, password: str, now: datetime,
                       client: Callable[[], object] | None, policy) -> bool:
    """Check ``password`` with the backend and, if right, cache it here (a supervisor approving at a
    counter they never signed in at). True when checked online; False when no backend answered (the
    offline check decides then). A wrong password or locked account raises :class:`SignInError`."""
    from ..sync.errors import ServerRefused, ServerUnreachable, UntrustedServer

    if client is None:
        return False
    try:
        with client() as http:
            answer = http.sign_in(username.strip(), password)
    except ServerRefused as exc:
        if exc.code in FINAL_CODES:
            raise SignInError(f"server refused sign-in: {exc.code}", exc.message_vi) from None
        return False
    except (ServerUnreachable, UntrustedServer):
        return False

    def remember(s: Session) -> None:
        officer = _refresh_officer(s, answer)
        cache_credential(s, username=officer.username, password=password, now=now, policy=policy)
    store.write(remember)
    return True


def _refresh_officer(session: Session, answer: dict) -> Officer:
    """The officer as the server knows them now (name, role), kept in the local officer table."""
    role = Role(answer["role"])
    row = session.scalar(select(OfficerRow).where(OfficerRow.username == answer["username"]))
    if row is None:
        row = OfficerRow(username=answer["username"], agency_code=answer["agency_code"])
        session.add(row)
    row.full_name, row.role = answer["full_name"], role.value
    session.flush()
    return Officer(row.username, row.full_name, role)


def _offline(store: Store, counter: CounterSession, username: str, password: str, now: datetime,
             why_vi: str) -> SignInOutcome:
    def go(s: Session) -> tuple[Officer, datetime | None]:
        officer = counter.begin(s, check_password(s, username=username, password=password, now=now,
                                                  policy=counter.policy), now=now)
        cred = s.get(CachedCredentialRow, username)
        return officer, cred.expires_at if cred else None
    try:
        officer, until = store.write(go)
    except SignInError as exc:  # say why the offline check was used at all
        raise SignInError(str(exc), f"{why_vi} {exc.message_vi}") from None
    notice = (f"{why_vi} Đã đăng nhập ngoại tuyến bằng thông tin lưu trên máy này"
              + (f" (dùng được đến {until:%d/%m/%Y %H:%M})." if until else "."))
    return SignInOutcome(officer, online=False, notice_vi=notice)
