"""``counter-app sign`` through the installed entry point and in-process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from counter_app.cli import main
from devices.signing import validate


def _exe() -> str:
    exe = shutil.which("counter-app", path=str(Path(sys.executable).parent))
    assert exe, "the counter-app entry point is not installed in this venv"
    return exe


def test_sign_entry_point(softhsm_token, scanned_pdf, tmp_path):
    src, out = tmp_path / "in.pdf", tmp_path / "signed.pdf"
    src.write_bytes(scanned_pdf)
    env = {**softhsm_token.env(), "TOKEN_PIN": softhsm_token.pin, "QMC_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([_exe(), "sign", str(src), "--module", softhsm_token.module, "--pin-env", "TOKEN_PIN",
                             "--out", str(out), "--token-label", softhsm_token.label, "--key-label", "officer"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "intact=yes\tvalid=yes" in result.stdout
    assert softhsm_token.pin not in result.stdout + result.stderr
    [check] = validate(out.read_bytes(), trust_roots=[softhsm_token.cert])
    assert check.ok

    # countersigning the signed copy keeps the first signature intact
    twice = tmp_path / "twice.pdf"
    result = subprocess.run([_exe(), "sign", str(out), "--module", softhsm_token.module, "--pin-env", "TOKEN_PIN",
                             "--out", str(twice), "--token-label", softhsm_token.label],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    checks = validate(twice.read_bytes(), trust_roots=[softhsm_token.cert])
    assert [c.field for c in checks] == ["ChuKySo1", "ChuKySo2"]
    assert all(c.intact and c.valid and c.trusted for c in checks)
    assert checks[1].covers_whole_file and not checks[0].covers_whole_file


def test_sign_errors_in_process(softhsm_token, scanned_pdf, tmp_path, monkeypatch, capsys):
    src = tmp_path / "in.pdf"
    src.write_bytes(scanned_pdf)
    base = ["sign", str(src), "--module", softhsm_token.module, "--out", str(tmp_path / "o.pdf")]
    monkeypatch.delenv("NO_SUCH_PIN", raising=False)
    assert main(base + ["--pin-env", "NO_SUCH_PIN"]) == 2
    assert "chưa có mã PIN" in capsys.readouterr().err
    monkeypatch.setenv("BAD_PIN", "999999")
    assert main(base + ["--pin-env", "BAD_PIN", "--token-label", softhsm_token.label]) == 2
    err = capsys.readouterr().err
    assert "Mã PIN của USB ký số không đúng" in err and "999999" not in err
    monkeypatch.setenv("GOOD_PIN", softhsm_token.pin)
    assert main(base + ["--pin-env", "GOOD_PIN", "--token-label", "KHONG-CO"]) == 2
    assert "Không tìm thấy USB ký số “KHONG-CO”" in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists()
    assert main(base + ["--pin-env", "GOOD_PIN", "--token-label", softhsm_token.label]) == 0
    assert (tmp_path / "o.pdf").exists()
