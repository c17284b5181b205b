"""The update check: the pure policy (never mid-shift), the announcement's validation, and the
client against a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from packaging.version import Version

from counter_app import __version__
from counter_app.updates import (Advice, Announcement, Moment, UpdateCheckError, advise, check, message_vi,
                                 parse_announcement, platform_tag)

NEWER = Announcement(Version("0.2.0"), minimum=Version("0.1.0"))
REQUIRED = Announcement(Version("0.3.0"), minimum=Version("0.2.0"))


@pytest.mark.parametrize("moment, expected", [
    (Moment.MID_SHIFT, Advice.HOLD), (Moment.BEFORE_SIGN_IN, Advice.HOLD),
    (Moment.SIGN_OUT, Advice.OFFER), (Moment.END_OF_SHIFT, Advice.OFFER)])
def test_a_newer_version_is_offered_only_at_sign_out_or_end_of_shift(moment, expected) -> None:
    assert advise(NEWER, current="0.1.0", moment=moment) is expected


@pytest.mark.parametrize("moment, expected", [
    (Moment.MID_SHIFT, Advice.HOLD), (Moment.BEFORE_SIGN_IN, Advice.REQUIRED),
    (Moment.SIGN_OUT, Advice.REQUIRED), (Moment.END_OF_SHIFT, Advice.REQUIRED)])
def test_even_a_required_update_never_interrupts_a_shift(moment, expected) -> None:
    assert advise(REQUIRED, current="0.1.0", moment=moment) is expected


@pytest.mark.parametrize("current", ["0.2.0", "0.2.1", "1.0"])
def test_nothing_to_say_when_current_or_newer(current) -> None:
    for moment in Moment:
        assert advise(NEWER, current=current, moment=moment) is Advice.NONE
    assert advise(None, current=current, moment=Moment.SIGN_OUT) is Advice.NONE


def test_versions_compare_as_versions_not_text() -> None:
    ten = Announcement(Version("0.10.0"))
    assert advise(ten, current="0.9.0", moment=Moment.SIGN_OUT) is Advice.OFFER  # "0.10" > "0.9"
    assert advise(ten, current="0.10.0.post1", moment=Moment.SIGN_OUT) is Advice.NONE


def test_prereleases_are_offered_only_to_prerelease_builds() -> None:
    beta = Announcement(Version("0.2.0b1"))
    assert advise(beta, current="0.1.0", moment=Moment.SIGN_OUT) is Advice.NONE
    assert advise(beta, current="0.2.0a3", moment=Moment.SIGN_OUT) is Advice.OFFER


def test_messages_are_vietnamese_and_name_both_versions() -> None:
    text = message_vi(Advice.REQUIRED, REQUIRED, current="0.1.0")
    assert "0.1.0" in text and "0.3.0" in text and "cán bộ kỹ thuật" in text
    assert "không tự cập nhật" in message_vi(Advice.OFFER, NEWER, current="0.1.0")
    assert message_vi(Advice.HOLD, NEWER, current="0.1.0") == ""


def test_a_valid_announcement_parses() -> None:
    got = parse_announcement({"latest": "0.2.0", "minimum": "0.1.0", "url": "https://x.example/setup.exe",
                              "sha256": "AB" * 32, "notes_vi": "Sửa lỗi in giấy hẹn."})
    assert got == Announcement(Version("0.2.0"), Version("0.1.0"), "https://x.example/setup.exe", "ab" * 32,
                               "Sửa lỗi in giấy hẹn.")


@pytest.mark.parametrize("body", [
    [], {"latest": "banana"}, {}, {"latest": 2}, {"latest": "0.2", "minimum": "0.3"},
    {"latest": "0.2", "url": "http://plain.example/setup.exe"}, {"latest": "0.2", "sha256": "xyz"},
    {"latest": "0.2", "notes_vi": ["a"]}])
def test_a_malformed_announcement_is_a_clear_error(body) -> None:
    with pytest.raises(UpdateCheckError) as err:
        parse_announcement(body)
    assert "Ứng dụng vẫn dùng bình thường" in err.value.message_vi


class _Backend(BaseHTTPRequestHandler):
    reply: tuple[int, bytes] = (200, b"{}")
    seen: list[dict] = []

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        type(self).seen.append({"path": url.path, "query": parse_qs(url.query),
                                "version": self.headers.get("X-QMC-Version")})
        status, body = type(self).reply
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def backend():
    _Backend.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Backend)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Backend
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_the_app_tells_the_backend_its_version_and_reads_the_announcement(backend) -> None:
    url, handler = backend
    handler.reply = (200, json.dumps({"latest": "9.0.0", "minimum": "0.0.1"}).encode())
    got = check(url + "/", current=__version__)
    assert got == Announcement(Version("9.0.0"), Version("0.0.1"))
    assert handler.seen == [{"path": "/v1/app/version", "version": __version__,
                             "query": {"current": [__version__], "platform": [platform_tag()]}}]


@pytest.mark.parametrize("status", [204, 404])
def test_nothing_announced(backend, status) -> None:
    url, handler = backend
    handler.reply = (status, b"")
    assert check(url) is None


@pytest.mark.parametrize("reply", [(500, b"oops"), (200, b"not json"), (200, b'{"latest": "x"}')])
def test_a_broken_backend_gives_a_clear_error(backend, reply) -> None:
    url, handler = backend
    handler.reply = reply
    with pytest.raises(UpdateCheckError):
        check(url)


def test_an_unreachable_backend_gives_a_clear_error() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Backend)
    port = server.server_address[1]
    server.server_close()  # nothing listens on that port any more
    with pytest.raises(UpdateCheckError) as err:
        check(f"http://127.0.0.1:{port}", timeout=2)
    assert "thử lại sau" in err.value.message_vi


def test_the_repository_packaging_folder_does_not_shadow_the_packaging_library() -> None:
    """packaging/ (the PyInstaller spec) must never get an __init__.py: it would hide PyPA's packaging."""
    import packaging

    root = Path(__file__).resolve().parents[2]
    assert not (root / "packaging" / "__init__.py").exists()
    assert packaging.__file__ is not None and "site-packages" in packaging.__file__
