"""Smoke test of the PyInstaller bundle (dist/counter-app/), run through the bundled executable.

Runs only when a bundle exists (``bash scripts/bundle.sh`` builds one) or when
``QMC_BUILD_BUNDLE=1`` asks this test to build it first; otherwise every test here is skipped
with that reason. ``QMC_BUNDLE_DIR`` points at another bundle folder. The bundle is run
with a clean environment: no ``QMC_RESOURCES``/``PYTHONPATH``, so it must use its own data.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("QMC_BUNDLE_DIR", ROOT / "dist" / "counter-app"))
EXE = BUNDLE / ("counter-app.exe" if sys.platform == "win32" else "counter-app")
INTERNAL = BUNDLE / "_internal"
#: The hook ui/app.py needs so the GUI quits by itself once the main window is shown.
EXIT_HOOK = "QMC_EXIT_AFTER_START_MS"


@pytest.fixture(scope="module")
def bundle() -> Path:
    if os.environ.get("QMC_BUILD_BUNDLE") == "1":
        done = subprocess.run(["bash", str(ROOT / "scripts" / "bundle.sh"), "--no-test"], cwd=ROOT,
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"bundle build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    if not EXE.exists():
        pytest.skip(f"no bundle at {BUNDLE}: build it with `bash scripts/bundle.sh` (or set QMC_BUILD_BUNDLE=1)")
    return EXE


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Private folders for everything the app may write; nothing from the source tree."""
    out = {k: v for k, v in os.environ.items()
           if k not in ("QMC_RESOURCES", "PYTHONPATH", "PYTHONHOME", "QMC_DATA_DIR", "QMC_CONFIG", "VIRTUAL_ENV")}
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp), HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg-config"), XDG_DATA_HOME=str(tmp_path / "xdg-data"),
               QMC_CONFIG=str(tmp_path / "config.toml"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return out


def run(exe: Path, env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=env["TMPDIR"])


def test_bundle_carries_its_data(bundle: Path) -> None:
    assert (INTERNAL / "resources" / "rules" / "legal_bases.toml").is_file()
    for sub in ("brand", "catalog", "forms", "rules", "translations"):
        assert any((INTERNAL / "resources" / sub).iterdir()), sub
    migrations = INTERNAL / "counter_app" / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    source = {p.name for p in (ROOT / "counter_app" / "storage" / "migrations" / "versions").glob("*.py")}
    bundled = {p.name for p in (migrations / "versions").glob("*.py")}
    assert source <= bundled, f"bundle is missing migrations {sorted(source - bundled)}: rebuild it"
    plugins = INTERNAL / "PyQt6" / "Qt6" / "plugins" / "platforms"
    assert any(p.name.startswith(("libqoffscreen", "qoffscreen")) for p in plugins.iterdir())
    assert (INTERNAL / "holidays" / "locale").is_dir()
    assert any((INTERNAL / "reportlab" / "fonts").glob("*.afm"))
    # Native extensions loaded by name at run time (no CLI path opens an encrypted store yet).
    for ext in ("sqlcipher3/_sqlite3.*", "smartcard/scard/_scard.*", "zxingcpp/zxingcpp.*"):
        assert any(p.suffix in (".so", ".pyd") for p in INTERNAL.glob(ext)), ext


def test_every_sub_command_is_bundled(bundle: Path, env: dict[str, str]) -> None:
    from counter_app.cli import build_parser

    expected = set(next(a for a in build_parser()._actions if a.dest == "command").choices)
    done = run(bundle, env, "--help")
    assert done.returncode == 0, done.stderr
    listed = set(re.search(r"\{([a-z,]+)\}", done.stdout).group(1).split(","))
    assert listed == expected


def test_demo_profile_opens_and_is_healthy(bundle: Path, env: dict[str, str], tmp_path: Path) -> None:
    from counter_app.storage.migrate import head_revision

    data = tmp_path / "profile"
    done = run(bundle, env, "--data-dir", str(data), "diagnostics")
    assert done.returncode == 0, done.stderr
    diag = json.loads(done.stdout)
    assert diag["database"]["revision"] == head_revision() == diag["database"]["head"]
    assert diag["database"]["integrity"] == "ok"
    for package in ("holidays", "SQLAlchemy", "alembic", "PyQt6", "pyscard", "reportlab"):
        assert diag["packages"][package] != "not installed", package
    found = run(bundle, env, "--data-dir", str(data), "catalog", "search", "ho tich")
    assert found.returncode == 0, found.stderr
    assert "hộ tịch" in found.stdout  # the demo catalog, searched without diacritics (FTS5)
    zipped = tmp_path / "support.zip"
    done = run(bundle, env, "--data-dir", str(data), "diagnostics", "--bundle", str(zipped))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(zipped) as zf:
        assert json.loads(zf.read("diagnostics.json"))["database"]["integrity"] == "ok"


def test_receipt_prints_to_pdf_and_its_codes_read_back(bundle: Path, env: dict[str, str], tmp_path: Path) -> None:
    pdf = tmp_path / "receipt.pdf"
    done = run(bundle, env, "--data-dir", str(tmp_path / "profile"), "print", "receipt", "--sample", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    code = re.search(r"Mã hồ sơ: (\S+-\d{6}-\d{4})", text).group(1)
    read = run(bundle, env, "barcode", "read", str(pdf))  # zxing-cpp inside the bundle
    assert read.returncode == 0, read.stderr
    assert f"QR Code\tdossier\t{code}" in read.stdout and f"Code 128\tdossier\t{code}" in read.stdout


def test_holidays_and_pcsc_libraries_load(bundle: Path, env: dict[str, str]) -> None:
    day = run(bundle, env, "calendar", "day", "2026-09-02")
    assert day.returncode == 0 and "Quốc khánh" in day.stdout, day.stderr
    # pyscard is bundled: with no PC/SC service running here it answers with the app's own message.
    readers = run(bundle, env, "idcard", "readers")
    assert "Traceback" not in readers.stderr
    assert readers.returncode == 0 or "PC/SC" in readers.stderr, readers.stderr


def test_gui_demo_starts_offscreen(bundle: Path, env: dict[str, str]) -> None:
    """``counter-app --demo`` offscreen: the demo profile is created and the window stays up.

    With the exit hook in ui/app.py the app must quit by itself with exit code 0 and delete its
    demo folder; until then it is stopped after it has stayed up for a few seconds."""
    hook = EXIT_HOOK in (ROOT / "ui" / "app.py").read_text(encoding="utf-8")
    env = dict(env, **{EXIT_HOOK: "1500"})
    proc = subprocess.Popen([str(bundle), "--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=env["TMPDIR"])
    try:
        demo_db = _wait_for_demo_db(Path(env["TMPDIR"]), proc, timeout=30)
        assert demo_db is not None, "the demo profile was never created"
        if hook:
            assert proc.wait(timeout=30) == 0
            assert not demo_db.exists(), "the demo profile was not deleted on exit"
        else:
            time.sleep(4)
            assert proc.poll() is None, f"the GUI exited early ({proc.returncode}): {proc.stderr.read()[-2000:]}"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        err = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
    assert "Traceback" not in err, err[-3000:]


def test_gui_demo_receives_and_prints_a_receipt_then_exits_0(bundle: Path, env: dict[str, str],
                                                             tmp_path: Path) -> None:
    """Issue 12's smoke run: the bundled app starts offscreen, opens the demo profile (the demo
    officer signed in), receives a dossier in the running workspace, prints its receipt to PDF
    through the app's print path, and exits 0 on its own (``QMC_SMOKE_RECEIPT``, ui/smoke.py)."""
    pdf = tmp_path / "smoke" / "receipt.pdf"
    done = run(bundle, dict(env, QMC_SMOKE_RECEIPT=str(pdf)), "--demo", timeout=120)
    assert done.returncode == 0, f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    code = re.search(r"received (\S+-\d{6}-\d{4});", done.stdout)
    assert code, done.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and f"Mã hồ sơ: {code[1]}" in text
    assert not list(Path(env["TMPDIR"]).glob("qmc-demo-*")), "the demo profile was not deleted on exit"


def _wait_for_demo_db(tmp: Path, proc: subprocess.Popen, *, timeout: float) -> Path | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in tmp.glob("qmc-demo-*/*.sqlite")]
        if found:
            return found[0]
        if proc.poll() is not None:
            return None
        time.sleep(0.1)
    return None


@contextmanager
def _window_running(bundle: Path, env: dict[str, str], *args: str) -> Iterator[subprocess.Popen]:
    """The bundled app started with ``args``, five seconds later; stopped (SIGTERM, then kill) after."""
    proc = subprocess.Popen([str(bundle), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=env["TMPDIR"])
    try:
        time.sleep(5)
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_calling_display_starts_from_the_bundle(bundle: Path, env: dict[str, str]) -> None:
    """``counter-app display`` runs the Qt window inside the bundle (no ``python -m`` there); with
    the coordinator out of reach it stays up and says so instead of failing."""
    with _window_running(bundle, env, "display", "--url", "http://127.0.0.1:9", "--token", "x", "--windowed",
                         "--no-speech") as proc:
        assert proc.poll() is None, f"the display exited ({proc.returncode}): {proc.stderr.read()[-2000:]}"


def test_ticket_kiosk_starts_from_the_bundle(bundle: Path, env: dict[str, str], tmp_path: Path) -> None:
    """``counter-app kiosk`` runs its Qt window inside the bundle on a local-queue profile."""
    kiosk_env = dict(env, QMC_ALLOW_INSECURE_KEYRING="1")  # the admin's documented fallback: no keyring here
    with _window_running(bundle, kiosk_env, "kiosk", "--data-dir", str(tmp_path / "kiosk"), "--windowed") as proc:
        assert proc.poll() is None, f"the kiosk exited ({proc.returncode}): {proc.stderr.read()[-2000:]}"
        assert (tmp_path / "kiosk" / "counter.sqlite").is_file(), "the kiosk opened its profile"
