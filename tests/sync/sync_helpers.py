"""Helpers of the sync tests: receive dossiers at a counter through the real reception flow."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path

import psycopg

from counter_app.profile import Profile
from counter_app.storage.models import SettingRow
from counter_app.sync import state
from counter_app.sync.client import SyncClient
from counter_app.sync.engine import remember_registration
from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.services import catalog
from counter_app.services.dossiers import record_reception
from counter_app.services.numbering import NumberAllocator
from counter_app.services.reception import ReceptionFlow
from counter_app.sync.leases import ServerLeaseSource

APPLICANT = Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456", source=IdentitySource.CHIP)
PROCEDURE = "1.004873"

#: The counters' clock in these tests: the server's "today" in Vietnam, 09:00.
TODAY = (datetime.utcnow() + timedelta(hours=7)).date()


def new_agency_code() -> str:
    h = uuid.uuid4().hex.upper()
    return f"{h[:3]}.{h[3:5]}.{h[5:7]}.S{h[7:9]}"


class Counter:
    """One counter installation: its profile, store, identity and token."""

    def __init__(self, root: Path, agency: str, code: str, registration: dict, server_url: str) -> None:
        self.profile = Profile(root)
        self.store = self.profile.open_store()
        self.agency, self.code, self.registration = agency, code, registration
        self.token = registration["token"]

        def setup(s) -> None:
            s.merge(SettingRow(key="agency_code", value=agency))
            s.merge(SettingRow(key="counter_code", value=code))
            state.put(s, state.SERVER_URL, server_url)
            state.put(s, state.TOKEN, self.token)
        self.store.write(setup)
        remember_registration(self.store, registration)  # as ``sync --configure`` does

    def client(self, url: str | None = None, **kw) -> SyncClient:
        with self.store.read() as s:
            base = url or state.get(s, state.SERVER_URL)
        return SyncClient(base, self.token, **kw)

    @property
    def ctx(self):
        return self.profile.context(self.store)


def server_counts(city_db: str, agency: str) -> tuple[int, int]:
    """(dossiers, events) of ``agency`` in the city database."""
    with psycopg.connect(city_db) as conn:
        d = conn.execute("SELECT count(*) FROM dossier WHERE agency_code=%s", (agency,)).fetchone()[0]
        e = conn.execute("SELECT count(*) FROM dossier_event WHERE agency_code=%s", (agency,)).fetchone()[0]
    return d, e


def allocator_for(counter, *, now: datetime) -> NumberAllocator:
    return NumberAllocator(ServerLeaseSource(now=lambda: now), counter_code=counter.code)


def receive(counter, n: int, *, now: datetime, allocator: NumberAllocator | None = None) -> list[str]:
    """Receive ``n`` complete dossiers at ``counter`` (one transaction each); returns their codes."""
    allocator = allocator or allocator_for(counter, now=now)
    with counter.store.read() as s:
        proc = catalog.get_procedure(s, PROCEDURE)
    ctx = counter.ctx
    codes = []
    for _ in range(n):
        flow = ReceptionFlow()
        flow.identify(APPLICANT)
        flow.choose_procedure(proc)
        flow.mark_all_complete()
        flow.to_outcome()
        flow.receive()
        rec = counter.store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=allocator, now=now).value)
        codes.append(rec.code)
    return codes


def prelease(counter, n: int, *, now: datetime, days_ahead: int = 0) -> None:
    """Go online once and lease ``n`` numbers per day ahead of need (blocks of 100)."""
    from counter_app.sync.engine import SyncOptions, sync_once

    with counter.client() as client:
        summary = sync_once(counter.store, client, now=lambda: now,
                            options=SyncOptions(lease_days_ahead=days_ahead, lease_target=n, lease_block=100))
    assert summary.ok, summary.error_vi


def issue(counter, n: int, *, now: datetime, allocator: NumberAllocator | None = None) -> list[str]:
    """The fast path for big backlogs: a number from the allocator and its ``dossier.receive`` outbox
    event, one transaction each, as ``record_reception`` writes them (without the dossier row)."""
    from counter_app.services.operations import Changes, queue_event

    allocator = allocator or allocator_for(counter, now=now)

    def one(s) -> str:
        code = allocator.next_code(s, agency_code=counter.agency, day=now.date(), now=now).format()
        queue_event(s, Changes(), kind="dossier.receive", aggregate=code, at=now, payload={
            "code": code, "status": "received", "national_status": 2, "procedure_code": PROCEDURE, "channel": 1,
            "legal_basis": "tt03_2025", "received_at": now, "counting_start": now, "due_at": None,
            "agency_code": counter.agency, "counter_code": counter.code})
        return code
    return [counter.store.write(one) for _ in range(n)]
