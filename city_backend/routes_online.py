"""Online dossiers (hồ sơ trực tuyến, kênh 2): the public portal submits, a counter takes.

* ``POST /v1/online/dossiers`` — the portal (header ``X-Portal-Token``, the value of
  ``$CITY_PORTAL_TOKEN`` on the server; refused when unset) submits a procedure code, the
  applicant's data and small files inline (base64). Files become complete attachments of the
  agency, content-addressed by SHA-256, so counters download them with the attachment API.
* ``GET /v1/counter/online-dossiers`` — a counter lists those waiting for its agency.
* ``POST /v1/counter/online-dossiers/{id}/take`` — the counter that recorded the reception
  (received, supplement or refused) binds it to its dossier code; it leaves every list. The
  counter has the applicant's data now: the server erases its copy (:func:`erase_applicant`:
  only the kind and a SHA-256 of what was submitted stay); the answer's ``applicant`` is null.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from .db import server_now, wire
from .deps import CallerDep, DbDep
from .errors import ERROR_RESPONSES, ApiError, not_found
from .models import Agency, Attachment, OnlineDossier

router = APIRouter(tags=["online"], responses=ERROR_RESPONSES)

MAX_INLINE_BYTES = 2 * 1024 * 1024
MAX_FILES = 20


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OnlineApplicant(_Strict):
    kind: str = Field("individual", pattern=r"^(individual|organisation)$")
    full_name: str = Field(min_length=1, max_length=200)
    id_number: str = Field("", pattern=r"^[0-9]{0,12}$", description="CCCD / personal identification number")
    tax_code: str = Field("", pattern=r"^[0-9\-]{0,14}$")
    date_of_birth: str = Field("", pattern=r"^(\d{4}-\d{2}-\d{2})?$")
    address: str = Field("", max_length=500)
    phone: str = Field("", pattern=r"^[0-9+ ]{0,20}$")
    email: str = Field("", max_length=200)


class InlineFile(_Strict):
    name: str = Field(min_length=1, max_length=200)
    component: int | None = Field(None, ge=0, le=100, description="position in the procedure's checklist")
    content_base64: str = Field(max_length=MAX_INLINE_BYTES * 4 // 3 + 8)


class OnlineDossierIn(_Strict):
    agency_code: str = Field(pattern=r"^[0-9A-Za-z.]{1,32}$")
    procedure_code: str = Field(pattern=r"^[0-9A-Za-z.\-]{1,64}$")
    applicant: OnlineApplicant
    files: list[InlineFile] = Field(default_factory=list, max_length=MAX_FILES)


class OnlineFileOut(BaseModel):
    sha256: str
    name: str
    size: int
    component: int | None = None


class OnlineDossierOut(BaseModel):
    id: str
    agency_code: str
    channel: int
    procedure_code: str
    applicant: OnlineApplicant | None = Field(
        description="what the citizen typed; null once a counter took the submission (erased on the server)")
    files: list[OnlineFileOut]
    submitted_at: str
    state: str
    dossier_code: str = ""


class OnlineDossierList(BaseModel):
    dossiers: list[OnlineDossierOut]


class TakeIn(_Strict):
    dossier_code: str = Field(pattern=r"^[0-9A-Za-z.\-]{1,64}$")


def erase_applicant(applicant: dict) -> dict:
    """What the server keeps of a taken submission's applicant (Decree 13/2023/NĐ-CP: no longer
    than needed): the kind and the SHA-256 of the submitted data (canonical JSON), which proves
    what was submitted if it is ever disputed, without holding it. Idempotent."""
    if applicant.get("erased"):
        return applicant
    digest = hashlib.sha256(json.dumps(applicant, ensure_ascii=False, sort_keys=True,
                                       separators=(",", ":")).encode("utf-8")).hexdigest()
    return {"erased": True, "kind": applicant.get("kind", "individual"), "sha256": digest}


def _out(row: OnlineDossier) -> OnlineDossierOut:
    applicant = None if row.applicant.get("erased") else OnlineApplicant(**row.applicant)
    return OnlineDossierOut(id=row.id, agency_code=row.agency_code, channel=row.channel,
                            procedure_code=row.procedure_code, applicant=applicant,
                            files=[OnlineFileOut(**f) for f in row.files],
                            submitted_at=wire(row.submitted_at).isoformat(),
                            state=row.state, dossier_code=row.dossier_code)


def _require_portal(x_portal_token: str | None) -> None:
    expected = os.environ.get("CITY_PORTAL_TOKEN", "")
    if not expected or not x_portal_token or not hmac.compare_digest(expected, x_portal_token):
        raise ApiError(403, "forbidden", "portal token required", "Chỉ cổng dịch vụ công được gửi hồ sơ trực tuyến.")


@router.post("/v1/online/dossiers", response_model=OnlineDossierOut, status_code=201)
def submit(body: OnlineDossierIn, request: Request, db: DbDep,
           x_portal_token: Annotated[str | None, Header()] = None) -> OnlineDossierOut:
    """The public portal submits an online dossier (status “Mới đăng ký” until a counter takes it)."""
    _require_portal(x_portal_token)
    decoded = []
    for f in body.files:
        try:
            data = base64.b64decode(f.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ApiError(422, "bad_file", f"file {f.name!r} is not base64",
                           "Tệp đính kèm gửi lên không đọc được; đề nghị gửi lại.") from None
        if not data or len(data) > MAX_INLINE_BYTES:
            raise ApiError(413, "too_large", f"file {f.name!r} empty or over {MAX_INLINE_BYTES} bytes",
                           "Tệp đính kèm rỗng hoặc quá lớn so với giới hạn của hệ thống.")
        decoded.append((f, data, hashlib.sha256(data).hexdigest()))
    blobs, now = request.app.state.blobs, server_now()
    with db.session() as s:
        if s.get(Agency, body.agency_code) is None:
            raise not_found("agency")
        files = []
        for f, data, sha in decoded:
            if s.get(Attachment, (body.agency_code, sha)) is None:
                blobs.write_chunk(body.agency_code, sha, 0, data)
                if not blobs.finish(body.agency_code, sha):  # pragma: no cover - disk corruption
                    raise ApiError(500, "store_failed", "stored file does not match", "Lỗi lưu tệp; thử lại sau.")
                s.add(Attachment(agency_code=body.agency_code, sha256=sha, size=len(data), received=len(data),
                                 complete=True, created_at=now, completed_at=now))
                s.flush()
            files.append({"sha256": sha, "name": f.name, "size": len(data), "component": f.component})
        row = OnlineDossier(id=str(uuid.uuid4()), agency_code=body.agency_code, channel=2,
                            procedure_code=body.procedure_code, applicant=body.applicant.model_dump(), files=files,
                            tracking_number="", state="waiting", dossier_code="", taken_by="", submitted_at=now)
        s.add(row)
        s.flush()
        return _out(row)


@router.get("/v1/counter/online-dossiers", response_model=OnlineDossierList)
def waiting(caller: CallerDep, db: DbDep) -> OnlineDossierList:
    """Online dossiers waiting for reception by the caller's agency, oldest first."""
    with db.session() as s:
        rows = s.scalars(select(OnlineDossier).where(OnlineDossier.agency_code == caller.agency_code,
                                                     OnlineDossier.state == "waiting")
                         .order_by(OnlineDossier.submitted_at).limit(500))
        return OnlineDossierList(dossiers=[_out(r) for r in rows])


@router.post("/v1/counter/online-dossiers/{dossier_id}/take", response_model=OnlineDossierOut)
def take(dossier_id: Annotated[str, Path(max_length=36)], body: TakeIn, caller: CallerDep,
         db: DbDep) -> OnlineDossierOut:
    """Bind a waiting online dossier to the dossier code the counter recorded (idempotent); the
    applicant's personal data is erased on the server (the counter recorded it)."""
    if not body.dossier_code.startswith(caller.agency_code + "-"):
        raise ApiError(422, "wrong_agency", "dossier code of another agency",
                       "Mã hồ sơ không thuộc cơ quan của quầy; báo quản trị hệ thống.")
    with db.session() as s:
        row = s.get(OnlineDossier, dossier_id, with_for_update=db.is_postgres)
        if row is None or row.agency_code != caller.agency_code:
            raise not_found("online dossier")
        if row.state == "taken" and row.dossier_code != body.dossier_code:
            raise ApiError(409, "already_taken", "taken by another dossier",
                           "Hồ sơ trực tuyến này đã được quầy khác tiếp nhận; làm mới danh sách.")
        row.state, row.dossier_code, row.taken_by, row.taken_at = "taken", body.dossier_code, caller.counter_code, \
            row.taken_at or server_now()
        row.applicant = erase_applicant(row.applicant)
        return _out(row)
