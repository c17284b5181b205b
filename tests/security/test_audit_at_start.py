"""The start-up check of the audit chain: entries added since the last check (and the one it ended
on), remembered in the profile; a hand edit shows an alert in the sign-in window."""

from __future__ import annotations

import sqlite3

import pytest

from counter_app.security import audit

from sec_data import NOW


def _fill(store, n):
    for i in range(n):
        store.write(lambda s, i=i: audit.append(s, actor="canbo01", action="view_dossier",
                                                target=f"X-{i}", details={"i": i}, at=NOW))


def _hand_edit(store, sql):
    con = sqlite3.connect(store.path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_entry'"):
        con.execute(f"DROP TRIGGER {name}")
    con.execute(sql)
    con.commit()
    con.close()


def _last_id(store):
    with store.read() as s:
        return audit.verify_chain(s).entries


def test_start_checks_only_what_is_new_and_remembers_where_it_got(sec_store):
    _fill(sec_store, 3)
    first = sec_store.write(audit.check_at_start)
    assert first.ok and first.entries == _last_id(sec_store)
    _fill(sec_store, 2)
    second = sec_store.write(audit.check_at_start)
    assert second.ok and second.entries == 2  # only the entries added since
    assert sec_store.write(audit.check_at_start).entries == 0


@pytest.mark.parametrize("edit,found", [
    ("UPDATE audit_entry SET actor='ke-gian' WHERE id=(SELECT max(id) FROM audit_entry)", True),  # new entry
    ("UPDATE audit_entry SET actor='ke-gian' WHERE id=(SELECT max(id) - 2 FROM audit_entry)", True),  # anchor
    ("DELETE FROM audit_entry WHERE id=(SELECT max(id) - 2 FROM audit_entry)", True),  # anchor removed
    ("UPDATE audit_entry SET actor='ke-gian' WHERE id=1", False),  # old: only the full check finds it
])
def test_hand_edits_since_the_last_check_are_found_at_start(sec_store, edit, found):
    _fill(sec_store, 3)
    sec_store.write(audit.check_at_start)  # the anchor: the last entry now
    _fill(sec_store, 2)
    _hand_edit(sec_store, edit)
    check = sec_store.write(audit.check_at_start)
    assert check.ok is not found
    assert ("CẢNH BÁO" in audit.alert_vi(check)) is found
    with sec_store.read() as s:
        assert not audit.verify_chain(s).ok  # the full check (diagnostics) finds every case


def test_the_sign_in_window_shows_the_alert_before_going_on(qtbot, demo_profile, demo_store):
    from ui.signin import SignInDialog
    from ui.workspace import Workspace

    ws = Workspace(demo_profile, demo_store, now=lambda: NOW)
    dialog = SignInDialog(ws)
    qtbot.addWidget(dialog)
    dialog.username.setText("canbo01")
    dialog.password.setText("demo-canbo01")
    dialog.submit()
    assert dialog.result() == SignInDialog.DialogCode.Accepted  # intact: straight in
    _fill(demo_store, 1)
    _hand_edit(demo_store, "UPDATE audit_entry SET action='xoa-dau-vet' WHERE id=(SELECT max(id) FROM audit_entry)")
    again = SignInDialog(ws, switching=True)
    qtbot.addWidget(again)
    again.username.setText("canbo01")
    again.password.setText("demo-canbo01")
    again.submit()
    assert again.result() == 0 and "CẢNH BÁO: nhật ký hệ thống đã bị sửa" in again.small_print.text()
    again.submit()
    assert again.result() == SignInDialog.DialogCode.Accepted
