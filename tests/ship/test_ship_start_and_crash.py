"""The app run from source as the bundle smoke test runs it, and its crash handling:

* ``QMC_SMOKE_RECEIPT=<pdf> counter-app --demo`` opens the demo workspace, receives a dossier,
  prints its receipt to that PDF through the app's print path and exits 0 (issue 12's smoke run);
* ``QMC_EXIT_AFTER_START_MS`` also ends a first start that is showing the setup wizard;
* an unexpected error at start-up saves a redacted crash report, shows the calm message, and
  the support bundle carries the report — without the ID number.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
ID_NUMBER = "001090123456"
pytestmark = pytest.mark.gui


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("QMC_") and k not in ("PYTHONPATH", "CUPS_SERVER")}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(home), TMPDIR=str(tmp),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"),
               QMC_CONFIG=str(tmp_path / "config.toml"), QMC_ALLOW_INSECURE_KEYRING="1", **extra)
    return env


def _run(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "counter_app.cli", *args], cwd=env["TMPDIR"], env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_smoke_run_receives_a_dossier_prints_its_receipt_and_exits_0(tmp_path):
    pdf = tmp_path / "out" / "receipt.pdf"
    env = _env(tmp_path, QMC_SMOKE_RECEIPT=str(pdf))
    done = _run(env, "--demo")
    assert done.returncode == 0, done.stderr[-3000:]
    code = re.search(r"received (\S+);", done.stdout)
    assert code, done.stdout
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert code[1] in text and "GIẤY TIẾP NHẬN HỒ SƠ" in text
    assert "Traceback" not in done.stderr
    assert not list(Path(env["TMPDIR"]).glob("qmc-demo-*")), "the demo profile must be deleted"


def test_smoke_run_is_refused_on_a_real_profile(tmp_path):
    env = _env(tmp_path, QMC_SMOKE_RECEIPT=str(tmp_path / "r.pdf"))
    done = _run(env, "--data-dir", str(tmp_path / "data"), timeout=60)
    assert done.returncode == 2 and "--demo" in done.stderr
    assert not (tmp_path / "data").exists() and not (tmp_path / "r.pdf").exists()


def test_exit_timer_also_ends_the_first_run_setup_wizard(tmp_path):
    env = _env(tmp_path, QMC_EXIT_AFTER_START_MS="1500")
    done = _run(env, "--data-dir", str(tmp_path / "data"), timeout=90)  # a new real profile: the wizard opens
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (tmp_path / "data" / "counter.sqlite").exists() and not (tmp_path / "config.toml").exists()


def test_a_start_up_crash_is_saved_redacted_shown_calmly_and_bundled(qapp, tmp_path, monkeypatch, capfd):
    import ui.app
    from counter_app.diagnostics import support_bundle

    shown: list[str] = []
    monkeypatch.setattr(ui.app, "show_error", lambda _parent, message: shown.append(message))
    monkeypatch.delenv("QMC_EXIT_AFTER_START_MS", raising=False)
    monkeypatch.delenv("QMC_SMOKE_RECEIPT", raising=False)

    def broken(_profile):
        raise RuntimeError(f"settings of applicant {ID_NUMBER} unreadable")

    monkeypatch.setattr(ui.app, "ui_settings", broken)
    data = tmp_path / "data"
    before = logging.getLogger().handlers[:]
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(data)) == 1
    finally:
        for h in logging.getLogger().handlers[:]:
            if h not in before:
                h.close()
                logging.getLogger().removeHandler(h)
    [report] = list((data / "crash").glob("crash-*.txt"))
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "start-up" in text and ID_NUMBER not in text and "[ẩn]" in text
    assert len(shown) == 1 and report.name in shown[0] and "Traceback" not in shown[0]
    err = capfd.readouterr().err
    assert ID_NUMBER not in err and "Traceback" not in err

    bundle = support_bundle(tmp_path / "goi-ho-tro.zip", diagnostics={"note": ID_NUMBER}, log_dir=data / "logs")
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        blob = "".join(zf.read(n).decode("utf-8") for n in names)
    assert f"crash/{report.name}" in names and "logs/counter.log" in names
    assert ID_NUMBER not in blob and "RuntimeError" in blob


def test_an_error_escaping_a_slot_saves_a_report_and_a_core_error_shows_its_message(qapp, tmp_path, monkeypatch):
    import ui.app
    from counter_app.domain.errors import ValidationError

    shown: list[str] = []
    monkeypatch.setattr(ui.app, "show_error", lambda _parent, message: shown.append(message))
    crashes = ui.app.CrashReports(tmp_path / "crash")
    with ui.app._errors_shown_as_dialogs(crashes):
        try:
            raise KeyError(f"phone 0912345678 of {ID_NUMBER}")
        except KeyError:
            sys.excepthook(*sys.exc_info())
        try:
            raise ValidationError("bad date", "Ngày không hợp lệ.")
        except ValidationError:
            sys.excepthook(*sys.exc_info())
    [report] = list((tmp_path / "crash").glob("crash-*.txt"))
    assert ID_NUMBER not in report.read_text(encoding="utf-8") and "0912345678" not in report.read_text("utf-8")
    assert report.name in shown[0] and shown[1] == "Ngày không hợp lệ."
