"""Wire format of the sync API v1 (pydantic models; the OpenAPI document is generated from them)."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from counter_app.domain.status import DossierStatus

AGENCY_PATTERN = r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$"  # counter_app.domain.organisation
AgencyCode = Field(pattern=AGENCY_PATTERN, examples=["000.00.01.H26"])
CounterCode = Field(pattern=r"^[0-9A-Za-z._-]{1,32}$", examples=["Q01"])
Sha256 = Field(pattern=r"^[0-9a-f]{64}$")


def _storable_text(value: str) -> str:
    """PostgreSQL text holds neither NUL nor lone UTF-16 surrogates: refuse them as bad input."""
    if "\x00" in value:
        raise ValueError("NUL character")
    value.encode("utf-8")  # raises on lone surrogates
    return value


def _storable_json(value: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    _storable_text(text.replace("\\u0000", "\x00"))
    if len(text) > 64 * 1024:
        raise ValueError("payload larger than 64 KiB")
    return value


def _plausible_time(value: datetime) -> datetime:
    if not 2000 <= value.year <= 2100:
        raise ValueError("time outside 2000-2100")
    return value


Text = Annotated[str, AfterValidator(_storable_text)]
JsonObject = Annotated[dict[str, Any], AfterValidator(_storable_json)]
Moment = Annotated[datetime, AfterValidator(_plausible_time)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AgencyIn(Strict):
    code: str = AgencyCode
    name: Text = Field(min_length=1, max_length=255)


class AgencyOut(BaseModel):
    code: str
    name: str


class CounterIn(Strict):
    code: str = CounterCode
    public_key: Text = Field(default="", max_length=4096, description="PEM public key of the counter (optional)")


class OfficerIn(Strict):
    """An officer of the agency and the role that decides what they may do (same table as the core)."""

    username: str = Field(pattern=r"^[a-z0-9._-]{2,64}$", examples=["canbo01"])
    full_name: Text = Field(min_length=1, max_length=255)
    role: Literal["officer", "supervisor", "admin"]


class OfficerOut(BaseModel):
    agency_code: str
    username: str
    full_name: str
    role: str


class FallbackScheme(BaseModel):
    """The counter's own share of the offline fallback range (see docs/sync.md)."""

    slot: int
    first: int
    last: int


class CounterOut(BaseModel):
    agency_code: str
    counter_code: str
    slot: int
    key_fingerprint: str
    lease_ceiling: int
    fallback: FallbackScheme | None
    server_time: datetime
    token: str | None = Field(default=None, description="Only in the registration answer: keep it secret")


class EventIn(Strict):
    event_id: str = Field(pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                          description="idempotency key (UUID)")
    kind: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$", max_length=64)
    aggregate: str = Field(pattern=r"^[0-9A-Za-z.\-]{1,64}$", description="the dossier code")
    payload: JsonObject
    created_at: Moment = Field(description="device time of the change (naive Vietnam local time)")


class PushIn(Strict):
    sent_at: Moment = Field(description="device clock when the batch was sent")
    events: list[EventIn] = Field(max_length=1000)


class EventResultKind(str, Enum):
    applied = "applied"
    duplicate = "duplicate"
    rejected = "rejected"  # final: the UI shows reason_vi
    pending = "pending"  # not applied yet (an attachment is missing): push again later


class EventResult(BaseModel):
    event_id: str
    result: EventResultKind
    reason_code: str = ""
    reason_vi: str = ""


class PushOut(BaseModel):
    server_time: datetime
    skew_seconds: float = Field(description="server time minus the device's sent_at")
    results: list[EventResult]


class ChangeOut(BaseModel):
    seq: int
    kind: str
    origin_counter: str
    body: dict[str, Any]
    at: datetime


class ChangesOut(BaseModel):
    changes: list[ChangeOut]
    next_cursor: int
    more: bool
    server_time: datetime


class LeaseIn(Strict):
    day: date = Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))
    size: int = Field(ge=1, le=500)


class LeaseOut(BaseModel):
    agency_code: str
    day: date
    first: int
    last: int


class UploadIn(Strict):
    size: int = Field(ge=1, le=2**40)


class UploadStatus(BaseModel):
    sha256: str
    size: int
    received: int
    complete: bool


class ProcedureIn(Strict):
    code: str = Field(pattern=r"^[0-9A-Za-z.]{1,64}$")
    version: int = Field(ge=1, le=10**6)
    body: JsonObject


class HolidayIn(Strict):
    agency_code: str | None = Field(default=None, pattern=AGENCY_PATTERN)
    day: date = Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))
    kind: Literal["off", "work"]
    note: Text = Field(default="", max_length=500)


DossierStatusName = Enum("DossierStatusName", {s.value: s.value for s in DossierStatus}, type=str)


class DeptStatusIn(Strict):
    status: DossierStatusName  # type: ignore[valid-type]
    reason: Text = Field(default="", max_length=2000)
    officer: Text = Field(default="", max_length=64)


class Published(BaseModel):
    seq: int
