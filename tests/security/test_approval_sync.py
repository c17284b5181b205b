"""End to end: a four-eyes change made at the counter reaches the real backend with its approval proof,
and a counter whose database was edited to skip the supervisor is refused by the server."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from counter_app.domain.organisation import Role
from counter_app.domain.status import DossierStatus
from counter_app.security import approvals, online_signin
from counter_app.security.permissions import Action
from counter_app.security.signin import CounterSession
from counter_app.services.dossiers import CounterContext, change_status
from counter_app.storage.models import AgencyRow, OutboxEventRow, SettingRow
from counter_app.storage.models_security import ApprovalRow
from counter_app.storage.models_sync import SyncRejectionRow
from counter_app.sync import state
from counter_app.sync.client import SyncClient
from counter_app.sync.push import push_outbox

from sec_data import NOW

USERS = {"canbo07": ("officer", "mat-khau-can-bo-07"), "lanhdao07": ("supervisor", "mat-khau-lanh-dao-07")}


@pytest.fixture
def counter(demo_store, admin, server):
    """The demo store as counter Q01 of a fresh agency on the real backend; both officers signed in once."""
    from qmc_testing import Desk

    h = uuid.uuid4().hex.upper()
    agency = f"{h[6:9]}.{h[:2]}.{h[2:4]}.E{h[4:6]}"
    admin.agency(agency)
    for user, (role, password) in USERS.items():
        admin.officer(agency, user, f"Cán bộ {user}", role)
        admin.http.put(f"/v1/admin/agencies/{agency}/officers/{user}/password",
                       json={"password": password}).raise_for_status()
    token = admin.counter(agency, "Q01")["token"]

    def link(s):
        s.add(AgencyRow(code=agency, name="Cơ quan thử nghiệm", level="commune"))
        s.merge(SettingRow(key="agency_code", value=agency))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, token)
    demo_store.write(link)
    for user, (_role, password) in USERS.items():  # online: caches the verifiers and the officers' rows
        online_signin.sign_in(demo_store, CounterSession(), username=user, password=password, now=NOW,
                              client=online_signin.default_client(demo_store))
    desk = Desk(demo_store, CounterContext(agency, "Q01", "canbo07", Role.OFFICER))
    client = SyncClient(server.url, token)
    yield desk, client
    client.close()


def test_a_real_approval_passes_and_a_skipped_supervisor_is_refused_by_the_server(counter):
    desk, client = counter
    store, ctx = desk.store, desk.ctx
    honest, edited = desk.receive(at=NOW).code, desk.receive(at=NOW).code

    def cancel_honestly(s):
        approval = approvals.approve(s, action=Action.CANCEL_DOSSIER, target=honest, requested_by="canbo07",
                                     supervisor="lanhdao07", password=USERS["lanhdao07"][1], now=NOW)
        change_status(s, honest, DossierStatus.CANCELLED, ctx=ctx, now=NOW, reason="Trùng", approval_id=approval.id)

    def cancel_with_a_made_up_approval(s):  # what an edited database would hold: no password behind it
        s.add(ApprovalRow(id=str(uuid.uuid4()), action="cancel_dossier", target=edited, requested_by="canbo07",
                          approved_by="lanhdao07", approved_at=NOW, reason="", used_at=None, proof="ab" * 32))
        s.flush()
        row = s.scalar(select(ApprovalRow).where(ApprovalRow.target == edited))
        change_status(s, edited, DossierStatus.CANCELLED, ctx=ctx, now=NOW, reason="Trùng", approval_id=row.id)
    store.write(cancel_honestly)
    store.write(cancel_with_a_made_up_approval)
    with store.read() as s:
        sent = {e.aggregate: json.loads(e.payload) for e in s.scalars(select(OutboxEventRow).where(
            OutboxEventRow.kind == "dossier.status"))}
    assert sent[honest]["approval"]["approved_by"] == "lanhdao07" and len(sent[honest]["approval"]["proof"]) == 64

    summary = push_outbox(store, client, now=lambda: NOW)
    assert (summary.applied, summary.rejected) == (3, 1)  # two receptions, the honest cancellation
    with store.read() as s:
        rejected = [(r.aggregate, r.reason_code, r.reason_vi) for r in s.scalars(select(SyncRejectionRow))]
    assert [r[:2] for r in rejected] == [(edited, "approval_forged")]
    assert "giả mạo" in rejected[0][2]
