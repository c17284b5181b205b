"""Offline sign-in with a cached verifier, lockout, idle lock and officer switching.

Online sign-in against the city backend (:mod:`.online_signin`) caches a verifier with
:func:`cache_credential`; offline, :func:`check_password` checks it until it expires.
:class:`CounterSession` is the headless state machine the UI renders: signed out →
active → locked (idle) → active again (same officer only) or signed out.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import CounterError
from ..domain.organisation import Role
from ..storage.models import OfficerRow
from ..storage.models_security import CachedCredentialRow
from . import audit
from .passwords import hash_password, verify_password


class SignInError(CounterError):
    code = "sign_in"


@dataclass(frozen=True)
class SecurityPolicy:
    """Configurable limits (cấu hình bảo mật); defaults suit a counter PC."""

    offline_validity: timedelta = timedelta(days=7)
    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)
    idle_lock: timedelta = timedelta(minutes=10)
    approval_validity: timedelta = timedelta(minutes=5)

    @classmethod
    def from_config(cls, security) -> "SecurityPolicy":
        """From the ``[security]`` section of the configuration (``counter_app.config.SecurityConfig``)."""
        return cls(offline_validity=timedelta(days=security.offline_validity_days),
                   max_failures=security.max_failures, lockout=timedelta(minutes=security.lockout_minutes),
                   idle_lock=timedelta(minutes=security.idle_lock_minutes))


@dataclass(frozen=True)
class Officer:
    username: str
    full_name: str
    role: Role


def cache_credential(session: Session, *, username: str, password: str, now: datetime,
                     policy: SecurityPolicy = SecurityPolicy()) -> None:
    """Store (or refresh) the offline verifier after a successful online sign-in."""
    row = session.get(CachedCredentialRow, username) or CachedCredentialRow(username=username)
    row.verifier, row.cached_at, row.expires_at = hash_password(password), now, now + policy.offline_validity
    row.failures, row.locked_until = 0, None
    session.merge(row)
    session.flush()


def check_password(session: Session, *, username: str, password: str, now: datetime,
                   policy: SecurityPolicy = SecurityPolicy()) -> Officer:
    """Verify an officer's password offline, counting failures. Raises :class:`SignInError`."""
    officer = session.scalar(select(OfficerRow).where(OfficerRow.username == username))
    cred = session.get(CachedCredentialRow, username)
    if officer is None or cred is None:
        raise SignInError(f"no cached credential for {username!r}",
                          "Tài khoản chưa từng đăng nhập trực tuyến trên máy này. Kết nối mạng để đăng nhập lần đầu.")
    if cred.locked_until and now < cred.locked_until:
        raise SignInError("account locked", f"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, đến "
                                            f"{cred.locked_until:%H:%M}. Chờ hoặc liên hệ quản trị.")
    if now >= cred.expires_at:
        raise SignInError("offline credential expired",
                          "Đã quá thời hạn đăng nhập ngoại tuyến. Kết nối mạng để đăng nhập trực tuyến lại.")
    if not verify_password(password, cred.verifier):
        locked = _record_failure(session, username=username, now=now, policy=policy)
        raise SignInError("wrong password", "Mật khẩu không đúng." + (
            " Tài khoản bị tạm khóa do nhập sai nhiều lần." if locked else ""))
    cred.failures, cred.locked_until = 0, None
    return Officer(officer.username, officer.full_name, Role(officer.role))


def _record_failure(session: Session, *, username: str, now: datetime, policy: SecurityPolicy) -> bool:
    """Count a failed attempt in its OWN transaction: the caller's is rolled back by the error,
    and a failure that vanished with it would make the lockout useless. Returns True if locked."""
    with Session(bind=session.get_bind()) as own, own.begin():
        cred = own.get(CachedCredentialRow, username)
        cred.failures += 1
        locked = cred.failures >= policy.max_failures
        if locked:
            cred.locked_until, cred.failures = now + policy.lockout, 0
        audit.append(own, actor=username, action="sign_in_failed", details={"locked": locked}, at=now)
    session.expire_all()
    return locked


class SessionState(enum.Enum):
    SIGNED_OUT = "signed_out"
    ACTIVE = "active"
    LOCKED = "locked"


class CounterSession:
    """Who is signed in at this counter now; idle lock and quick unlock by the same officer."""

    def __init__(self, policy: SecurityPolicy = SecurityPolicy()) -> None:
        self.policy = policy
        self._state = SessionState.SIGNED_OUT
        self.officer: Officer | None = None
        self.last_activity: datetime | None = None
        #: A lock not yet in the audit log: (when, idle?) — ``when`` None for a lock set directly (Ctrl+L).
        self.lock_pending: tuple[datetime | None, bool] | None = None

    @property
    def state(self) -> SessionState:
        return self._state

    @state.setter
    def state(self, value: SessionState) -> None:
        if value is SessionState.LOCKED and self._state is SessionState.ACTIVE and self.lock_pending is None:
            self.lock_pending = (None, False)
        self._state = value

    def record_lock(self, session: Session, *, now: datetime) -> None:
        """Put a pending screen lock (khóa màn hình) in the audit log (no-op when there is none)."""
        if self.lock_pending is None or self.officer is None:
            self.lock_pending = None
            return
        at, idle = self.lock_pending
        self.lock_pending = None
        audit.append(session, actor=self.officer.username, action="screen_lock", details={"idle": idle},
                     at=at or now)

    def sign_in(self, session: Session, *, username: str, password: str, now: datetime) -> Officer:
        """Sign in; when someone is signed in already, this switches officer (no restart)."""
        officer = check_password(session, username=username, password=password, now=now, policy=self.policy)
        return self.begin(session, officer, now=now)

    def begin(self, session: Session, officer: Officer, *, now: datetime, online: bool = False) -> Officer:
        """Start the session of an officer whose password was just checked (offline or by the server)."""
        username = officer.username
        if self.state is not SessionState.SIGNED_OUT:
            self.sign_out(session, now=now)
        self.state, self.officer, self.last_activity = SessionState.ACTIVE, officer, now
        audit.append(session, actor=username, action="sign_in", details={"online": online}, at=now)
        return officer

    def touch(self, now: datetime) -> SessionState:
        """Record activity, or lock if the counter was idle too long."""
        if self.state is SessionState.ACTIVE and self.last_activity and now - self.last_activity >= \
                self.policy.idle_lock:
            self.lock_pending = (now, True)
            self.state = SessionState.LOCKED
        elif self.state is SessionState.ACTIVE:
            self.last_activity = now
        return self.state

    def unlock(self, session: Session, *, username: str, password: str, now: datetime) -> Officer:
        if self.state is not SessionState.LOCKED or self.officer is None:
            raise SignInError("not locked", "Màn hình không bị khóa.")
        if username != self.officer.username:
            raise SignInError("unlock by another officer",
                              "Chỉ cán bộ đang đăng nhập mới mở khóa được. Cán bộ khác hãy chọn “Đổi cán bộ”.")
        check_password(session, username=username, password=password, now=now, policy=self.policy)
        self.record_lock(session, now=now)
        self.state, self.last_activity = SessionState.ACTIVE, now
        audit.append(session, actor=username, action="screen_unlock", at=now)
        return self.officer

    def sign_out(self, session: Session, *, now: datetime) -> None:
        if self.officer is not None:
            self.record_lock(session, now=now)
            audit.append(session, actor=self.officer.username, action="sign_out", at=now)
        self.lock_pending = None
        self.state, self.officer, self.last_activity = SessionState.SIGNED_OUT, None, None

    def require_active(self) -> Officer:
        if self.state is not SessionState.ACTIVE or self.officer is None:
            raise SignInError("no active officer", "Cần đăng nhập (hoặc mở khóa) trước khi thao tác.")
        return self.officer
