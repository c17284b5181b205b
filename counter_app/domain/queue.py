"""Queue tickets and visits (xếp hàng, gọi số) — the pure model, no I/O.

A ticket is one visit: issued in a service area with a priority class, then called to a
counter, served, maybe put on hold, transferred, marked no-show or done. Every state
change keeps its timestamp, so wait time and service time fall out of the data (the
Service BC model: Waiting / Invited / Being served / On hold). Priority visitors
(elderly, disabled, pregnant, with small children) are served first, then first come.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .errors import ValidationError


class Priority(enum.IntEnum):
    NONE = 0
    ELDERLY = 1  # người cao tuổi
    DISABLED = 2  # người khuyết tật
    PREGNANT = 3  # phụ nữ mang thai
    SMALL_CHILDREN = 4  # người đi cùng con nhỏ

    @property
    def is_priority(self) -> bool:
        return self is not Priority.NONE


class VisitState(enum.Enum):
    WAITING = "waiting"  # đang chờ
    CALLED = "called"  # đã gọi
    SERVING = "serving"  # đang phục vụ
    ON_HOLD = "on_hold"  # tạm dừng
    DONE = "done"  # xong
    NO_SHOW = "no_show"  # vắng mặt

    @property
    def label_vi(self) -> str:
        return _LABELS[self]

    @property
    def active(self) -> bool:
        """At a counter now (called, being served or on hold)."""
        return self in (VisitState.CALLED, VisitState.SERVING, VisitState.ON_HOLD)


_LABELS = {VisitState.WAITING: "đang chờ", VisitState.CALLED: "đã gọi", VisitState.SERVING: "đang phục vụ",
           VisitState.ON_HOLD: "tạm dừng", VisitState.DONE: "đã xong", VisitState.NO_SHOW: "vắng mặt"}

_MOVES = {
    VisitState.WAITING: {VisitState.CALLED},
    VisitState.CALLED: {VisitState.CALLED, VisitState.SERVING, VisitState.NO_SHOW, VisitState.WAITING},
    VisitState.SERVING: {VisitState.ON_HOLD, VisitState.DONE, VisitState.WAITING},
    VisitState.ON_HOLD: {VisitState.SERVING, VisitState.WAITING},
    VisitState.DONE: set(),
    VisitState.NO_SHOW: set(),
}


class QueueError(ValidationError):
    code = "queue"


def check_move(number: str, current: VisitState, target: VisitState) -> None:
    """Raise :class:`QueueError` unless ``current -> target`` is allowed (the one rule of the queue)."""
    if target not in _MOVES[current]:
        raise QueueError(f"ticket {number}: {current.value} -> {target.value}",
                         f"Không thể chuyển số {number} từ “{current.label_vi}” sang “{target.label_vi}”.")


def order_key(priority: int, issued_at: datetime, number: str) -> tuple:
    """Who is called first: priority visitors, then first issued (the same rule on the backend)."""
    return (not Priority(priority).is_priority, issued_at, number)


@dataclass
class Ticket:
    number: str
    area: str
    priority: Priority
    issued_at: datetime
    state: VisitState = VisitState.WAITING
    counter: str | None = None
    events: list[tuple[VisitState, datetime, str | None]] = field(default_factory=list)
    dossier_codes: list[str] = field(default_factory=list)
    recalls: int = 0
    paper: bool = False  # keyed in from a paper ticket while offline

    def move(self, state: VisitState, at: datetime, counter: str | None = None) -> None:
        check_move(self.number, self.state, state)
        self.state, self.counter = state, counter if counter is not None else self.counter
        self.events.append((state, at, self.counter))

    @property
    def wait_time(self) -> timedelta | None:
        """From issue to the first call."""
        first_call = next((at for s, at, _ in self.events if s is VisitState.CALLED), None)
        return first_call - self.issued_at if first_call else None

    @property
    def service_time(self) -> timedelta:
        """Time spent being served (holds excluded)."""
        total, since = timedelta(0), None
        for state, at, _ in self.events:
            if state is VisitState.SERVING:
                since = at
            elif since is not None:
                total, since = total + (at - since), None
        return total


@dataclass
class SiteQueue:
    """The queue of one site for one day (the backend coordinates it when several counters share it)."""

    day: date
    tickets: dict[str, Ticket] = field(default_factory=dict)
    _seq: dict[str, int] = field(default_factory=dict)

    def issue(self, *, area: str, prefix: str, priority: Priority = Priority.NONE, at: datetime,
              paper_number: str | None = None) -> Ticket:
        """A new ticket ``A001``…; ``paper_number`` records a paper ticket keyed in offline."""
        if paper_number:
            number = paper_number.strip().upper()
            if number in self.tickets:
                raise QueueError("duplicate paper ticket", f"Số {number} đã có trong hàng chờ hôm nay.")
        else:
            self._seq[prefix] = self._seq.get(prefix, 0) + 1
            number = f"{prefix}{self._seq[prefix]:03d}"
        ticket = Ticket(number, area, priority, at, paper=bool(paper_number))
        ticket.events.append((VisitState.WAITING, at, None))
        self.tickets[number] = ticket
        return ticket

    def waiting(self, areas: set[str]) -> list[Ticket]:
        """Who is next in ``areas``: priority first, then first issued."""
        ready = [t for t in self.tickets.values() if t.state is VisitState.WAITING and t.area in areas]
        return sorted(ready, key=lambda t: order_key(t.priority, t.issued_at, t.number))

    def call_next(self, *, counter: str, areas: set[str], at: datetime) -> Ticket | None:
        queue = self.waiting(areas)
        if not queue:
            return None
        queue[0].move(VisitState.CALLED, at, counter)
        return queue[0]

    def get(self, number: str) -> Ticket:
        try:
            return self.tickets[number.strip().upper()]
        except KeyError:
            raise QueueError(f"no ticket {number}", f"Không có số {number} trong hàng chờ hôm nay.") from None

    def recall(self, number: str, *, at: datetime) -> Ticket:
        ticket = self.get(number)
        ticket.move(VisitState.CALLED, at)
        ticket.recalls += 1
        return ticket

    def transfer(self, number: str, *, area: str, at: datetime) -> Ticket:
        """Send the visitor to another area (or counter's area); they keep their place by issue time."""
        ticket = self.get(number)
        ticket.move(VisitState.WAITING, at, counter=None)
        ticket.area, ticket.counter = area, None
        return ticket
