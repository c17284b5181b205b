"""The FastAPI application of the reference city backend."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import API_VERSION
from .blobstore import FileSystemBlobStore
from .db import Database, server_now
from .errors import ApiError, ErrorBody, api_error_handler
from .settings import Settings


async def _validation_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()[:5])
    body = ErrorBody(code="invalid_request", message_en=f"invalid request: {fields}"[:500],
                     message_vi="Dữ liệu gửi lên không đúng định dạng của hệ thống; báo quản trị hệ thống.")
    return JSONResponse(status_code=422, content=body.model_dump())


async def _http_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    body = ErrorBody(code="bad_request" if exc.status_code == 400 else f"http_{exc.status_code}",
                     message_en=str(exc.detail)[:300],
                     message_vi="Yêu cầu gửi lên không đọc được; báo quản trị hệ thống.")
    return JSONResponse(status_code=exc.status_code, content=body.model_dump(), headers=exc.headers)


def create_app(settings: Settings, *, db: Database | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.db.dispose()

    app = FastAPI(title="Quầy Một cửa — city sync API", version=f"{API_VERSION}.0",
                  description="Sync between one-stop counters and the city's system of record (docs/sync.md).",
                  lifespan=lifespan)
    app.state.settings = settings
    app.state.db = db or Database(settings.db_url)
    app.state.blobs = FileSystemBlobStore(settings.storage_dir)
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_error_handler)

    from .routes_admin import router as admin_router
    from .routes_app import router as app_router
    from .routes_auth import router as auth_router
    from .routes_queue import router as queue_router
    from .routes_attachments import router as attachments_router
    from .routes_counter import router as counter_router
    from .routes_online import router as online_router
    from .routes_public import router as public_router

    app.include_router(counter_router)
    app.include_router(attachments_router)
    app.include_router(admin_router)
    app.include_router(online_router)
    app.include_router(public_router)
    app.include_router(auth_router)
    app.include_router(queue_router)
    app.include_router(app_router)
    from .routes_audit import admin_router as audit_admin_router, router as audit_router

    app.include_router(audit_router)
    app.include_router(audit_admin_router)

    @app.get("/healthz", tags=["meta"])
    def healthz() -> dict[str, str]:
        return {"status": "ok", "server_time": server_now().isoformat()}

    return app
