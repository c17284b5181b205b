"""An administrator accepts a break of a counter's audit chain (security issue #9): real HTTP, real PostgreSQL.

Only the accepted break goes through, once, at the counter's next push: an edited or deleted entry
is stored as sent (flagged with the alert) and the chain is verified strictly again after it; a
restarted chain (database replaced) opens a new epoch verified from GENESIS, the old one kept.
Everything else keeps being refused, with a new alert."""

from __future__ import annotations

from dataclasses import replace

import httpx
import psycopg
from test_backend_audit import alerts, chain, send

ACCEPT = {"decided_by": "quantri.ubnd", "reason": "Biên bản 12/BB-VP: ổ cứng máy quầy bị lỗi, đã kiểm tra tại chỗ"}


def accept(admin, alert_id: int, body: dict | None = None) -> httpx.Response:
    return admin.http.post(f"/v1/admin/audit/alerts/{alert_id}/accept", json=ACCEPT if body is None else body)


def entries(admin, agency: str, counter: str, **params) -> list[tuple[int, int, str, int | None]]:
    r = admin.http.get("/v1/admin/audit/entries", params={"agency_code": agency, "counter_code": counter, **params})
    assert r.status_code == 200, r.text
    return [(e["epoch"], e["seq"], e["hash"], e["accepted_alert_id"]) for e in r.json()["entries"]]


def events(city_db: str, agency: str, action: str) -> list[dict]:
    with psycopg.connect(city_db) as conn:
        return [row[0] for row in conn.execute("SELECT detail FROM audit_event WHERE agency_code=%s AND action=%s "
                                               "ORDER BY id", (agency, action))]


def test_an_accepted_edit_is_stored_as_sent_and_the_chain_is_verified_strictly_after_it(
        city_db, counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(9)
    assert send(q, links[:3]).status_code == 200
    edited = replace(links[3], target="sửa-tay")  # entry 4 edited at the counter, hash kept
    batch = [edited, *links[4:6]]
    assert send(q, batch).status_code == 409
    [alert] = alerts(admin, agency)
    assert (alert["seq"], alert["kind"], alert["accepted_by"], alert["epoch"]) == (4, "continue", None, 1)

    r = accept(admin, alert["id"])
    assert r.status_code == 200, r.text
    decided = r.json()
    assert (decided["accepted_by"], decided["accept_reason"]) == (ACCEPT["decided_by"], ACCEPT["reason"])
    assert decided["accepted_at"] and decided["applied_at"] is None
    [event] = events(city_db, agency, "audit.break_accepted")
    assert (event["alert"], event["decided_by"], event["reason"]) == (alert["id"], *ACCEPT.values())
    assert accept(admin, alert["id"]).json()["code"] == "alert_already_accepted"

    ok = send(q, batch)
    assert ok.status_code == 200, ok.text
    assert ok.json()["accepted"] == 3 and ok.json()["last_seq"] == 6
    held = entries(admin, agency, "Q01")
    assert [(seq, flag) for _, seq, _, flag in held] == [(1, None), (2, None), (3, None), (4, alert["id"]),
                                                          (5, None), (6, None)]
    assert held[3][2] == edited.hash, "the entry is stored as sent"
    assert alerts(admin, agency)[0]["applied_at"] is not None
    assert send(q, [edited]).json()["duplicate"] == 1, "resending what was stored is a no-op"

    later = replace(links[7], action="delete_dossier")  # a second, later edit: refused again, a new alert
    r = send(q, [links[6], later, links[8]])
    assert r.status_code == 409 and "mục số 8" in r.json()["message_vi"]
    newest = alerts(admin, agency)
    assert len(newest) == 2 and (newest[0]["seq"], newest[0]["accepted_at"]) == (8, None)
    assert [seq for _, seq, _, _ in entries(admin, agency, "Q01")] == [1, 2, 3, 4, 5, 6]
    assert send(q, links[6:]).json()["accepted"] == 3, "the intact continuation links to the stored entry 6"


def test_an_accepted_deletion_skips_the_missing_entry_and_links_to_the_next_one(counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(7)
    assert send(q, links[:3]).status_code == 200
    r = send(q, links[4:6])  # entry 4 deleted at the counter
    assert r.status_code == 409
    [alert] = alerts(admin, agency)
    assert (alert["seq"], alert["kind"]) == (5, "continue") and "gap" in alert["reason"]
    assert accept(admin, alert["id"]).status_code == 200
    assert send(q, links[4:]).json() == {"accepted": 3, "duplicate": 0, "epoch": 1, "last_seq": 7,
                                         "last_hash": links[6].hash}
    assert [(seq, flag) for _, seq, _, flag in entries(admin, agency, "Q01")] == [
        (1, None), (2, None), (3, None), (5, alert["id"]), (6, None), (7, None)]


def test_an_accepted_restart_opens_a_new_epoch_verified_from_genesis_and_keeps_the_old_one(
        city_db, counter_client, agency, admin):
    q = counter_client("Q01")
    old = chain(5)
    assert send(q, old).status_code == 200
    new = chain(4, actor="canbo02", minute=30)  # the counter's database replaced: a new chain from 1
    assert send(q, new[:3]).status_code == 409
    [alert] = alerts(admin, agency)
    assert (alert["seq"], alert["kind"], alert["epoch"]) == (1, "restart", 1)
    assert accept(admin, alert["id"]).status_code == 200

    forged = [new[0], replace(new[1], target="000.00.01.H26-261127-9999"), new[2]]
    refused = send(q, forged)  # the new chain is verified strictly from its genesis
    assert refused.status_code == 409 and "mục số 2" in refused.json()["message_vi"]
    assert alerts(admin, agency)[0]["epoch"] == 2 and alerts(admin, agency)[1]["applied_at"] is None

    r = send(q, new[:3])
    assert r.status_code == 200, r.text
    assert r.json() == {"accepted": 3, "duplicate": 0, "epoch": 2, "last_seq": 3, "last_hash": new[2].hash}
    assert send(q, new[3:]).json()["epoch"] == 2
    held = entries(admin, agency, "Q01")
    assert [(epoch, seq, h) for epoch, seq, h, _ in held] == (
        [(1, link.seq, link.hash) for link in old] + [(2, link.seq, link.hash) for link in new])
    assert all(flag is None for *_, flag in held), "a new epoch is verified, not stored as sent"
    assert len(entries(admin, agency, "Q01", epoch=1)) == 5
    again = send(q, old)  # the old chain again: refused, the new epoch is the counter's chain now
    assert again.status_code == 409
    assert alerts(admin, agency)[0]["epoch"] == 2
    assert [row[0] for row in entries(admin, agency, "Q01", epoch=2)] == [2, 2, 2, 2]
    assert len(events(city_db, agency, "audit.break_accepted")) == 1


def test_a_rewrite_of_entries_already_held_cannot_be_accepted(counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(5)
    assert send(q, links).status_code == 200
    rewritten = chain(3, start=3, prev=links[1].hash, minute=7)  # entries 3.. rewritten and rehashed
    assert send(q, rewritten).status_code == 409
    [alert] = alerts(admin, agency)
    assert alert["kind"] == "rewrite"
    r = accept(admin, alert["id"])
    assert r.status_code == 409 and r.json()["code"] == "audit_break_not_acceptable"
    assert alerts(admin, agency)[0]["accepted_by"] is None
    assert send(q, rewritten).status_code == 409


def test_only_an_administrator_accepts_and_only_with_a_reason(server, city_db, counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(3)
    assert send(q, [links[0], replace(links[1], actor="canbo09"), links[2]]).status_code == 409
    [alert] = alerts(admin, agency)
    url = f"/v1/admin/audit/alerts/{alert['id']}/accept"
    assert q.post(url, json=ACCEPT).status_code == 403, "a counter token is not an admin"
    assert httpx.post(f"{server.url}{url}", json=ACCEPT, headers={"X-Admin-Token": "wrong"}).status_code == 403
    missing = accept(admin, alert["id"], {"decided_by": "quantri.ubnd"})
    assert missing.status_code == 422 and missing.json()["message_vi"]
    blank_reason, blank_who = {**ACCEPT, "reason": "   ok    "}, {**ACCEPT, "decided_by": "  "}
    for body in (blank_reason, blank_who):
        r = accept(admin, alert["id"], body)
        assert r.status_code == 422 and r.json()["code"] == "reason_required" and "lý do" in r.json()["message_vi"]
    assert accept(admin, 10**12).status_code == 404
    assert accept(admin, alert["id"], {**ACCEPT, "decided_by": "x" * 65}).status_code == 422
    assert alerts(admin, agency)[0]["accepted_at"] is None and events(city_db, agency, "audit.break_accepted") == []
    assert send(q, [links[0], replace(links[1], actor="canbo09"), links[2]]).status_code == 409, "still refused"
    longest = accept(admin, alert["id"], {**ACCEPT, "decided_by": "quản trị viên " + "x" * 50})
    assert longest.status_code == 200 and len(longest.json()["accepted_by"]) == 64


def test_two_swapped_entries_need_one_acceptance_per_break(counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(8)
    assert send(q, links[:4]).status_code == 200
    a, b = links[4], links[5]  # the rows of entries 5 and 6 swapped their contents at the counter
    swapped = [replace(b, seq=5), replace(a, seq=6), *links[6:]]
    broken_at = []
    for _ in range(4):
        r = send(q, swapped)
        if r.status_code == 200:
            break
        newest = alerts(admin, agency)[0]
        broken_at.append((newest["seq"], newest["kind"]))
        assert accept(admin, newest["id"]).status_code == 200
    assert r.status_code == 200, r.text
    assert broken_at == [(5, "continue"), (6, "continue"), (7, "continue")]
    assert [seq for _, seq, _, flag in entries(admin, agency, "Q01") if flag] == [5, 6, 7]
