"""GUI benchmarks: cold start to the sign-in and main windows, and idle memory, against a bare PyQt6 window.

Each measurement is a fresh interpreter (``subprocess``), timed from spawn until the child
prints ``READY`` after its window is shown and the event queue has been drained. The
baseline is a child that only creates a QApplication and shows an empty QMainWindow, run
the same number of times in the same run. The sign-in row runs what ``counter-app`` runs
(``counter_app.cli.main`` → ``ui.app.run_gui``) on an existing profile (migrated, seeded and
started once beforehand: an officer's morning start) and stops when the sign-in window is
shown; the store keeps opening behind it (``ui.startup``). The main-window row builds the
signed-in window the way ``run_gui`` does after sign-in, everything serially in a fresh process.
The sign-in row runs ``counter-app``, presses Enter 3 s after the sign-in window shows (the
store opened and the main window's modules warmed meanwhile) and times Enter → main window
shown, which is what the officer waits for (password check included).
Idle RSS is ``VmRSS`` of each child half a second after showing its window.
Bytecode is written and used (``PYTHONDONTWRITEBYTECODE`` is dropped for the children; the warm-up
run compiles): an installed app (pip, the PyInstaller bundle) starts from compiled modules, as the
baseline's PyQt6 and site-packages do, so compiling our sources is not part of a morning start.
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
exec(IDLE)
"""

_SIGNIN = """
import sys
from PyQt6.QtCore import QEvent, QObject, QTimer
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])

class Shown(QObject):  # READY once the sign-in window is on screen and drawn
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and obj.objectName() == "SignInDialog":
            QTimer.singleShot(0, ready)
        return False

def ready():
    app.processEvents()
    print("READY", flush=True)
    exec(IDLE)

shown = Shown()
app.installEventFilter(shown)
from counter_app.cli import main
main(["--data-dir", sys.argv[1]])
"""

_SIGNED_IN = """
import sys, time
from PyQt6.QtCore import QEvent, QObject, QTimer
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
seen = {}

class Watch(QObject):  # the officer signs in 3 s after the window shows; timed until the main window is up
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show:
            if obj.objectName() == "SignInDialog" and "dialog" not in seen:
                seen["dialog"] = obj
                QTimer.singleShot(3000, submit)
            elif obj.objectName() == "MainWindow" and "start" in seen and "shown" not in seen:
                seen["shown"] = True
                QTimer.singleShot(0, ready)
        return False

def submit():
    dialog = seen["dialog"]
    dialog.username.setText("canbo01")
    dialog.password.setText("demo-canbo01")
    seen["start"] = time.perf_counter()
    dialog.submit()

def ready():
    app.processEvents()
    print("SIGNED", time.perf_counter() - seen["start"], flush=True)
    print("READY", flush=True)
    exec(IDLE)

watch = Watch()
app.installEventFilter(watch)
from counter_app.cli import main
main(["--data-dir", sys.argv[1]])
"""

_MAIN = """
import sys
from pathlib import Path
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from counter_app.profile import Profile
from ui.app import build_main_window, configure_application
from ui.signin import DEMO_OFFICER
from ui.theme import Theme
from ui.workspace import Workspace
configure_application(app)
theme = Theme(app); theme.apply()
profile = Profile.default(sys.argv[1])
ws = Workspace.open(profile)
ws.sign_in(*DEMO_OFFICER)
w = build_main_window(ws, theme, profile)
w.show()
app.processEvents()
print("READY", flush=True)
exec(IDLE)
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
    env = _env()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", f"IDLE = {_IDLE!r}\n" + code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    ready = None
    rss = 0.0
    for line in proc.stdout:
        if line.startswith("SIGNED"):  # the child timed its own interval: sign-in → main window
            ready = float(line.split()[1])
        elif line.startswith("READY") and ready is None:
            ready = time.perf_counter() - t0
        elif line.startswith("RSS"):
            rss = int(line.split()[1]) / 1024
    if proc.wait(60) != 0 or ready is None:
        raise RuntimeError("benchmark child failed")
    return ready, rss


_FIRST_START = """
import sys
from pathlib import Path
from counter_app.profile import Profile
from counter_app.setup.marker import mark_done
mark_done(Profile(Path(sys.argv[1])))  # set up beforehand (no first-run wizard): demo identity and catalog
from counter_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               QMC_ALLOW_INSECURE_KEYRING="1", **extra)  # no OS keyring here: the documented key-file fallback
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once (warm-up), then loaded
    for name in ("QMC_EXIT_AFTER_START_MS", "QMC_DATA_DIR", "QMC_DEMO_AUTO_SIGNIN"):
        if name not in extra:
            env.pop(name, None)
    return env


def _first_start(root: Path) -> None:
    """``counter-app`` once on the profile, closed from the sign-in window: the store is created,
    migrated and seeded, and ``ui.ini`` remembers the counter's names, as on any later morning."""
    subprocess.run([sys.executable, "-c", _FIRST_START, str(root)], check=True, cwd=ROOT,
                   env=_env(QMC_EXIT_AFTER_START_MS="300"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120)


def rows(quick: bool) -> list[tuple]:
    n = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="qmc-uibench-") as tmp:
        root = Path(tmp) / "profile"
        _first_start(root)
        _run(_BARE)  # warm the OS file cache for both
        _run(_SIGNIN, str(root))
        bare = [_run(_BARE) for _ in range(n)]
        signin = [_run(_SIGNIN, str(root)) for _ in range(n)]
        main = [_run(_MAIN, str(root)) for _ in range(n)]
        signed = [_run(_SIGNED_IN, str(root)) for _ in range(n)]
    bare_s, bare_mb = (statistics.median(v) for v in zip(*bare))
    signin_s, signin_mb = (statistics.median(v) for v in zip(*signin))
    main_s, main_mb = (statistics.median(v) for v in zip(*main))
    signed_s, signed_mb = (statistics.median(v) for v in zip(*signed))
    bare_ms = round(bare_s * 1000, 1)
    return [
        ("ui.cold_start_to_sign_in_window", round(signin_s * 1000, 1), "ms", bare_ms, round(signin_s / bare_s, 2)),
        ("ui.cold_start_to_main_window (signed in)", round(main_s * 1000, 1), "ms", bare_ms,
         round(main_s / bare_s, 2)),
        ("ui.idle_rss (sign-in window, store opening)", round(signin_mb, 1), "MiB", round(bare_mb, 1),
         round(signin_mb / bare_mb, 2)),
        ("ui.sign_in_to_main_window (counter-app, Enter 3 s after the window)", round(signed_s * 1000, 1), "ms",
         None, None),
        ("ui.idle_rss (main window)", round(main_mb, 1), "MiB", round(bare_mb, 1), round(main_mb / bare_mb, 2)),
        ("ui.idle_rss (main window after sign-in, counter-app)", round(signed_mb, 1), "MiB", round(bare_mb, 1),
         round(signed_mb / bare_mb, 2)),
    ]


if __name__ == "__main__":
    for row in rows(quick="--quick" in sys.argv):
        print(*row, sep="\t")
