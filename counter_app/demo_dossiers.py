"""Sample dossiers of a throw-away demo profile (hồ sơ mẫu): two weeks of made-up citizens.

``counter-app --demo`` should show every screen with something in it: the dashboard's charts,
F4's list in several states, F7's batch and due-soon lists, F3's results ready to return.
:func:`seed_sample_dossiers` records :data:`HISTORY` through the core services, as an officer
would, on the working days before ``now`` (so "today" is the day the demo runs). Demo data only:
these people do not exist. Real profiles never get them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from .domain.applicant import Applicant, ApplicantKind, Contact
from .domain.status import DossierStatus
from .services import catalog
from .services.dossiers import CounterContext, change_status, record_reception
from .services.numbering import LocalLeaseSource, NumberAllocator
from .services.reception import ReceptionFlow
from .storage.db import Store

S = DossierStatus
#: (working days ago, hour, name, ID number, procedure query, statuses reached, working days to resolve).
HISTORY = [
    (9, 8, "Lê Thị Hồng Nhung", "001185002233", "khai sinh", (S.PROCESSING, S.RESOLVED, S.RETURNED), 0),
    (9, 10, "Đỗ Văn Bình", "001079004411", "kết hôn", (S.PROCESSING, S.RESOLVED, S.RETURNED), 2),
    (8, 9, "Vũ Thị Cúc", "001192006677", "khai sinh", (S.PROCESSING, S.RESOLVED, S.RETURNED), 0),
    (7, 14, "Hoàng Minh Đức", "001088001122", "khai tử", (S.PROCESSING, S.RESOLVED, S.RETURNED), 0),
    (6, 9, "Bùi Thị Thu Hà", "001195003344", "kết hôn", (S.PROCESSING, S.RESOLVED, S.RETURNED), 5),
    (5, 11, "Ngô Quang Huy", "001090005566", "khai sinh", (S.PROCESSING, S.RESOLVED), 0),
    (5, 15, "Đặng Thị Mai", "001187007788", "khai sinh", (S.PROCESSING, S.RESOLVED, S.RETURNED), 1),
    (4, 9, "Phan Văn Khánh", "001083009900", "khai sinh", (S.PROCESSING,), 0),
    (4, 10, "Trịnh Thị Loan", "001196001357", "kết hôn", (S.PROCESSING, S.RESOLVED), 2),
    (2, 10, "Mai Thị Ngọc", "001198003579", "khai tử", (S.PROCESSING, S.RESOLVED), 0),
    (1, 16, "Lý Văn Long", "001091002468", "khai sinh", (S.PROCESSING,), 0),
    (0, 8, "Cao Văn Phúc", "001086004680", "khai sinh", (S.PROCESSING,), 0),
]


def working_days_before(at: datetime, days: int) -> datetime:
    """``at`` moved back ``days`` weekdays (a weekend "today" first goes back to Friday)."""
    while at.weekday() >= 5:
        at -= timedelta(days=1)
    while days:
        at -= timedelta(days=1)
        days -= at.weekday() < 5
    return at


def working_days_after(at: datetime, days: int) -> datetime:
    while days:
        at += timedelta(days=1)
        days -= at.weekday() < 5
    return at


def flow_for(session: Session, name: str, id_number: str, query: str, phone: str = "") -> ReceptionFlow:
    """A complete reception of the first procedure ``query`` finds, ready to record."""
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, name, id_number=id_number), contact=Contact(phone=phone))
    flow.choose_procedure(catalog.get_procedure(session, catalog.search(session, query)[0].code))
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    return flow


def seed_sample_dossiers(store: Store, ctx: CounterContext, *, now: datetime,
                         allocator: NumberAllocator | None = None,
                         on_recorded: Callable[[str, tuple], None] | None = None) -> list[str]:
    """Record :data:`HISTORY` before ``now``; returns the codes. ``on_recorded(code, entry)`` after each."""
    allocator = allocator or NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)
    codes: list[str] = []
    for days_ago, hour, name, number, query, statuses, after in HISTORY:
        received = min(working_days_before(now, days_ago).replace(hour=hour, minute=20, second=0, microsecond=0),
                       now)

        def receive(s: Session, received=received, name=name, number=number, query=query) -> str:
            flow = flow_for(s, name, number, query)
            return record_reception(s, flow, ctx=ctx, allocator=allocator, now=received).value.code
        code = store.write(receive)
        moved = min(working_days_after(received.replace(hour=16, minute=0), after), now)
        for status in statuses:
            store.write(lambda s, code=code, status=status: change_status(s, code, status, ctx=ctx,
                                                                          now=max(moved, received)))
        codes.append(code)
        if on_recorded is not None:
            on_recorded(code, (days_ago, hour, name, number, query, statuses, after))
    return codes
