"""Officer management at the counter (quản lý cán bộ): what an administrator may do locally.

Officers, their roles and passwords come from the city (sync pull; the server's admin API
sets passwords). What this machine itself holds of an officer is the cached offline
verifier (:mod:`.signin`): an administrator can lift a local lockout (an officer who mistyped
the password offline) or forget the verifier (an officer who left the counter: no offline
sign-in here any more). Both need ``MANAGE_OFFICERS`` and are in the audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError
from ..storage.models_security import CachedCredentialRow
from . import audit
from .permissions import Action, require


def _credential(session: Session, username: str) -> CachedCredentialRow:
    row = session.get(CachedCredentialRow, username.strip())
    if row is None:
        raise NotFoundError(f"no cached credential for {username.strip()[:64]!r}",
                            f"Máy này không lưu thông tin đăng nhập của cán bộ “{username.strip()[:64]}”.")
    return row


def unlock_officer(session: Session, *, ctx, username: str, now: datetime) -> None:
    """Lift the local lockout of ``username`` (mở khóa tài khoản tại quầy)."""
    require(ctx.role, Action.MANAGE_OFFICERS)
    row = _credential(session, username)
    row.failures, row.locked_until = 0, None
    session.flush()
    audit.append(session, actor=ctx.officer, action="officer_unlocked", target=row.username, at=now)


def forget_officer(session: Session, *, ctx, username: str, now: datetime) -> None:
    """Forget the offline verifier of ``username`` on this machine (online sign-in still works)."""
    require(ctx.role, Action.MANAGE_OFFICERS)
    row = _credential(session, username)
    session.delete(row)
    session.flush()
    audit.append(session, actor=ctx.officer, action="officer_forgotten", target=row.username, at=now)
