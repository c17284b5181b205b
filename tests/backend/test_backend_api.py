"""The reference server over real HTTP against PostgreSQL: registration, scoping, push, pull, leases."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import httpx
import psycopg

from backend_helpers import new_agency_code


def event(agency: str, seq: int, status: str, *, kind: str = "dossier.receive", day: str = "261127") -> dict:
    code = f"{agency}-{day}-{seq:04d}"
    return {"event_id": str(uuid.uuid4()), "kind": kind, "aggregate": code, "created_at": "2026-11-27T09:15:00",
            "payload": {"code": code, "status": status, "agency_code": agency, "procedure_code": "1.001193"}}


def push(client: httpx.Client, events: list[dict], sent_at: str = "2026-11-27T09:16:00") -> dict:
    r = client.post("/v1/events:push", json={"sent_at": sent_at, "events": events})
    assert r.status_code == 200, r.text
    return r.json()


def test_requests_without_a_valid_token_are_refused_in_vietnamese(server):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic x"}):
        r = httpx.get(f"{server.url}/v1/me", headers=headers)
        assert r.status_code == 401
        assert r.json()["code"] == "unauthorized" and "đăng ký" in r.json()["message_vi"]
    r = httpx.post(f"{server.url}/v1/admin/agencies", json={"code": new_agency_code(), "name": "x"},
                   headers={"X-Admin-Token": "wrong"})
    assert r.status_code == 403


def test_counter_registration_gives_a_token_slots_and_the_fallback_range(admin, agency, counter_client):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519

    pem = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    q1 = counter_client("Q01")
    q2 = admin.counter(agency, "Q02", public_key=pem)
    assert q1.registration["slot"] == 1 and q2["slot"] == 2 and len(q2["key_fingerprint"]) == 64
    assert q1.registration["fallback"] == {"slot": 1, "first": 9000, "last": 9099}
    assert q2["fallback"] == {"slot": 2, "first": 9100, "last": 9199}
    me = q1.get("/v1/me").json()
    assert me["counter_code"] == "Q01" and me["token"] is None and me["agency_code"] == agency
    again = admin.http.post(f"/v1/admin/agencies/{agency}/counters", json={"code": "Q01"})
    assert again.status_code == 409
    bad = admin.http.post(f"/v1/admin/agencies/{agency}/counters", json={"code": "Q09", "public_key": "junk"})
    assert bad.status_code == 422 and "PEM" in bad.json()["message_vi"]


def test_the_same_batch_three_times_applies_once(city_db, counter_client, agency):
    q = counter_client("Q01")
    batch = [event(agency, i, "received") for i in range(1, 51)]
    first = push(q, batch)
    assert [r["result"] for r in first["results"]] == ["applied"] * 50
    for _ in range(2):
        again = push(q, batch)
        assert [r["result"] for r in again["results"]] == ["duplicate"] * 50
    with psycopg.connect(city_db) as conn:
        n_dossiers = conn.execute("SELECT count(*) FROM dossier WHERE agency_code=%s", (agency,)).fetchone()[0]
        n_events = conn.execute("SELECT count(*) FROM dossier_event WHERE agency_code=%s", (agency,)).fetchone()[0]
    assert (n_dossiers, n_events) == (50, 50)


def test_transitions_are_validated_with_the_core_table(counter_client, agency):
    q = counter_client("Q01")
    received = event(agency, 1, "received")
    returned = event(agency, 1, "returned", kind="dossier.status")  # received -> returned is not allowed
    processing = event(agency, 1, "processing", kind="dossier.status")
    bogus = event(agency, 2, "teleported")
    results = push(q, [received, returned, processing, bogus])["results"]
    assert [r["result"] for r in results] == ["applied", "rejected", "applied", "rejected"]
    assert results[1]["reason_code"] == "illegal_transition" and "Không thể chuyển" in results[1]["reason_vi"]
    assert results[3]["reason_code"] == "invalid_status"
    feed = q.get("/v1/changes", params={"since": 0, "limit": 1000}).json()["changes"]
    mine = [c["body"]["status"] for c in feed if c["body"].get("code") == received["aggregate"]]
    assert mine == ["received", "processing"], "one batch's changes keep their order in the feed"
    note = {**event(agency, 3, "received"), "kind": "dossier.print"}
    note["payload"].pop("status")
    assert push(q, [note])["results"][0]["reason_code"] == "unknown_dossier"


def test_device_time_and_server_time_are_both_kept_and_skew_reported(city_db, counter_client, agency):
    q = counter_client("Q01")
    sent = (datetime.utcnow() + timedelta(hours=7) - timedelta(minutes=10)).replace(microsecond=0)
    out = push(q, [event(agency, 1, "received")], sent_at=sent.isoformat())
    assert 590 <= out["skew_seconds"] <= 660
    with psycopg.connect(city_db) as conn:
        device_at, received_at, skew = conn.execute(
            "SELECT device_at, received_at, skew_seconds FROM dossier_event WHERE agency_code=%s", (agency,)).fetchone()
    assert device_at == datetime(2026, 11, 27, 9, 15) and received_at > device_at and skew == out["skew_seconds"]


def test_a_counter_of_agency_a_gets_nothing_of_agency_b(admin, counter_client, agency):
    other = new_agency_code()
    admin.agency(other)
    a = counter_client("Q01")
    b = counter_client("Q01", agency_code=other)
    assert push(a, [event(agency, 1, "received")])["results"][0]["result"] == "applied"
    # B cannot write A's dossiers, neither by code nor by payload.
    forged = event(agency, 2, "received")
    hidden = event(other, 3, "received")
    hidden["payload"]["agency_code"] = agency
    results = push(b, [forged, hidden])["results"]
    assert [r["reason_code"] for r in results] == ["wrong_agency", "wrong_agency"]
    # B's feed holds nothing of A.
    changes = b.get("/v1/changes", params={"since": 0, "limit": 1000}).json()["changes"]
    assert not [c for c in changes if c["kind"] == "dossier" and c["body"]["code"].startswith(agency)]
    # Attachments are per agency too.
    sha = "a" * 64
    assert a.put(f"/v1/attachments/{sha}", json={"size": 3}).status_code == 200
    assert b.get(f"/v1/attachments/{sha}").status_code == 404


def test_pull_by_cursor_returns_department_changes_in_order(admin, counter_client, agency):
    q1, q2 = counter_client("Q01"), counter_client("Q02")
    push(q1, [event(agency, i, "received") for i in (1, 2)])
    code = f"{agency}-261127-0001"
    r = admin.http.post(f"/v1/admin/dossiers/{code}/status", json={"status": "processing", "officer": "sotuphap"})
    assert r.status_code == 201
    bad = admin.http.post(f"/v1/admin/dossiers/{code}/status", json={"status": "returned"})
    assert bad.status_code == 409 and "Không thể chuyển" in bad.json()["message_vi"]
    admin.http.post("/v1/admin/holidays", json={"agency_code": agency, "day": "2026-12-31", "kind": "off",
                                                "note": "QĐ thử"}).raise_for_status()
    page1 = q2.get("/v1/changes", params={"since": 0, "limit": 1}).json()
    assert page1["more"] is True and len(page1["changes"]) == 1
    seen, cursor = [], 0
    while True:
        page = q2.get("/v1/changes", params={"since": cursor, "limit": 2}).json()
        seen += page["changes"]
        cursor = page["next_cursor"]
        if not page["more"]:
            break
    mine = [c for c in seen if c["body"].get("code", "").startswith(agency) or c["body"].get("agency_code") == agency]
    assert [(c["kind"], c["body"].get("status")) for c in mine] == [
        ("dossier", "received"), ("dossier", "received"), ("status", "processing"), ("holiday", None)]
    assert mine[0]["origin_counter"] == "Q01"
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert q2.get("/v1/changes", params={"since": cursor}).json()["changes"] == []


def test_leases_are_disjoint_and_stop_below_the_fallback_range(counter_client, agency):
    today = (datetime.utcnow() + timedelta(hours=7)).date()
    qs = [counter_client(f"Q0{i}") for i in range(1, 4)]
    blocks = []
    for _ in range(7):  # 21 requests of 500 > 8,999 leasable numbers
        for q in qs:
            r = q.post("/v1/leases", json={"day": today.isoformat(), "size": 500})
            if r.status_code == 409:
                assert r.json()["code"] == "numbers_exhausted"
                continue
            assert r.status_code == 200, r.text
            blocks.append((r.json()["first"], r.json()["last"]))
    numbers = [n for first, last in blocks for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers)) == 8999 and max(numbers) == 8999
    far = qs[0].post("/v1/leases", json={"day": (today + timedelta(days=60)).isoformat(), "size": 5})
    assert far.status_code == 422 and far.json()["code"] == "day_out_of_range"
    assert qs[0].post("/v1/leases", json={"day": str(date(2020, 1, 1)), "size": 0}).status_code == 422
