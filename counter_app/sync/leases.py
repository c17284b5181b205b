"""Server number leases at the counter, and the offline fallback (cấp số hồ sơ khi mất mạng).

:class:`ServerLeaseSource` implements the core's ``LeaseSource``. It never calls the network
inside a reception: it hands out blocks the sync round leased from the server *ahead of
need* (:func:`refill`, for today and the next days). When a counter has used every leased
block while offline, it falls back to its own slice of the agency's reserved range:

    fallback numbers of counter slot k (1-based), for every day:
        lease_ceiling + 1 + (k - 1) · W  …  lease_ceiling + k · W,   W = (max − ceiling) / slots

The server never leases above ``lease_ceiling`` and gives every counter of an agency a
distinct slot at registration, so fallback numbers cannot collide with leased ones nor with
another counter's fallback. With the defaults (ceiling 8999, max 9999, 10 slots) each of the
first ten counters has 100 fallback numbers per day. Codes keep the legal format
``<agency>-YYMMDD-NNNN``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import clock
from ..services.numbering import Block, NumberingUnavailable
from ..storage.db import Store
from ..storage.models import NumberLeaseRow
from ..storage.models_sync import SyncLeasePoolRow
from . import state
from .client import SyncClient


class ServerLeaseSource:
    """Blocks leased from the city server ahead of need; the fallback slice when they run out."""

    name = "server"

    def __init__(self, *, now=None) -> None:
        self._now = now or clock.now

    def lease(self, session: Session, *, agency_code: str, day: date, counter_code: str,
              size: int, max_sequence: int) -> Block:
        pooled = session.scalar(select(SyncLeasePoolRow).where(
            SyncLeasePoolRow.agency_code == agency_code, SyncLeasePoolRow.day == day,
            SyncLeasePoolRow.taken_at.is_(None)).order_by(SyncLeasePoolRow.first))
        if pooled is not None:
            pooled.taken_at = self._now()
            return Block(pooled.first, pooled.last, "server")
        return self._fallback(session, agency_code=agency_code, day=day, counter_code=counter_code,
                              max_sequence=max_sequence)

    def _fallback(self, session: Session, *, agency_code: str, day: date, counter_code: str,
                  max_sequence: int) -> Block:
        first, last = state.get(session, state.FALLBACK_FIRST), state.get(session, state.FALLBACK_LAST)
        if not first or not last:
            raise NumberingUnavailable(
                "no leased numbers left and no fallback range",
                "Quầy đã dùng hết số hồ sơ được cấp trước và chưa có dải số dự phòng. Kết nối mạng để đồng bộ "
                "với hệ thống của thành phố, rồi tiếp nhận tiếp.")
        used = session.scalar(select(func.count()).select_from(NumberLeaseRow).where(
            NumberLeaseRow.agency_code == agency_code, NumberLeaseRow.day == day,
            NumberLeaseRow.counter_code == counter_code, NumberLeaseRow.source == "fallback"))
        if used or int(last) > max_sequence:
            raise NumberingUnavailable(
                f"fallback range of {day} used up",
                f"Quầy đã dùng hết cả số hồ sơ được cấp trước lẫn dải số dự phòng của ngày {day:%d/%m/%Y}. "
                "Kết nối mạng để đồng bộ với hệ thống của thành phố, rồi tiếp nhận tiếp.")
        return Block(int(first), int(last), "fallback")


@dataclass
class RefillSummary:
    blocks: int = 0
    numbers: int = 0
    exhausted_days: list[date] | None = None


def available(session: Session, *, agency_code: str, counter_code: str, day: date) -> int:
    """Numbers this counter can still issue for ``day`` from server leases (pool + current blocks)."""
    pool = session.scalar(select(func.coalesce(func.sum(SyncLeasePoolRow.last - SyncLeasePoolRow.first + 1), 0))
                          .where(SyncLeasePoolRow.agency_code == agency_code, SyncLeasePoolRow.day == day,
                                 SyncLeasePoolRow.taken_at.is_(None)))
    current = session.scalar(select(func.coalesce(func.sum(NumberLeaseRow.last - NumberLeaseRow.next_value + 1), 0))
                             .where(NumberLeaseRow.agency_code == agency_code, NumberLeaseRow.day == day,
                                    NumberLeaseRow.counter_code == counter_code, NumberLeaseRow.source == "server",
                                    NumberLeaseRow.next_value <= NumberLeaseRow.last))
    return int(pool) + int(current)


def refill(store: Store, client: SyncClient, *, agency_code: str, counter_code: str, today: date, now: datetime,
           days_ahead: int = 2, target: int = 100, block: int = 50) -> RefillSummary:
    """Lease blocks until each day from ``today`` to ``today + days_ahead`` has ``target`` numbers ready."""
    summary = RefillSummary(exhausted_days=[])
    for offset in range(days_ahead + 1):
        day = today + timedelta(days=offset)
        while True:
            with store.read() as s:
                have = available(s, agency_code=agency_code, counter_code=counter_code, day=day)
            if have >= target:
                break
            granted = client.lease(day, block)
            if granted is None:
                summary.exhausted_days.append(day)
                break
            store.write(lambda s: s.add(SyncLeasePoolRow(agency_code=agency_code, day=day, first=granted["first"],
                                                         last=granted["last"], fetched_at=now, taken_at=None)))
            summary.blocks += 1
            summary.numbers += granted["last"] - granted["first"] + 1
    return summary
