"""Online sign-in of officers (đăng nhập trực tuyến) and setting their passwords.

A counter signs an officer in with its own token (``Authorization: Bearer``) plus the
officer's username and password: only officers of the counter's agency can sign in there.
The server keeps the core's scrypt verifier (``counter_app.security.passwords``) and locks
an account for ``LOCKOUT`` after ``MAX_FAILURES`` wrong passwords, whatever counter they
came from. An unknown username and a wrong password get the same answer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.errors import ValidationError
from counter_app.security import approval_proof
from counter_app.security.passwords import hash_password, verify_password

from .db import server_now, wire
from .deps import CallerDep, DbDep
from .errors import ERROR_RESPONSES, ApiError
from .models import AuditEvent, Officer
from .schemas import Strict

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
router = APIRouter(prefix="/v1/auth", tags=["auth"], responses={**ERROR_RESPONSES, 423: ERROR_RESPONSES[401]})


class SignInIn(Strict):
    username: str = Field(pattern=r"^[a-z0-9._-]{2,64}$", examples=["canbo01"])
    password: str = Field(min_length=1, max_length=256)


class SignInOut(BaseModel):
    agency_code: str
    username: str
    full_name: str
    role: str
    server_time: datetime


class PasswordIn(Strict):
    """A new password for an officer (at least 8 characters); unlocks the account."""

    password: str = Field(min_length=1, max_length=256)


def _wrong() -> ApiError:
    return ApiError(401, "wrong_password", "unknown officer or wrong password",
                    "Tên đăng nhập hoặc mật khẩu không đúng.")


def _locked(until: datetime) -> ApiError:
    return ApiError(423, "account_locked", "account locked after repeated failures",
                    f"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, đến {until:%H:%M}. "
                    "Chờ hoặc liên hệ quản trị hệ thống.")


def _officer(s: Session, agency_code: str, username: str, *, lock: bool = False) -> Officer | None:
    query = select(Officer).where(Officer.agency_code == agency_code, Officer.username == username)
    return s.scalar(query.with_for_update() if lock else query)


@router.post("/signin", response_model=SignInOut)
def sign_in(body: SignInIn, caller: CallerDep, db: DbDep) -> SignInOut:
    """Check an officer's password at a counter of their agency; answer who they are and their role."""
    now = server_now()
    with db.session() as s:
        row = _officer(s, caller.agency_code, body.username, lock=True)
        if row is None or not row.password_verifier:
            verify_password(body.password, "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")  # same time as a check
            error = _wrong()
        elif row.locked_until is not None and now < row.locked_until:
            error = _locked(row.locked_until)
        elif not verify_password(body.password, row.password_verifier):
            row.failures += 1
            error = _wrong()
            if row.failures >= MAX_FAILURES:
                row.failures, row.locked_until = 0, now + LOCKOUT
                error = _locked(row.locked_until)
            s.add(AuditEvent(agency_code=caller.agency_code, actor=body.username, action="officer.sign_in_failed",
                             detail={"counter": caller.counter_code, "locked": error.status == 423}, at=now))
        else:
            row.failures, row.locked_until = 0, None
            s.add(AuditEvent(agency_code=caller.agency_code, actor=body.username, action="officer.sign_in",
                             detail={"counter": caller.counter_code}, at=now))
            return SignInOut(agency_code=row.agency_code, username=row.username, full_name=row.full_name,
                             role=row.role, server_time=wire(now))
    raise error  # after the commit: the failure count is kept


def set_password(s: Session, *, agency_code: str, username: str, password: str) -> None:
    """Store the verifier and approval key of ``password``; unlock (admin API)."""
    row = _officer(s, agency_code, username, lock=True)
    if row is None:
        raise ApiError(404, "not_found", "officer not found", "Không tìm thấy cán bộ trong cơ quan này.")
    try:
        row.password_verifier = hash_password(password)
    except ValidationError as exc:
        raise ApiError(422, exc.code, str(exc), exc.message_vi) from None
    row.approval_key = approval_proof.encode_key(
        approval_proof.derive_key(agency_code=agency_code, username=username, password=password))
    row.password_set_at, row.failures, row.locked_until = server_now(), 0, None
    s.add(AuditEvent(agency_code=agency_code, actor="admin", action="officer.password_set",
                     detail={"username": username}, at=server_now()))
