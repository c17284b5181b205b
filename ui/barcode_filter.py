"""Keyboard-wedge barcode scanners: catch a scan wherever the focus is (đầu đọc mã vạch kiểu bàn phím).

Install once on the application::

    scanner_filter = ScannerInputFilter(app)          # parent: the QApplication
    app.installEventFilter(scanner_filter)
    scanner_filter.classified.connect(window.on_scan)  # a devices.barcode.dispatch.ScanResult

Every printable key is *held* for a few milliseconds while ``BurstDetector`` (Qt-free,
``devices/barcode/burst.py``) decides: keys arriving faster than a person types and
ending with Enter/Tab are a scan — swallowed, emitted as ``scanned(str)`` and
``classified(ScanResult)``; anything else is given back unchanged to the widget it was
meant for. Backspaces and input-method commits inside a burst are applied, so a burst
that a Vietnamese input method rewrote reaches the dispatcher as the widget would have
shown it, and the dispatcher recovers what it can.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PyQt6 import sip
from PyQt6.QtCore import QEvent, QObject, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QInputMethodEvent, QKeyEvent
from PyQt6.QtWidgets import QApplication

from devices.barcode.burst import BurstConfig, BurstDetector, Decision, Verdict
from devices.barcode.dispatch import ScanSource, classify_scan

_TERMINATORS = {Qt.Key.Key_Return: "enter", Qt.Key.Key_Enter: "enter", Qt.Key.Key_Tab: "tab"}
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
_KEYPAD_DIGITS = {getattr(Qt.Key, f"Key_{d}") for d in range(10)}


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


class ScannerInputFilter(QObject):
    """Application event filter telling a scanner burst from typing."""

    scanned = pyqtSignal(str)  # the burst's text (personal data: never log it)
    classified = pyqtSignal(object)  # devices.barcode.dispatch.ScanResult

    def __init__(self, parent: QObject | None = None, *, config: BurstConfig | None = None,
                 clock: Callable[[], float] = _monotonic_ms,
                 classifier: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self._detector = BurstDetector(config)
        self._clock = clock
        self._classifier = classifier or (lambda text: classify_scan(text, source=ScanSource.WEDGE))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._replaying = False
        self._passed: tuple | None = None  # (event address, receiver, key, text) let through last
        self._swallow_release: int | None = None  # key whose press completed a burst
        self.enabled = True

    @property
    def config(self) -> BurstConfig:
        return self._detector.config

    def set_config(self, config: BurstConfig) -> None:
        self._flush()
        self._detector = BurstDetector(config)

    # -- Qt entry point ---------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._replaying or not self.enabled or not obj.isWidgetType():
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            if self._is_propagation(obj, event):
                return False
            swallow = self._key_press(obj, event)
            self._passed = None if swallow else (sip.unwrapinstance(event), obj, event.key(), event.text())
            return swallow
        if kind == QEvent.Type.KeyRelease:
            if self._swallow_release is not None and event.key() == self._swallow_release:
                self._swallow_release = None
                return True
            return self._detector.holding and bool(event.text())
        if kind == QEvent.Type.InputMethod:
            commit = event.commitString()
            if commit:
                return self._act(self._detector.char(commit, (obj, "commit", commit), self._clock()))
            return self._pre_edit()
        return False

    def _pre_edit(self) -> bool:
        """An input method's pre-edit: swallowed inside a burst; held typing goes first otherwise."""
        if not self._detector.holding:
            return False
        if self._detector.in_burst(self._clock()):
            return True
        self._act(self._detector.timeout())
        return False

    def _is_propagation(self, obj: QObject, event: QKeyEvent) -> bool:
        """The same key event offered to a parent after the child let it through.

        Qt builds window-system key events at the same address every time, so the address
        alone is not enough: the receiver must also be an ancestor of the last one, and the
        key the same.
        """
        if self._passed is None:
            return False
        address, child, key, text = self._passed
        return (address == sip.unwrapinstance(event) and not sip.isdeleted(child) and obj is not child
                and obj.isAncestorOf(child) and (event.key(), event.text()) == (key, text))

    def _key_press(self, obj: QObject, event: QKeyEvent) -> bool:
        now = self._clock()
        key = Qt.Key(event.key()) if event.key() in Qt.Key._value2member_map_ else None
        mods = event.modifiers() & ~_TYPING_MODIFIERS
        if key in _MODIFIER_KEYS or (mods == Qt.KeyboardModifier.AltModifier and key in _KEYPAD_DIGITS
                                     and event.modifiers() & Qt.KeyboardModifier.KeypadModifier):
            return self._act(self._detector.modifier(now))  # Shift for capitals, Alt codes
        if mods != Qt.KeyboardModifier.NoModifier or event.isAutoRepeat():  # a held key is a person
            return self._act(self._detector.other(now))
        if key in _TERMINATORS:
            decision = self._detector.terminator(_TERMINATORS[key], now)
            if decision.verdict is Verdict.COMPLETE:
                self._swallow_release = event.key()
            return self._act(decision)
        if key == Qt.Key.Key_Backspace:
            return self._act(self._detector.backspace(now))
        text = event.text()
        if text and text.isprintable():
            payload = (obj, "key", event.key(), event.modifiers(), text)
            return self._act(self._detector.char(text, payload, now))
        return self._act(self._detector.other(now))

    # -- decisions ----------------------------------------------------------------------
    def _act(self, decision: Decision) -> bool:
        """Carry out ``decision``; True if the current event is swallowed."""
        outcome = decision.verdict
        if decision.verdict is Verdict.REPLAY:
            self._replay(decision.items)
            outcome = decision.then
        elif decision.verdict is Verdict.COMPLETE:
            self._emit(decision.text)
            outcome = decision.then or Verdict.COMPLETE
        if outcome is Verdict.HOLD:
            self._timer.start(int(self.config.max_interval_ms) + 5)
            return True
        if self._timer.isActive() and not self._detector.holding:
            self._timer.stop()
        return outcome is not Verdict.PASS

    def _on_timeout(self) -> None:
        self._act(self._detector.timeout())

    def _flush(self) -> None:
        if self._detector.holding:
            self._act(self._detector.timeout())

    def _emit(self, text: str) -> None:
        self.scanned.emit(text)
        self.classified.emit(self._classifier(text))

    def _replay(self, items: list) -> None:
        """Give held keys back to the widgets they were meant for, in order."""
        self._replaying = True
        try:
            for target, kind, *rest in items:
                if sip.isdeleted(target):
                    continue
                if kind == "commit":
                    ev = QInputMethodEvent()
                    ev.setCommitString(rest[0])
                    QApplication.sendEvent(target, ev)
                    continue
                key, modifiers, text = rest
                for t in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(t, key, modifiers, text))
        finally:
            self._replaying = False
