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


def test_announcement_reaches_the_banner_only_at_calm_moments(qtbot, counter_store, announce, admin, agency):
    from ui.update_notice import UpdateBanner, attach

    assert announce("9.1.0", minimum="0.2.0", notes_vi="Sửa lỗi in biên nhận.").status_code == 200
    found = updates.check_store(counter_store, current="0.1.0")
    assert str(found.latest) == "9.1.0"
    seen = admin.http.get(f"/v1/admin/agencies/{agency}/app-versions").json()
    assert [(r["counter_code"], r["version"]) for r in seen] == [("Q01", "0.1.0")]
    with counter_store.read() as s:
        kept = updates.last_announcement(s)
    assert kept == found

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
    attached = attach(host, counter_store, Moment.END_OF_SHIFT)
    assert host.layout().itemAt(0).widget() is attached and attached.isVisible()
    assert QApplication.activeModalWidget() is None, "a banner, not a modal dialog"
    attached.close_button.click()
    assert attached.isHidden()


def test_a_withdrawn_announcement_clears_the_notice(qtbot, counter_store, announce, admin):
    from ui.update_notice import attach

    assert announce("9.5.0").status_code == 200
    assert updates.check_store(counter_store, current="0.1.0") is not None
    admin.http.delete("/v1/admin/app/version/any")
    assert updates.check_store(counter_store, current="0.1.0") is None
    host = QDialog()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    assert attach(host, counter_store, Moment.SIGN_OUT).isHidden()


def test_offer_at_sign_out_for_a_version_still_accepted():
    announcement = updates.parse_announcement({"latest": "0.3.0", "minimum": "0.1.0"})
    advice, text = updates.notice(announcement, moment=Moment.SIGN_OUT, current="0.2.0")
    assert advice is Advice.OFFER and "0.3.0" in text and "không tự cập nhật" in text
    assert updates.notice(announcement, moment=Moment.MID_SHIFT, current="0.2.0") == (Advice.HOLD, "")
