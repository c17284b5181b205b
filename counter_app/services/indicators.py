"""Indicators (chỉ số) per counter, officer, procedure and period.

Computed from the dossier and status history, as the Decision 766/QĐ-TTg index reads
them where the counter's data supports it (domain.md §3.3, §3.5, §4):

* *on time* (đúng hạn): processing ended (status 9 Đã xử lý xong) no later than the
  appointment (NgayHenTra); *late* otherwise; dossiers still open past their appointment
  count as *overdue*;
* *waiting for supplement*: dossiers now in status 5;
* *refused* and *withdrawn* are counted apart and excluded from the on-time rate;
* *digitised* (số hóa, 766 group 3, first half): every component the citizen handed in has
  at least one attached file; the second half (result issued electronically) is not known
  at the counter;
* *extended*: dossiers that got the apology and a new appointment (Mẫu 04);
* *satisfaction*: the ratings of these dossiers per level; the satisfied rate is
  (rated − "không hài lòng") / rated, as the 766 formula reads.

Definitions, sources and limits: ``docs/indicators.md``.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.status import DossierStatus as S
from .ratings import levels, satisfied_rate
from ..storage.models import DossierRow
from ..storage.models_attachments import AttachmentRow
from ..storage.models_lifecycle import ExtensionRow, RatingRow


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
    digitised: int = 0
    extended: int = 0
    ratings: Counter = field(default_factory=Counter)  # level label → count
    codes_late: list[str] = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        """Share of resolved dossiers resolved on time (None when nothing was resolved)."""
        done = self.resolved_on_time + self.resolved_late
        return self.resolved_on_time / done if done else None

    @property
    def digitised_rate(self) -> float | None:
        """Share of received dossiers whose handed-in components all have files."""
        return self.digitised / self.received if self.received else None

    @property
    def satisfied_rate(self) -> float | None:
        return satisfied_rate(dict(self.ratings))


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
    found = list(session.scalars(q.options(selectinload(DossierRow.components)).order_by(DossierRow.received_at)))
    codes = [row.code for row in found]
    filed: dict[str, set[int]] = defaultdict(set)
    for code, position in session.execute(select(AttachmentRow.dossier_code, AttachmentRow.component_position)
                                          .where(AttachmentRow.dossier_code.in_(codes))):
        filed[code].add(position)
    extended = set(session.scalars(select(ExtensionRow.dossier_code).where(ExtensionRow.dossier_code.in_(codes))))
    rated = {r.dossier_code: levels(r.scale)[r.level - 1]
             for r in session.scalars(select(RatingRow).where(RatingRow.dossier_code.in_(codes)))}
    for row in found:
        ind = out[_key(row, group)]
        ind.key = _key(row, group)
        reached = {h.to_status: h.at for h in row.history}
        status = S(row.status)
        if S.RECEIVED.value in reached:
            ind.received += 1
            handed_in = {c.position for c in row.components if (c.originals or 0) + (c.copies or 0) > 0}
            ind.digitised += bool(handed_in) and handed_in <= filed[row.code]
        ind.extended += row.code in extended
        if row.code in rated:
            ind.ratings[rated[row.code]] += 1
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


def report_data(session: Session, *, start: datetime, end: datetime, now: datetime,
                agency_code: str | None = None) -> tuple[dict[str, dict[str, Indicator]], dict[str, dict[str, str]]]:
    """What the printed report shows: per counter, officer and procedure, and the procedures' names."""
    groups = {g.value: compute(session, start=start, end=end, group=g, now=now, agency_code=agency_code)
              for g in (GroupBy.COUNTER, GroupBy.OFFICER, GroupBy.PROCEDURE)}
    names = dict(session.execute(select(DossierRow.procedure_code, DossierRow.procedure_name)
                                 .where(DossierRow.procedure_code.in_(list(groups["procedure"])))).all())
    return groups, {"procedure": {code: f"{code} — {name}" for code, name in names.items()}}
