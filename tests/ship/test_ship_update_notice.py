"""Update notices end to end: the backend announces, the counter checks with its registration
(the backend records its version), and the notice is a banner at sign-in or sign-out — never
mid-shift, never a modal dialog, never an update by itself."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6.QtWidgets import QApplication, QDialog, QVBoxLayout  # noqa: E402

from counter_app import updates  # noqa: E402
from counter_app.profile import Profile  # noqa: E402
from counter_app.sync import state  # noqa: E402
from counter_app.updates import Advice, Moment  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def counter_store(tmp_path, server, registered):
    store = Profile(tmp_path / "profile").open_store()

    def register(s) -> None:
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, registered["token"])
    store.write(register)
    yield store
    store.close()


def test_announcement_reaches_the_banner_only_at_calm_moments(qtbot, tmp_path, counter_store, announce, admin,
                                                               agency):
    from ui.update_notice import UpdateBanner, attach

    assert announce("9.1.0", minimum="0.2.0", notes_vi="Sửa lỗi in biên nhận.").status_code == 200
    root = tmp_path / "profile"
    found = updates.check_store(counter_store, profile_root=root, current="0.1.0")
    assert str(found.latest) == "9.1.0"
    seen = admin.http.get(f"/v1/admin/agencies/{agency}/app-versions").json()
    assert [(r["counter_code"], r["version"]) for r in seen] == [("Q01", "0.1.0")]
    with counter_store.read() as s:
        kept = updates.last_announcement(s)
    assert kept == found and updates.cached_announcement(root) == found

    banner = UpdateBanner()
    qtbot.addWidget(banner)
    assert banner.show_for(kept, Moment.MID_SHIFT) is Advice.HOLD and banner.isHidden()
    # 0.1.0 < minimum 0.2.0 → required before the next shift, said at the sign-in screen.
    assert banner.show_for(kept, Moment.BEFORE_SIGN_IN) is Advice.REQUIRED and not banner.isHidden()
    assert "9.1.0" in banner.text.text() and "Sửa lỗi in biên nhận." in banner.text.text()

    host = QDialog()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    host.show()
    attached = attach(host, Moment.END_OF_SHIFT, store=counter_store)
    assert host.layout().itemAt(0).widget() is attached and attached.isVisible()
    assert QApplication.activeModalWidget() is None, "a banner, not a modal dialog"
    attached.close_button.click()
    assert attached.isHidden()
    at_sign_in = attach(host, Moment.BEFORE_SIGN_IN, profile_root=root)  # no store needed
    assert at_sign_in.advice is Advice.REQUIRED and at_sign_in.isVisible()


def test_a_withdrawn_announcement_clears_the_notice(qtbot, tmp_path, counter_store, announce, admin):
    from ui.update_notice import attach

    root = tmp_path / "profile"
    assert announce("9.5.0").status_code == 200
    assert updates.check_store(counter_store, profile_root=root, current="0.1.0") is not None
    assert (root / updates.CACHE_FILE).exists()
    admin.http.delete("/v1/admin/app/version/any")
    assert updates.check_store(counter_store, profile_root=root, current="0.1.0") is None
    assert not (root / updates.CACHE_FILE).exists()
    host = QDialog()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    assert attach(host, Moment.SIGN_OUT, store=counter_store).isHidden()
    assert attach(host, Moment.SIGN_OUT, profile_root=root).isHidden()


def test_offer_at_sign_out_for_a_version_still_accepted():
    announcement = updates.parse_announcement({"latest": "0.3.0", "minimum": "0.1.0"})
    advice, text = updates.notice(announcement, moment=Moment.SIGN_OUT, current="0.2.0")
    assert advice is Advice.OFFER and "0.3.0" in text and "không tự cập nhật" in text
    assert updates.notice(announcement, moment=Moment.MID_SHIFT, current="0.2.0") == (Advice.HOLD, "")


def test_the_diagnostics_page_asks_for_a_new_version(qtbot, tmp_path, server, registered, announce):
    from ui.diagnostics import DiagnosticsPage
    from ui.ops import OperationRunner
    from ui.workspace import Workspace

    ws = Workspace.open(Profile(tmp_path / "p"))
    runner = OperationRunner(ws.store)
    try:
        ws.store.write(lambda s: (state.put(s, state.SERVER_URL, server.url),
                                  state.put(s, state.TOKEN, registered["token"])))
        assert announce("9.7.0").status_code == 200
        page = DiagnosticsPage(ws, runner)
        qtbot.addWidget(page)
        page.check_update()
        qtbot.waitUntil(lambda: "9.7.0" in page.update_state.text(), timeout=15000)
        assert "không tự cập nhật" in page.update_state.text()
        assert updates.cached_announcement(tmp_path / "p").latest.public == "9.7.0"
    finally:
        runner.wait_idle()
        runner.shutdown()
        ws.close()
