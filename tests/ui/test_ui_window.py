"""The main window on a demo profile: search, choose, checklist, appointment, status, large type."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from counter_app.domain.errors import NotFoundError
from counter_app.domain.legal_basis import basis_for
from counter_app.services import catalog
from counter_app.services.calendar_service import calendar_for

pytestmark = pytest.mark.gui

DUE_RE = re.compile(r"hẹn trả: (\d{2}):(\d{2}), (thứ \w+|Chủ nhật), ngày (\d{2})/(\d{2})/(\d{4})$")


def search_for(qtbot, window, type_text, text: str) -> None:
    window.show_page(window.catalog_page)
    box = window.search.query
    box.clear()
    type_text(box, text)
    assert box.text() == text
    qtbot.waitUntil(lambda: window.search.hit_count() > 0, timeout=2000)


def hit_names(window) -> list[str]:
    model = window.search.model
    return [model.hit(r).name for r in range(model.rowCount())]


def test_window_opens_on_demo_profile(window, workspace):
    ident = workspace.identity
    assert window.isVisible()
    assert window.windowTitle().startswith("Bộ phận Tiếp nhận và Trả kết quả")
    assert ident.agency_name in window.windowTitle()
    assert window.header.title.text() == "Bộ phận Tiếp nhận và Trả kết quả"
    assert ident.agency_name in window.header.agency.text()
    assert window.header.demo_badge.isVisible()
    assert window.header.demo_badge.text() == "DỮ LIỆU MẪU"
    status = window.status
    assert "Nguyễn Thị Lan" in status.officer.text() and "Cán bộ một cửa" in status.officer.text()
    assert ident.counter_code in status.counter.text()
    assert ident.agency_code in status.agency.text()
    assert status.sync.text() == "Ngoại tuyến — chưa cấu hình máy chủ đồng bộ"
    assert window.detail.stack.currentIndex() == 0  # nothing chosen yet: the hint page


def test_typing_khai_sinh_lists_a_khai_sinh_procedure(qtbot, window, type_text):
    search_for(qtbot, window, type_text, "khai sinh")
    assert any("khai sinh" in name.lower() for name in hit_names(window))


def test_typing_without_diacritics_finds_ho_tich(qtbot, window, type_text):
    search_for(qtbot, window, type_text, "ho tich")
    model = window.search.model
    fields = {model.hit(r).field for r in range(model.rowCount())}
    assert "Hộ tịch" in fields


def test_vietnamese_input_method_commit_searches_too(qtbot, window, ime_commit):
    box = window.search.query
    ime_commit(box, "hộ tịch")
    assert box.text() == "hộ tịch"
    qtbot.waitUntil(lambda: window.search.hit_count() > 0, timeout=2000)
    hits = [window.search.model.hit(r) for r in range(window.search.hit_count())]
    assert any(h.field == "Hộ tịch" for h in hits)


def test_enter_chooses_and_fills_the_checklist(qtbot, window, workspace, type_text, press_key):
    search_for(qtbot, window, type_text, "khai sinh")
    first = window.search.model.hit(0)
    press_key(window.search.query, Qt.Key.Key_Return)
    detail = window.detail
    assert detail.stack.currentIndex() == 1
    assert detail.procedure is not None and detail.procedure.code == first.code
    expected = workspace.procedure(first.code)
    assert detail.title.text() == expected.name
    assert detail.code.text() == expected.code
    assert detail.limit.text() == expected.limit.label_vi()
    assert detail.checklist_model.rowCount() == len(expected.components) > 0
    assert detail.checklist_model.columnCount() == 4
    headers = [detail.checklist_model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Thành phần hồ sơ", "Bản chính", "Bản sao", "Bắt buộc"]
    names = [detail.checklist_model.index(r, 0).data() for r in range(len(expected.components))]
    assert names == [c.name for c in sorted(expected.components, key=lambda c: c.position)]


def test_arrow_keys_move_in_the_list_and_enter_chooses(qtbot, window, type_text, press_key):
    search_for(qtbot, window, type_text, "khai sinh")
    assert window.search.hit_count() >= 2
    box = window.search.query
    press_key(box, Qt.Key.Key_Down)
    assert window.search.results.currentIndex().row() == 1
    assert QApplication.focusWidget() in (box, None)  # focus stays in the box
    press_key(box, Qt.Key.Key_Up)
    press_key(box, Qt.Key.Key_Down)
    press_key(box, Qt.Key.Key_Return)
    assert window.detail.procedure.code == window.search.model.hit(1).code


def test_due_line_shows_the_appointment_from_the_core_calendar(qtbot, window, workspace, type_text, press_key,
                                                                pinned_now):
    search_for(qtbot, window, type_text, "khai sinh")
    press_key(window.search.query, Qt.Key.Key_Return)
    text = window.detail.due.text()
    assert text.startswith("Nếu tiếp nhận lúc này, hẹn trả: ")
    m = DUE_RE.search(text)
    assert m, text
    shown = datetime(int(m[6]), int(m[5]), int(m[4]), int(m[1]), int(m[2]))
    with workspace.store.read() as s:
        cal = calendar_for(s, agency_code=workspace.context.agency_code, basis=basis_for(pinned_now.date()))
    assert shown == cal.due_at(pinned_now, window.detail.procedure.limit)


def test_the_due_line_follows_the_clock(qtbot, window, workspace, type_text, press_key):
    search_for(qtbot, window, type_text, "khai sinh")
    press_key(window.search.query, Qt.Key.Key_Return)
    before = window.detail.due.text()
    workspace.now = lambda: datetime(2026, 11, 27, 16, 30)  # after the cut-off: counting starts Monday
    window._on_minute()  # what the minute timer does
    assert window.detail.due.text() != before
    assert "thứ Hai, ngày 30/11/2026" in window.detail.due_note.text()
    assert window.minute_timer.isActive() and window.minute_timer.remainingTime() <= 60_050


def test_unknown_procedure_shows_the_core_message_not_a_traceback(window, workspace):
    with workspace.store.read() as s, pytest.raises(NotFoundError) as err:
        catalog.get_procedure(s, "9.999999")
    window.show_procedure("9.999999")
    assert window.status.error.text() == err.value.message_vi
    assert window.detail.procedure is None


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.detail.checklist.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.detail.checklist, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.query, timeout=2000)


def test_large_type_scales_the_font_and_back(qtbot, window, theme):
    base = QApplication.font().pointSizeF()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert theme.scale > 1.0
    assert QApplication.font().pointSizeF() > base
    larger = QApplication.font().pointSizeF()
    window.larger_action.trigger()
    assert QApplication.font().pointSizeF() > larger
    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(larger)
    window.reset_font_action.trigger()
    assert theme.scale == 1.0 and QApplication.font().pointSizeF() == pytest.approx(base)


def test_largest_type_does_not_widen_the_window_past_a_counter_screen(qtbot, window, theme, type_text, press_key):
    search_for(qtbot, window, type_text, "khai sinh")
    press_key(window.search.query, Qt.Key.Key_Return)
    theme.set_scale(max(theme.brand.scale_steps))
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1200  # counters commonly run 1280×800 or 1366×768
    assert window.detail._fact_columns == 1  # facts reflow one under the other
    theme.reset()
    qtbot.wait(50)
    assert window.detail._fact_columns == 2


def test_every_page_fits_the_height_of_a_counter_screen(qtbot, window):
    """1366×768 leaves about 700 px for the window: no page may force it taller (pages scroll)."""
    tall = {window.tabs.tabText(i): window.tabs.widget(i).minimumSizeHint().height()
            for i in range(window.tabs.count())}
    assert window.tabs.count() >= 8, tall  # F2 F3 F4 F6 F8 + the feature pages
    assert window.minimumSizeHint().height() <= 700, tall


def test_tabs_read_in_f_key_order(window):
    import re

    keys = [int(re.search(r"\(F(\d+)\)", window.tabs.tabText(i)).group(1)) for i in range(window.tabs.count())]
    assert keys == sorted(keys) and {2, 3, 4, 6, 7, 8, 9, 12} <= set(keys)
