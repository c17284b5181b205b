"""The device tests of the setup wizard and of diagnostics (F12) show progress and can be cancelled.

The scanner test scans on the real SANE ``test`` backend, slowed down by its own configuration
(``read-delay``), so the cancel happens while the device is really busy. Cancelling abandons
the wait at once; the scan finishes in the background and its late result is dropped.
"""

from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest

from counter_app.profile import Profile
from counter_app.setup import Step

pytestmark = pytest.mark.gui
SLOW_READ_US = 200_000  # per read call of the test backend: a 150 dpi page takes a few seconds


@pytest.fixture
def slow_sane(tmp_path, monkeypatch):
    """Only the SANE ``test`` backend, with a delay on every read (its ``test.conf``)."""
    try:
        import sane  # noqa: F401
    except ImportError as exc:  # part of the project's stacks: fail, never skip
        pytest.fail(f"python-sane is not importable ({exc})")
    from devices.docscanner import sane_backend

    conf = tmp_path / "sane.d"
    conf.mkdir()
    (conf / "dll.conf").write_text("test\n")
    (conf / "test.conf").write_text(f"number_of_devices 2\nmode Gray\nresolution 50.0\ntest-picture \"Grid\"\n"
                                    f"read-delay true\nread-delay-duration {SLOW_READ_US}\n")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(conf))
    sane_backend.reset()
    yield conf
    sane_backend.reset()


def test_the_setup_wizard_scanner_test_is_cancelled_and_its_late_result_dropped(qtbot, tmp_path, slow_sane):
    from ui.setup_wizard.wizard import SetupWizard

    wizard = SetupWizard(Profile(tmp_path / "profile"), config_path=tmp_path / "config.toml")
    qtbot.addWidget(wizard)
    wizard.show()
    devices = wizard.page_for(Step.DEVICES)
    devices.scanner_device.setText("test:0")
    devices.buttons["scanner"].click()
    busy, result = devices.busy["scanner"], devices.results["scanner"]
    assert busy.busy and result.text() == "Đang kiểm tra…"
    shown = lambda: busy.isVisibleTo(devices)  # noqa: E731 (the page is not the wizard's current one)
    qtbot.waitUntil(shown, timeout=5000)  # shown once the test lasts over ~300 ms
    assert busy.cancel_button.isEnabled()
    busy.cancel_button.click()
    assert not busy.busy and not shown() and "Đã hủy kiểm tra" in result.text()
    # The scan goes on in the background; when it ends, nothing of it shows or is kept for the review.
    qtbot.waitUntil(lambda: not any(w.busy for w in devices.workers), timeout=60_000)
    qtbot.wait(50)
    assert "Đã hủy kiểm tra" in result.text() and "scanner" not in wizard.flow.draft.checks
    # Tested again and left to finish: the check is shown and kept.
    devices.buttons["scanner"].click()
    qtbot.waitUntil(lambda: result.text()[:1] in "✓✗", timeout=60_000)
    assert result.text().startswith("✓ Đã quét thử 1 trang"), result.text()
    assert wizard.flow.draft.checks["scanner"].ok and not shown()


def test_a_diagnostics_device_check_is_cancelled_with_esc(qtbot, tmp_path, monkeypatch, workspace, slow_sane):
    from ui.diagnostics import DiagnosticsPage
    from ui.ops import OperationRunner

    config = tmp_path / "config.toml"
    config.write_text('[devices]\nscanner_device = "test:0"\n', encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(config))
    runner = OperationRunner(workspace.store)
    page = DiagnosticsPage(workspace, runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    button, busy, state = page.device_buttons["scanner"], page.device_busy["scanner"], page.device_state["scanner"]
    button.setFocus()
    button.click()
    qtbot.waitUntil(busy.isVisible, timeout=5000)
    assert state.text() == "Đang kiểm tra…"
    QTest.keyClick(button, Qt.Key.Key_Escape)  # Esc within the page cancels the running check
    assert not busy.busy and not busy.isVisible() and "Đã hủy kiểm tra" in state.text()
    assert runner.wait_idle(60_000)  # the abandoned scan ends in the background: its result is dropped
    assert "Đã hủy kiểm tra" in state.text() and "scanner" not in page.checks
    button.click()  # checked again and left to finish
    assert busy.busy
    assert runner.wait_idle(60_000)
    assert state.text().startswith("✓ Đã quét thử 1 trang"), state.text()
    assert page.checks["scanner"].ok
    runner.shutdown()
