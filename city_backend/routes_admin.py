"""Administration (X-Admin-Token): agencies, counter registration, catalog, holidays,
and status changes made by the departments (cơ quan chuyên môn) that counters must pull."""

from __future__ import annotations

import base64
import hashlib
import secrets

from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from counter_app.domain.errors import IllegalTransition
from counter_app.domain.status import DossierStatus, check_transition

from . import feed
from .db import server_now, wire
from .deps import AdminDep, DbDep, SettingsDep, token_hash
from .errors import ERROR_RESPONSES, ApiError, not_found
from .routes_auth import PasswordIn, set_password
from .models import Agency, AuditEvent, Counter, Dossier, HolidayOverride, Officer, ProcedureVersion
from .schemas import (AGENCY_PATTERN, AgencyIn, AgencyOut, CounterIn, CounterOut, DeptStatusIn, FallbackScheme,
                      HolidayIn, OfficerIn, OfficerOut, ProcedureIn, Published)
from .settings import Settings

AgencyPath = Annotated[str, Path(pattern=AGENCY_PATTERN)]
CodePath = Annotated[str, Path(pattern=r"^[0-9A-Za-z.\-]{1,64}$")]
router = APIRouter(prefix="/v1/admin", tags=["admin"], responses=ERROR_RESPONSES)


def counter_out(row: Counter, settings: Settings, token: str | None = None) -> CounterOut:
    fallback = None
    if row.slot <= settings.fallback_slots:
        first = settings.lease_ceiling + 1 + (row.slot - 1) * settings.fallback_width
        fallback = FallbackScheme(slot=row.slot, first=first, last=first + settings.fallback_width - 1)
    return CounterOut(agency_code=row.agency_code, counter_code=row.code, slot=row.slot,
                      key_fingerprint=row.key_fingerprint, lease_ceiling=settings.lease_ceiling,
                      fallback=fallback, server_time=wire(server_now()), token=token)


def _conflict(what: str) -> ApiError:
    return ApiError(409, "exists", f"{what} already exists", "Mã này đã được đăng ký trước đó.")


@router.post("/agencies", response_model=AgencyOut, status_code=201)
def create_agency(body: AgencyIn, _: AdminDep, db: DbDep) -> AgencyOut:
    try:
        with db.session() as s:
            s.add(Agency(code=body.code, name=body.name, created_at=server_now()))
            s.add(AuditEvent(agency_code=body.code, actor="admin", action="agency.create", detail={}, at=server_now()))
    except IntegrityError:
        raise _conflict("agency") from None
    return AgencyOut(code=body.code, name=body.name)


def _fingerprint(public_key: str) -> str:
    if not public_key.strip():
        return ""
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_public_key(public_key.encode())
    except (ValueError, TypeError):
        raise ApiError(422, "bad_public_key", "public key is not a PEM public key",
                       "Khóa công khai của quầy không hợp lệ (cần dạng PEM).") from None
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


@router.post("/agencies/{agency_code}/counters", response_model=CounterOut, status_code=201)
def register_counter(agency_code: AgencyPath, body: CounterIn, _: AdminDep, db: DbDep,
                     settings: SettingsDep) -> CounterOut:
    """Register a counter; the answer carries its token (shown once, bound to the key's fingerprint)."""
    fingerprint = _fingerprint(body.public_key)
    token = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    try:
        with db.session() as s:
            if s.get(Agency, agency_code) is None:
                raise not_found("agency")
            slot = (s.scalar(select(func.max(Counter.slot)).where(Counter.agency_code == agency_code)) or 0) + 1
            row = Counter(agency_code=agency_code, code=body.code, slot=slot, public_key=body.public_key,
                          key_fingerprint=fingerprint, token_hash=token_hash(token), registered_at=server_now())
            s.add(row)
            s.add(AuditEvent(agency_code=agency_code, actor="admin", action="counter.register",
                             detail={"counter": body.code, "fingerprint": fingerprint}, at=server_now()))
            s.flush()
            return counter_out(row, settings, token)
    except IntegrityError:
        raise _conflict("counter") from None


@router.post("/agencies/{agency_code}/officers", response_model=OfficerOut, status_code=201)
def add_officer(agency_code: AgencyPath, body: OfficerIn, _: AdminDep, db: DbDep) -> OfficerOut:
    """Add an officer with a role; the agency's counters receive it through the change feed."""
    try:
        with db.session() as s:
            if s.get(Agency, agency_code) is None:
                raise not_found("agency")
            feed.lock_for_agency(db, s, agency_code)
            s.add(Officer(agency_code=agency_code, username=body.username, full_name=body.full_name, role=body.role))
            s.add(AuditEvent(agency_code=agency_code, actor="admin", action="officer.add",
                             detail={"username": body.username, "role": body.role}, at=server_now()))
            feed.append(s, agency_code=agency_code, kind="officer",
                        body={"username": body.username, "full_name": body.full_name, "role": body.role})
            s.flush()
    except IntegrityError:
        raise _conflict("officer") from None
    return OfficerOut(agency_code=agency_code, username=body.username, full_name=body.full_name, role=body.role)


@router.put("/agencies/{agency_code}/officers/{username}/password", status_code=204)
def set_officer_password(agency_code: AgencyPath, username: Annotated[str, Path(pattern=r"^[a-z0-9._-]{2,64}$")],
                         body: PasswordIn, _: AdminDep, db: DbDep) -> None:
    """Set or reset an officer's password (online sign-in, supervisors' approvals); unlocks the account."""
    with db.session() as s:
        set_password(s, agency_code=agency_code, username=username, password=body.password)


@router.post("/catalog", response_model=Published, status_code=201)
def publish_procedure(body: ProcedureIn, _: AdminDep, db: DbDep) -> Published:
    """Publish a version of a procedure to every agency (thủ tục hành chính)."""
    try:
        with db.session() as s:
            feed.lock_for_city(db, s)
            s.add(ProcedureVersion(code=body.code, version=body.version, body=body.body, published_at=server_now()))
            change = feed.append(s, agency_code=None, kind="procedure",
                                 body={"code": body.code, "version": body.version, "procedure": body.body})
            s.flush()
            return Published(seq=change.seq)
    except IntegrityError:
        raise _conflict("procedure version") from None


@router.post("/holidays", response_model=Published, status_code=201)
def add_holiday(body: HolidayIn, _: AdminDep, db: DbDep) -> Published:
    with db.session() as s:
        if body.agency_code is None:
            feed.lock_for_city(db, s)
        else:
            if s.get(Agency, body.agency_code) is None:
                raise not_found("agency")
            feed.lock_for_agency(db, s, body.agency_code)
        s.add(HolidayOverride(agency_code=body.agency_code, day=body.day, kind=body.kind, note=body.note))
        change = feed.append(s, agency_code=body.agency_code, kind="holiday",
                             body={"agency_code": body.agency_code, "day": body.day.isoformat(),
                                   "kind": body.kind, "note": body.note})
        s.flush()
        return Published(seq=change.seq)


@router.post("/dossiers/{code}/status", response_model=Published, status_code=201)
def department_status(code: CodePath, body: DeptStatusIn, _: AdminDep, db: DbDep) -> Published:
    """A department moves a dossier (processing, resolved = result ready…); counters pull it."""
    target = DossierStatus(body.status.value)
    with db.session() as s:
        agency = s.scalar(select(Dossier.agency_code).where(Dossier.code == code))
        if agency is None:
            raise not_found("dossier")
        feed.lock_for_agency(db, s, agency)
        row = s.scalar(select(Dossier).where(Dossier.code == code).with_for_update())
        try:
            check_transition(DossierStatus(row.status), target)
        except IllegalTransition as exc:
            raise ApiError(409, exc.code, str(exc), exc.message_vi) from None
        row.status, row.server_updated_at, row.version = target.value, server_now(), row.version + 1
        change = feed.append(s, agency_code=agency, kind="status", origin_counter="",
                             body={"code": code, "status": target.value, "national_status": target.national_code,
                                   "reason": body.reason, "officer": body.officer})
        s.flush()
        return Published(seq=change.seq)
