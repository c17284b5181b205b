"""The real window on a real X server (Xvfb, started by scripts/test.sh): the xcb platform
plugin loads, Vietnamese text is typed and the window renders the brand.

A subprocess, because a process has one Qt platform and the other tests run offscreen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PyQt6.QtGui import QColor, QImage

from ui.screenshot import SIZE
from ui.theme import Brand

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not os.environ.get("QMC_TEST_DISPLAY"), reason="no Xvfb display (QMC_TEST_DISPLAY)")
def test_screenshot_tool_runs_the_window_on_xcb(tmp_path):
    out = tmp_path / "shot.png"
    env = {**os.environ, "DISPLAY": os.environ["QMC_TEST_DISPLAY"], "QT_QPA_PLATFORM": "xcb", "QMC_LANG": "vi"}
    env.pop("QMC_DATA_DIR", None)
    run = subprocess.run([sys.executable, "-m", "ui.screenshot", str(out), "--query", "hộ tịch"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
    assert run.returncode == 0, run.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    header = image.pixelColor(SIZE[0] // 2, 45)  # inside the brand band, below the menu bar
    assert header == QColor(Brand.load().colors["primary"])
