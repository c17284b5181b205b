"""The status bar's sync label: what the officer reads for each sync state."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.sync.state import SyncStatus
from ui.widgets.counter_status import CounterStatusBar

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("configured", "status", "text"), [
    (False, SyncStatus(waiting_events=4), "Ngoại tuyến — chưa cấu hình máy chủ đồng bộ"),
    (True, SyncStatus(), "Chưa đồng bộ lần nào"),
    (True, SyncStatus(online=True, last_success=datetime(2026, 11, 27, 9)), "Trực tuyến"),
    (True, SyncStatus(offline_since=datetime(2026, 11, 27, 9, 5), waiting_events=2, waiting_uploads=1,
                      last_error="Không kết nối được"), "3 mục chờ gửi · Ngoại tuyến từ 09:05 27/11"),
    # The server answered but refused the round (a revoked token): not "online", not "never synced".
    (True, SyncStatus(online=True, last_success=datetime(2026, 11, 27, 9), last_error="Mã quầy bị thu hồi"),
     "Lỗi đồng bộ"),
])
def test_sync_label(qtbot, configured, status, text):
    bar = CounterStatusBar()
    qtbot.addWidget(bar)
    bar.set_sync(configured, status)
    assert bar.sync.text() == text
    assert bar.sync.toolTip().endswith(status.last_error or text)
