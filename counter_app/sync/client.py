"""HTTP client of the sync API v1 (httpx). Network failures become :class:`ServerUnreachable`;
error answers become :class:`ServerRefused` carrying the server's Vietnamese message.

TLS: pass ``verify`` = the path of the city's CA or of the pinned server certificate (see
docs/sync.md); plain HTTP is only for loopback tests.
"""

from __future__ import annotations

import ssl
from datetime import date, datetime
from typing import Any

import httpx

from .errors import ServerRefused, unreachable, untrusted_server


class SyncClient:
    def __init__(self, base_url: str, token: str, *, timeout: float = 15.0, verify: bool | str | ssl.SSLContext = True,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        if isinstance(verify, str):  # the pinned CA / server certificate (PEM)
            verify = ssl.create_default_context(cafile=verify)
        self.http = httpx.Client(base_url=self.base_url, timeout=timeout, verify=verify, transport=transport,
                                 headers={"Authorization": f"Bearer {token}", "User-Agent": "quay-mot-cua-sync/1"})

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, method: str, path: str, *, ok: tuple[int, ...] = (200, 201), **kw) -> httpx.Response:
        try:
            r = self.http.request(method, path, **kw)
        except httpx.ConnectError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc) or "certificate verify failed" in str(exc):
                raise untrusted_server(self.base_url) from exc
            raise unreachable(type(exc).__name__) from exc
        except httpx.TransportError as exc:  # connect, read, write, protocol, timeouts
            raise unreachable(type(exc).__name__) from exc
        if r.status_code in ok:
            return r
        if r.status_code >= 500 or r.status_code in (502, 503, 504):
            raise unreachable(f"HTTP {r.status_code}")
        try:
            body = r.json()
        except ValueError:
            body = {}
        raise ServerRefused(f"HTTP {r.status_code} {body.get('code', '')}: {body.get('message_en', '')}"[:300],
                            body.get("message_vi") or "Hệ thống của thành phố từ chối yêu cầu; báo quản trị hệ thống.",
                            status=r.status_code, code=body.get("code") or "server_refused")

    def reconcile_visits(self, events: list[dict]) -> list[dict]:
        """Queue visits changed at this counter (paper tickets keyed in offline included), each once."""
        return self._call("POST", "/v1/queue/visits:reconcile", json={"events": events}).json()["results"]

    def me(self) -> dict[str, Any]:
        return self._call("GET", "/v1/me").json()

    def sign_in(self, username: str, password: str) -> dict[str, Any]:
        """An officer's online sign-in at this counter (``security.online_signin``)."""
        return self._call("POST", "/v1/auth/signin", json={"username": username, "password": password}).json()

    def push(self, events: list[dict[str, Any]], *, sent_at: datetime) -> dict[str, Any]:
        return self._call("POST", "/v1/events:push", json={"sent_at": sent_at.isoformat(), "events": events}).json()

    def changes(self, since: int, limit: int = 500) -> dict[str, Any]:
        return self._call("GET", "/v1/changes", params={"since": since, "limit": limit}).json()

    def lease(self, day: date, size: int) -> dict[str, Any] | None:
        """A block for ``day``, or None when the agency's leasable numbers of that day are used up."""
        try:
            return self._call("POST", "/v1/leases", json={"day": day.isoformat(), "size": size}).json()
        except ServerRefused as exc:
            if exc.code == "numbers_exhausted":
                return None
            raise

    def upload_start(self, sha256: str, size: int) -> dict[str, Any]:
        return self._call("PUT", f"/v1/attachments/{sha256}", json={"size": size}).json()

    def upload_status(self, sha256: str) -> dict[str, Any]:
        return self._call("GET", f"/v1/attachments/{sha256}").json()

    def upload_chunk(self, sha256: str, offset: int, data: bytes) -> dict[str, Any]:
        return self._call("PATCH", f"/v1/attachments/{sha256}", params={"offset": offset}, content=data,
                          headers={"Content-Type": "application/octet-stream"}).json()

    # -- online dossiers (hồ sơ trực tuyến): the waiting list of this agency, files, take ----------
    def online_dossiers(self) -> list[dict[str, Any]]:
        return self._call("GET", "/v1/counter/online-dossiers").json()["dossiers"]

    def attachment_content(self, sha256: str) -> bytes:
        return self._call("GET", f"/v1/attachments/{sha256}/content").content

    def take_online(self, online_id: str, dossier_code: str) -> dict[str, Any]:
        return self._call("POST", f"/v1/counter/online-dossiers/{online_id}/take",
                          json={"dossier_code": dossier_code}).json()
