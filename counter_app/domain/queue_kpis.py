"""Queue indicators of a day (chỉ số xếp hàng): wait, service, served, no-shows, ratings.

Pure: computed from :class:`~counter_app.domain.queue.Ticket` timelines, so the counter
(from its store) and a test (from a scripted day) get the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from .queue import Ticket, VisitState
from .satisfaction import satisfied_share, to_three_levels


def _mean(values: list[timedelta]) -> timedelta | None:
    return sum(values, timedelta(0)) / len(values) if values else None


@dataclass
class CounterKpis:
    counter: str
    served: int = 0  # visits done at this counter
    no_shows: int = 0
    service: list[timedelta] = field(default_factory=list)

    @property
    def mean_service(self) -> timedelta | None:
        return _mean(self.service)


@dataclass
class QueueKpis:
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    waiting: int = 0  # still waiting at the end
    waits: list[timedelta] = field(default_factory=list)  # issue -> first call, of called visits
    services: list[timedelta] = field(default_factory=list)  # time being served, of done visits
    per_counter: dict[str, CounterKpis] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=dict)  # three-level level (1 = best) -> count

    @property
    def mean_wait(self) -> timedelta | None:
        return _mean(self.waits)

    @property
    def max_wait(self) -> timedelta | None:
        return max(self.waits) if self.waits else None

    @property
    def mean_service(self) -> timedelta | None:
        return _mean(self.services)

    @property
    def satisfied_rate(self) -> float | None:
        """Share of ratings that are not "không hài lòng" (on the three levels)."""
        return satisfied_share(self.ratings)


def compute(tickets: Iterable[Ticket], ratings: Iterable[tuple[int, int]] = ()) -> QueueKpis:
    """KPIs of ``tickets`` (one day) and the ratings given during it as ``(scale, level)`` pairs.

    Ratings given on three or five levels are counted on the three levels
    (:func:`counter_app.domain.satisfaction.to_three_levels`), so a day with both adds up."""
    k = QueueKpis(ratings=dict(Counter(to_three_levels(scale, level) for scale, level in ratings)))
    for t in tickets:
        k.issued += 1
        if t.wait_time is not None:
            k.waits.append(t.wait_time)
        where = t.counter or next((c for _, _, c in reversed(t.events) if c), "")
        if t.state is VisitState.DONE:
            k.served += 1
            k.services.append(t.service_time)
            ck = k.per_counter.setdefault(where, CounterKpis(where))
            ck.served += 1
            ck.service.append(t.service_time)
        elif t.state is VisitState.NO_SHOW:
            k.no_shows += 1
            k.per_counter.setdefault(where, CounterKpis(where)).no_shows += 1
        elif t.state is VisitState.WAITING:
            k.waiting += 1
    return k
