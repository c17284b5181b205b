"""A private CUPS scheduler with cups-pdf queues for the printing tests (session-scoped).

cupsd runs in the foreground from a temp ServerRoot, listening only on a Unix socket in
that folder, so it never meets the system's CUPS or another engineer's. Queues:
``QMC_PDF`` (cups-pdf, ready), ``QMC_STOPPED`` (disabled), ``QMC_REJECTING`` (rejects jobs).
cups-pdf writes to ``~/PDF`` of the submitting user (``Out`` in /etc/cups/cups-pdf.conf).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


@dataclass(frozen=True)
class CupsServer:
    socket: str
    out_dir: Path
    pid: int


def _fail_if_missing() -> None:
    missing = [tool for tool in ("cupsd", "lpstat", "pdftoppm", "pdftotext", "pdfinfo") if not shutil.which(tool)
               and not Path("/usr/sbin", tool).exists()]
    if missing or not CUPS_PDF_PPD.exists() or not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.fail(f"printing stack missing ({', '.join(missing) or 'cups-pdf'}): install cups, "
                    "printer-driver-cups-pdf and poppler-utils (see platform.md, Printing)")


@pytest.fixture(scope="session")
def cups_server() -> CupsServer:
    _fail_if_missing()
    # Not under pytest's 0700 tmp folders: CUPS filters run as user "lp" and need to reach TempDir.
    root = Path(tempfile.mkdtemp(prefix="qmc-cups-"))
    root.chmod(0o755)
    for sub in ("spool", "cache", "state", "log", "tmp"):
        (root / sub).mkdir()
    (root / "tmp").chmod(0o1777)
    sock = str(root / "cups.sock")
    (root / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel warn\nWebInterface No\nBrowsing No\nMaxJobs 200\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n")
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root / 'spool'}\nCacheDir {root / 'cache'}\n"
        f"StateDir {root / 'state'}\nTempDir {root / 'tmp'}\nAccessLog {root / 'log' / 'access_log'}\n"
        f"ErrorLog {root / 'log' / 'error_log'}\nPageLog {root / 'log' / 'page_log'}\nSystemGroup root\n")
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    proc = subprocess.Popen([cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    env = dict(os.environ, CUPS_SERVER=sock)
    deadline = time.monotonic() + 10
    while True:
        status = subprocess.run(["lpstat", "-r"], env=env, capture_output=True, text=True).stdout
        if "is running" in status and "not running" not in status:
            break
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"private cupsd did not start: {proc.stderr.read().decode(errors='replace')[:500]}")
        time.sleep(0.1)
    import cups

    cups.setServer(sock)
    conn = cups.Connection()
    for name in ("QMC_PDF", "QMC_STOPPED", "QMC_REJECTING"):
        conn.addPrinter(name, filename=str(CUPS_PDF_PPD), device="cups-pdf:/")
        conn.enablePrinter(name)
        conn.acceptJobs(name)
    conn.disablePrinter("QMC_STOPPED", reason="Hết giấy (test)")
    conn.rejectJobs("QMC_REJECTING")
    yield CupsServer(sock, Path.home() / "PDF", proc.pid)
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def find_output():
    return _find_output


def _find_output(out_dir: Path, marker: str, timeout: float = 15) -> Path:
    """The cups-pdf output file whose name contains ``marker`` (cups-pdf names files by job title)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hits = [p for p in out_dir.glob("*.pdf") if marker in p.name] if out_dir.is_dir() else []
        if hits and hits[0].stat().st_size > 0:
            time.sleep(0.1)
            return hits[0]
        time.sleep(0.1)
    raise AssertionError(f"cups-pdf wrote no file with {marker!r} in {out_dir}")
