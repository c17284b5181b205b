"""The server verifies each counter's audit chain (security issue #9): real HTTP, real PostgreSQL.

Entries are built with the counter's own digest (``counter_app.security.audit_chain``); the
server must store an intact chain once, ignore resends, and refuse (with an alert) any batch
that is edited, has a gap, is reordered or restarts a chain it already has."""

from __future__ import annotations

from dataclasses import replace

import httpx
import psycopg

from counter_app.security.audit_chain import GENESIS, Link, digest


def chain(n: int, *, actor: str = "canbo01", start: int = 1, prev: str = GENESIS, minute: int = 0) -> list[Link]:
    links = []
    for seq in range(start, start + n):
        at = f"2026-11-27T{9 + (seq + minute) // 60:02d}:{(seq + minute) % 60:02d}:00"
        details = f'{{"lần":{seq}}}'
        h = digest(seq, at, actor, "view_dossier", f"000.00.01.H26-261127-{seq:04d}", details, prev)
        links.append(Link(seq, at, actor, "view_dossier", f"000.00.01.H26-261127-{seq:04d}", details, prev, h))
        prev = h
    return links


def send(client: httpx.Client, links: list[Link], *, agency: str | None = None,
         counter: str | None = None) -> httpx.Response:
    reg = client.registration
    body = {"agency_code": agency or reg["agency_code"], "counter_code": counter or reg["counter_code"],
            "entries": [vars(link) for link in links]}
    return client.post("/v1/audit/entries", json=body)


def stored(city_db: str, agency: str, counter: str) -> list[tuple[int, str]]:
    with psycopg.connect(city_db) as conn:
        return conn.execute("SELECT seq, hash FROM counter_audit_entry WHERE agency_code=%s AND counter_code=%s "
                            "ORDER BY seq", (agency, counter)).fetchall()


def alerts(admin, agency: str) -> list[dict]:
    r = admin.http.get("/v1/admin/audit/alerts", params={"agency_code": agency})
    assert r.status_code == 200, r.text
    return r.json()["alerts"]


def test_an_intact_chain_is_stored_once_and_resending_is_a_no_op(city_db, counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(6)
    r = send(q, links[:4])
    assert r.status_code == 200, r.text
    assert r.json() == {"accepted": 4, "duplicate": 0, "epoch": 1, "last_seq": 4, "last_hash": links[3].hash}
    again = send(q, links[:4])
    assert again.json() == {"accepted": 0, "duplicate": 4, "epoch": 1, "last_seq": 4, "last_hash": links[3].hash}
    overlap = send(q, links[2:])  # a crash after sending, before the counter moved its cursor
    assert overlap.json() == {"accepted": 2, "duplicate": 2, "epoch": 1, "last_seq": 6, "last_hash": links[5].hash}
    assert stored(city_db, agency, "Q01") == [(link.seq, link.hash) for link in links]
    assert alerts(admin, agency) == []


def test_a_forged_hash_is_refused_alerted_once_and_nothing_is_stored(city_db, counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(3)
    forged = replace(links[1], target="000.00.01.H26-261127-9999")  # content changed, hash kept
    for attempt in (1, 2):
        r = send(q, [links[0], forged, links[2]])
        assert r.status_code == 409, r.text
        body = r.json()
        assert body["code"] == "audit_chain_broken" and "mục số 2" in body["message_vi"]
        listed = alerts(admin, agency)
        assert len(listed) == 1 and listed[0]["repeats"] == attempt
    assert listed[0]["counter_code"] == "Q01" and listed[0]["seq"] == 2 and "content" in listed[0]["reason"]
    assert stored(city_db, agency, "Q01") == []
    with psycopg.connect(city_db) as conn:
        events = conn.execute("SELECT count(*) FROM audit_event WHERE agency_code=%s AND action=%s",
                              (agency, "audit.chain_broken")).fetchone()[0]
    assert events == 1, "the first alert also goes to the server's own audit log"


def test_gaps_reorderings_and_a_restarted_chain_are_refused(city_db, counter_client, agency, admin):
    q = counter_client("Q01")
    links = chain(6)
    assert send(q, links[:3]).status_code == 200
    gap = send(q, links[4:])  # entry 4 deleted at the counter
    assert gap.status_code == 409 and gap.json()["code"] == "audit_chain_broken"
    reordered = send(q, [links[3], links[5], links[4]])
    assert reordered.status_code == 409
    restarted = chain(4, actor="canbo02")  # the counter's database replaced: a new chain from 1
    r = send(q, restarted)
    assert r.status_code == 409 and "mục số 1" in r.json()["message_vi"]
    rewritten = chain(3, start=3, prev=links[1].hash, minute=7)  # entries 3.. rewritten and rehashed
    assert send(q, rewritten).status_code == 409
    reasons = sorted(a["reason"] for a in alerts(admin, agency))
    assert len(reasons) == 4 and any("gap" in x for x in reasons) and any("missing" in x for x in reasons)
    assert sum("received before" in x for x in reasons) == 2
    assert stored(city_db, agency, "Q01") == [(link.seq, link.hash) for link in links[:3]]
    assert send(q, links[3:]).json()["accepted"] == 3, "the intact continuation is still accepted"


def test_a_counter_cannot_push_entries_of_another_counter(city_db, counter_client, agency, admin):
    q1, q2 = counter_client("Q01"), counter_client("Q02")
    links = chain(3)
    assert send(q1, links[:2]).status_code == 200
    r = send(q2, links[2:], counter="Q01")
    assert r.status_code == 403 and r.json()["code"] == "not_your_counter"
    other = counter_client("Q01", agency_code=_other_agency(admin))
    assert send(q2, links, agency=other.registration["agency_code"], counter="Q01").status_code == 403
    assert stored(city_db, agency, "Q01") == [(link.seq, link.hash) for link in links[:2]]
    assert stored(city_db, agency, "Q02") == []


def test_alerts_are_for_administrators_only(server, counter_client):
    q = counter_client("Q01")
    assert q.get("/v1/admin/audit/alerts").status_code == 403
    assert httpx.get(f"{server.url}/v1/admin/audit/alerts", headers={"X-Admin-Token": "wrong"}).status_code == 403


def _other_agency(admin) -> str:
    from backend_helpers import new_agency_code

    code = new_agency_code()
    admin.agency(code)
    return code


def test_migration_0006_matches_the_models_and_round_trips(pg_base):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from city_backend import migrate
    from city_backend.db import normalise_url
    from city_backend.models import Base
    from city_backend.testing import fresh_database

    mine = {"counter_audit_entry", "counter_audit_alert"}

    def tables(conn) -> set[str]:
        return set(conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname='public'").scalars())

    def table_of(entry) -> str:
        obj = entry[0][1] if isinstance(entry, list) else entry[1]
        return obj.table.name if hasattr(obj, "table") else getattr(obj, "name", "")

    with fresh_database(pg_base, prefix="audit_mig") as url:
        migrate.upgrade(url)
        engine = create_engine(normalise_url(url))
        try:
            with engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
                assert mine <= tables(conn)
            assert [d for d in diff if table_of(d) in mine] == []
            migrate.downgrade(url, "0005")
            with engine.connect() as conn:
                assert not (mine & tables(conn))
            assert migrate.upgrade(url) == migrate.head_revision()
        finally:
            engine.dispose()
