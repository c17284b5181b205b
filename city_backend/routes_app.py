"""The counter application itself: update check (``GET /v1/app/version``, the counter tells its
version and learns of a newer one), releases announced by the admin, and per-agency settings.

The update check answers without a token (a revoked or not yet registered counter must still
learn it is out of date); with a valid counter token the version is recorded for that counter.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from packaging.version import InvalidVersion, Version
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import select

from counter_app.config import check_agency_settings
from counter_app.domain.errors import ConfigurationError

from .db import server_now, wire
from .deps import AdminDep, CallerDep, DbDep, get_caller
from .errors import ERROR_RESPONSES, ApiError, not_found
from .models import Agency
from .models_app import AgencySettings, AppRelease, CounterVersionSeen
from .routes_admin import AgencyPath

router = APIRouter(tags=["app"], responses=ERROR_RESPONSES)

VERSION_PATTERN = r"^[0-9A-Za-z.+!_-]{1,32}$"
PLATFORM_PATTERN = r"^[a-z0-9_-]{1,32}$"
ANY = "any"


def _pep440(value: str) -> str:
    try:
        Version(value)
    except InvalidVersion:
        raise ValueError("not a PEP 440 version") from None
    return value


class ReleaseIn(BaseModel):
    platform: str = Field(ANY, pattern=PLATFORM_PATTERN, examples=["windows-x64", ANY])
    latest: str = Field(pattern=VERSION_PATTERN, examples=["0.2.0"])
    minimum: str | None = Field(None, pattern=VERSION_PATTERN)
    url: str = Field("", max_length=2000, pattern=r"^(https://\S+)?$")
    sha256: str = Field("", pattern=r"^([0-9a-f]{64})?$")
    notes_vi: str = Field("", max_length=2000)

    @field_validator("latest", "minimum")
    @classmethod
    def _versions(cls, v: str | None) -> str | None:
        return v if v is None else _pep440(v)

    @field_validator("notes_vi")
    @classmethod
    def _text(cls, v: str) -> str:
        if "\x00" in v:
            raise ValueError("NUL character")
        v.encode("utf-8")
        return v


class VersionOut(BaseModel):
    """What ``counter_app.updates.parse_announcement`` reads."""

    latest: str
    minimum: str | None = None
    url: str = ""
    sha256: str = ""
    notes_vi: str = ""


class ReleaseOut(VersionOut):
    platform: str
    announced_at: datetime


class CounterVersionOut(BaseModel):
    counter_code: str
    version: str
    platform: str
    seen_at: datetime


class SettingsIn(BaseModel):
    settings: dict[str, dict[str, str | int | float | bool]] = Field(
        examples=[{"sync": {"interval_seconds": 60}, "security": {"idle_lock_minutes": 5}}])


class SettingsOut(BaseModel):
    agency_code: str
    settings: dict[str, dict[str, str | int | float | bool]]
    version: int
    updated_at: datetime | None = None


def _record_seen(request: Request, db, authorization: str | None, version: str, platform: str) -> None:
    try:
        caller = get_caller(request, authorization)
    except ApiError:
        return  # unknown token: still answered, nothing recorded
    with db.session() as s:
        row = s.scalar(select(CounterVersionSeen).where(CounterVersionSeen.agency_code == caller.agency_code,
                                                        CounterVersionSeen.counter_code == caller.counter_code))
        if row is None:
            row = CounterVersionSeen(agency_code=caller.agency_code, counter_code=caller.counter_code)
            s.add(row)
        row.version, row.platform, row.seen_at = version, platform, server_now()


@router.get("/v1/app/version", response_model=VersionOut,
            responses={204: {"description": "Nothing announced for this platform"}})
def app_version(request: Request, db: DbDep,
                current: Annotated[str | None, Query(pattern=VERSION_PATTERN)] = None,
                platform: Annotated[str, Query(pattern=PLATFORM_PATTERN)] = ANY,
                x_qmc_version: Annotated[str | None, Header(pattern=VERSION_PATTERN)] = None,
                authorization: Annotated[str | None, Header()] = None):
    """The release announced for ``platform`` (else for every platform); 204 when none.
    A counter's version (``current`` or ``X-QMC-Version``) is recorded when it sends its token."""
    reported = current or x_qmc_version
    if reported and authorization:
        _record_seen(request, db, authorization, reported, platform)
    with db.session() as s:
        row = s.get(AppRelease, platform) if platform != ANY else None
        row = row or s.get(AppRelease, ANY)
        if row is None:
            return Response(status_code=204)
        return VersionOut(latest=row.version, minimum=row.minimum or None, url=row.url, sha256=row.sha256,
                          notes_vi=row.notes_vi)


def _release_out(row: AppRelease) -> ReleaseOut:
    return ReleaseOut(platform=row.platform, latest=row.version, minimum=row.minimum or None, url=row.url,
                      sha256=row.sha256, notes_vi=row.notes_vi, announced_at=wire(row.announced_at))


@router.put("/v1/admin/app/version", response_model=ReleaseOut, tags=["admin"])
def announce(body: ReleaseIn, _: AdminDep, db: DbDep) -> ReleaseOut:
    """Announce a release for a platform (replaces the previous one). Nothing is pushed: counters ask."""
    if body.minimum is not None and Version(body.minimum) > Version(body.latest):
        raise ApiError(422, "minimum_after_latest", "minimum is newer than latest",
                       "Phiên bản tối thiểu không được mới hơn phiên bản công bố.")
    with db.session() as s:
        row = s.get(AppRelease, body.platform) or AppRelease(platform=body.platform)
        row.version, row.minimum, row.url = body.latest, body.minimum or "", body.url
        row.sha256, row.notes_vi, row.announced_at = body.sha256, body.notes_vi, server_now()
        s.merge(row)
        s.flush()
        return _release_out(row)


@router.delete("/v1/admin/app/version/{platform}", status_code=204, tags=["admin"])
def withdraw(platform: Annotated[str, Path(pattern=PLATFORM_PATTERN)], _: AdminDep, db: DbDep) -> Response:
    """Withdraw the announcement for ``platform``."""
    with db.session() as s:
        row = s.get(AppRelease, platform)
        if row is None:
            raise not_found("release")
        s.delete(row)
    return Response(status_code=204)


@router.get("/v1/admin/agencies/{agency_code}/app-versions", response_model=list[CounterVersionOut],
            tags=["admin"])
def counter_versions(agency_code: AgencyPath, _: AdminDep, db: DbDep) -> list[CounterVersionOut]:
    """The version each counter of the agency last reported."""
    with db.session() as s:
        rows = s.scalars(select(CounterVersionSeen).where(CounterVersionSeen.agency_code == agency_code)
                         .order_by(CounterVersionSeen.counter_code))
        return [CounterVersionOut(counter_code=r.counter_code, version=r.version, platform=r.platform,
                                  seen_at=wire(r.seen_at)) for r in rows]


@router.put("/v1/admin/agencies/{agency_code}/settings", response_model=SettingsOut, tags=["admin"])
def put_settings(agency_code: AgencyPath, body: SettingsIn, _: AdminDep, db: DbDep) -> SettingsOut:
    """Replace the agency's settings document (only the keys ``counter_app.config.agency_keys()``)."""
    try:
        check_agency_settings(body.settings)
    except ConfigurationError as exc:
        raise ApiError(422, "bad_settings", str(exc)[:300], exc.message_vi) from None
    with db.session() as s:
        if s.get(Agency, agency_code) is None:
            raise not_found("agency")
        row = s.get(AgencySettings, agency_code)
        if row is None:
            row = AgencySettings(agency_code=agency_code, version=0)
            s.add(row)
        row.body, row.version, row.updated_at = body.settings, row.version + 1, server_now()
        s.flush()
        return SettingsOut(agency_code=agency_code, settings=row.body, version=row.version,
                           updated_at=wire(row.updated_at))


@router.get("/v1/app/settings", response_model=SettingsOut, tags=["counter"])
def get_settings(caller: CallerDep, db: DbDep) -> SettingsOut:
    """The caller's agency settings (version 0 and empty when none were set)."""
    with db.session() as s:
        row = s.get(AgencySettings, caller.agency_code)
        if row is None:
            return SettingsOut(agency_code=caller.agency_code, settings={}, version=0)
        return SettingsOut(agency_code=caller.agency_code, settings=row.body, version=row.version,
                           updated_at=wire(row.updated_at))
