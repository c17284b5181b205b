"""A rating given on the customer screen for a visit reaches the city backend with the dossier's other
events (the ordinary outbox and sync round), carrying the visit and the officer."""

from __future__ import annotations

from datetime import timedelta

import psycopg

from counter_app.profile import Profile
from counter_app.services import queue, ratings
from counter_app.services.customer_flow import CustomerFlow, OfficerCard, dossier_card
from counter_app.storage.models import SettingRow
from counter_app.sync import state
from counter_app.sync.engine import remember_registration, sync_once
from counter_app.sync.queue_client import push_visits, queue_client_for
from queue_helpers import new_agency_code, vn_now
from qmc_testing import Desk



def test_rating_of_a_visit_is_synced(server, admin, city_db, tmp_path):
    agency = new_agency_code()
    admin.agency(agency)
    reg = admin.counter(agency, "Q01")
    profile = Profile(tmp_path / "counter")
    store = profile.open_store()

    def setup(s) -> None:
        s.merge(SettingRow(key="agency_code", value=agency))
        s.merge(SettingRow(key="counter_code", value="Q01"))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, reg["token"])
    store.write(setup)
    remember_registration(store, reg)
    ctx = profile.context(store)
    now = vn_now()
    try:
        visit = store.write(lambda s: queue.key_in_paper(s, number="A011", area="hotich", ctx=ctx, now=now).value)
        code = Desk(store, ctx).receive(at=now + timedelta(minutes=1)).code
        store.write(lambda s: queue.link_dossier(s, visit.id, code, role="received", ctx=ctx,
                                                 now=now + timedelta(minutes=1)))
        flow = CustomerFlow()  # the citizen confirms the summary and rates on the customer screen
        flow.welcome(OfficerCard(ctx.officer, "", "Q01", "Quầy 1"), ticket_number="A011", visit_id=visit.id)
        flow.show_dossier(dossier_card(code=code, procedure_name="", applicant_name="Nguyễn Văn A", id_number="",
                                       phone="", due_at=None, fee_vnd=0))
        flow.confirm()
        choice = flow.rate(1)
        store.write(lambda s: ratings.record_rating(s, code=choice.dossier_code, level=choice.level, ctx=ctx,
                                                    now=now + timedelta(minutes=2), visit_id=choice.visit_id,
                                                    scale=choice.scale))
        with queue_client_for(store) as client:
            summary = sync_once(store, client, now=lambda: now + timedelta(minutes=3))  # visits too
            assert push_visits(store, client, now=lambda: now + timedelta(minutes=3))["applied"] == 0
        assert summary.ok and summary.push.rejected == 0, summary.push.rejections
        assert summary.visits["rejected"] == 0 and summary.visits["applied"] >= 3
    finally:
        store.close()
    with psycopg.connect(city_db) as conn:
        payload = conn.execute("SELECT payload FROM dossier_event WHERE agency_code=%s AND kind='dossier.rating' "
                               "AND dossier_code=%s", (agency, code)).fetchone()[0]
        ticket = conn.execute("SELECT number, state, paper FROM queue_ticket WHERE id=%s", (visit.id,)).fetchone()
    assert payload == {"level": 1, "scale": 3, "stage": "reception", "visit_id": visit.id,
                       "rated_officer": ctx.officer}
    assert ticket == ("A011", "serving", True)
