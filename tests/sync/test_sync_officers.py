"""Officers pulled from the city take the counter's agency: a demo-seeded supervisor row (agency
``000.00.01.H26``) is moved to the agency after online sign-in and a pull, so the approval proofs it
signs are accepted by the real server instead of refused as forged."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select

from counter_app.domain.organisation import Role
from counter_app.domain.status import DossierStatus
from counter_app.profile import DEMO_AGENCY
from counter_app.security import approvals, online_signin
from counter_app.security.permissions import Action
from counter_app.security.signin import CounterSession
from counter_app.services.dossiers import CounterContext, change_status
from counter_app.storage.models import OfficerRow, SettingRow
from counter_app.storage.models_sync import SyncRejectionRow
from counter_app.sync import state
from counter_app.sync.client import SyncClient
from counter_app.sync.engine import sync_once
from sync_helpers import TODAY

NOW = datetime.combine(TODAY, time(9, 0))
PASSWORD = "mat-khau-lanh-dao-moi"


def _agency_of(store, username: str) -> str:
    with store.read() as s:
        return s.scalar(select(OfficerRow.agency_code).where(OfficerRow.username == username))


def test_pulled_officers_move_to_the_counters_agency_and_their_approvals_pass_the_server(
        demo_store, agency, admin, server):
    from qmc_testing import Desk

    admin.officer(agency, "canbo01", "Nguyễn Thị Lan", "officer")
    admin.officer(agency, "lanhdao01", "Trần Văn Minh (thành phố)", "supervisor")
    admin.http.put(f"/v1/admin/agencies/{agency}/officers/lanhdao01/password",
                   json={"password": PASSWORD}).raise_for_status()
    token = admin.counter(agency, "Q01")["token"]

    def link(s):  # the demo profile set up for the agency: no agency row, officers still the demo's
        s.merge(SettingRow(key="agency_code", value=agency))
        s.merge(SettingRow(key="counter_code", value="Q01"))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, token)
    demo_store.write(link)
    assert _agency_of(demo_store, "lanhdao01") == DEMO_AGENCY[0]
    online_signin.sign_in(demo_store, CounterSession(), username="lanhdao01", password=PASSWORD, now=NOW,
                          client=online_signin.default_client(demo_store))
    assert _agency_of(demo_store, "lanhdao01") == DEMO_AGENCY[0]  # sign-in refreshes name and role only

    with SyncClient(server.url, token) as client:
        summary = sync_once(demo_store, client, now=lambda: NOW)
    assert summary.ok, summary.error_vi
    assert summary.pull.officers == 2
    assert _agency_of(demo_store, "lanhdao01") == agency and _agency_of(demo_store, "canbo01") == agency
    with demo_store.read() as s:
        row = s.scalar(select(OfficerRow).where(OfficerRow.username == "lanhdao01"))
        assert (row.full_name, row.role) == ("Trần Văn Minh (thành phố)", Role.SUPERVISOR.value)

    desk = Desk(demo_store, CounterContext(agency, "Q01", "canbo01", Role.OFFICER))
    code = desk.receive(at=NOW).code

    def cancel(s):
        approval = approvals.approve(s, action=Action.CANCEL_DOSSIER, target=code, requested_by="canbo01",
                                     supervisor="lanhdao01", password=PASSWORD, now=NOW)
        change_status(s, code, DossierStatus.CANCELLED, ctx=desk.ctx, now=NOW, reason="Trùng",
                      approval_id=approval.id)
    demo_store.write(cancel)
    with SyncClient(server.url, token) as client:
        summary = sync_once(demo_store, client, now=lambda: NOW)
    assert summary.ok, summary.error_vi
    assert (summary.push.applied, summary.push.rejected) == (2, 0), summary.push.rejections
    with demo_store.read() as s:
        assert list(s.scalars(select(SyncRejectionRow))) == []


def test_a_pulled_officer_new_to_the_counter_gets_the_counters_agency(store, agency, admin, server):
    """A fresh (non-demo) store learns an officer it never saw, in the counter's agency."""
    from counter_app.storage.models import AgencyRow

    admin.officer(agency, "canbo42", "Phạm Văn Bốn", "officer")
    token = admin.counter(agency, "Q02")["token"]

    def link(s):
        s.merge(SettingRow(key="agency_code", value=agency))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, token)
    store.write(link)
    with SyncClient(server.url, token) as client:
        assert sync_once(store, client, now=lambda: NOW).ok
    assert _agency_of(store, "canbo42") == agency
    with store.read() as s:
        assert s.scalar(select(AgencyRow).where(AgencyRow.code == agency)) is not None
