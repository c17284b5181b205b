"""A department's result reaches the counter by sync and is handled as a result (Nhận kết quả): the
control-slip row department → counter at the server's time with its tag, status 9 at that time, and
the notice to the citizen in the outbox — with the real city server and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import psycopg

from counter_app.notifiers import OutboxFolderNotifier, read_outbox
from counter_app.notify_delivery import outbox_folder
from counter_app.security import approvals
from counter_app.security.permissions import Action
from counter_app.security.signin import SecurityPolicy, cache_credential
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.handoffs import batch_target, hand_off_batch
from counter_app.sync.engine import sync_once
from sync_helpers import receive

DEPT = "Công chức Tư pháp - Hộ tịch"
COUNTER = "Bộ phận Tiếp nhận và Trả kết quả"


def ict_now() -> datetime:
    return (datetime.utcnow() + timedelta(hours=7)).replace(microsecond=0)


def hand_off(counter, code: str, at: datetime) -> None:
    """The day's batch leaves with a supervisor's approval (four-eyes), as on the F7 page."""
    def approve(s) -> str:
        cache_credential(s, username="lanhdao01", password="mat-khau-lanh-dao", now=at,
                         policy=SecurityPolicy(offline_validity=timedelta(days=3650)))
        return approvals.approve(s, action=Action.HANDOFF_BATCH, target=batch_target([code]),
                                 requested_by=counter.ctx.officer, supervisor="lanhdao01",
                                 password="mat-khau-lanh-dao", now=at).id
    approval = counter.store.write(approve)
    ctx = counter.ctx
    counter.store.write(lambda s: hand_off_batch(s, codes=[code], to_unit=DEPT, ctx=ctx, approval_id=approval,
                                                 now=at))


def change_times(city_db: str, code: str) -> dict[str, datetime]:
    with psycopg.connect(city_db) as conn:
        rows = conn.execute("SELECT body->>'status', at FROM change WHERE kind='status' AND body->>'code'=%s",
                            (code,)).fetchall()
    return {status: at for status, at in rows}


def test_a_pulled_result_writes_the_slip_row_the_status_time_and_the_notice(city_db, admin, agency, make_counter,
                                                                           tmp_path):
    q1 = make_counter(agency, "Q01")
    start = ict_now() - timedelta(minutes=10)  # the counter's clock, a little behind the server's
    with q1.client() as client:
        assert sync_once(q1.store, client, now=lambda: start).ok
    code = receive(q1, 1, now=start)[0]
    hand_off(q1, code, start + timedelta(minutes=1))
    with q1.client() as client:
        assert sync_once(q1.store, client, now=lambda: start + timedelta(minutes=2)).ok  # the server has it
    r = admin.http.post(f"/v1/admin/dossiers/{code}/status", json={"status": "resolved", "officer": "tuphap01"})
    assert r.status_code == 201, r.text  # the department has the result
    times = change_times(city_db, code)
    outbox = outbox_folder(q1.profile.root)
    pulled_at = start + timedelta(hours=3)  # the pull runs much later: its time must not be used
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: pulled_at, notifier=OutboxFolderNotifier(outbox))
    assert summary.ok and summary.pull.results == 1 and summary.notices_sent == 1
    with q1.store.read() as s:
        row = get_dossier_row(s, code)
        assert row.status == "resolved"
        history = [(h.to_status, h.at, h.officer) for h in row.history]
        slip = [(h.seq, h.from_unit, h.to_unit, h.given_by, h.given_at, h.received_by, h.received_at, h.result)
                for h in row.handoffs]
        due = row.due_at
    assert history[-1] == ("resolved", times["resolved"], "tuphap01")  # the server's time, not the pull's
    # Row 2 is the result back from the unit the batch went to, at the server's time, waiting for the
    # counter's signature, tagged against the appointment (3 working days away: trước hạn).
    assert slip[0][:3] == (1, COUNTER, DEPT)
    assert slip[1] == (2, DEPT, COUNTER, "tuphap01", times["resolved"], "", None, "early")
    assert due.date() > times["resolved"].date()
    [notice] = read_outbox(outbox)
    assert code in json.dumps(notice, ensure_ascii=False) and "đã có kết quả" in json.dumps(notice, ensure_ascii=False)
    # A second round pulls nothing new and tells nobody twice.
    with q1.client() as client:
        again = sync_once(q1.store, client, now=lambda: pulled_at, notifier=OutboxFolderNotifier(outbox))
    assert again.ok and again.pull.results == 0 and again.notices_sent == 0
    with psycopg.connect(city_db) as conn:  # the counter's receipt of the result reached the city too
        kinds = [k for (k,) in conn.execute("SELECT kind FROM dossier_event WHERE dossier_code=%s ORDER BY id",
                                             (code,))]
    assert kinds[-1] == "handoff.step" and summary.push.rejected == again.push.rejected == 0
