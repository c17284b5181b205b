"""Indicators (chỉ số) per counter, officer, procedure and period.

Computed from the dossier and status history, as the Decision 766/QĐ-TTg index reads
them where the counter's data supports it (domain.md §3.3, §3.5, §4):

* *on time* (đúng hạn): processing ended — the **first** time status 9 Đã xử lý xong was
  reached — no later than the appointment on the receipt (NgayHenTra), moved only by time
  waiting for a supplement during processing; an apology and new date (Mẫu 04, Art. 20:
  the procedure for *late* dossiers) does not make a dossier on time
  (:func:`judged_due`); *late* otherwise, and always when the dossier got a **second**
  supplement request (766 indicator 2.1); dossiers still open past their appointment
  count as *overdue*;
* *waiting for supplement*: dossiers now in status 5;
* *refused* and *withdrawn* are counted apart and excluded from the on-time rate;
* *digitised* (số hóa, 766 group 3, first half): every component the citizen handed in has
  at least one attached file; the second half (result issued electronically) is not known
  at the counter;
* *extended*: dossiers that got the apology and a new appointment (Mẫu 04);
* *satisfaction*: every rating of these dossiers (one per stage: reception, return) counted
  on the three levels; the satisfied rate is (rated − "không hài lòng") / rated.

Definitions, sources and limits: ``docs/indicators.md``.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.legal_basis import LegalBasis
from ..domain.status import DossierStatus as S
from ..storage.models import DossierRow
from ..storage.models_attachments import AttachmentRow
from ..storage.models_lifecycle import ExtensionRow, RatingRow
from .ratings import levels, satisfied_rate, three_level_label

#: A dossier asked for a supplement this many times is late whatever its end date (766 indicator 2.1).
LATE_AFTER_SUPPLEMENT_REQUESTS = 2


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
    ratings: Counter = field(default_factory=Counter)  # three-level label → count
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

    @property
    def rated_very_satisfied(self) -> int:  # Rất hài lòng
        return self.ratings.get(levels(3)[0], 0)

    @property
    def rated_satisfied(self) -> int:  # Hài lòng
        return self.ratings.get(levels(3)[1], 0)

    @property
    def rated_unsatisfied(self) -> int:  # Không hài lòng
        return self.ratings.get(levels(3)[2], 0)


def _key(row: DossierRow, group: GroupBy) -> str:
    return {GroupBy.AGENCY: row.agency_code, GroupBy.COUNTER: row.counter_code, GroupBy.OFFICER: row.officer,
            GroupBy.PROCEDURE: row.procedure_code}[group]


def judged_due(session: Session, row: DossierRow, extensions: list[ExtensionRow], now: datetime) -> datetime | None:
    """The appointment a dossier's timeliness is judged against (NgayHenTra of the receipt).

    Without an apology that is ``due_at`` (already moved by supplement pauses). With one, it is
    the appointment before the first apology, plus the working time of supplement pauses that
    started after it: the new date of Mẫu 04 is not the yardstick (domain.md §3.4, §3.5)."""
    if not extensions:
        return row.due_at
    first = min(extensions, key=lambda e: (e.at, e.id))
    later = [(p.started_at, p.ended_at) for p in row.pauses if p.started_at >= first.at]
    if not later:
        return first.old_due_at
    from .calendar_service import calendar_for

    cal = calendar_for(session, agency_code=row.agency_code, basis=LegalBasis(row.legal_basis))
    return cal.add_working_time(first.old_due_at, cal.paused_working_time(later, now))


def compute(session: Session, *, start: datetime, end: datetime, group: GroupBy = GroupBy.AGENCY,
            now: datetime, agency_code: str | None = None) -> dict[str, Indicator]:
    """Indicators for dossiers received in [start, end), grouped; ``now`` decides what is overdue."""
    q = (select(DossierRow).options(selectinload(DossierRow.history), selectinload(DossierRow.pauses))
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
    extensions: dict[str, list[ExtensionRow]] = defaultdict(list)
    for ext in session.scalars(select(ExtensionRow).where(ExtensionRow.dossier_code.in_(codes))):
        extensions[ext.dossier_code].append(ext)
    rated: dict[str, list[str]] = defaultdict(list)
    for code, scale, level in session.execute(select(RatingRow.dossier_code, RatingRow.scale, RatingRow.level)
                                              .where(RatingRow.dossier_code.in_(codes))):
        rated[code].append(three_level_label(scale, level))
    for row in found:
        ind = out[_key(row, group)]
        ind.key = _key(row, group)
        reached: dict[str, datetime] = {}  # status → the FIRST time it was reached
        for h in sorted(row.history, key=lambda h: (h.at, h.id)):
            reached.setdefault(h.to_status, h.at)
        supplement_requests = sum(h.to_status == S.SUPPLEMENT_REQUESTED.value for h in row.history)
        status = S(row.status)
        if S.RECEIVED.value in reached:
            ind.received += 1
            handed_in = {c.position for c in row.components if (c.originals or 0) + (c.copies or 0) > 0}
            ind.digitised += bool(handed_in) and handed_in <= filed[row.code]
        ind.extended += row.code in extensions
        ind.ratings.update(rated.get(row.code, []))
        ind.refused += status is S.REFUSED
        ind.withdrawn += status is S.WITHDRAWN
        ind.waiting_supplement += status is S.SUPPLEMENT_REQUESTED
        ind.returned += status is S.RETURNED
        resolved_at = reached.get(S.RESOLVED.value)
        due = judged_due(session, row, extensions.get(row.code, []), now)
        if resolved_at is not None and due is not None:
            if resolved_at <= due and supplement_requests < LATE_AFTER_SUPPLEMENT_REQUESTS:
                ind.resolved_on_time += 1
            else:
                ind.resolved_late += 1
                ind.codes_late.append(row.code)
        elif due is not None and now > due and not status.is_terminal:
            ind.overdue_open += 1
    return dict(out)


def report_data(session: Session, *, ctx, start: datetime, end: datetime, now: datetime,
                agency_code: str | None = None) -> tuple[dict[str, dict[str, Indicator]], dict[str, dict[str, str]]]:
    """What the printed report shows: per counter, officer and procedure, and the procedures' names.

    An export (báo cáo chỉ số): recorded in the audit log with ``ctx``'s officer (period only). It
    holds no citizen's personal data (counts, and late dossiers' codes), so any role may make it."""
    from ..security import audit

    audit.record(session, actor=ctx.officer, action="export_indicator_report", target=agency_code or "",
                 details={"from": start.isoformat(), "to": end.isoformat()}, at=now)
    groups = {g.value: compute(session, start=start, end=end, group=g, now=now, agency_code=agency_code)
              for g in (GroupBy.COUNTER, GroupBy.OFFICER, GroupBy.PROCEDURE)}
    names = dict(session.execute(select(DossierRow.procedure_code, DossierRow.procedure_name)
                                 .where(DossierRow.procedure_code.in_(list(groups["procedure"])))).all())
    return groups, {"procedure": {code: f"{code} — {name}" for code, name in names.items()}}
