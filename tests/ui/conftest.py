"""Fixtures for the GUI tests: offscreen Qt, a demo profile copied per test, a pinned clock.

Typing goes through real key events (or an input-method commit, as a Vietnamese IME
sends): ``qtbot.keyClicks`` aborts the interpreter on non-ASCII text (Qt testlib).
"""

from __future__ import annotations

import gc
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PyQt6.QtWidgets")

from PyQt6.QtCore import QEvent, Qt  # noqa: E402
from PyQt6.QtGui import QInputMethodEvent, QKeyEvent  # noqa: E402
from PyQt6.QtWidgets import QApplication, QWidget  # noqa: E402

from counter_app.profile import Profile  # noqa: E402

#: Friday 27 Nov 2026, 09:15: inside working hours, before the 15:00 cut-off.
PINNED_NOW = datetime(2026, 11, 27, 9, 15)


@pytest.fixture
def pinned_now() -> datetime:
    return PINNED_NOW


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile migrated and seeded once (demo identity and catalog); tests get copies."""
    root = tmp_path_factory.mktemp("profile-template") / "profile"
    store = Profile(root).open_store()
    store.close()
    return root


@pytest.fixture
def profile(tmp_path: Path, template_profile: Path) -> Profile:
    root = tmp_path / "profile"
    shutil.copytree(template_profile, root)
    return Profile(root)


@pytest.fixture
def workspace(profile: Profile):
    from ui.workspace import Workspace

    ws = Workspace.open(profile, now=lambda: PINNED_NOW)
    yield ws
    ws.close()


@pytest.fixture
def theme(qapp):
    from ui.theme import Theme

    font = QApplication.font()
    t = Theme(qapp)
    t.apply()
    yield t
    qapp.setStyleSheet("")
    QApplication.setFont(font)
    t.deleteLater()


@pytest.fixture
def make_window(qapp, workspace, theme):
    """``make_window()`` → a MainWindow, destroyed at teardown at a safe point.

    Left to Python's garbage collector, an old window could be freed while Qt walks every
    widget (a later test's ``setStyleSheet`` calls Python overrides, which may trigger a
    collection): a use-after-free crash. So each window is deleted explicitly here.
    """
    from ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make() -> MainWindow:
        made.append(MainWindow(workspace, theme))
        return made[-1]

    yield make
    for w in made:
        w.close()
        w.deleteLater()
    made.clear()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def window(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    return w


def _send_text(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _send_key(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def _commit_text(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def type_text():
    """``type_text(widget, "khai sinh")``: one key press/release per character."""
    return _send_text


@pytest.fixture
def press_key():
    return _send_key


@pytest.fixture
def ime_commit():
    """``ime_commit(widget, "hộ tịch")``: what a Vietnamese input method sends."""
    return _commit_text
