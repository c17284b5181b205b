"""What a calling display shows and says (màn hình gọi số) — pure, fed by the coordinator's call feed.

:class:`CallBoard` keeps the current call of each counter and the latest calls; each call
is applied once (by ``seq``), and only calls that arrive while the display runs are
announced (the calls of today shown at start-up are not spoken again).
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from datetime import datetime

from ..resources import load_toml

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


@dataclass(frozen=True)
class CallEntry:
    seq: int
    number: str
    counter_code: str
    area: str
    recall: bool
    at: datetime

    @classmethod
    def from_wire(cls, c: dict) -> "CallEntry":
        at = datetime.fromisoformat(c["at"]).replace(tzinfo=None) if isinstance(c["at"], str) else c["at"]
        return cls(int(c["seq"]), c["number"], c["counter_code"], c["area"], bool(c["recall"]), at)


def counter_label(code: str) -> str:
    """"Q01" → "1" (the counter's number as shown on the wall); codes without digits stay as they are."""
    digits = re.sub(r"\D", "", code)
    return str(int(digits)) if digits else code


def spoken_call(entry: CallEntry) -> str:
    """The Vietnamese sentence for ``entry``: "Xin mời công dân có số A không hai bảy đến quầy số 1"."""
    speech = load_toml("rules", "queue.toml")["speech"]
    spelled = " ".join(_DIGITS[int(ch)] if ch.isdigit() else ch for ch in entry.number if ch != "-")
    return speech["recall" if entry.recall else "call"].format(number=spelled,
                                                              counter=counter_label(entry.counter_code))


class CallBoard:
    def __init__(self, history: int = 8) -> None:
        self.current: dict[str, CallEntry] = {}
        self.recent: deque[CallEntry] = deque(maxlen=history)
        self.last_seq = 0

    def apply(self, calls: list[dict], *, announce: bool = True) -> list[CallEntry]:
        """Take calls from the feed; returns those to announce (new ones, in order)."""
        fresh = []
        for entry in sorted((CallEntry.from_wire(c) for c in calls), key=lambda e: e.seq):
            if entry.seq <= self.last_seq:
                continue
            self.last_seq = entry.seq
            self.current[entry.counter_code] = entry
            self.recent.appendleft(entry)
            fresh.append(entry)
        return fresh if announce else []

    def rows(self) -> list[CallEntry]:
        """The current call of each counter, latest first."""
        return sorted(self.current.values(), key=lambda e: e.seq, reverse=True)
