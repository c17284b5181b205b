"""``counter-app`` commands that change data or show/export personal data sign the officer in
(counter_app.cli_auth): core sign-in, lockout, role table, audit, and the officer as the context."""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app import cli_auth
from counter_app.cli import build_parser, main
from counter_app.profile import Profile
from counter_app.storage.models import CalendarOverrideRow
from counter_app.storage.models_security import AuditEntryRow, CachedCredentialRow

OVERRIDE = ["calendar", "override", "add", "2026-12-01", "--kind", "off", "--note", "Thông báo 9/TB"]


def _rows(root: Path, model, *where, column=None):
    store = Profile.default(root).open_store()
    try:
        with store.read() as s:
            return list(s.scalars(select(column if column is not None else model).where(*where)))
    finally:
        store.close()


def _audit(root: Path) -> list[tuple[str, str, str]]:
    store = Profile.default(root).open_store()
    try:
        with store.read() as s:
            return [(e.actor, e.action, e.target) for e in s.scalars(select(AuditEntryRow))]
    finally:
        store.close()


def test_every_registered_command_exists_and_takes_the_sign_in_options():
    parser = build_parser()
    found = dict(cli_auth._leaves(parser, ()))
    for path in cli_auth.REGISTRY:
        assert path in found, path
        options = {o for a in found[path]._actions for o in a.option_strings}
        assert {"--officer", "--password-stdin"} <= options, path


def test_without_sign_in_nothing_changes(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--data-dir", str(tmp_path), *OVERRIDE]) == 2
    assert "cần cán bộ đăng nhập: thêm --officer" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), *OVERRIDE, "--officer", "lanhdao01"]) == 2  # no terminal, no stdin flag
    assert "--password-stdin" in capsys.readouterr().err
    assert _rows(tmp_path, CalendarOverrideRow, CalendarOverrideRow.id > 0) == []


def test_wrong_passwords_are_counted_and_lock_the_account(tmp_path, capsys, cli_officer):
    for attempt in range(5):
        assert main(["--data-dir", str(tmp_path), *OVERRIDE, *cli_officer("lanhdao01", password="sai")]) == 2
        assert "Mật khẩu không đúng" in capsys.readouterr().err
    [locked] = _rows(tmp_path, CachedCredentialRow, CachedCredentialRow.username == "lanhdao01",
                     column=CachedCredentialRow.locked_until)
    assert locked is not None
    assert main(["--data-dir", str(tmp_path), *OVERRIDE, *cli_officer("lanhdao01")]) == 2, "locked: right password too"
    assert "tạm khóa" in capsys.readouterr().err
    assert _rows(tmp_path, CalendarOverrideRow, CalendarOverrideRow.id > 0) == []
    assert [a for a in _audit(tmp_path) if a[1] == "sign_in_failed"] == [("lanhdao01", "sign_in_failed", "")] * 5


def test_the_role_table_decides_and_the_officer_is_recorded(tmp_path, capsys, cli_officer):
    assert main(["--data-dir", str(tmp_path), *OVERRIDE, *cli_officer("canbo01")]) == 2
    assert "không có quyền sửa lịch" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), *OVERRIDE, *cli_officer("lanhdao01")]) == 0
    assert _rows(tmp_path, CalendarOverrideRow, CalendarOverrideRow.id > 0,
                 column=CalendarOverrideRow.created_by) == ["lanhdao01"]
    audit = _audit(tmp_path)
    assert ("canbo01", "cli_command_denied", "calendar override add") in audit
    assert ("lanhdao01", "sign_in", "") in audit and ("lanhdao01", "cli_command", "calendar override add") in audit
    book = tmp_path / "so.xlsx"  # an export of every citizen's name and address: supervisors only
    cmd = ["--data-dir", str(tmp_path), "report", "book", "--from", "2026-11-01", "--to", "2026-11-30",
           "--out", str(book)]
    assert main([*cmd, *cli_officer("canbo01")]) == 2 and not book.exists()
    assert "không có quyền xuất dữ liệu cá nhân" in capsys.readouterr().err
    assert main([*cmd, *cli_officer("lanhdao01")]) == 0 and book.exists()
    assert ("lanhdao01", "cli_command", "report book") in _audit(tmp_path)


def test_open_commands_stay_open_and_the_context_needs_a_sign_in(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--data-dir", str(tmp_path), "calendar", "override", "list"]) == 0
    assert main(["--data-dir", str(tmp_path), "postal", "find", "RR473124829GB"]) == 2  # no such item: not a sign-in
    assert "Không có hồ sơ" in capsys.readouterr().err
    store = Profile.default(tmp_path).open_store()
    try:
        with cli_auth.command_session(argparse.Namespace()):  # a command not in the registry
            with pytest.raises(cli_auth.CliSignInError):
                Profile.default(tmp_path).context(store)
        assert Profile.default(tmp_path).context(store).officer == "canbo01"  # outside a command: the profile's
    finally:
        store.close()


def test_entry_point_reads_the_password_from_stdin(tmp_path):
    exe = shutil.which("counter-app", path=str(Path(sys.executable).parent))
    run = [exe, "--data-dir", str(tmp_path), *OVERRIDE, "--officer", "quantri", "--password-stdin"]
    done = subprocess.run(run, input="demo-quantri\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run(run, input="demo-canbo01\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Mật khẩu không đúng" in done.stderr
    assert "demo-canbo01" not in done.stderr + done.stdout
