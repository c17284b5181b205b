"""Who works where: the agency, counter and officer of an open profile."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ..domain.organisation import Role
from ..storage.models import AgencyRow, CounterRow, OfficerRow, ProcedureRow, SettingRow
from .dossiers import CounterContext


@dataclass(frozen=True)
class CounterIdentity:
    """Shown in the window's header and status bar, and printed on forms."""

    agency_code: str
    agency_name: str
    counter_code: str
    counter_name: str
    officer_username: str
    officer_name: str
    officer_role: Role | None
    demo: bool  # demo identity or demo catalog: the "DỮ LIỆU MẪU" badge


def catalog_is_demo(session: Session) -> bool:
    """Whether any active procedure comes from a demo catalog."""
    return bool(session.scalar(select(exists().where(ProcedureRow.is_demo, ProcedureRow.active))))


def counter_identity(session: Session, ctx: CounterContext) -> CounterIdentity:
    agency = session.scalar(select(AgencyRow.name).where(AgencyRow.code == ctx.agency_code))
    counter = session.scalar(select(CounterRow.name).where(
        CounterRow.agency_code == ctx.agency_code, CounterRow.code == ctx.counter_code))
    officer = session.execute(select(OfficerRow.full_name, OfficerRow.role)
                              .where(OfficerRow.username == ctx.officer)).first()
    demo_setting = session.scalar(select(SettingRow.value).where(SettingRow.key == "demo"))
    role = None
    if officer:
        try:
            role = Role(officer.role)
        except ValueError:
            role = None
    return CounterIdentity(
        agency_code=ctx.agency_code, agency_name=agency or "",
        counter_code=ctx.counter_code, counter_name=counter or "",
        officer_username=ctx.officer, officer_name=officer.full_name if officer else ctx.officer,
        officer_role=role, demo=demo_setting == "1" or catalog_is_demo(session),
    )
