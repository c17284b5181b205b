"""Attachments (tệp đính kèm): content-addressed, uploaded in chunks, resumable, verified.

``PUT /v1/attachments/{sha256}`` announces the size and answers how much the server holds;
``PATCH …?offset=N`` appends one chunk at exactly the held offset (a stale offset gets 409
with the true one); the last chunk triggers the SHA-256 check. A chunk cut mid-transfer is
never half-applied: the body is read whole before anything is written.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from .db import server_now
from .deps import CallerDep, DbDep, SettingsDep
from .errors import ERROR_RESPONSES, ApiError, not_found
from .models import Attachment
from .schemas import UploadIn, UploadStatus

router = APIRouter(prefix="/v1/attachments", tags=["attachments"], responses=ERROR_RESPONSES)
ShaPath = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _status(row: Attachment) -> UploadStatus:
    return UploadStatus(sha256=row.sha256, size=row.size, received=row.received, complete=row.complete)


@router.put("/{sha256}", response_model=UploadStatus)
def start_upload(sha256: ShaPath, body: UploadIn, caller: CallerDep, db: DbDep, settings: SettingsDep) -> UploadStatus:
    if body.size > settings.max_attachment_bytes:
        raise ApiError(413, "too_large", "attachment too large", "Tệp đính kèm quá lớn so với giới hạn của hệ thống.")
    with db.session() as s:
        row = s.get(Attachment, (caller.agency_code, sha256))
        if row is None:
            row = Attachment(agency_code=caller.agency_code, sha256=sha256, size=body.size, received=0,
                             complete=False, created_at=server_now())
            s.add(row)
        elif row.size != body.size and not row.complete:
            row.size, row.received = body.size, 0
        s.flush()
        return _status(row)


@router.get("/{sha256}", response_model=UploadStatus)
def upload_status(sha256: ShaPath, caller: CallerDep, db: DbDep) -> UploadStatus:
    with db.session() as s:
        row = s.get(Attachment, (caller.agency_code, sha256))
        if row is None:
            raise not_found("attachment")
        return _status(row)


@router.patch("/{sha256}", response_model=UploadStatus,
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
async def upload_chunk(sha256: ShaPath, request: Request, caller: CallerDep, db: DbDep, settings: SettingsDep,
                       offset: Annotated[int, Query(ge=0, le=2**40)]) -> UploadStatus:
    try:
        data = await request.body()
    except ClientDisconnect:
        raise ApiError(400, "cut", "client went away mid-chunk", "Đường truyền bị ngắt; quầy sẽ gửi lại.") from None
    if len(data) > settings.max_chunk_bytes:
        raise ApiError(413, "chunk_too_large", "chunk too large", "Gói tệp gửi lên quá lớn.")
    if not data:
        raise ApiError(422, "empty_chunk", "empty chunk", "Gói tệp gửi lên bị rỗng.")
    return await run_in_threadpool(_append, request.app.state.blobs, db, caller.agency_code, sha256, offset, data)


def _append(store, db, agency: str, sha256: str, offset: int, data: bytes) -> UploadStatus:
    corrupt = False
    with db.session() as s:
        q = select(Attachment).where(Attachment.agency_code == agency, Attachment.sha256 == sha256)
        row = s.scalar(q.with_for_update() if db.is_postgres else q)
        if row is None:
            raise not_found("attachment")
        if row.complete:
            return _status(row)
        if offset != row.received or offset + len(data) > row.size:
            raise ApiError(409, "offset_mismatch", f"server holds {row.received} bytes",
                           "Vị trí gửi tiếp không khớp; quầy sẽ hỏi lại và gửi tiếp từ đúng chỗ.")
        store.write_chunk(agency, sha256, offset, data)
        row.received = offset + len(data)
        if row.received == row.size:
            if store.finish(agency, sha256):
                row.complete, row.completed_at = True, server_now()
            else:
                row.received, corrupt = 0, True
        status = _status(row)
    if corrupt:
        raise ApiError(422, "hash_mismatch", "content does not match its SHA-256",
                       "Tệp nhận được bị hỏng (không khớp mã băm); quầy sẽ gửi lại từ đầu.")
    return status


@router.get("/{sha256}/content", response_class=StreamingResponse,
            responses={200: {"content": {"application/octet-stream": {}}}})
def download(sha256: ShaPath, caller: CallerDep, db: DbDep, request: Request) -> StreamingResponse:
    with db.session() as s:
        row = s.get(Attachment, (caller.agency_code, sha256))
        if row is None or not row.complete:
            raise not_found("attachment")
    f = request.app.state.blobs.open(caller.agency_code, sha256)
    return StreamingResponse(iter(lambda: f.read(1 << 16), b""), media_type="application/octet-stream")
