"""The ``counter-app`` command line, run as the installed entry point (a real subprocess)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.cli import main

EXE = shutil.which("counter-app", path=str(Path(sys.executable).parent))


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    assert EXE, "the counter-app entry point is not installed (pip install -e .)"
    env = {**os.environ, "QMC_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=120)


def test_calendar_due_working_days_across_tet_2026(tmp_path):
    r = run(tmp_path, "calendar", "due", "--received", "2026-02-13T14:30", "--working-days", "5")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "2026-02-27T14:30\n"


@pytest.mark.parametrize("args,expected", [
    (["--working-hours", "4"], "2026-11-27T14:15"),  # 09:15 + 2 h 45 min to noon, 1 h 15 after 13:00
    (["--in-day"], "2026-11-27T17:00"),
])
def test_calendar_due_other_limit_kinds(tmp_path, args, expected):
    r = run(tmp_path, "calendar", "due", "--received", "2026-11-27T09:15", *args)
    assert (r.returncode, r.stdout.strip()) == (0, expected), r.stderr


def test_in_day_after_cutoff_on_friday_is_monday(tmp_path):
    assert main(["--data-dir", str(tmp_path), "calendar", "due", "--received", "2026-11-27T15:10", "--in-day"]) == 0


def test_agency_override_table(tmp_path, capsys, cli_officer):
    d = ["--data-dir", str(tmp_path)]
    assert main([*d, "calendar", "override", "add", "2026-11-30", "--kind", "off", "--agency", "000.00.01.H26",
                 "--note", "Thông báo số 1/TB-DEMO", *cli_officer("lanhdao01")]) == 0
    capsys.readouterr()
    main([*d, "calendar", "due", "--received", "2026-11-27T15:10", "--in-day"])
    assert capsys.readouterr().out.strip() == "2026-11-30T17:00"
    main([*d, "calendar", "due", "--received", "2026-11-27T15:10", "--in-day", "--agency", "000.00.01.H26"])
    assert capsys.readouterr().out.strip() == "2026-12-01T17:00"
    main([*d, "calendar", "override", "list"])
    assert "2026-11-30\toff\t000.00.01.H26\tThông báo số 1/TB-DEMO" in capsys.readouterr().out
    rm = [*d, "calendar", "override", "remove", "2026-11-30", "--agency", "000.00.01.H26"]
    assert main([*rm, *cli_officer("lanhdao01")]) == 0
    assert main([*rm, *cli_officer("lanhdao01")]) == 2
    assert "Không có ngày nghỉ" in capsys.readouterr().err


def test_calendar_day_and_holidays(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path)]
    main([*d, "calendar", "day", "2026-08-22"])
    assert capsys.readouterr().out.startswith("2026-08-22\tworking\tswapped_workday")
    main([*d, "calendar", "holidays", "--year", "2027"])
    out = capsys.readouterr().out
    assert "2027-02-08\toff\tholiday" in out and "2027-05-03\toff\tholiday" in out


@pytest.mark.parametrize("args,fragment", [
    (["--received", "2026-02-30T10:00", "--working-days", "5"], "ngày giờ không hợp lệ"),
    (["--received", "hôm qua", "--working-days", "5"], "ngày giờ không hợp lệ"),
    (["--received", "2026-02-13T14:30", "--working-days", "-1"], "lớn hơn 0"),
    (["--received", "2026-02-13T14:30"], "cần một trong các đối số"),  # argparse in Vietnamese (cli.py)
    (["--received", "2026-02-13T14:30+07:00", "--in-day"], "không kèm múi giờ"),
])
def test_bad_input_is_a_clear_error(tmp_path, args, fragment):
    r = run(tmp_path, "calendar", "due", *args)
    assert r.returncode == 2 and fragment in r.stderr, r.stderr


def test_bad_agency_code_is_a_clear_error(tmp_path):
    r = run(tmp_path, "calendar", "due", "--received", "2026-02-13T14:30", "--in-day", "--agency", "H26")
    assert r.returncode == 2 and "Mã định danh cơ quan" in r.stderr


def test_catalog_search_prints_code_tab_name(tmp_path):
    r = run(tmp_path, "catalog", "search", "ho tich")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) >= 5
    for line in lines:
        code, name = line.split("\t")
        assert code and name
    assert any("khai sinh" in line.lower() for line in lines)
    r = run(tmp_path, "catalog", "search", "chung thuc")
    assert r.returncode == 0 and all("chứng thực" in line.lower() for line in r.stdout.splitlines())


def test_catalog_show_unknown_code(tmp_path):
    r = run(tmp_path, "catalog", "show", "9.999999")
    assert r.returncode == 2 and "Không tìm thấy thủ tục mã “9.999999”" in r.stderr
    r = run(tmp_path, "catalog", "show", "1.001193")
    assert r.returncode == 0 and "Đăng ký khai sinh" in r.stdout and "DỮ LIỆU MẪU" in r.stdout


def test_db_commands(tmp_path):
    r = run(tmp_path, "db", "upgrade")
    from counter_app.storage.migrate import head_revision
    head = head_revision()
    assert r.returncode == 0 and f"revision {head}" in r.stdout
    r = run(tmp_path, "db", "info")
    assert f"revision\t{head}" in r.stdout and f"head\t{head}" in r.stdout
    r = run(tmp_path, "db", "backup")
    assert r.returncode == 0 and Path(r.stdout.strip()).exists()


def test_command_line_never_loads_qt(tmp_path):
    code = ("import sys; from counter_app.cli import main; "
            f"main(['--data-dir', {str(tmp_path)!r}, 'catalog', 'search', 'khai sinh']); "
            "sys.exit(1 if any(m.startswith('PyQt6') or m == 'ui' or m.startswith('ui.') for m in sys.modules) else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_db_commands_on_an_encrypted_profile(tmp_path):
    """A real profile opened by the app is SQLCipher-encrypted; ``db`` opens it with the profile's key."""
    r = run(tmp_path, "catalog", "search", "khai sinh")  # opens (creates, encrypts) the default profile
    assert r.returncode == 0, r.stderr
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):  # not readable without the key
        sqlite3.connect(tmp_path / "data" / "counter.sqlite").execute("SELECT count(*) FROM sqlite_master").fetchone()
    r = run(tmp_path, "db", "info")
    assert r.returncode == 0 and "revision\t" in r.stdout and "Traceback" not in r.stderr, r.stderr
    r = run(tmp_path, "db", "backup")
    assert r.returncode == 0, r.stderr
    backup = Path(r.stdout.strip())
    assert backup.exists() and backup.read_bytes()[:16] != b"SQLite format 3\x00"  # the backup stays encrypted
    assert run(tmp_path, "db", "upgrade").returncode == 0
