"""The working-day calendar of an agency, with its override table in the store."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..calendar import DayOverride, OverrideKind, WorkingCalendar, load_schedule
from ..domain.errors import NotFoundError, ValidationError
from ..domain.legal_basis import LegalBasis
from ..security import audit
from ..security.permissions import Action, require
from ..storage.models import CalendarOverrideRow
from .operations import Changes, OpResult


def overrides_for(session: Session, agency_code: str | None) -> list[DayOverride]:
    """City-wide overrides plus those of ``agency_code`` (the calendar resolves precedence)."""
    q = select(CalendarOverrideRow)
    if agency_code:
        q = q.where(or_(CalendarOverrideRow.agency_code.is_(None), CalendarOverrideRow.agency_code == agency_code))
    else:
        q = q.where(CalendarOverrideRow.agency_code.is_(None))
    return [DayOverride(r.day, OverrideKind(r.kind), r.agency_code, r.note)
            for r in session.scalars(q.order_by(CalendarOverrideRow.day))]


def calendar_for(session: Session | None, *, agency_code: str | None, basis: LegalBasis) -> WorkingCalendar:
    """The calendar for an agency under a legal basis (no session: package holidays only)."""
    overrides = overrides_for(session, agency_code) if session is not None else []
    return WorkingCalendar(load_schedule(basis), overrides=overrides, agency_code=agency_code)


def add_override(session: Session, *, day: date, kind: OverrideKind, agency_code: str | None,
                 note: str, by: str, now: datetime, ctx=None) -> OpResult[int]:
    """Add or replace the override (ngày nghỉ/làm bù) of ``day`` for ``agency_code`` (None = city-wide).

    ``ctx``: the officer's counter context — the role needs ``EDIT_CALENDAR``. Without one the
    override comes from the city (sync pull, ``by="city"``; the city audits it). An officer's
    override is recorded in the counter's audit log."""
    if ctx is not None:
        require(ctx.role, Action.EDIT_CALENDAR)
    if not note.strip():
        raise ValidationError("override without a note",
                              "Ghi rõ căn cứ của ngày nghỉ/làm bù (ví dụ số văn bản thông báo).")
    existing = session.scalar(select(CalendarOverrideRow).where(
        CalendarOverrideRow.day == day,
        CalendarOverrideRow.agency_code.is_(None) if agency_code is None
        else CalendarOverrideRow.agency_code == agency_code))
    if existing is not None:
        existing.kind, existing.note, existing.created_by, existing.created_at = kind.value, note, by, now
        row = existing
    else:
        row = CalendarOverrideRow(day=day, kind=kind.value, agency_code=agency_code, note=note,
                                  created_by=by, created_at=now)
        session.add(row)
    session.flush()
    if ctx is not None:  # the city's own holidays (sync) are audited by the city
        audit.append(session, actor=ctx.officer, action="calendar_override", target=day.isoformat(),
                     details={"kind": kind.value, "agency": agency_code or "*"}, at=now)
    return OpResult(row.id, Changes(calendar=True))


def remove_override(session: Session, *, day: date, agency_code: str | None, ctx=None,
                    now: datetime | None = None) -> OpResult[None]:
    """Remove a local override (``EDIT_CALENDAR`` when ``ctx`` is given; recorded)."""
    if ctx is not None:
        require(ctx.role, Action.EDIT_CALENDAR)
    row = session.scalar(select(CalendarOverrideRow).where(
        CalendarOverrideRow.day == day,
        CalendarOverrideRow.agency_code.is_(None) if agency_code is None
        else CalendarOverrideRow.agency_code == agency_code))
    if row is None:
        raise NotFoundError(f"no override on {day}",
                            f"Không có ngày nghỉ/làm bù nào đã khai báo cho ngày {day:%d/%m/%Y}.")
    session.delete(row)
    if ctx is not None:
        from .. import clock

        audit.append(session, actor=ctx.officer, action="calendar_override_removed", target=day.isoformat(),
                     details={"agency": agency_code or "*"}, at=now or clock.now())
    return OpResult(None, Changes(calendar=True))
