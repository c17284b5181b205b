"""The counter ships its audit chain in every sync round and the real server verifies it
(security issue #9): intact entries are stored once, in batches; an entry edited by hand in
the counter's SQLite is refused by the server, alerted, shown in the counter's sync status,
and nothing is lost at the counter."""

from __future__ import annotations

import sqlite3
from datetime import datetime, time

import psycopg
from sqlalchemy import select

from counter_app.security import audit
from counter_app.storage.models_security import AuditEntryRow
from counter_app.sync import state
from counter_app.sync.engine import SyncOptions, sync_once
from sync_helpers import TODAY

NOW = datetime.combine(TODAY, time(9, 0))


def _log(counter, n: int, *, start: int = 0) -> None:
    for i in range(start, start + n):
        counter.store.write(lambda s, i=i: audit.append(s, actor="canbo01", action="view_dossier",
                                                        target=f"{counter.agency}-261127-{i:04d}",
                                                        details={"lần": i}, at=NOW.replace(minute=i % 60)))


def _sync(counter, **options):
    with counter.client() as client:
        return sync_once(counter.store, client, now=lambda: NOW, options=SyncOptions(**options))


def _local(counter) -> list[tuple[int, str]]:
    with counter.store.read() as s:
        return [(r.id, r.hash) for r in s.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id))]


def _on_server(city_db: str, counter) -> list[tuple[int, str]]:
    with psycopg.connect(city_db) as conn:
        return conn.execute("SELECT seq, hash FROM counter_audit_entry WHERE agency_code=%s AND counter_code=%s "
                            "ORDER BY seq", (counter.agency, counter.code)).fetchall()


def _cursor(counter) -> int:
    with counter.store.read() as s:
        return int(state.get(s, state.AUDIT_SENT_THROUGH, "0"))


def test_each_round_ships_the_new_entries_in_batches_and_the_server_holds_the_same_chain(
        city_db, make_counter, agency):
    q = make_counter(agency, "Q01")
    _log(q, 7)
    first = _sync(q, batch_size=3)
    assert first.ok, first.error_vi
    assert (first.audit.accepted, first.audit.batches, first.audit.through) == (7, 3, 7)
    assert _on_server(city_db, q) == _local(q) and len(_local(q)) == 7
    quiet = _sync(q, batch_size=3)
    assert quiet.ok and (quiet.audit.accepted, quiet.audit.batches) == (0, 0), "nothing new: nothing sent"
    _log(q, 2, start=7)
    more = _sync(q)
    assert more.ok and (more.audit.accepted, more.audit.duplicate, more.audit.through) == (2, 0, 9)
    assert _on_server(city_db, q) == _local(q) and _cursor(q) == 9


def test_a_lost_cursor_just_resends_and_the_server_answers_duplicate(city_db, make_counter, agency):
    q = make_counter(agency, "Q01")
    _log(q, 4)
    assert _sync(q).ok
    q.store.write(lambda s: state.put(s, state.AUDIT_SENT_THROUGH, None))  # e.g. crash before the cursor moved
    again = _sync(q)
    assert again.ok, again.error_vi
    assert (again.audit.accepted, again.audit.duplicate, again.audit.through) == (0, 4, 4)
    assert _on_server(city_db, q) == _local(q)


def test_an_entry_edited_by_hand_is_refused_alerted_and_shown_and_nothing_is_lost(
        city_db, make_counter, agency, admin):
    q, other = make_counter(agency, "Q01"), make_counter(agency, "Q02")
    _log(q, 3)
    _log(other, 2)
    assert _sync(q).ok and _sync(other).ok
    _log(q, 3, start=3)
    con = sqlite3.connect(q.store.path)  # someone with the file: drops the append-only triggers, edits entry 5
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_entry'"):
        con.execute(f"DROP TRIGGER {name}")
    con.execute("UPDATE audit_entry SET target='sửa-tay' WHERE id=5")
    con.commit()
    con.close()
    local_before = _local(q)

    summary = _sync(q)
    assert not summary.ok and not summary.offline
    assert "nhật ký" in summary.error_vi and "mục số 5" in summary.error_vi
    with q.store.read() as s:
        status = state.load_status(s)
        assert status.last_error == summary.error_vi, "the officer sees the refusal in the sync status"
        assert s.get(AuditEntryRow, 5).target == "sửa-tay"
    assert _local(q) == local_before and _cursor(q) == 3, "every local entry kept, the cursor did not move"
    assert _on_server(city_db, q) == local_before[:3]

    alerts = admin.http.get("/v1/admin/audit/alerts", params={"agency_code": agency}).json()["alerts"]
    assert [(a["counter_code"], a["seq"]) for a in alerts] == [("Q01", 5)]
    assert not _sync(q).ok, "refused again at the next round"
    alerts = admin.http.get("/v1/admin/audit/alerts", params={"agency_code": agency}).json()["alerts"]
    assert len(alerts) == 1 and alerts[0]["repeats"] == 2
    _log(other, 1, start=2)
    assert _sync(other).ok, "another counter's chain is not affected"
    assert len(_on_server(city_db, other)) == 3
