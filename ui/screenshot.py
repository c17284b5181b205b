"""Make the README screenshot: the real entry point on a demo profile, one search, one choice.

    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp &   # then stop it by its PID
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python -m ui.screenshot docs/screenshot.png

It enters the query into the search box (an input-method commit), presses Enter
to choose the first hit, grabs the main window and closes it. The exit code is
``run_gui``'s; 3 if no hit was found (nothing worth a picture).
"""

from __future__ import annotations

import argparse
import os
import sys

from PyQt6.QtCore import QEvent, Qt, QTimer
from PyQt6.QtGui import QInputMethodEvent, QKeyEvent
from PyQt6.QtWidgets import QApplication

from .app import run_gui
from .main_window import MainWindow

SIZE = (1200, 750)


def _press(widget, key: int, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshot")
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--query", default="khai sinh")
    args = parser.parse_args(argv)
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept: the timers need it before run_gui
    found = {"hits": 0}

    def drive() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None:  # start-up failed and said so; nothing to photograph
            QApplication.quit()
            return
        window.resize(*SIZE)
        window.show_page(window.catalog_page)  # the procedure catalogue (F6)
        box = window.search.query
        # One input-method commit, as a Vietnamese IME sends it (key events this fast would be
        # taken for a barcode scanner's burst by the scanner filter, as they should).
        commit = QInputMethodEvent()
        commit.setCommitString(args.query)
        QApplication.sendEvent(box, commit)

        def choose() -> None:  # after the scanner filter has let the input through
            found["hits"] = window.search.hit_count()
            _press(box, Qt.Key.Key_Return)
            QTimer.singleShot(500, grab)

        def grab() -> None:
            window.grab().save(args.output)
            window.close()

        QTimer.singleShot(300, choose)

    QTimer.singleShot(500, drive)
    os.environ.setdefault("QMC_DEMO_AUTO_SIGNIN", "1")  # the picture is of the workspace, not the sign-in
    code = run_gui(demo=True, data_dir=None)
    return code if found["hits"] else 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
