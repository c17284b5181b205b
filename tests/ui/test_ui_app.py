"""Start-up and shut-down through ``run_gui`` (the entry point ``counter-app`` calls)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import QSettings, QTimer
from PyQt6.QtWidgets import QApplication

import ui.app
import ui.main_window
import ui.workspace
from counter_app.domain.errors import ConfigurationError
from counter_app.profile import Profile
from ui.i18n import install_language, language_from_env, remove_language
from ui.main_window import MainWindow
from ui.signin import SignInDialog

pytestmark = pytest.mark.gui


def _close_windows_soon(then=None) -> None:
    def close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert windows, "run_gui showed no main window"
        for w in windows:
            if then:
                then(w)
            w.close()
    QTimer.singleShot(300, close)


def _sign_in_soon(username: str, password: str, then=None) -> None:
    """Fill the sign-in window as the officer would, then go on (``then``)."""
    def fill() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        assert dialogs, "run_gui showed no sign-in window"
        dialogs[0].username.setText(username)
        dialogs[0].password.setText(password)
        dialogs[0].submit()
        if then:
            then()
    QTimer.singleShot(200, fill)


def _set_up(data_dir: Path) -> None:
    """A profile past its first-run setup (the setup wizard is tested in tests/ship)."""
    from counter_app.setup import mark_done

    mark_done(Profile(data_dir))


def test_run_gui_demo_opens_a_window_and_discards_the_profile(qapp, monkeypatch, tmp_path):
    made: list[Profile] = []
    monkeypatch.delenv("QMC_LANG", raising=False)
    monkeypatch.setenv("QMC_DEMO_AUTO_SIGNIN", "1")
    monkeypatch.setattr(Profile, "throwaway_demo",
                        classmethod(lambda cls: made.append(cls(tmp_path / "demo", demo=True)) or made[-1]))
    seen = {}
    _close_windows_soon(lambda w: seen.update(title=w.windowTitle(), badge=w.header.demo_badge.isVisible(),
                                              officer=w.status.officer.text(), ctx=w.workspace.context))
    assert ui.app.run_gui(demo=True, data_dir=None) == 0
    assert seen["title"].startswith("Bộ phận Tiếp nhận và Trả kết quả") and seen["badge"]
    assert "Nguyễn Thị Lan" in seen["officer"] and seen["ctx"].officer == "canbo01"
    assert made and not made[0].root.exists()


def test_run_gui_keeps_a_real_profile_and_its_large_type_setting(qapp, monkeypatch, tmp_path):
    monkeypatch.delenv("QMC_LANG", raising=False)
    monkeypatch.delenv("QMC_DEMO_AUTO_SIGNIN", raising=False)
    data_dir = tmp_path / "data"
    seen = {}

    def check(w) -> None:
        seen.update(officer=w.status.officer.text(), ctx=w.workspace.context)
        w.larger_action.trigger()
    _sign_in_soon("lanhdao01", "demo-lanhdao01", then=lambda: _close_windows_soon(check))
    _set_up(data_dir)
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(data_dir)) == 0
    finally:
        qapp.setStyleSheet("")
    assert (data_dir / "counter.sqlite").exists()
    saved = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat).value(ui.app.FONT_SCALE_KEY)
    assert float(saved) > 1.0
    # The services act for the officer who signed in, not the profile's default one.
    assert seen["ctx"].officer == "lanhdao01" and seen["ctx"].role.value == "supervisor"
    assert "Trần Văn Minh" in seen["officer"]


def test_run_gui_exit_hook_quits_from_the_sign_in_window(qapp, monkeypatch, tmp_path):
    """The bundle smoke test's ``QMC_EXIT_AFTER_START_MS`` also ends the sign-in window (exit 0)."""
    monkeypatch.delenv("QMC_DEMO_AUTO_SIGNIN", raising=False)
    monkeypatch.setenv("QMC_EXIT_AFTER_START_MS", "300")
    monkeypatch.setattr(Profile, "throwaway_demo", classmethod(lambda cls: cls(tmp_path / "demo", demo=True)))
    assert ui.app.run_gui(demo=True, data_dir=None) == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_run_gui_shows_the_core_message_when_the_store_cannot_open(qapp, monkeypatch, tmp_path):
    error = ConfigurationError("catalog missing", "Thiếu tệp danh mục thủ tục. Cài đặt lại ứng dụng.")

    def fail(*_a, **_k):
        raise error

    shown: list[str] = []
    monkeypatch.setattr(ui.workspace.Workspace, "open", fail)
    monkeypatch.setattr(ui.app, "show_error", lambda parent, message: shown.append(message))
    _set_up(tmp_path)
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(tmp_path)) == 1
    finally:
        qapp.setStyleSheet("")
    assert shown == [error.message_vi]


def test_a_store_failing_behind_the_sign_in_window_closes_it_with_the_core_message(qapp, monkeypatch, tmp_path):
    """Later starts show the sign-in window from ``ui.ini`` before the store opens (ui.startup):
    a store that then fails to open closes the window and its message is shown."""
    error = ConfigurationError("db locked", "Không mở được cơ sở dữ liệu.")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    for key, value in (("agency_code", "000.00.01.H26"), ("agency_name", "Phường Thử"), ("counter_code", "Q01"),
                       ("counter_name", "Quầy số 1")):
        settings.setValue(f"start/{key}", value)
    settings.sync()
    seen: dict[str, str] = {}

    def fail(*_a, **_k):
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        seen["window"] = dialogs[0].windowTitle() if dialogs else ""
        raise error

    shown: list[str] = []
    monkeypatch.delenv("QMC_DEMO_AUTO_SIGNIN", raising=False)
    monkeypatch.setattr(ui.workspace.Workspace, "open", fail)
    monkeypatch.setattr(ui.app, "show_error", lambda parent, message: shown.append(message))
    _set_up(tmp_path)
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(tmp_path)) == 1
    finally:
        qapp.setStyleSheet("")
    assert seen["window"].startswith("Đăng nhập")  # the window was up while the store was opening
    assert shown == [error.message_vi]


def test_run_gui_reports_an_unexpected_start_up_error_without_a_traceback_dialog(qapp, monkeypatch, tmp_path):
    def boom(*_a, **_k):
        raise RuntimeError("programming error")

    shown: list[str] = []
    monkeypatch.setattr(ui.main_window, "MainWindow", boom)
    monkeypatch.setattr(ui.app, "show_error", lambda parent, message: shown.append(message))
    monkeypatch.delenv("QMC_DEMO_AUTO_SIGNIN", raising=False)
    _sign_in_soon("canbo01", "demo-canbo01")
    _set_up(tmp_path)
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(tmp_path)) == 1
    finally:
        qapp.setStyleSheet("")
    assert len(shown) == 1 and shown[0].startswith("Đã xảy ra lỗi không mong đợi")
    assert "programming error" not in shown[0] and "Traceback" not in shown[0]


@pytest.mark.parametrize(("value", "lang"), [(None, "vi"), ("vi", "vi"), ("en", "en"), ("EN_gb", "en"),
                                             ("fr", "vi"), ("", "vi")])
def test_language_from_env(monkeypatch, value, lang):
    if value is None:
        monkeypatch.delenv("QMC_LANG", raising=False)
    else:
        monkeypatch.setenv("QMC_LANG", value)
    assert language_from_env() == lang


def test_english_translator_changes_the_window_title(qapp, make_window, monkeypatch):
    monkeypatch.setenv("QMC_LANG", "en")
    translator = install_language(qapp, language_from_env())
    assert translator is not None, "resources/translations/quay_mot_cua_en.qm missing"
    try:
        w = make_window()
        assert w.windowTitle().startswith("Reception and Results Desk")
        assert w.header.demo_badge.text() == "DEMO DATA"
        assert w.status.sync.text() == "Offline — no sync server configured"
    finally:
        remove_language(qapp, translator)
    vi = make_window()
    assert vi.windowTitle().startswith("Bộ phận Tiếp nhận và Trả kết quả")


def test_missing_translation_file_falls_back_to_vietnamese(qapp, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("QMC_RESOURCES", str(tmp_path))
    assert install_language(qapp, "en") is None
    remove_language(qapp, None)


_PROBE = """
import sys
from PyQt6.QtCore import QEvent, QObject, QTimer
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
seen = []

class Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and obj.objectName() == "SignInDialog" and not seen:
            seen.append(sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic", "printing",
                                                                             "devices", "keyring")
                               or m in ("ui.main_window", "ui.workspace")))
            QTimer.singleShot(3000, lambda: obj.reject())
        return False

shown = Shown()
app.installEventFilter(shown)
from counter_app.cli import main
code = main(["--data-dir", sys.argv[1]])
print("AT_SHOW", ",".join(seen[0]))
print("AFTER", "sqlalchemy" in sys.modules, "ui.main_window" in sys.modules)
print("EXIT", code)
"""


def test_the_sign_in_window_shows_before_sqlalchemy_and_the_pages_load(tmp_path):
    """``counter-app`` on a profile that has started before: the sign-in window is shown with
    nothing of SQLAlchemy, Alembic, printing, devices or the main window imported; the store
    is opened (and the pages imported) behind it."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root), QMC_ALLOW_INSECURE_KEYRING="1")
    for name in ("QMC_EXIT_AFTER_START_MS", "QMC_DEMO_AUTO_SIGNIN", "QMC_DATA_DIR"):
        env.pop(name, None)
    _set_up(tmp_path)
    first = subprocess.run([sys.executable, "-m", "counter_app.cli", "--data-dir", str(tmp_path)], cwd=root,
                           env=dict(env, QMC_EXIT_AFTER_START_MS="300"), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    cached = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert cached.value("start/counter_code") == "Q01"
    out = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path)], cwd=root, env=env, capture_output=True,
                         text=True, timeout=120).stdout.splitlines()
    assert "AT_SHOW " in out and "EXIT 0" in out, out
    assert "AFTER True True" in out, out
