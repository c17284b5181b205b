"""A counter and the real city server: push the outbox, pull department changes, lease numbers."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, time

import pytest
from sqlalchemy import func, select

from counter_app.cli import main as cli_main
from counter_app.domain.status import DossierStatus as S
from counter_app.services.dossiers import CounterContext, change_status, get_dossier_row
from counter_app.storage.models import OutboxEventRow
from counter_app.storage.models_sync import SyncRejectionRow
from counter_app.sync import state
from counter_app.sync.engine import SyncOptions, sync_once
from sync_helpers import TODAY, receive, server_counts

NOW = datetime.combine(TODAY, time(9, 0))


def unsent(counter) -> int:
    with counter.store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxEventRow).where(OutboxEventRow.sent_at.is_(None)))


def test_round_pushes_the_outbox_pulls_changes_and_leases_ahead(city_db, admin, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    with q1.client() as client:
        first = sync_once(q1.store, client, now=lambda: NOW)  # registration + leases ahead of need
    assert first.ok and first.leases.numbers >= 100
    codes = receive(q1, 5, now=NOW)
    assert codes[0].startswith(f"{agency}-{TODAY:%y%m%d}-")
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW)
    assert summary.ok and summary.push.applied == 5 and unsent(q1) == 0
    assert server_counts(city_db, agency) == (5, 5)
    # A department moves dossier 1 to processing, then to resolved (result ready); the counter pulls both.
    for status in ("processing", "resolved"):
        r = admin.http.post(f"/v1/admin/dossiers/{codes[0]}/status", json={"status": status, "officer": "sotp"})
        assert r.status_code == 201, r.text
    admin.http.post("/v1/admin/holidays", json={"agency_code": agency, "day": "2026-12-24", "kind": "off",
                                                "note": "Nghỉ thử nghiệm"}).raise_for_status()
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW)
    assert summary.pull.statuses == 2 and summary.pull.holidays == 1
    with q1.store.read() as s:
        row = get_dossier_row(s, codes[0])
        assert row.status == "resolved"
        assert [h.to_status for h in row.history] == ["received", "processing", "resolved"]
        assert int(state.get(s, state.CURSOR)) == summary.pull.cursor > 0
        status = state.load_status(s)
    assert status.online and status.waiting_events == 0 and status.last_error == "" and status.skew_seconds is not None


def test_a_change_refused_by_the_server_is_kept_with_its_reason(city_db, admin, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    with q1.client() as client:
        sync_once(q1.store, client, now=lambda: NOW)
    code = receive(q1, 1, now=NOW)[0]
    with q1.client() as client:
        sync_once(q1.store, client, now=lambda: NOW)
    # Meanwhile the department withdrew it (citizen request) — the counter does not know yet and moves it.
    admin.http.post(f"/v1/admin/dossiers/{code}/status", json={"status": "withdrawn"}).raise_for_status()
    ctx = CounterContext(agency, "Q01", "canbo01")
    q1.store.write(lambda s: change_status(s, code, S.PROCESSING, ctx=ctx, now=NOW))
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW)
    assert summary.push.rejected == 1 and "Không thể chuyển" in summary.push.rejections[0][1]
    with q1.store.read() as s:
        rej = s.scalar(select(SyncRejectionRow))
        assert rej.aggregate == code and rej.reason_code == "illegal_transition"
        assert get_dossier_row(s, code).status == "withdrawn"  # the server's word wins on pull
    assert unsent(q1) == 0


def test_counter_app_sync_once_through_the_entry_point(agency, make_counter, capsys):
    q1 = make_counter(agency, "Q01")
    receive(q1, 2, now=NOW)  # no leases yet: numbers come from the fallback slice
    q1.store.close()
    data_dir = str(q1.profile.root)
    assert cli_main(["--data-dir", data_dir, "sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert "2 ghi nhận" in out
    proc = subprocess.run([sys.executable, "-m", "counter_app.cli", "--data-dir", data_dir, "sync", "--status"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Sự kiện chờ gửi: 0" in proc.stdout
    bad = subprocess.run([sys.executable, "-m", "counter_app.cli", "--data-dir", data_dir, "sync", "--once",
                          "--server", "http://127.0.0.1:9"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "Không kết nối được" in bad.stdout


def test_fallback_numbers_are_the_counters_own_slice(agency, make_counter):
    q1, q2 = make_counter(agency, "Q01"), make_counter(agency, "Q02")
    a, b = receive(q1, 3, now=NOW), receive(q2, 3, now=NOW)
    assert [c[-4:] for c in a] == ["9000", "9001", "9002"] and [c[-4:] for c in b] == ["9100", "9101", "9102"]


def test_options_are_respected(agency, make_counter):
    q1 = make_counter(agency, "Q01")
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW,
                            options=SyncOptions(lease_days_ahead=0, lease_target=30, lease_block=10))
    assert summary.leases.numbers == 30 and summary.leases.blocks == 3


def test_a_published_catalog_version_reaches_the_counter(admin, agency, make_counter):
    from counter_app.services import catalog

    q1 = make_counter(agency, "Q01")
    with q1.store.read() as s:
        v1 = catalog.get_procedure(s, "1.004873")
    code = f"9.{agency[:3]}{agency[4:6]}"  # a procedure code no other test publishes
    body = {"name": "Thủ tục thử nghiệm đồng bộ", "field": "Hộ tịch", "level": "xa",
            "processing_agency": "UBND cấp xã", "limit": {"kind": "working_days", "value": 5},
            "components": [{"name": "Tờ khai", "originals": 1, "copies": 0, "mandatory": True}]}
    for version in (1, 2):
        r = admin.http.post("/v1/admin/catalog", json={"code": code, "version": version,
                                                        "body": {**body, "name": f"{body['name']} v{version}"}})
        assert r.status_code == 201, r.text
    again = admin.http.post("/v1/admin/catalog", json={"code": code, "version": 2, "body": body})
    assert again.status_code == 409
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW)
    assert summary.ok and summary.pull.procedures >= 2
    with q1.store.read() as s:
        proc = catalog.get_procedure(s, code)
        assert proc.version == 2 and proc.name.endswith("v2") and proc.limit.value == 5
        assert catalog.get_procedure(s, "1.004873") == v1
        assert state.get_time(s, state.LAST_CATALOG_SYNC) == NOW


def test_officers_and_roles_come_from_the_city_scoped_to_the_agency(admin, agency, make_counter):
    from counter_app.storage.models import OfficerRow
    from sync_helpers import new_agency_code

    other = new_agency_code()
    admin.agency(other)
    admin.officer(agency, "lanhdao09", "Vũ Thị Mai", "supervisor")
    admin.officer(other, "canbo77", "Người Cơ Quan Khác")
    with pytest.raises(Exception):  # the same username twice in one agency
        admin.officer(agency, "lanhdao09", "Trùng tên")
    q1 = make_counter(agency, "Q01")
    with q1.client() as client:
        assert [o["username"] for o in client.http.get("/v1/officers").json()] == ["lanhdao09"]
        summary = sync_once(q1.store, client, now=lambda: NOW)
    assert summary.pull.officers == 1
    with q1.store.read() as s:
        row = s.query(OfficerRow).filter_by(username="lanhdao09").one()
        assert (row.full_name, row.role, row.agency_code) == ("Vũ Thị Mai", "supervisor", agency)
        assert s.query(OfficerRow).filter_by(username="canbo77").count() == 0
