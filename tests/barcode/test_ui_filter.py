"""The keyboard-wedge filter with real Qt key events (offscreen): scanner vs person, IME bursts."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PyQt6.QtWidgets")

from PyQt6.QtCore import QEvent, Qt  # noqa: E402
from PyQt6.QtGui import QInputMethodEvent, QKeyEvent  # noqa: E402
from PyQt6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from barcode_ime_sim import telex  # noqa: E402
from devices.barcode.burst import BurstConfig  # noqa: E402
from devices.barcode.dispatch import ScanKind  # noqa: E402
from ui.barcode_filter import ScannerInputFilter  # noqa: E402

pytestmark = pytest.mark.gui
CODE = "000.00.01.H26-261127-0001"


class FakeClock:
    def __init__(self) -> None:
        self.ms = 1000.0

    def __call__(self) -> float:
        return self.ms


@pytest.fixture
def rig(qapp, qtbot):
    clock = FakeClock()
    filt = ScannerInputFilter(None, clock=clock)
    qapp.installEventFilter(filt)
    form = QWidget()
    layout = QVBoxLayout(form)
    edit, other = QLineEdit(), QLineEdit()
    layout.addWidget(edit)
    layout.addWidget(other)
    qtbot.addWidget(form)
    form.show()
    edit.setFocus()
    scans, results = [], []
    filt.scanned.connect(scans.append)
    filt.classified.connect(results.append)
    yield filt, clock, edit, scans, results
    qapp.removeEventFilter(filt)
    filt.deleteLater()


def key(widget, k, text="", mods=Qt.KeyboardModifier.NoModifier):
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, k, mods, text))


def type_chars(widget, clock, text, gap_ms):
    for ch in text:
        key(widget, 0, ch)  # one QKeyEvent per char: qtbot.keyClicks aborts on non-ASCII
        clock.ms += gap_ms


def test_scanner_burst_is_swallowed_and_dispatched(rig):
    filt, clock, edit, scans, results = rig
    type_chars(edit, clock, CODE, 4)
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans == [CODE]
    assert edit.text() == ""  # nothing reached the focused field
    assert results[0].kind is ScanKind.DOSSIER


def test_human_typing_reaches_the_widget(rig, qtbot):
    filt, clock, edit, scans, results = rig
    type_chars(edit, clock, "Nguyễn Văn An", 150)
    qtbot.waitUntil(lambda: edit.text() == "Nguyễn Văn An", timeout=1000)
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans == [] and edit.text() == "Nguyễn Văn An"


def test_backspace_and_shortcuts_while_typing(rig, qtbot):
    filt, clock, edit, scans, results = rig
    type_chars(edit, clock, "abc", 150)
    clock.ms += 150
    key(edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: edit.text() == "ab", timeout=1000)
    key(edit, Qt.Key.Key_A, "a", Qt.KeyboardModifier.ControlModifier)  # select all passes through
    assert edit.selectedText() == "ab" and scans == []


def test_short_fast_input_with_enter_is_typing(rig):
    filt, clock, edit, scans, results = rig
    type_chars(edit, clock, "12", 3)
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans == [] and edit.text() == "12"


def test_ime_mangled_burst_unikey_style(rig):
    """Unikey (Telex) answers "dd" with Backspace + "Đ": the burst is still caught and recovered."""
    filt, clock, edit, scans, results = rig
    for ch in "000.D":
        key(edit, 0, ch)
        clock.ms += 3
    key(edit, 0, "D")
    key(edit, Qt.Key.Key_Backspace)
    key(edit, Qt.Key.Key_Backspace)
    key(edit, 0, "Đ")
    type_chars(edit, clock, ".01.H26-261127-0042", 3)
    key(edit, Qt.Key.Key_Tab, "\t")
    assert scans == ["000.Đ.01.H26-261127-0042"]
    assert results[0].kind is ScanKind.DOSSIER and results[0].text == "000.DD.01.H26-261127-0042"
    assert results[0].ime_recovered and edit.text() == ""


def test_ime_commit_burst_ibus_style(rig):
    """An input method that commits text (IBus) instead of key events."""
    filt, clock, edit, scans, results = rig
    qr = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021"
    burst = telex(qr.replace("Nguyễn Văn An", "DDao Van AAn"))
    for word in burst.split("|"):
        ev = QInputMethodEvent()
        ev.setCommitString(word + "|")
        QApplication.sendEvent(edit, ev)
        clock.ms += 3
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans and scans[0].startswith("001090123456|012345678|Đao Van Ân|")
    r = results[0]
    assert r.kind is ScanKind.CARD_QR and r.can == "123456" and not r.name_trusted
    assert edit.text() == ""


def test_a_held_key_auto_repeating_is_typing(rig):
    filt, clock, edit, scans, results = rig
    for i in range(12):
        QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier,
                                               "a", i > 0))
        clock.ms += 30
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans == [] and edit.text() == "a" * 12


def test_config_and_disable(rig, qtbot):
    filt, clock, edit, scans, results = rig
    filt.set_config(BurstConfig(min_length=30))
    type_chars(edit, clock, CODE, 4)
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans == [] and edit.text() == CODE  # too short for this configuration: typing
    edit.clear()
    filt.enabled = False
    type_chars(edit, clock, "abc", 1)
    assert edit.text() == "abc"


def test_focus_change_between_events_is_not_mistaken_for_propagation(rig, qtbot):
    """Window-system key events reuse one address: a new event to another widget is still handled."""
    filt, clock, edit, scans, results = rig
    other = edit.parentWidget().findChildren(QLineEdit)[1]
    key(edit, Qt.Key.Key_A, "a", Qt.KeyboardModifier.ControlModifier)  # passed through
    type_chars(other, clock, CODE, 4)
    key(other, Qt.Key.Key_Return, "\r")
    assert scans == [CODE] and other.text() == ""


def test_pre_edit_after_held_typing_keeps_order(rig, qtbot):
    filt, clock, edit, scans, results = rig
    commit = QInputMethodEvent()
    commit.setCommitString("hộ ")
    QApplication.sendEvent(edit, commit)
    clock.ms += 200
    pre = QInputMethodEvent("tị", [])
    QApplication.sendEvent(edit, pre)  # the held commit is given back first
    assert edit.text().startswith("hộ ")


def test_real_clock_human_typing_and_scanner_burst(qapp, qtbot):
    """No fake clock: keys 100 ms apart reach the field; keys sent back to back are a scan."""
    filt = ScannerInputFilter(None)
    qapp.installEventFilter(filt)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    scans = []
    filt.scanned.connect(scans.append)
    try:
        for ch in "Hà Nội":
            key(edit, 0, ch)
            qtbot.wait(100)
        qtbot.waitUntil(lambda: edit.text() == "Hà Nội", timeout=1000)
        for ch in CODE:
            key(edit, 0, ch)
        key(edit, Qt.Key.Key_Enter, "\r")
        assert scans == [CODE] and edit.text() == "Hà Nội"
    finally:
        qapp.removeEventFilter(filt)
        filt.deleteLater()


def test_scanner_pressing_shift_and_alt_codes_stays_one_burst(rig):
    """Real scanners press Shift for capitals and type non-ASCII letters as Alt+keypad codes."""
    filt, clock, edit, scans, results = rig
    shift, alt = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
    keypad = Qt.KeyboardModifier.KeypadModifier
    text = "001090123456|012345678|NGUYỄN VAN AN|01011990|Nam|HN|15042021"
    for ch in text:
        if ch.isupper() and ch.isascii():
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, shift))
            key(edit, 0, ch, shift)
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift,
                                                   Qt.KeyboardModifier.NoModifier))
        elif not ch.isascii():
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt))
            for d in "7868":
                key(edit, getattr(Qt.Key, f"Key_{d}"), "", alt | keypad)
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt,
                                                   Qt.KeyboardModifier.NoModifier))
            key(edit, 0, ch)
        else:
            key(edit, 0, ch)
        clock.ms += 4
    key(edit, Qt.Key.Key_Return, "\r")
    assert scans == [text] and edit.text() == ""
    assert results[0].kind is ScanKind.CARD_QR


def test_shift_and_ctrl_while_typing_pass_through(rig, qtbot):
    filt, clock, edit, scans, results = rig
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier))
    key(edit, 0, "H", Qt.KeyboardModifier.ShiftModifier)
    clock.ms += 200
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier))
    key(edit, 0, "N", Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: edit.text() == "HN", timeout=1000)
    assert scans == []
