"""``counter-app --help`` and argparse's own messages are Vietnamese like the rest of the CLI."""

from __future__ import annotations

import pytest

from counter_app.cli import main


def test_help_headers_are_vietnamese(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: counter-app")
    assert "\nlệnh và đối số:\n" in out and "\ntùy chọn:\n" in out and "hiện hướng dẫn này rồi thoát" in out
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out


def test_sub_command_help_and_argparse_errors_are_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main(["calendar", "--help"])
    assert capsys.readouterr().out.startswith("cách dùng: counter-app calendar")
    with pytest.raises(SystemExit) as done:
        main(["calendar", "ngay-le"])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "counter-app calendar: lỗi: " in err and "lựa chọn không hợp lệ: 'ngay-le'" in err
    assert "error:" not in err and "invalid choice" not in err
