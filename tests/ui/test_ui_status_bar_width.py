"""The status bar at 1280 px (the counters' usual screen): the officer's name and role and the
sync state are shown whole beside the device indicators; a text too long is cut with "…" and
kept whole in the tooltip."""

from __future__ import annotations

import pytest
from PyQt6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def _fits(label) -> bool:
    return label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_officer_and_sync_state_fit_at_1280_px(qtbot, workspace, make_window):
    workspace.sign_in("canbo01", "demo-canbo01")
    w = make_window()
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    status = w.status
    assert w.width() == 1280
    assert "Nguyễn Thị Lan" in status.officer.text() and status.sync.text().startswith("Ngoại tuyến")
    for label in (status.officer, status.counter, status.agency, status.sync):
        assert _fits(label), (label.text(), label.width())
    assert "Nguyễn Thị Lan" in status.officer.toolTip() and workspace.context.agency_code in status.agency.toolTip()

    # Longer texts (large type, a long name) are cut, never widening the window; the tooltip keeps them.
    assert status.minimumSizeHint().width() < 1000
    status.sync.setText("12 mục chờ gửi · " + status.sync.text())
    status.sync.resize(120, status.sync.height())
    assert not _fits(status.sync) and status.sync.toolTip() == status.sync.text()
