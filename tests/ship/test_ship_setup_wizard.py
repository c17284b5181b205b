"""The first-run wizard driven with pytest-qt against the real city backend (a server process on
PostgreSQL), the SANE test scanner, cups-pdf printers and a keyboard-wedge scan."""

from __future__ import annotations

import os
import tomllib

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6.QtCore import Qt  # noqa: E402
from PyQt6.QtGui import QInputMethodEvent  # noqa: E402
from PyQt6.QtWidgets import QApplication, QWizard  # noqa: E402

from counter_app.profile import Profile  # noqa: E402
from counter_app.setup import Step, needs_setup  # noqa: E402

pytestmark = pytest.mark.gui
PASSWORD = "mat-khau-can-bo-7"


def _commit_text(widget, text: str) -> None:
    """Type Vietnamese as an input method does (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def city_counter(admin, agency):
    """The agency on the backend with two officers; the counter's registration (token)."""
    admin.officer(agency, "canbo.lan", "Nguyễn Thị Lan", "officer")
    admin.officer(agency, "lanhdao.minh", "Trần Văn Minh", "supervisor")
    pw = admin.http.put(f"/v1/admin/agencies/{agency}/officers/lanhdao.minh/password", json={"password": PASSWORD})
    reg = admin.counter(agency, "Q03")
    return reg, pw.status_code == 204


def test_wizard_sets_up_a_counter_with_the_backend_and_real_devices(
        qtbot, tmp_path, server, city_counter, cups_server, sane_config_dir, find_output, monkeypatch, admin):
    from devices.docscanner import sane_backend
    from ui.setup_wizard.wizard import SetupWizard

    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    sane_backend.reset()
    registration, online_sign_in = city_counter
    profile = Profile(tmp_path / "profile")
    wizard = SetupWizard(profile, config_path=tmp_path / "config.toml")
    qtbot.addWidget(wizard)
    wizard.show()
    flow = wizard.flow

    # 1. Backend: a wrong token is refused in Vietnamese, the right one brings the identity.
    page = wizard.page_for(Step.BACKEND)
    qtbot.keyClicks(page.url, server.url)
    qtbot.keyClicks(page.token, "khong-dung")
    page.connect_button.click()
    qtbot.waitUntil(lambda: page.result.text().startswith("✗"), timeout=15000)
    assert "đăng ký" in page.result.text()
    assert not wizard.validateCurrentPage() and page.error.isVisible()
    page.token.setText(registration["token"])
    qtbot.keyClick(page.connect_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.result.text().startswith("✓"), timeout=15000)
    qtbot.keyClick(page.token, Qt.Key.Key_Return)  # Enter = "Tiếp"
    assert flow.step is Step.AGENCY and wizard.currentPage() is wizard.page_for(Step.AGENCY)

    # 2. Agency and counter come from the backend; only the names are typed.
    agency = wizard.page_for(Step.AGENCY)
    assert agency.agency_code.text() == registration["agency_code"] and agency.agency_code.isReadOnly()
    assert agency.counter_code.text() == "Q03"
    agency.agency_name.clear()
    _commit_text(agency.agency_name, "UBND phường Hàng Bạc")
    agency.counter_name.clear()
    _commit_text(agency.counter_name, "Quầy số 3")
    wizard.next()
    assert flow.step is Step.OFFICER

    # 3. The first officer signs in (online when the backend has it, else a local account).
    officer = wizard.page_for(Step.OFFICER)
    qtbot.keyClicks(officer.username, "lanhdao.minh")
    if online_sign_in:  # the city checks the password: a wrong one is its Vietnamese refusal
        qtbot.keyClicks(officer.password, "sai-mat-khau")
        wizard.next()
        assert flow.step is Step.OFFICER and "mật khẩu không đúng" in officer.error.text()
        officer.password.clear()
    qtbot.keyClicks(officer.password, PASSWORD)
    qtbot.keyClicks(officer.password_again, PASSWORD)
    wizard.next()
    assert flow.step is Step.DEVICES, officer.error.text()
    assert flow.draft.officer_full_name == "Trần Văn Minh"
    if online_sign_in:
        assert flow.draft.officer_role == "supervisor"

    # 4. Devices: each test does the real thing.
    devices = wizard.page_for(Step.DEVICES)
    qtbot.waitUntil(lambda: not devices.listing.busy, timeout=15000)
    assert devices.printers["printer_a5"].findText("QMC_PDF") >= 0, "printers listed from CUPS"
    devices.printers["printer_a5"].setEditText("QMC_PDF")
    devices.printers["printer_a4"].setEditText("QMC_STOPPED")

    def run(key: str) -> str:
        devices.buttons[key].click()
        qtbot.waitUntil(lambda: devices.results[key].text()[:1] in "✓✗", timeout=60000)
        return devices.results[key].text()

    assert run("printer_a5").startswith("✓ Đã in trang thử khổ A5"), devices.results["printer_a5"].text()
    assert find_output(cups_server.out_dir, "in-thu-a5").stat().st_size > 0
    stopped = run("printer_a4")
    assert stopped.startswith("✗") and "tạm dừng" in stopped
    devices.scanner_device.setText("test:0")
    assert run("scanner").startswith("✓ Đã quét thử 1 trang"), devices.results["scanner"].text()
    qtbot.keyClicks(devices.barcode_test, "000.00.01.H26-261127-0001")
    assert "mã số hồ sơ" in run("barcode")
    devices.barcode_mode.setCurrentIndex(devices.barcode_mode.findData("serial"))
    assert "cổng COM" in run("barcode") and flow.draft.devices.barcode_mode == "wedge", "bad choice not kept"
    devices.barcode_mode.setCurrentIndex(devices.barcode_mode.findData("wedge"))
    wizard.next()
    assert flow.step is Step.REVIEW

    # 5. Review shows the checks; "Hoàn tất" writes everything.
    review = wizard.page_for(Step.REVIEW).summary.text()
    assert "✓ Đã in trang thử khổ A5" in review and "✗" in review and registration["agency_code"] in review
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert flow.step is Step.DONE and wizard.result() == QWizard.DialogCode.Accepted
    assert not needs_setup(profile)
    cfg = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
    assert cfg["backend"]["url"] == server.url and cfg["devices"]["printer_a5"] == "QMC_PDF"
    assert cfg["devices"]["scanner_device"] == "test:0" and cfg["counter"]["counter_code"] == "Q03"

    # The counter told the backend its version while finishing.
    from counter_app import __version__
    from counter_app.updates import platform_tag

    seen = admin.http.get(f"/v1/admin/agencies/{registration['agency_code']}/app-versions").json()
    assert [(r["counter_code"], r["version"], r["platform"]) for r in seen] == [("Q03", __version__, platform_tag())]

    from ui.workspace import Workspace

    ws = Workspace.open(profile)
    try:
        assert ws.sign_in("lanhdao.minh", PASSWORD).full_name == "Trần Văn Minh"
        with ws.store.read() as s:
            from sqlalchemy import select

            from counter_app.storage.models import OfficerRow
            from counter_app.sync import state

            assert sorted(s.scalars(select(OfficerRow.username))) == ["canbo.lan", "lanhdao.minh"]
            assert state.get(s, state.TOKEN) == registration["token"] and state.get(s, state.SLOT) == "1"
    finally:
        ws.close()


def test_quitting_the_wizard_writes_nothing(qtbot, tmp_path):
    from ui.setup_wizard.wizard import SetupWizard

    profile = Profile(tmp_path / "profile")
    wizard = SetupWizard(profile, config_path=tmp_path / "config.toml")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page_for(Step.BACKEND)
    page.offline.setChecked(True)
    wizard.next()
    assert wizard.flow.step is Step.AGENCY
    wizard.reject()
    assert needs_setup(profile) and not (tmp_path / "config.toml").exists() and not profile.db_path.exists()
