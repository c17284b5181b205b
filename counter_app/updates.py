"""Update check (kiểm tra phiên bản mới): the counter tells the city backend its version, the
backend may announce a newer one, and the officer is told only at a calm moment.

The app never downloads or installs anything by itself, and never interrupts a shift: an
announcement seen while the officer is serving citizens is held (:attr:`Advice.HOLD`) and
shown at sign-out or when the app is closed at the end of the day. A version the backend
no longer accepts (below ``minimum``) is also told before sign-in.

Endpoint expected from the city backend (``docs/packaging.md``, "Update check")::

    GET {backend.url}/v1/app/version?current=0.1.0&platform=windows-x64
        X-QMC-Version: 0.1.0
    200 {"latest": "0.2.0", "minimum": "0.1.0", "url": "https://…/QuayMotCua-0.2.0-setup.exe",
         "sha256": "<64 hex>", "notes_vi": "…"}
    204 (or 404: an older backend) = nothing announced
"""

from __future__ import annotations

import enum
import platform
import re
import sys
from dataclasses import dataclass
from urllib.parse import urlparse

from packaging.version import InvalidVersion, Version

from . import __version__
from .domain.errors import CounterError

PATH = "/v1/app/version"


class UpdateCheckError(CounterError):
    """The update check failed or the backend's answer is unusable; the app keeps working."""

    code = "update_check_failed"


def _bad(detail: str) -> UpdateCheckError:
    return UpdateCheckError(f"unusable update announcement: {detail}",
                            "Không kiểm tra được phiên bản mới (thông tin từ hệ thống của thành phố không hợp lệ). "
                            "Ứng dụng vẫn dùng bình thường; báo cán bộ kỹ thuật nếu thông báo này lặp lại.")


@dataclass(frozen=True, slots=True)
class Announcement:
    latest: Version
    minimum: Version | None = None
    url: str = ""
    sha256: str = ""
    notes_vi: str = ""


class Moment(enum.Enum):
    BEFORE_SIGN_IN = "before_sign_in"  # the sign-in screen, before the shift starts
    MID_SHIFT = "mid_shift"  # an officer is signed in and may be serving a citizen
    SIGN_OUT = "sign_out"  # the officer signs out
    END_OF_SHIFT = "end_of_shift"  # the app is being closed at the end of the day


class Advice(enum.Enum):
    NONE = "none"  # nothing newer
    HOLD = "hold"  # newer exists; keep it for a calm moment, show nothing now
    OFFER = "offer"  # tell the officer a newer version is ready to install by IT
    REQUIRED = "required"  # this version is below the backend's minimum: install before the next shift


def _version(value: object, field: str) -> Version:
    if not isinstance(value, str):
        raise _bad(f"{field} must be a version string")
    try:
        return Version(value)
    except InvalidVersion:
        raise _bad(f"{field} {value[:40]!r} is not a version") from None


def parse_announcement(data: object) -> Announcement:
    """Validate the backend's JSON body (bad input is an :class:`UpdateCheckError`, never a crash)."""
    if not isinstance(data, dict):
        raise _bad("body is not an object")
    latest = _version(data.get("latest"), "latest")
    minimum = _version(data["minimum"], "minimum") if data.get("minimum") is not None else None
    if minimum is not None and minimum > latest:
        raise _bad("minimum is newer than latest")
    url = data.get("url") or ""
    if not isinstance(url, str) or (url and urlparse(url).scheme != "https"):
        raise _bad("url must be https")
    sha256 = (data.get("sha256") or "").lower()
    if not isinstance(sha256, str) or (sha256 and not re.fullmatch(r"[0-9a-f]{64}", sha256)):
        raise _bad("sha256 must be 64 hex digits")
    notes = data.get("notes_vi") or ""
    if not isinstance(notes, str):
        raise _bad("notes_vi must be text")
    return Announcement(latest, minimum, url, sha256, notes[:2000])


def advise(announcement: Announcement | None, *, current: str = __version__, moment: Moment) -> Advice:
    """The policy (pure): what to tell the officer now. Never anything mid-shift."""
    if announcement is None:
        return Advice.NONE
    mine = Version(current)
    if announcement.latest <= mine or (announcement.latest.is_prerelease and not mine.is_prerelease):
        return Advice.NONE
    required = announcement.minimum is not None and mine < announcement.minimum
    if moment is Moment.MID_SHIFT:
        return Advice.HOLD
    if moment is Moment.BEFORE_SIGN_IN:
        return Advice.REQUIRED if required else Advice.HOLD
    return Advice.REQUIRED if required else Advice.OFFER


def message_vi(advice: Advice, announcement: Announcement, *, current: str = __version__) -> str:
    """What the officer reads (only for OFFER / REQUIRED)."""
    if advice is Advice.REQUIRED:
        text = (f"Phiên bản {current} không còn được hệ thống của thành phố chấp nhận. Trước ca làm việc tiếp theo, "
                f"hãy báo cán bộ kỹ thuật cài phiên bản {announcement.latest}. Dữ liệu trên máy được giữ nguyên.")
    elif advice is Advice.OFFER:
        text = (f"Đã có phiên bản mới {announcement.latest} (máy đang dùng {current}). Cán bộ kỹ thuật sẽ cài đặt "
                "ngoài giờ tiếp nhận; ứng dụng không tự cập nhật.")
    else:
        return ""
    return f"{text}\n{announcement.notes_vi}".strip()


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    arch = {"amd64": "x64", "x86_64": "x64", "arm64": "arm64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{arch}"


def check(base_url: str, *, current: str = __version__, timeout: float = 10.0, verify: bool | str = True,
          transport=None, token: str | None = None) -> Announcement | None:
    """Ask the backend (telling it ``current``); ``None`` when nothing is announced.

    With the counter's ``token`` the backend records the version this counter runs."""
    import ssl

    import httpx

    if isinstance(verify, str):  # the pinned CA / server certificate (PEM), as for sync
        verify = ssl.create_default_context(cafile=verify)
    headers = {"X-QMC-Version": current, "User-Agent": f"quay-mot-cua/{current}"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout, verify=verify, transport=transport,
                          headers=headers) as http:
            r = http.get(PATH, params={"current": current, "platform": platform_tag()})
    except httpx.TransportError as exc:
        raise UpdateCheckError(f"update check failed: {type(exc).__name__}",
                               "Không kết nối được hệ thống của thành phố để kiểm tra phiên bản mới. "
                               "Ứng dụng vẫn dùng bình thường và sẽ thử lại sau.") from exc
    if r.status_code in (204, 404):
        return None
    if r.status_code != 200:
        raise _bad(f"HTTP {r.status_code}")
    try:
        body = r.json()
    except ValueError:
        raise _bad("body is not JSON") from None
    return parse_announcement(body)


#: ``sync_state`` key keeping the last announcement, so the sign-in screen can tell it at once.
ANNOUNCEMENT_KEY = "update_announcement"


#: File in the profile folder with the same announcement: read by the sign-in window before the
#: store is open (nothing but ``json`` needed).
CACHE_FILE = "update.json"


def check_store(store, *, profile_root=None, current: str = __version__, timeout: float = 10.0,
                transport=None) -> Announcement | None:
    """Check with this counter's sync registration (server, token, pinned certificate) and keep
    the answer in the store (and in ``profile_root/update.json``). ``None`` when nothing is
    announced or no server is configured."""
    import json
    from pathlib import Path

    from .sync import state

    with store.read() as s:
        url, token, ca = state.get(s, state.SERVER_URL), state.get(s, state.TOKEN), state.get(s, state.CA_FILE)
    if not url:
        return None
    found = check(url, current=current, timeout=timeout, verify=ca or True, token=token, transport=transport)
    body = None if found is None else json.dumps({
        "latest": str(found.latest), "minimum": str(found.minimum) if found.minimum else None, "url": found.url,
        "sha256": found.sha256, "notes_vi": found.notes_vi})
    store.write(lambda s: state.put(s, ANNOUNCEMENT_KEY, body))
    if profile_root is not None:
        cache = Path(profile_root) / CACHE_FILE
        if body is None:
            cache.unlink(missing_ok=True)
        else:
            cache.write_text(body, encoding="utf-8")
    return found


def cached_announcement(profile_root) -> Announcement | None:
    """The announcement kept in ``profile_root/update.json`` (``None`` if none or unreadable)."""
    import json
    from pathlib import Path

    try:
        return parse_announcement(json.loads((Path(profile_root) / CACHE_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, UpdateCheckError):
        return None


def last_announcement(session) -> Announcement | None:
    """The announcement kept by :func:`check_store` (``None`` if none or unreadable)."""
    import json

    from .sync import state

    raw = state.get(session, ANNOUNCEMENT_KEY)
    if not raw:
        return None
    try:
        return parse_announcement(json.loads(raw))
    except (ValueError, UpdateCheckError):
        return None


def notice(announcement: Announcement | None, *, moment: Moment, current: str = __version__) -> tuple[Advice, str]:
    """What a non-blocking notice shows at ``moment``: the advice and its text ("" = show nothing)."""
    advice = advise(announcement, current=current, moment=moment)
    if advice in (Advice.OFFER, Advice.REQUIRED) and announcement is not None:
        return advice, message_vi(advice, announcement, current=current)
    return advice, ""
