"""The diagnostics page (F12) with pytest-qt: health of the database and the audit chain,
recent errors without personal data, device checks on the real SANE and CUPS stacks, and a
support bundle that holds no ID number."""

from __future__ import annotations

import gc
import json
import logging
import os
import zipfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6.QtCore import QEvent  # noqa: E402
from PyQt6.QtWidgets import QApplication  # noqa: E402

from counter_app.profile import Profile  # noqa: E402

pytestmark = pytest.mark.gui
ID_NUMBER = "001090123456"


@pytest.fixture
def workspace(tmp_path):
    from ui.workspace import Workspace

    ws = Workspace.open(Profile(tmp_path / "profile"))
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot, workspace, tmp_path, monkeypatch, cups_server, sane_config_dir):
    from counter_app.logsetup import setup
    from devices.docscanner import sane_backend
    from ui.diagnostics import DiagnosticsPage
    from ui.ops import OperationRunner

    sane_backend.reset()
    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    config = tmp_path / "config.toml"
    config.write_text('[devices]\nprinter_a5 = "QMC_PDF"\nprinter_a4 = "QMC_STOPPED"\nscanner_device = "test:0"\n',
                      encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(config))
    log_file = setup(workspace.profile.log_dir)
    logging.getLogger("counter_app.test").warning("card %s could not be read", ID_NUMBER)
    from counter_app.domain.errors import ValidationError

    refused = ValidationError(f"id number {ID_NUMBER} rejected", f"Số định danh {ID_NUMBER} không hợp lệ.")
    logging.getLogger("counter_app.test").warning("reception refused: %s", refused)  # a core error
    # An older log written before redaction existed: the bundle must redact it on the way in.
    (workspace.profile.log_dir / "counter.log.1").write_text(
        json.dumps({"at": "2026-11-26T10:00:00", "level": "ERROR", "logger": "old",
                    "message": f"applicant {ID_NUMBER} failed"}) + "\n", encoding="utf-8")
    workspace.sign_in("canbo01", "demo-canbo01")  # an audit entry
    runner = OperationRunner(workspace.store)
    p = DiagnosticsPage(workspace, runner)
    qtbot.addWidget(p)
    p.show()
    yield p
    runner.wait_idle()
    runner.shutdown()
    for h in logging.getLogger().handlers[:]:
        if getattr(h, "baseFilename", None) == str(log_file):
            h.close()
            logging.getLogger().removeHandler(h)


def test_health_errors_devices_and_a_bundle_without_id_numbers(qtbot, page, workspace, tmp_path):
    page.on_shown()
    qtbot.waitUntil(lambda: bool(page.info), timeout=20000)
    text = page.summary.text()
    assert "Cơ sở dữ liệu: tốt" in text and "Chuỗi nhật ký kiểm toán: tốt" in text and "Ổ đĩa: còn trống" in text
    assert "ngoại tuyến" in text
    errors = page.errors.text()
    assert "could not be read" in errors and ID_NUMBER not in errors
    # A core error: the officer's Vietnamese message first, the English line as the technical detail.
    assert "Số định danh [ẩn] không hợp lệ." in errors and "chi tiết kỹ thuật — counter_app.test: reception " \
        "refused: id number [ẩn] rejected" in errors

    def check(key: str) -> str:
        page.device_buttons[key].click()
        qtbot.waitUntil(lambda: page.device_state[key].text()[:1] in "✓✗", timeout=60000)
        return page.device_state[key].text()

    assert check("scanner").startswith("✓ Đã quét thử 1 trang")
    assert check("printer_a5") == "✓ Máy in “QMC_PDF” sẵn sàng."
    assert check("printer_a4").startswith("✗") and "tạm dừng" in page.device_state["printer_a4"].text()
    assert check("barcode").startswith("✗ Chưa nhận được mã")
    page.barcode_text.setText("000.00.01.H26-261127-0001")
    assert "mã số hồ sơ" in check("barcode")
    assert check("signing").startswith("✗")  # no token module configured: says so

    bundle = page.export_bundle(tmp_path / "goi-ho-tro.zip")
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        blob = "".join(zf.read(n).decode("utf-8") for n in names)
        diag = json.loads(zf.read("diagnostics.json"))
    assert "diagnostics.json" in names and "logs/counter.log" in names and "logs/counter.log.1" in names
    assert ID_NUMBER not in blob and "[ẩn]" in blob
    assert diag["device_checks"]["printer_a5"]["ok"] is True and diag["database"]["integrity"] == "ok"


def test_a_broken_audit_chain_is_reported(qtbot, page, workspace):
    from sqlalchemy import text

    with workspace.store.engine.begin() as conn:  # someone with the file drops the triggers and edits
        for name in conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger' "
                                      "AND tbl_name='audit_entry'")).scalars().all():
            conn.execute(text(f"DROP TRIGGER {name}"))
        conn.execute(text("UPDATE audit_entry SET action = 'forged' WHERE id = (SELECT MIN(id) FROM audit_entry)"))
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.info), timeout=20000)
    assert "Chuỗi nhật ký kiểm toán: LỖI từ mục" in page.summary.text()


def test_f12_page_in_the_window_and_a_device_indicator_opens_it(qtbot, workspace, monkeypatch, tmp_path):
    from ui.main_window import MainWindow
    from ui.theme import Theme

    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
    app = QApplication.instance()
    theme = Theme(app)
    theme.apply()
    window = MainWindow(workspace, theme)
    try:
        window.show()
        assert window.diagnostics.title() == "Chẩn đoán"
        labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "Chẩn đoán (F12)" in labels
        indicator = next(i for i in window.device_indicators if i.slot.key == "scanner")
        indicator.show_diagnostics()
        assert window.tabs.currentWidget() is window.diagnostics
        qtbot.waitUntil(lambda: window.diagnostics.device_state["scanner"].text()[:1] in "✓✗", timeout=60000)
        window.runner.wait_idle()
    finally:
        app.setStyleSheet("")
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
