"""Read-side queries for the counter screens: dossier search, dossier detail, day counts.

Nothing here changes a dossier. A search or a detail shows personal data: it needs the role's
``VIEW_PERSONAL_DATA`` (xem dữ liệu cá nhân) and is recorded in the audit log (one entry per
search that found something, with the *kind* of criteria only; one per detail, naming the
dossier code). Results are plain dataclasses; ID numbers in *lists* are masked
(``mask_id_number``) — the full number never leaves this module in a search result.
Names are matched diacritic-insensitively (``nguyen van a`` finds ``Nguyễn Văn A``),
over a bounded candidate set of the most recent dossiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.personal_id import mask_id_number, normalise_id_number
from ..domain.status import TRANSITIONS, DossierStatus
from ..domain.text import fold
from ..security import audit
from ..security.permissions import Action, require
from ..storage.models import DossierRow, StatusChangeRow
from .dossiers import CounterContext, get_dossier_row

#: Statuses whose time limit is running: these can be due today or overdue.
RUNNING = (DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.AWAITING_PAYMENT)
#: How many recent dossiers a name search folds and compares in Python.
NAME_CANDIDATES = 5000

_CODE_RE = re.compile(r"^[0-9A-Za-z.]+-\d{6}(-\d{0,4})?$|^\d{6}-\d{1,4}$")
_DIGITS_RE = re.compile(r"^\+?[\d .\-]+$")


@dataclass(frozen=True)
class DossierQuery:
    """What the officer looks for. Empty fields do not filter."""

    code: str = ""  # full code or a prefix / suffix of it
    name: str = ""  # applicant or submitter name, accents optional
    id_number: str = ""  # 12 digits, exact
    phone: str = ""  # digits, exact after normalisation
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    status: DossierStatus | None = None

    @classmethod
    def from_text(cls, text: str, **filters) -> "DossierQuery":
        """One search box: a code, a 12-digit ID number, a phone number, or a name."""
        t = text.strip()
        if not t:
            return cls(**filters)
        if _DIGITS_RE.match(t):
            digits = "".join(ch for ch in t if ch.isdigit())
            if len(digits) == 12 and not t.startswith("+"):
                return cls(id_number=digits, **filters)
            if _looks_like_phone(digits):
                return cls(phone=digits, **filters)
            return cls(code=t, **filters)  # a bare sequence number or a code fragment
        if _CODE_RE.match(t):
            return cls(code=t, **filters)
        return cls(name=t, **filters)


def _looks_like_phone(digits: str) -> bool:
    return (len(digits) == 10 and digits.startswith("0")) or (len(digits) == 11 and digits.startswith("84"))


def _phone_key(raw: str) -> str:
    digits = "".join(ch for ch in raw if ch.isdigit())
    return "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits


@dataclass(frozen=True)
class DossierSummary:
    """A row of the search result list (ID number masked)."""

    code: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    id_number_masked: str
    status: DossierStatus
    received_at: datetime
    due_at: datetime | None
    overdue: bool


def _summary(row: DossierRow, now: datetime) -> DossierSummary:
    status = DossierStatus(row.status)
    return DossierSummary(
        code=row.code, procedure_code=row.procedure_code, procedure_name=row.procedure_name,
        applicant_name=row.applicant_name,
        id_number_masked=mask_id_number(row.applicant_id_number) if row.applicant_id_number else "",
        status=status, received_at=row.received_at, due_at=row.due_at,
        overdue=status in RUNNING and row.due_at is not None and row.due_at < now)


def criteria_kinds(query: DossierQuery) -> list[str]:
    """Which fields a search used (what the audit log keeps: never the searched value)."""
    kinds = [k for k in ("code", "name", "id_number", "phone") if getattr(query, k).strip()]
    kinds += [k for k in ("received_from", "received_to", "status") if getattr(query, k) is not None]
    return kinds


def search_dossiers(session: Session, query: DossierQuery, *, ctx: CounterContext, now: datetime,
                    limit: int = 200) -> list[DossierSummary]:
    """Dossiers matching every filled field of ``query``, newest first (``VIEW_PERSONAL_DATA``)."""
    require(ctx.role, Action.VIEW_PERSONAL_DATA)
    found = _search(session, query, now=now, limit=limit)
    if found:
        audit.record(session, actor=ctx.officer, action="search_dossiers",
                     details={"criteria": criteria_kinds(query), "results": len(found)}, at=now)
    return found


def _search(session: Session, query: DossierQuery, *, now: datetime, limit: int) -> list[DossierSummary]:
    q = select(DossierRow).order_by(DossierRow.received_at.desc(), DossierRow.id.desc())
    if query.code.strip():
        c = query.code.strip()
        q = q.where(DossierRow.code.like(f"%{_escape(c)}%", escape="\\"))
    if query.id_number.strip():
        n = normalise_id_number(query.id_number)
        q = q.where((DossierRow.applicant_id_number == n) | (DossierRow.submitter_id_number == n))
    if query.received_from is not None:
        q = q.where(DossierRow.received_at >= datetime.combine(query.received_from, time.min))
    if query.received_to is not None:
        q = q.where(DossierRow.received_at < datetime.combine(query.received_to + timedelta(days=1), time.min))
    if query.status is not None:
        q = q.where(DossierRow.status == query.status.value)
    post_filter = bool(query.name.strip() or query.phone.strip())
    rows = session.scalars(q.limit(NAME_CANDIDATES if post_filter else limit)).all()
    if query.phone.strip():
        key = _phone_key(query.phone)
        rows = [r for r in rows if _phone_key(r.contact_phone) == key]
    if query.name.strip():
        words = fold(query.name).split()
        rows = [r for r in rows if all(w in fold(f"{r.applicant_name} {r.submitter_name}") for w in words)]
    return [_summary(r, now) for r in rows[:limit]]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a dossier's history: a status change or a handoff between units."""

    at: datetime
    kind: str  # "status" | "handoff"
    text_vi: str
    officer: str
    reason: str = ""


@dataclass(frozen=True)
class ComponentLine:
    name: str
    required_originals: int
    required_copies: int
    originals: int
    copies: int
    mandatory: bool


@dataclass(frozen=True)
class DossierDetail:
    """A dossier for the detail screen (the ID number shown masked, like the lists)."""

    summary: DossierSummary
    submitter_name: str
    contact_phone: str
    counting_start: datetime | None
    fee_vnd: int
    reason: str
    legal_basis: str
    components: tuple[ComponentLine, ...]
    timeline: tuple[TimelineEntry, ...]
    next_statuses: tuple[DossierStatus, ...]  # allowed by the transition table


def dossier_detail(session: Session, code: str, *, ctx: CounterContext, now: datetime) -> DossierDetail:
    """The dossier ``code`` with its timeline (``VIEW_PERSONAL_DATA``; recorded). Raises ``NotFoundError``."""
    require(ctx.role, Action.VIEW_PERSONAL_DATA)
    row = get_dossier_row(session, code)
    audit.record(session, actor=ctx.officer, action="view_dossier", target=row.code, at=now)
    timeline = [TimelineEntry(h.at, "status", DossierStatus(h.to_status).label_vi, h.officer, h.reason)
                for h in row.history]
    for h in row.handoffs:
        timeline.append(TimelineEntry(h.given_at, "handoff", f"Chuyển từ {h.from_unit} đến {h.to_unit}",
                                      h.given_by, h.note))
        if h.received_at is not None:
            timeline.append(TimelineEntry(h.received_at, "handoff", f"{h.to_unit} nhận hồ sơ", h.received_by))
    timeline.sort(key=lambda e: e.at)
    status = DossierStatus(row.status)
    order = list(DossierStatus)
    return DossierDetail(
        summary=_summary(row, now), submitter_name=row.submitter_name, contact_phone=row.contact_phone,
        counting_start=row.counting_start, fee_vnd=row.fee_vnd, reason=row.reason, legal_basis=row.legal_basis,
        components=tuple(ComponentLine(c.name, c.required_originals, c.required_copies, c.originals, c.copies,
                                       c.mandatory) for c in row.components),
        timeline=tuple(timeline),
        next_statuses=tuple(sorted(TRANSITIONS[status], key=order.index)))


@dataclass(frozen=True)
class DayCounts:
    """The dashboard of one day (and of one officer for ``mine``)."""

    day: date
    received: int  # được tiếp nhận in the day
    returned: int  # đã trả kết quả in the day
    due_today: int  # time limit running and due within the day
    overdue: int  # time limit running and past due at ``now``
    waiting_supplement: int  # yêu cầu bổ sung, not yet brought back
    mine: int  # received in the day by this officer


def day_counts(session: Session, *, day: date, now: datetime, officer: str) -> DayCounts:
    start = datetime.combine(day, time.min)
    end = start + timedelta(days=1)

    def moved_to(status: DossierStatus, *, by: str | None = None) -> int:
        q = select(func.count(func.distinct(StatusChangeRow.dossier_id))).where(
            StatusChangeRow.to_status == status.value, StatusChangeRow.at >= start, StatusChangeRow.at < end)
        if by is not None:
            q = q.where(StatusChangeRow.officer == by)
        return session.scalar(q) or 0

    running = [s.value for s in RUNNING]

    def count(*conditions) -> int:
        return session.scalar(select(func.count(DossierRow.id)).where(*conditions)) or 0

    return DayCounts(
        day=day,
        received=moved_to(DossierStatus.RECEIVED),
        returned=moved_to(DossierStatus.RETURNED),
        due_today=count(DossierRow.status.in_(running), DossierRow.due_at >= start, DossierRow.due_at < end),
        overdue=count(DossierRow.status.in_(running), DossierRow.due_at < now),
        waiting_supplement=count(DossierRow.status == DossierStatus.SUPPLEMENT_REQUESTED.value),
        mine=moved_to(DossierStatus.RECEIVED, by=officer),
    )


def recent_procedures(session: Session, *, counter_code: str, limit: int = 5) -> list[tuple[str, str]]:
    """``(code, name)`` of the procedures this counter received most recently, most recent first."""
    last = func.max(DossierRow.created_at)
    rows = session.execute(
        select(DossierRow.procedure_code, func.max(DossierRow.procedure_name), last)
        .where(DossierRow.counter_code == counter_code)
        .group_by(DossierRow.procedure_code).order_by(last.desc()).limit(limit)).all()
    return [(code, name) for code, name, _ in rows]
