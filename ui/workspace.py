"""What the window asks of the core, for one open profile (no Qt here).

The window never opens a session or touches a table itself: it calls this façade, which
only composes core calls (catalog search and lookup, the working-day calendar). The
officer/agency/counter lookups read the ORM rows directly because the core has no
identity service yet; they are kept here so they can be swapped for one in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select

from counter_app import clock
from counter_app.domain.legal_basis import basis_for
from counter_app.domain.organisation import Role
from counter_app.domain.procedure import Procedure
from counter_app.domain.time_limit import TimeLimit
from counter_app.profile import Profile
from counter_app.services import catalog
from counter_app.services.calendar_service import calendar_for
from counter_app.services.dossiers import CounterContext
from counter_app.storage.db import Store
from counter_app.storage.models import AgencyRow, CounterRow, OfficerRow, ProcedureRow, SettingRow


@dataclass(frozen=True)
class CounterIdentity:
    """Who works where: shown in the header and the status bar."""

    agency_code: str
    agency_name: str
    counter_code: str
    counter_name: str
    officer_username: str
    officer_name: str
    officer_role: Role | None
    demo: bool  # demo profile, demo identity or demo catalog: the "DỮ LIỆU MẪU" badge


@dataclass(frozen=True)
class DuePreview:
    """The appointment a dossier would get if received at ``received_at``."""

    received_at: datetime
    counting_start: datetime  # thời điểm bắt đầu tính thời hạn
    due_at: datetime  # ngày hẹn trả kết quả


class Workspace:
    """One open profile: its store, its counter context and read-only queries for the UI."""

    def __init__(self, profile: Profile, store: Store, *, now: Callable[[], datetime] = clock.now) -> None:
        self.profile = profile
        self.store = store
        self.now = now
        self.context: CounterContext = profile.context(store)
        self.identity = self._load_identity()

    @classmethod
    def open(cls, profile: Profile, *, now: Callable[[], datetime] = clock.now) -> "Workspace":
        """Open (migrate, seed when empty) the profile's store. Raises ``CounterError``."""
        store = profile.open_store()
        try:
            return cls(profile, store, now=now)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        """Close the store; a demo profile's folder is deleted."""
        self.store.close()
        self.profile.discard()

    # ---- queries -------------------------------------------------------------

    def search(self, query: str, *, limit: int = 50) -> list[catalog.ProcedureHit]:
        with self.store.read() as s:
            return catalog.search(s, query, limit=limit)

    def procedure(self, code: str) -> Procedure:
        with self.store.read() as s:
            return catalog.get_procedure(s, code)

    def due_preview(self, limit: TimeLimit, received_at: datetime | None = None) -> DuePreview:
        """The appointment under the legal basis and calendar in force at ``received_at``."""
        at = received_at or self.now()
        with self.store.read() as s:
            cal = calendar_for(s, agency_code=self.context.agency_code, basis=basis_for(at.date()))
        return DuePreview(at, cal.counting_start(at), cal.due_at(at, limit))

    # ---- identity --------------------------------------------------------------

    def _load_identity(self) -> CounterIdentity:
        ctx = self.context
        with self.store.read() as s:  # rows expire when the read session ends: copy values inside
            agency = s.scalar(select(AgencyRow.name).where(AgencyRow.code == ctx.agency_code))
            counter = s.scalar(select(CounterRow.name).where(
                CounterRow.agency_code == ctx.agency_code, CounterRow.code == ctx.counter_code))
            officer = s.execute(select(OfficerRow.full_name, OfficerRow.role)
                                .where(OfficerRow.username == ctx.officer)).first()
            demo_setting = s.scalar(select(SettingRow.value).where(SettingRow.key == "demo"))
            demo_catalog = bool(s.scalar(select(exists().where(ProcedureRow.is_demo, ProcedureRow.active))))
        return CounterIdentity(
            agency_code=ctx.agency_code,
            agency_name=agency or "",
            counter_code=ctx.counter_code,
            counter_name=counter or "",
            officer_username=ctx.officer,
            officer_name=officer.full_name if officer else ctx.officer,
            officer_role=_role(officer.role) if officer else None,
            demo=self.profile.demo or demo_setting == "1" or demo_catalog,
        )


def _role(value: str) -> Role | None:
    try:
        return Role(value)
    except ValueError:
        return None
