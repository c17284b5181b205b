"""Tell a keyboard-wedge scanner's burst from a person typing (Qt-free logic).

A USB HID scanner "types" the code within a few milliseconds per key and ends it with
Enter or Tab; a person needs 60 ms or more per key. The filter in ``ui/barcode_filter.py``
feeds every key to :class:`BurstDetector` and *holds* it; the detector answers, per key,
whether to keep holding, to give the held keys back to the focused widget (a person is
typing), or that a burst is complete (the text goes to the dispatcher, nothing reaches
the widget). Backspace inside a burst is applied, because an input method (Unikey) edits
what it already sent with Backspace + the new letter.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class BurstConfig:
    max_interval_ms: float = 40.0  # longest gap between two keys of one burst
    min_length: int = 6  # shorter bursts are given back as typing
    terminators: frozenset[str] = frozenset({"enter", "tab"})
    require_terminator: bool = True  # False: a burst may also end by a pause (scanner with no suffix)
    max_length: int = 4096


class Verdict(enum.Enum):
    HOLD = "hold"  # keep the event; wait for more
    REPLAY = "replay"  # give ``items`` back to the widget as typing
    COMPLETE = "complete"  # ``text`` is a scan; swallow the event
    PASS = "pass"  # not ours: let the event through


@dataclass(slots=True)
class Decision:
    verdict: Verdict
    text: str = ""
    items: list = field(default_factory=list)  # held payloads, oldest first, for REPLAY
    # A payload is the caller's tuple whose last element is the text it carries.
    then: "Verdict | None" = None  # what to do with the current event after a REPLAY


@dataclass(slots=True)
class _Held:
    chars: str
    payload: object


class BurstDetector:
    """Feed keys with their time (ms, monotonic); act on the returned :class:`Decision`."""

    def __init__(self, config: BurstConfig | None = None) -> None:
        self.config = config or BurstConfig()
        self._held: list[_Held] = []
        self._last_ms = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    @property
    def text(self) -> str:
        return "".join(h.chars for h in self._held)

    def in_burst(self, now_ms: float) -> bool:
        """Keys are held and the last one came less than ``max_interval_ms`` ago."""
        return self._in_burst(now_ms)

    def _in_burst(self, now_ms: float) -> bool:
        return bool(self._held) and now_ms - self._last_ms <= self.config.max_interval_ms

    def _take(self) -> list:
        items = [h.payload for h in self._held]
        self._held.clear()
        return items

    def _end(self) -> Decision:
        """The held keys ended by a pause: a scan if allowed and long enough, else typing."""
        if not self.config.require_terminator and len(self.text) >= self.config.min_length:
            text = self.text
            self._held.clear()
            return Decision(Verdict.COMPLETE, text=text)
        return Decision(Verdict.REPLAY, items=self._take())

    def char(self, chars: str, payload: object, now_ms: float) -> Decision:
        """A printable key (or an input method's commit string)."""
        before = None
        if self._held and not self._in_burst(now_ms):
            before = self._end()
        if len(self.text) + len(chars) > self.config.max_length:
            return self._merge(before, Decision(Verdict.REPLAY, items=self._take() + [payload]))
        self._held.append(_Held(chars, payload))
        self._last_ms = now_ms
        return self._merge(before, Decision(Verdict.HOLD))

    def backspace(self, now_ms: float) -> Decision:
        if not self._in_burst(now_ms):
            return self._merge(self._end() if self._held else None, Decision(Verdict.PASS))
        last = self._held[-1]
        if len(last.chars) > 1:
            self._held[-1] = _Held(last.chars[:-1], (*last.payload[:-1], last.chars[:-1]))
        else:
            self._held.pop()
        self._last_ms = now_ms
        return Decision(Verdict.HOLD)

    def terminator(self, name: str, now_ms: float) -> Decision:
        """Enter/Tab (``name`` lower-case). Completes a burst, else passes through."""
        if name in self.config.terminators and self._in_burst(now_ms) \
                and len(self.text) >= self.config.min_length:
            text = self.text
            self._held.clear()
            return Decision(Verdict.COMPLETE, text=text)
        return self.other(now_ms)

    def modifier(self, now_ms: float) -> Decision:
        """Shift/Alt/… pressed, or an Alt+keypad digit (Windows Alt codes for non-ASCII letters).

        Scanners press Shift for capitals and Alt+keypad for letters like ``ễ``: inside a
        burst these are swallowed and keep the burst alive; otherwise they pass.
        """
        if self._in_burst(now_ms):
            self._last_ms = now_ms
            return Decision(Verdict.HOLD)
        return Decision(Verdict.PASS)

    def other(self, now_ms: float) -> Decision:
        """Any other key: held keys are typing; the key itself passes."""
        if self._held:
            return Decision(Verdict.REPLAY, items=self._take(), then=Verdict.PASS)
        return Decision(Verdict.PASS)

    def timeout(self) -> Decision:
        """The filter's timer fired ``max_interval_ms`` after the last key: decide what was held."""
        if not self._held:
            return Decision(Verdict.PASS)
        return self._end()

    @staticmethod
    def _merge(before: Decision | None, after: Decision) -> Decision:
        if before is None:
            return after
        before.then = after.verdict
        return before
