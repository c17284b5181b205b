"""Dossier numbering from leased blocks (cấp số hồ sơ theo khối số được cấp trước).

The sequence ``NNNN`` of ``<agency>-YYMMDD-NNNN`` is unique per agency and day. Several
counters of one agency may work offline at once, so a counter never invents numbers: it
issues them from a *lease*, a block ``[first, last]`` granted to it for one agency and day.

Where leases come from is a :class:`LeaseSource`:

* :class:`LocalLeaseSource` grants blocks from this machine's own high-water mark. It is
  honest only for a single counter per agency (the embedded demo, a one-counter commune):
  two machines using it would both start at 1.
* The sync issue adds the server source (the city backend grants disjoint blocks to every
  counter of the agency, and the counter pre-leases while online).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.dossier_code import CodeFormat, DossierCode
from ..domain.errors import CounterError
from ..storage.models import NumberHighWaterRow, NumberLeaseRow


class NumberingUnavailable(CounterError):
    code = "numbering_unavailable"


@dataclass(frozen=True, slots=True)
class Block:
    first: int
    last: int
    source: str


class LeaseSource(Protocol):
    """Grants blocks of sequence numbers. Raises :class:`NumberingUnavailable` when it cannot."""

    name: str

    def lease(self, session: Session, *, agency_code: str, day: date, counter_code: str,
              size: int, max_sequence: int) -> Block: ...


class LocalLeaseSource:
    """Blocks from the local high-water mark (single counter per agency only)."""

    name = "local"

    def lease(self, session: Session, *, agency_code: str, day: date, counter_code: str,
              size: int, max_sequence: int) -> Block:
        hw = session.get(NumberHighWaterRow, (agency_code, day))
        if hw is None:
            hw = NumberHighWaterRow(agency_code=agency_code, day=day, last_leased=0)
            session.add(hw)
        first = hw.last_leased + 1
        if first > max_sequence:
            raise _exhausted(agency_code, day, max_sequence)
        last = min(first + size - 1, max_sequence)
        hw.last_leased = last
        return Block(first, last, self.name)


def _exhausted(agency_code: str, day: date, max_sequence: int) -> NumberingUnavailable:
    return NumberingUnavailable(
        f"all {max_sequence} sequence numbers of {agency_code} on {day} are used",
        f"Đã dùng hết {max_sequence} số hồ sơ của ngày {day:%d/%m/%Y}. Liên hệ quản trị hệ thống.",
    )


class NumberAllocator:
    """Issues dossier codes from this counter's leases; leases a new block when one runs out."""

    def __init__(self, source: LeaseSource, *, counter_code: str, block_size: int = 50,
                 fmt: CodeFormat | None = None) -> None:
        self.source = source
        self.counter_code = counter_code
        self.block_size = block_size
        self.fmt = fmt or CodeFormat()

    def next_code(self, session: Session, *, agency_code: str, day: date, now: datetime) -> DossierCode:
        """The next code for ``agency_code`` on ``day``. Runs inside the caller's transaction,
        so a rolled-back reception gives its number back."""
        lease = session.scalar(
            select(NumberLeaseRow)
            .where(NumberLeaseRow.agency_code == agency_code, NumberLeaseRow.day == day,
                   NumberLeaseRow.counter_code == self.counter_code,
                   NumberLeaseRow.next_value <= NumberLeaseRow.last)
            .order_by(NumberLeaseRow.first)
        )
        if lease is None:
            block = self.source.lease(session, agency_code=agency_code, day=day,
                                      counter_code=self.counter_code, size=self.block_size,
                                      max_sequence=self.fmt.max_sequence)
            lease = NumberLeaseRow(agency_code=agency_code, day=day, first=block.first, last=block.last,
                                   next_value=block.first, source=block.source,
                                   counter_code=self.counter_code, leased_at=now)
            session.add(lease)
        seq = lease.next_value
        lease.next_value = seq + 1
        session.flush()
        return DossierCode(agency_code, day, seq)

    def remaining(self, session: Session, *, agency_code: str, day: date) -> int:
        """Numbers still available to this counter without asking the source."""
        leases = session.scalars(select(NumberLeaseRow).where(
            NumberLeaseRow.agency_code == agency_code, NumberLeaseRow.day == day,
            NumberLeaseRow.counter_code == self.counter_code)).all()
        return sum(max(0, lease.last - lease.next_value + 1) for lease in leases)
