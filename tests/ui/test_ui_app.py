"""Start-up and shut-down through ``run_gui`` (the entry point ``counter-app`` calls)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import QSettings, QTimer
from PyQt6.QtWidgets import QApplication

import ui.app
from counter_app.domain.errors import ConfigurationError
from counter_app.profile import Profile
from ui.i18n import install_language, language_from_env, remove_language
from ui.main_window import MainWindow

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


def test_run_gui_demo_opens_a_window_and_discards_the_profile(qapp, monkeypatch, tmp_path):
    made: list[Profile] = []
    monkeypatch.delenv("QMC_LANG", raising=False)
    monkeypatch.setattr(Profile, "throwaway_demo",
                        classmethod(lambda cls: made.append(cls(tmp_path / "demo", demo=True)) or made[-1]))
    seen = {}
    _close_windows_soon(lambda w: seen.update(title=w.windowTitle(), badge=w.header.demo_badge.isVisible()))
    assert ui.app.run_gui(demo=True, data_dir=None) == 0
    assert seen["title"].startswith("Bộ phận Tiếp nhận và Trả kết quả") and seen["badge"]
    assert made and not made[0].root.exists()


def test_run_gui_keeps_a_real_profile_and_its_large_type_setting(qapp, monkeypatch, tmp_path):
    monkeypatch.delenv("QMC_LANG", raising=False)
    data_dir = tmp_path / "data"
    _close_windows_soon(lambda w: w.larger_action.trigger())
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(data_dir)) == 0
    finally:
        qapp.setStyleSheet("")
    assert (data_dir / "counter.sqlite").exists()
    saved = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat).value(ui.app.FONT_SCALE_KEY)
    assert float(saved) > 1.0


def test_run_gui_shows_the_core_message_when_the_store_cannot_open(qapp, monkeypatch, tmp_path):
    error = ConfigurationError("catalog missing", "Thiếu tệp danh mục thủ tục. Cài đặt lại ứng dụng.")

    def fail(*_a, **_k):
        raise error

    shown: list[str] = []
    monkeypatch.setattr(ui.app.Workspace, "open", fail)
    monkeypatch.setattr(ui.app, "show_error", lambda parent, message: shown.append(message))
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(tmp_path)) == 1
    finally:
        qapp.setStyleSheet("")
    assert shown == [error.message_vi]


def test_run_gui_reports_an_unexpected_start_up_error_without_a_traceback_dialog(qapp, monkeypatch, tmp_path):
    def boom(*_a, **_k):
        raise RuntimeError("programming error")

    shown: list[str] = []
    monkeypatch.setattr(ui.app, "MainWindow", boom)
    monkeypatch.setattr(ui.app, "show_error", lambda parent, message: shown.append(message))
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
