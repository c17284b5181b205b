"""Sync errors (CounterError subclasses with a Vietnamese message for the officer)."""

from __future__ import annotations

from ..domain.errors import ConfigurationError, CounterError


class SyncError(CounterError):
    code = "sync"


class ServerUnreachable(SyncError):
    """No answer (network down, server down, timeout): the counter keeps working offline."""

    code = "offline"


class ServerRefused(SyncError):
    """The server answered with an error (bad token, malformed request…)."""

    code = "server_refused"

    def __init__(self, message_en: str, message_vi: str, *, status: int, code: str | None = None) -> None:
        super().__init__(message_en, message_vi, code=code)
        self.status = status


class UntrustedServer(SyncError):
    """The server's TLS certificate does not match the pinned certificate / CA: never send data."""

    code = "untrusted_server"


def untrusted_server(url: str) -> UntrustedServer:
    return UntrustedServer(
        f"TLS certificate of {url} not trusted (pinned certificate or CA mismatch)",
        "Máy chủ không xuất trình đúng chứng thư đã được cấu hình cho quầy, nên quầy không gửi dữ liệu. "
        "Có thể kết nối đang bị giả mạo hoặc máy chủ vừa đổi chứng thư: báo ngay quản trị hệ thống.")


class NotConfigured(ConfigurationError):
    code = "sync_not_configured"


class OfflineDebtExceeded(CounterError):
    """Too long offline / too much unsynced: new receptions are blocked until a sync succeeds."""

    code = "offline_debt"


def unreachable(detail: str) -> ServerUnreachable:
    return ServerUnreachable(
        f"city server unreachable: {detail}"[:300],
        "Không kết nối được với hệ thống của thành phố. Quầy vẫn làm việc bình thường và sẽ tự gửi dữ liệu "
        "khi có mạng trở lại.")


def not_configured() -> NotConfigured:
    return NotConfigured(
        "sync not configured (no server URL or token)",
        "Quầy chưa được cấu hình đồng bộ với hệ thống của thành phố. Chạy “counter-app sync --configure "
        "--server URL --token MÃ” với mã do quản trị hệ thống cấp.")
