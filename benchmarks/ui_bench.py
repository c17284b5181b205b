"""GUI benchmarks: cold start to the main window, and idle memory, against a bare PyQt6 window.

Each measurement is a fresh interpreter (``subprocess``), timed from spawn until the child
prints ``READY`` after its window is shown and the event queue has been drained. The
baseline is a child that only creates a QApplication and shows an empty QMainWindow, run
the same number of times in the same run. The counter window opens an existing profile
(migrated and seeded beforehand), which is what an officer's morning start does.
Idle RSS is ``VmRSS`` of each child half a second after showing its window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_BARE = """
import sys
from PyQt6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 750); w.show()
app.processEvents()
print("READY", flush=True)
"""

_APP = """
import sys
from pathlib import Path
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from counter_app.profile import Profile
from ui.app import configure_application
from ui.main_window import MainWindow
from ui.theme import Theme
from ui.workspace import Workspace
configure_application(app)
theme = Theme(app); theme.apply()
ws = Workspace.open(Profile(Path(sys.argv[1])))
if sys.argv[2] == "signin":  # what the officer sees first
    from ui.signin import SignInDialog
    w = SignInDialog(ws)
else:  # the workspace, once the demo officer is signed in
    from ui.signin import DEMO_OFFICER
    ws.sign_in(*DEMO_OFFICER)
    w = MainWindow(ws, theme)
w.show()
app.processEvents()
print("READY", flush=True)
"""

_IDLE = """
import time
from PyQt6.QtCore import QCoreApplication
end = time.monotonic() + 0.5
while time.monotonic() < end:
    QCoreApplication.processEvents(); time.sleep(0.01)
rss = [l for l in open("/proc/self/status") if l.startswith("VmRSS:")][0].split()[1]
print("RSS", rss, flush=True)
import os
os._exit(0)  # measured what we came for; skip Python's teardown of live Qt widgets
"""


def _run(code: str, *args: str) -> tuple[float, float]:
    """(seconds from spawn to READY, idle RSS in MiB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code + _IDLE, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    ready = None
    rss = 0.0
    for line in proc.stdout:
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - t0
        elif line.startswith("RSS"):
            rss = int(line.split()[1]) / 1024
    if proc.wait(60) != 0 or ready is None:
        raise RuntimeError("benchmark child failed")
    return ready, rss


def rows(quick: bool) -> list[tuple]:
    sys.path.insert(0, str(ROOT))
    from counter_app.profile import Profile

    n = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="qmc-uibench-") as tmp:
        root = Path(tmp) / "profile"
        Profile(root).open_store().close()  # migrate + seed once: the start below opens it
        _run(_BARE)  # warm the OS file cache for both
        _run(_APP, str(root), "signin")
        bare = [_run(_BARE) for _ in range(n)]
        app = [_run(_APP, str(root), "signin") for _ in range(n)]
        main = [_run(_APP, str(root), "main") for _ in range(n)]
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    bare_mb = statistics.median(r for _, r in bare)
    main_s = statistics.median(t for t, _ in main)
    main_mb = statistics.median(r for _, r in main)
    return [
        ("ui.cold_start_to_sign_in_window", round(app_s * 1000, 1), "ms", round(bare_s * 1000, 1),
         round(app_s / bare_s, 2)),
        ("ui.cold_start_to_main_window (signed in)", round(main_s * 1000, 1), "ms", round(bare_s * 1000, 1),
         round(main_s / bare_s, 2)),
        ("ui.idle_rss (main window)", round(main_mb, 1), "MiB", round(bare_mb, 1), round(main_mb / bare_mb, 2)),
    ]


if __name__ == "__main__":
    for row in rows(quick="--quick" in sys.argv):
        print(*row, sep="\t")
