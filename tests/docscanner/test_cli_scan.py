"""``counter-app scan`` through the installed entry point and in-process."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select

from counter_app.cli import main
from counter_app.storage.models import AttachmentRow


def _exe() -> str:
    exe = shutil.which("counter-app", path=str(Path(sys.executable).parent))
    assert exe, "the counter-app entry point is not installed in this venv"
    return exe


def _pages(path: Path) -> int:
    return int(PdfFileReader(io.BytesIO(path.read_bytes())).root["/Pages"]["/Count"])


def test_scan_entry_point_writes_a_two_page_pdf(sane_config_dir, tmp_path):
    out = tmp_path / "ho-so.pdf"
    env = {**os.environ, "SANE_CONFIG_DIR": str(sane_config_dir), "QMC_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([_exe(), "scan", "--device", "test:0", "--pages", "2", "--out", str(out)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert _pages(out) == 2
    assert "2 trang" in result.stdout


def test_scan_errors_are_vietnamese_and_exit_2(sane_config_dir, tmp_path, capsys, scanner):
    assert main(["scan", "--device", "test:9", "--pages", "1", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "Không tìm thấy máy quét “test:9”" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["scan", "--device", "test:0", "--pages", "0", "--out", str(tmp_path / "x.pdf")]) == 2


def test_scan_in_process_with_options_and_attach_to_dossier(received_dossier, capsys, tmp_path, scanner, cli_officer):
    profile, store, code, _ = received_dossier
    out = tmp_path / "tp2.pdf"
    rc = main(["--data-dir", str(profile.root), "scan", "--device", "test:1", "--pages", "3", "--mode", "lineart",
               "--resolution", "100", "--out", str(out), "--dossier", code, "--component", "2", *cli_officer()])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert _pages(out) == 3
    with store.read() as s:
        row = s.scalar(select(AttachmentRow).where(AttachmentRow.dossier_code == code))
        assert row is not None and row.component_position == 1 and row.pages == 3
        assert row.sha256 in captured.out
