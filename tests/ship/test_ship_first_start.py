"""``counter-app`` on a new real profile: the setup wizard comes first; leaving it writes nothing,
finishing it leads to the sign-in window with the officer just created (no demo officer)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6.QtCore import QTimer  # noqa: E402
from PyQt6.QtWidgets import QApplication  # noqa: E402

import ui.app  # noqa: E402
from counter_app.setup import Step, needs_setup  # noqa: E402
from counter_app.profile import Profile  # noqa: E402

pytestmark = pytest.mark.gui
PASSWORD = "mat-khau-quan-tri-9"


def _visible(cls):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


def _later(fn, ms: int = 200) -> None:
    QTimer.singleShot(ms, fn)


def _when_shown(cls, fn, tries: int = 150) -> None:
    """Call ``fn(window)`` once a ``cls`` window is visible (polls; gives up after ~15 s)."""
    def poll(left: int = tries) -> None:
        found = _visible(cls)
        if found:
            fn(found[0])
        elif left:
            QTimer.singleShot(100, lambda: poll(left - 1))
        else:  # nothing showed up: close whatever is open so the test fails instead of hanging
            for w in QApplication.topLevelWidgets():
                if w.isVisible():
                    w.close()
    QTimer.singleShot(100, poll)


def test_leaving_the_wizard_writes_nothing_and_exits_0(qapp, tmp_path, monkeypatch):
    from ui.setup_wizard.wizard import SetupWizard

    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "config.toml"))
    seen = []

    def leave() -> None:
        wizards = _visible(SetupWizard)
        seen.append(len(wizards))
        for w in wizards:
            w.reject()
    _later(leave)
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(tmp_path / "data")) == 0
    finally:
        qapp.setStyleSheet("")
    assert seen == [1]
    assert not (tmp_path / "data" / "counter.sqlite").exists() and not (tmp_path / "config.toml").exists()


def test_finishing_the_wizard_leads_to_sign_in_with_the_new_officer(qapp, tmp_path, monkeypatch):
    from ui.main_window import MainWindow
    from ui.setup_wizard.wizard import SetupWizard
    from ui.signin import SignInDialog

    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("QMC_DEMO_AUTO_SIGNIN", raising=False)
    seen: dict = {}

    def sign_in(dialog) -> None:
        dialog.username.setText("canbo01")  # the demo officer does not exist in a real profile
        dialog.password.setText("demo-canbo01")
        dialog.submit()
        seen["demo_refused"] = dialog.error.text()
        dialog.username.setText("quantri")
        dialog.password.setText(PASSWORD)
        dialog.submit()
        _when_shown(MainWindow, close_window)

    def close_window(window) -> None:
        seen["officer"] = window.workspace.context.officer
        seen["encrypted"] = window.workspace.store.encrypted
        window.close()

    def fill(wizard) -> None:
        wizard.page_for(Step.BACKEND).offline.setChecked(True)
        wizard.next()
        agency = wizard.page_for(Step.AGENCY)
        agency.agency_code.setText("000.00.07.H26")
        agency.agency_name.setText("UBND phường Cửa Nam")
        agency.counter_code.setText("Q07")
        agency.counter_name.setText("Quầy 7")
        wizard.next()
        officer = wizard.page_for(Step.OFFICER)
        officer.username.setText("quantri")
        officer.full_name.setText("Đỗ Minh Quân")
        officer.password.setText(PASSWORD)
        officer.password_again.setText(PASSWORD)
        wizard.next()
        wizard.next()  # devices: none tested
        wizard.accept()
        _when_shown(SignInDialog, sign_in)
    _when_shown(SetupWizard, fill)
    try:
        assert ui.app.run_gui(demo=False, data_dir=str(tmp_path / "data")) == 0
    finally:
        qapp.setStyleSheet("")
    assert "chưa từng đăng nhập" in seen["demo_refused"] or "không đúng" in seen["demo_refused"]
    assert seen["officer"] == "quantri" and seen["encrypted"], "the setup wrote the profile encrypted at rest"
    assert not needs_setup(Profile(tmp_path / "data"))
