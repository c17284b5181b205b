"""Sign-in window, idle lock with quick unlock, switching officer, sync state in the status bar."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counter_app.security.signin import SessionState
from ui.main_window import MainWindow
from ui.signin import SignInDialog
from ui.workspace import Workspace

pytestmark = pytest.mark.gui


@pytest.fixture
def clock_ws(profile, pinned_now):
    """A workspace whose clock the test moves (``ws.clock[0] += …``)."""
    now = [pinned_now]
    ws = Workspace.open(profile, now=lambda: now[0])
    ws.clock = now
    yield ws
    ws.close()


def _sign_in(dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.submit()


def test_wrong_password_shows_the_core_message_and_keeps_the_dialog(qtbot, clock_ws):
    dialog = SignInDialog(clock_ws)
    qtbot.addWidget(dialog)
    _sign_in(dialog, "canbo01", "wrong-password")
    assert dialog.error.text() == "Mật khẩu không đúng."
    assert dialog.result() == 0 and clock_ws.officer is None and dialog.password.text() == ""
    assert "Chưa cấu hình máy chủ" in dialog.small_print.text() and "ngoại tuyến" in dialog.small_print.text()


def test_dead_link_signs_in_offline_and_the_window_says_so_before_going_on(qtbot, clock_ws):
    from city_backend.testing import free_port
    from counter_app.sync import state

    def dead_link(s):
        state.put(s, state.SERVER_URL, f"http://127.0.0.1:{free_port()}")
        state.put(s, state.TOKEN, "token-of-this-counter")
    clock_ws.store.write(dead_link)
    dialog = SignInDialog(clock_ws)
    qtbot.addWidget(dialog)
    assert "trực tuyến" in dialog.small_print.text()
    _sign_in(dialog, "canbo01", "demo-canbo01")
    assert clock_ws.officer.username == "canbo01" and dialog.result() == 0  # signed in, window still open
    assert "Không kết nối được" in dialog.small_print.text() and "ngoại tuyến" in dialog.small_print.text()
    assert not dialog.password.isEnabled()
    dialog.submit()  # Enter again: continue
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_lockout_after_repeated_failures(qtbot, clock_ws):
    dialog = SignInDialog(clock_ws)
    qtbot.addWidget(dialog)
    for _ in range(clock_ws.session.policy.max_failures):
        _sign_in(dialog, "canbo01", "wrong-password")
    assert "bị tạm khóa" in dialog.error.text()
    _sign_in(dialog, "canbo01", "demo-canbo01")  # right password, but locked now
    assert "tạm khóa" in dialog.error.text() and clock_ws.officer is None


def test_sign_in_makes_the_services_act_for_that_officer(qtbot, clock_ws):
    dialog = SignInDialog(clock_ws)
    qtbot.addWidget(dialog)
    _sign_in(dialog, "lanhdao01", "demo-lanhdao01")
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert clock_ws.context.officer == "lanhdao01" and clock_ws.context.role.value == "supervisor"
    assert clock_ws.identity.officer_name == "Trần Văn Minh"


def _window(qtbot, ws, theme) -> MainWindow:
    w = MainWindow(ws, theme)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_idle_lock_quick_unlock_and_switch_officer(qtbot, clock_ws, theme, monkeypatch):
    clock_ws.sign_in("canbo01", "demo-canbo01")
    w = _window(qtbot, clock_ws, theme)
    assert "Nguyễn Thị Lan" in w.status.officer.text()
    clock_ws.clock[0] += clock_ws.session.policy.idle_lock + timedelta(seconds=1)
    w.idle_guard.check()  # what the timer does
    assert clock_ws.session.state is SessionState.LOCKED and w.locked
    assert not w.quit_action.isEnabled() and w.lock_overlay.geometry() == w.rect()
    w.lock_overlay.password.setText("wrong-password")
    w.lock_overlay.unlock()
    assert w.locked and w.lock_overlay.error.text() == "Mật khẩu không đúng."
    w.lock_overlay.password.setText("demo-canbo01")
    w.lock_overlay.unlock()
    assert not w.locked and clock_ws.session.state is SessionState.ACTIVE and w.quit_action.isEnabled()

    # Switch officer from the lock screen: another officer signs in, no restart.
    w.lock_now()
    assert w.locked

    def accept_as_supervisor(dialog):
        _sign_in(dialog, "lanhdao01", "demo-lanhdao01")
        return dialog.result()
    monkeypatch.setattr(SignInDialog, "exec", accept_as_supervisor)
    w.lock_overlay.switch_button.click()
    assert not w.locked and clock_ws.context.officer == "lanhdao01"
    assert "Trần Văn Minh" in w.status.officer.text()


def test_status_bar_shows_sync_state(qtbot, workspace, theme):
    from counter_app.sync import state

    w = _window(qtbot, workspace, theme)
    w.refresh_sync()
    assert "chưa cấu hình máy chủ" in w.status.sync.text()
    workspace.store.write(lambda s: (state.put(s, state.SERVER_URL, "https://sync.example.invalid"),
                                     state.put(s, state.OFFLINE_SINCE, "2026-11-27T08:05:00")))
    w.refresh_sync()
    assert w.status.sync.text().startswith("Ngoại tuyến từ 08:05 27/11")
    assert w.sync_timer.interval() == 30_000
