"""API errors: a stable code, English for logs, Vietnamese for the officer (what happened, what to do)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ErrorBody(BaseModel):
    code: str
    message_en: str
    message_vi: str


class ApiError(Exception):
    def __init__(self, status: int, code: str, message_en: str, message_vi: str) -> None:
        super().__init__(message_en)
        self.status, self.code, self.message_en, self.message_vi = status, code, message_en, message_vi


async def api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(status_code=exc.status,
                        content=ErrorBody(code=exc.code, message_en=exc.message_en,
                                          message_vi=exc.message_vi).model_dump())


def unauthorized() -> ApiError:
    return ApiError(401, "unauthorized", "missing or unknown counter token",
                    "Quầy chưa được đăng ký với hệ thống của thành phố hoặc mã xác thực đã bị thu hồi. "
                    "Liên hệ quản trị hệ thống để đăng ký lại quầy.")


def forbidden_admin() -> ApiError:
    return ApiError(403, "forbidden", "admin token required",
                    "Thao tác này chỉ dành cho quản trị hệ thống.")


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found", "Không tìm thấy dữ liệu yêu cầu trong phạm vi cơ quan.")


ERROR_RESPONSES = {
    400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
    409: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody},
}
