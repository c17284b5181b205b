"""Indicators (chỉ số) per counter, officer, procedure and period.

Computed from the dossier and status history, as the Decision 766/QĐ-TTg index reads
them where the counter's data supports it (domain.md §3.3, §3.5, §4):

* *on time* (đúng hạn): processing ended (status 9 Đã xử lý xong) no later than the
  appointment (NgayHenTra); *late* otherwise; dossiers still open past their appointment
  count as *overdue*;
* *waiting for supplement*: dossiers now in status 5;
* *refused* and *withdrawn* are counted apart and excluded from the on-time rate.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.status import DossierStatus as S
from ..storage.models import DossierRow


class GroupBy(enum.Enum):
    AGENCY = "agency"
    COUNTER = "counter"
    OFFICER = "officer"
    PROCEDURE = "procedure"


@dataclass
class Indicator:
    key: str
    received: int = 0  # tiếp nhận (status 2 reached in the period)
    refused: int = 0
    withdrawn: int = 0
    waiting_supplement: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    overdue_open: int = 0
    returned: int = 0
    codes_late: list[str] = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        """Share of resolved dossiers resolved on time (None when nothing was resolved)."""
        done = self.resolved_on_time + self.resolved_late
        return self.resolved_on_time / done if done else None


def _key(row: DossierRow, group: GroupBy) -> str:
    return {GroupBy.AGENCY: row.agency_code, GroupBy.COUNTER: row.counter_code, GroupBy.OFFICER: row.officer,
            GroupBy.PROCEDURE: row.procedure_code}[group]


def compute(session: Session, *, start: datetime, end: datetime, group: GroupBy = GroupBy.AGENCY,
            now: datetime, agency_code: str | None = None) -> dict[str, Indicator]:
    """Indicators for dossiers received in [start, end), grouped; ``now`` decides what is overdue."""
    q = (select(DossierRow).options(selectinload(DossierRow.history))
         .where(DossierRow.received_at >= start, DossierRow.received_at < end))
    if agency_code:
        q = q.where(DossierRow.agency_code == agency_code)
    out: dict[str, Indicator] = defaultdict(lambda: Indicator(""))
    for row in session.scalars(q):
        ind = out[_key(row, group)]
        ind.key = _key(row, group)
        reached = {h.to_status: h.at for h in row.history}
        status = S(row.status)
        if S.RECEIVED.value in reached:
            ind.received += 1
        ind.refused += status is S.REFUSED
        ind.withdrawn += status is S.WITHDRAWN
        ind.waiting_supplement += status is S.SUPPLEMENT_REQUESTED
        ind.returned += status is S.RETURNED
        resolved_at = reached.get(S.RESOLVED.value)
        if resolved_at is not None and row.due_at is not None:
            if resolved_at <= row.due_at:
                ind.resolved_on_time += 1
            else:
                ind.resolved_late += 1
                ind.codes_late.append(row.code)
        elif row.due_at is not None and now > row.due_at and not status.is_terminal:
            ind.overdue_open += 1
    return dict(out)
