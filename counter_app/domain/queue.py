"""Queue tickets and visits (xếp hàng, gọi số) — the pure model, no I/O.

A ticket is one visit: issued in a service area with a priority class, then called to a
counter, served, maybe put on hold, transferred, marked no-show or done. Every state
change keeps its timestamp, so wait time and service time fall out of the data (the
Service BC model: Waiting / Invited / Being served / On hold). Priority visitors
(elderly, disabled, pregnant, with small children) are served first, then first come.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

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
    """Waiting order within a counter's reach: priority visitors, then first issued (then the number)."""
    return (not Priority(priority).is_priority, issued_at, number)


class Queued(Protocol):
    """What the calling rule reads of a ticket: the core's :class:`Ticket`, the counter's
    ``queue_visit`` row and the coordinator's ``queue_ticket`` row all have it."""

    state: object  # VisitState or its value
    area: str
    priority: int
    issued_at: datetime
    number: str
    counter_code: str | None  # the counter it was sent to (transfer), while waiting


T = TypeVar("T", bound=Queued)


def callable_by(t: Queued, *, counter: str, areas: Collection[str] | None) -> bool:
    """May ``counter`` (serving ``areas``; empty/None = every area) call ``t`` now? A waiting
    ticket sent to that counter, or a waiting ticket sent to no counter in one of its areas."""
    if VisitState(t.state) is not VisitState.WAITING:
        return False
    if t.counter_code:
        return t.counter_code == counter
    return not areas or t.area in areas


def call_key(t: Queued, *, counter: str) -> tuple:
    """The calling order (gọi số): tickets transferred to this counter first, then priority
    visitors, then first issued."""
    return (t.counter_code != counter, *order_key(t.priority, t.issued_at, t.number))


def call_order(tickets: Iterable[T], *, counter: str, areas: Collection[str] | None = None) -> list[T]:
    """The tickets ``counter`` may call, in the order it calls them — the one rule of call next,
    used by the counter's local queue and by the site's coordinator (city backend)."""
    return sorted((t for t in tickets if callable_by(t, counter=counter, areas=areas)),
                  key=lambda t: call_key(t, counter=counter))


def next_ticket(tickets: Iterable[T], *, counter: str, areas: Collection[str] | None = None) -> T | None:
    """Who ``counter`` calls next (F5), or None when nobody waits for it."""
    order = call_order(tickets, counter=counter, areas=areas)
    return order[0] if order else None


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

    @property
    def counter_code(self) -> str | None:
        return self.counter

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
