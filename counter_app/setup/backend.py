"""The setup's talk with the city backend: reachability with the pinned certificate, who this
counter is (``/v1/me``), its agency's officers, online sign-in and the agency's settings."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ..domain.errors import CounterError


class SetupError(CounterError):
    code = "setup"


def _bad_url(url: str, why: str) -> SetupError:
    return SetupError(f"bad backend url: {why}", f"Địa chỉ máy chủ “{url[:80]}” không dùng được: {why}. "
                                                 "Ví dụ đúng: https://motcua.hanoi.gov.vn")


def check_url(url: str) -> str:
    """``https://host[:port][/path]``; plain http only to the machine itself (tests, a local demo)."""
    url = url.strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise _bad_url(url, "cần bắt đầu bằng https://")
    if parsed.scheme == "http":
        host = parsed.hostname
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise _bad_url(url, "kết nối phải được mã hóa (https)")
    return url


def check_ca_file(path: str) -> str:
    """The pinned CA or server certificate must be a readable PEM certificate ("" = system CAs)."""
    if not path:
        return ""
    from cryptography import x509

    p = Path(path)
    try:
        certs = x509.load_pem_x509_certificates(p.read_bytes())
    except (OSError, ValueError):
        certs = []
    if not certs:
        raise SetupError(f"not a PEM certificate: {p.name}",
                         f"Tệp chứng thư “{p.name}” không đọc được hoặc không phải chứng thư dạng PEM. "
                         "Chọn đúng tệp do quản trị hệ thống cấp.")
    return str(p)


@dataclass(frozen=True)
class BackendInfo:
    """What the backend says about this counter (its token identifies it)."""

    url: str
    ca_file: str
    token: str
    me: dict
    officers: list[dict] = field(default_factory=list)
    agency_settings: dict = field(default_factory=dict)

    @property
    def agency_code(self) -> str:
        return self.me["agency_code"]

    @property
    def counter_code(self) -> str:
        return self.me["counter_code"]


def _client(url: str, token: str, ca_file: str, timeout: float, transport=None):
    from ..sync.client import SyncClient

    return SyncClient(url, token, timeout=timeout, verify=ca_file or True, transport=transport)


def connect(url: str, *, token: str, ca_file: str = "", timeout: float = 10.0, transport=None) -> BackendInfo:
    """Reach the backend with the pinned certificate and the counter's token. Raises a
    :class:`CounterError` (unreachable, untrusted certificate, unknown token) with its Vietnamese text."""
    from ..sync.errors import ServerRefused

    url, ca_file = check_url(url), check_ca_file(ca_file)
    if not token.strip():
        raise SetupError("no token", "Nhập mã xác thực của quầy (do quản trị hệ thống cấp khi đăng ký quầy).")
    with _client(url, token.strip(), ca_file, timeout, transport) as client:
        me = client.me()
        officers = client._call("GET", "/v1/officers").json()
        try:
            settings = client._call("GET", "/v1/app/settings").json().get("settings", {})
        except ServerRefused as exc:
            if exc.status != 404:  # an older backend without per-agency settings
                raise
            settings = {}
    return BackendInfo(url, ca_file, token.strip(), me, officers, settings)


def sign_in_online(info: BackendInfo, *, username: str, password: str, timeout: float = 10.0,
                   transport=None) -> dict | None:
    """``POST /v1/auth/signin``: the officer as the city knows them, or ``None`` when the backend
    has no online sign-in (then the officer is checked offline). Wrong password → the server's error."""
    from ..sync.errors import ServerRefused

    with _client(info.url, info.token, info.ca_file, timeout, transport) as client:
        try:
            return client._call("POST", "/v1/auth/signin", json={"username": username, "password": password}).json()
        except ServerRefused as exc:
            if exc.status in (404, 405):
                return None
            raise


def refresh_agency_settings(store, *, path=None, transport=None) -> dict:
    """Fetch the agency's settings with this counter's registration, check and keep them (beside
    the config file, :func:`config.agency_path`, and in the profile's ``setting`` row
    ``agency_settings``); ``config.load`` merges them over the local TOML."""
    import json

    from .. import config
    from ..storage.models import SettingRow
    from ..sync import state
    from .profile_setup import AGENCY_SETTINGS_KEY

    with store.read() as s:
        url, token, ca = state.get(s, state.SERVER_URL), state.get(s, state.TOKEN), state.get(s, state.CA_FILE)
    if not url or not token:
        raise SetupError("sync not configured", "Quầy chưa được cấu hình đồng bộ với hệ thống của thành phố "
                                                "(chạy lại phần cài đặt hoặc “counter-app sync --configure”).")
    with _client(url, token, ca or "", 10.0, transport) as client:
        doc = client._call("GET", "/v1/app/settings").json().get("settings", {})
    config.save_agency_settings(doc, path)
    store.write(lambda s: s.merge(SettingRow(key=AGENCY_SETTINGS_KEY, value=json.dumps(doc, ensure_ascii=False))))
    return doc


def effective_config(store, path=None):
    """The local TOML with the agency's kept settings on top (what the app runs with)."""
    from .. import config
    from .profile_setup import agency_settings

    with store.read() as s:
        doc = agency_settings(s)
    return config.with_agency_settings(config.load(path), doc)
