"""``counter-app qr parse`` and ``counter-app barcode …``: in-process and through the installed entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import tty
from pathlib import Path

import pytest

from counter_app.cli import main
from test_barcode_scan_codes import CODE, QR, make_pdf

EXE = shutil.which("counter-app", path=str(Path(sys.executable).parent))


def run(*args: str, data_dir: Path | None = None, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    assert EXE, "the counter-app entry point is not installed in the venv (pip install -e .)"
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run([EXE, *extra, *args], capture_output=True, text=True, timeout=timeout, **kw)


def test_qr_parse_json_subprocess():
    r = run("qr", "parse", QR, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["id_number"] == "001090123456" and data["old_id_number"] == "012345678"
    assert data["full_name"] == "Nguyễn Văn Ân" and data["date_of_birth"] == "1990-01-01"
    assert data["sex"] == "Nam" and data["issue_date"] == "2021-04-15" and data["warnings"] == []
    assert data["address"].startswith("Số 5 phố Đinh Tiên Hoàng")


def test_qr_parse_not_a_card_is_one_line_and_nonzero():
    r = run("qr", "parse", "000.00.01.H26-261127-0001", "--json")
    assert r.returncode != 0 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "thẻ căn cước" in r.stderr


def test_qr_parse_in_process_and_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(QR.replace("012345678", "") + "\n"))
    assert main(["qr", "parse", "-"]) == 0
    out = capsys.readouterr().out
    assert "date_of_birth\t1990-01-01" in out and "old_id_number\t\n" in out
    assert main(["qr", "parse", "x|y"]) == 2
    assert "Lỗi:" in capsys.readouterr().err


def test_barcode_read_pdf(tmp_path, capsys):
    from printing.codes import code128_drawing, qr_drawing

    pdf = make_pdf(tmp_path / "doc.pdf", [[code128_drawing(CODE)], [qr_drawing(QR, size_mm=40)]])
    r = run("barcode", "read", str(pdf))
    assert r.returncode == 0, r.stderr
    lines = [line.split("\t") for line in r.stdout.splitlines()]
    assert lines[0] == ["1", "Code 128", "dossier", CODE]
    assert lines[1][:3] == ["2", "QR Code", "card_qr"] and lines[1][3] == "thẻ căn cước 001******456"
    assert "Nguyễn" not in r.stdout  # personal data only with --full
    assert main(["barcode", "read", str(pdf), "--json", "--full", "--dpi", "150"]) == 0
    assert json.loads(capsys.readouterr().out)[1]["text"] == QR


def test_barcode_read_errors(tmp_path, capsys):
    blank = make_pdf(tmp_path / "blank.pdf", [[]])
    assert main(["barcode", "read", str(blank)]) == 1
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    assert main(["barcode", "read", str(bad)]) == 2
    assert "Không mở được ảnh" in capsys.readouterr().err


def test_barcode_classify_uses_the_catalog(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "p"), "barcode", "classify", "9.999999"]) == 2
    assert "Không tìm thấy thủ tục" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "p"), "barcode", "classify", CODE]) == 0
    assert capsys.readouterr().out.startswith("dossier\t" + CODE)


def test_barcode_listen_on_a_pty(tmp_path):
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        proc = subprocess.Popen([EXE, "barcode", "listen", "--port", os.ttyname(slave), "--count", "2"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        end = time.monotonic() + 20
        first = proc.stderr.readline()  # state lines: connecting…, ready
        while "sẵn sàng" not in first and time.monotonic() < end:
            first = proc.stderr.readline()
        assert "sẵn sàng" in first
        os.write(master, f"{CODE}\r\n{QR}\r\n".encode())
        out, err = proc.communicate(timeout=20)
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 0, err
    assert out.splitlines() == [f"dossier\t{CODE}", "card_qr\tthẻ căn cước 001******456"]


def test_bad_baud_is_a_clear_error(capsys):
    assert main(["barcode", "listen", "--port", "/dev/null", "--baud", "1234"]) == 2
    assert "Tốc độ cổng 1234" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["qr", "--help"], ["barcode", "--help"]])
def test_help(args, capsys):
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 0 and "cách dùng" in capsys.readouterr().out  # argparse in Vietnamese


def test_facade_reports_the_stacks():
    from devices.barcode import available

    a = available()
    assert a.keyboard_wedge and a.serial and a.image_decoding
    assert a.pdf_decoding, "poppler-utils (pdftoppm) missing: apt-get install poppler-utils"
    assert a.problems_vi == []


def test_benchmark_rows_smoke():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from barcode_bench import bench_parse

    rows = bench_parse(True)
    assert rows[0][0] == "qr.parse CCCD QR" and rows[0][1] > 0 and rows[0][3] > 0
