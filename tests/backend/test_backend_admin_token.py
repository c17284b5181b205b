"""The admin token never has to be on the command line: ``$CITY_BACKEND_ADMIN_TOKEN`` or
``--admin-token-file`` (refused when others may read it); ``--admin-token`` still works but warns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from city_backend.cli import admin_token, build_parser
from city_backend.testing import ServerProcess

ROOT = Path(__file__).resolve().parents[2]


def _args(*extra: str):
    return build_parser().parse_args(["serve", "--db", "sqlite://", *extra])


def test_the_test_server_keeps_the_token_out_of_its_command_line(server):
    cmdline = Path(f"/proc/{server.pid}/cmdline").read_bytes().replace(b"\0", b" ")
    assert server.admin_token.encode() not in cmdline and b"--admin-token" not in cmdline
    # Past the admin check (403), the empty body is refused (422).
    assert httpx.post(f"{server.url}/v1/admin/agencies", json={},
                      headers={"X-Admin-Token": server.admin_token}).status_code == 422


def test_token_file_mode_is_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CITY_BACKEND_ADMIN_TOKEN", raising=False)
    f = tmp_path / "admin-token"
    f.write_text("s3cret-from-file\n", encoding="utf-8")
    f.chmod(0o600)
    assert admin_token(_args("--admin-token-file", str(f))) == "s3cret-from-file"
    f.chmod(0o644)
    proc = subprocess.run([sys.executable, "-m", "city_backend.cli", "serve", "--db", "sqlite://", "--no-migrate",
                           "--storage", str(tmp_path / "st"), "--admin-token-file", str(f)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={k: v for k, v in os.environ.items() if k != "CITY_BACKEND_ADMIN_TOKEN"})
    assert proc.returncode == 2 and "chmod 600" in proc.stderr, proc.stderr
    f.chmod(0o600)
    f.write_text("  \n", encoding="utf-8")
    try:
        admin_token(_args("--admin-token-file", str(f)))
        raise AssertionError("an empty token file is refused")
    except Exception as exc:  # TokenFileError
        assert "empty" in str(exc)


def test_environment_first_and_the_visible_flag_warns(monkeypatch, capsys):
    monkeypatch.setenv("CITY_BACKEND_ADMIN_TOKEN", "from-env")
    assert admin_token(_args()) == "from-env"
    monkeypatch.delenv("CITY_BACKEND_ADMIN_TOKEN")
    assert admin_token(_args("--admin-token", "on-the-line")) == "on-the-line"
    assert "visible" in capsys.readouterr().err
    assert admin_token(_args()) == ""  # no token: the admin endpoints are refused


def test_a_server_started_with_a_token_file_accepts_it(city_db, tmp_path, monkeypatch):
    monkeypatch.delenv("CITY_BACKEND_ADMIN_TOKEN", raising=False)
    f = tmp_path / "admin-token"
    f.write_text("file-token-123", encoding="utf-8")
    f.chmod(0o600)
    srv = ServerProcess(city_db, tmp_path / "st", admin_token="", extra=["--admin-token-file", str(f)])
    srv.start(migrate=False)
    try:
        ok = httpx.post(f"{srv.url}/v1/admin/agencies", json={}, headers={"X-Admin-Token": "file-token-123"})
        bad = httpx.post(f"{srv.url}/v1/admin/agencies", json={}, headers={"X-Admin-Token": "wrong"})
    finally:
        srv.stop()
    assert (ok.status_code, bad.status_code) == (422, 403)
