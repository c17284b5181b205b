"""The counter ships its audit chain in every sync round and the real server verifies it
(security issue #9): intact entries are stored once, in batches; an entry edited by hand in
the counter's SQLite is refused by the server, alerted, shown in the counter's sync status,
and nothing is lost at the counter; once an administrator accepts the break, the next round goes
through it (an edited entry: stored as sent, strict after it; a replaced database: a new epoch)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, time

import psycopg
from sqlalchemy import select

from counter_app.cli import main as cli_main
from counter_app.security import audit
from counter_app.storage.models_security import AuditEntryRow
from counter_app.sync import state
from counter_app.sync.engine import SyncOptions, sync_once
from sync_helpers import TODAY, Counter, receive

NOW = datetime.combine(TODAY, time(9, 0))


def _log(counter, n: int, *, start: int = 0) -> None:
    for i in range(start, start + n):
        counter.store.write(lambda s, i=i: audit.append(s, actor="canbo01", action="view_dossier",
                                                        target=f"{counter.agency}-261127-{i:04d}",
                                                        details={"lần": i}, at=NOW.replace(minute=i % 60)))


def _sync(counter, *, at: datetime = NOW, **options):
    with counter.client() as client:
        return sync_once(counter.store, client, now=lambda: at, options=SyncOptions(**options))


def _edit_by_hand(counter, seq: int, target: str) -> None:
    """Someone with the SQLite file drops the append-only triggers and edits one entry (hash kept)."""
    con = sqlite3.connect(counter.store.path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_entry'"):
        con.execute(f"DROP TRIGGER {name}")
    con.execute("UPDATE audit_entry SET target=? WHERE id=?", (target, seq))
    con.commit()
    con.close()


def _alerts(admin, agency: str) -> list[dict]:
    return admin.http.get("/v1/admin/audit/alerts", params={"agency_code": agency}).json()["alerts"]


def _accept(admin, alert_id: int) -> None:
    r = admin.http.post(f"/v1/admin/audit/alerts/{alert_id}/accept",
                        json={"decided_by": "quantri.ubnd", "reason": "Biên bản 12/BB-VP, đã kiểm tra máy quầy"})
    assert r.status_code == 200, r.text


def _held(admin, counter) -> list[tuple[int, int, str, int | None]]:
    r = admin.http.get("/v1/admin/audit/entries", params={"agency_code": counter.agency, "counter_code": counter.code})
    return [(e["epoch"], e["seq"], e["hash"], e["accepted_alert_id"]) for e in r.json()["entries"]]


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
    _edit_by_hand(q, 5, "sửa-tay")
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


def test_an_accepted_edit_lets_the_next_round_through_and_a_later_edit_is_refused_again(
        city_db, make_counter, agency, admin, capsys):
    q = make_counter(agency, "Q01")
    _log(q, 3)
    assert _sync(q).ok
    _log(q, 3, start=3)
    _edit_by_hand(q, 5, "sửa-tay")
    receive(q, 1, now=NOW)
    refused = _sync(q, at=NOW.replace(hour=10))
    assert not refused.ok and refused.push.applied == 1, "the round's other steps still ran"
    assert refused.audit.refused_vi == refused.error_vi and "help desk" in refused.error_vi
    assert any("Nhật ký gửi thành phố: bị từ chối" in line and "help desk" in line for line in refused.lines())
    with q.store.read() as s:
        status = state.load_status(s)
    assert status.last_success == NOW and "help desk" in status.last_error, "LAST_SUCCESS did not move"

    [alert] = _alerts(admin, agency)
    assert (alert["seq"], alert["kind"]) == (5, "continue")
    _accept(admin, alert["id"])
    after = _sync(q, at=NOW.replace(hour=11))
    assert after.ok, after.error_vi
    assert after.audit.accepted == len(_local(q)) - 3 and after.audit.through == len(_local(q))
    assert "Nhật ký gửi thành phố: " in after.lines()[-1] and "mục mới" in after.lines()[-1]
    with q.store.read() as s:
        status = state.load_status(s)
    assert status.last_success == NOW.replace(hour=11) and status.last_error == ""
    assert _on_server(city_db, q) == _local(q), "the edited entry is stored as sent (its hash was kept)"
    assert [(seq, flag) for _, seq, _, flag in _held(admin, q) if flag] == [(5, alert["id"])]

    through = _cursor(q)
    _log(q, 3, start=20)
    _edit_by_hand(q, through + 2, "sửa-lần-hai")
    again = _sync(q)
    assert not again.ok and f"mục số {through + 2}" in again.error_vi
    newest = _alerts(admin, agency)
    assert len(newest) == 2 and (newest[0]["seq"], newest[0]["accepted_at"]) == (through + 2, None)
    assert _cursor(q) == through and len(_on_server(city_db, q)) == through

    q.store.close()
    assert cli_main(["--data-dir", str(q.profile.root), "sync", "--once"]) == 1
    out = capsys.readouterr().out
    assert "Nhật ký gửi thành phố: bị từ chối, đã xác nhận đến mục số" in out and "help desk" in out


def test_a_replaced_database_is_refused_then_accepted_as_a_new_epoch_and_the_old_entries_stay(
        city_db, make_counter, agency, admin, server, tmp_path):
    q = make_counter(agency, "Q01")
    _log(q, 4)
    assert _sync(q).ok
    old = _local(q)
    replaced = Counter(tmp_path / "replaced", agency, "Q01", q.registration, server.url)  # same token, new profile
    try:
        _log(replaced, 2, start=30)
        refused = _sync(replaced)
        assert not refused.ok and "mục số 1" in refused.error_vi
        [alert] = _alerts(admin, agency)
        assert (alert["seq"], alert["kind"], alert["epoch"]) == (1, "restart", 1)
        assert not _sync(replaced).ok, "still refused until an administrator decides"
        _accept(admin, alert["id"])
        accepted = _sync(replaced)
        assert accepted.ok, accepted.error_vi
        assert (accepted.audit.epoch, accepted.audit.accepted, accepted.audit.through) == (2, 2, 2)
        new = _local(replaced)
        assert [(e, seq, h) for e, seq, h, _ in _held(admin, q)] == (
            [(1, seq, h) for seq, h in old] + [(2, seq, h) for seq, h in new])
        _log(replaced, 1, start=40)
        assert _sync(replaced).audit.accepted == 1
        assert len(_alerts(admin, agency)) == 1
    finally:
        replaced.store.close()


def test_the_administrator_lists_and_accepts_alerts_from_the_server_console(city_db, make_counter, agency, capsys):
    """``city-backend audit alerts|accept`` on the server host: the same decision as the admin API."""
    from city_backend.cli import main as city

    q = make_counter(agency, "Q01")
    _log(q, 4)
    assert _sync(q).ok
    _log(q, 2, start=4)
    _edit_by_hand(q, 5, "sửa-tay")
    assert not _sync(q).ok
    capsys.readouterr()

    assert city(["audit", "alerts", "--db", city_db, "--agency", agency, "--open"]) == 0
    listed = capsys.readouterr().out
    assert f"{agency}/Q01" in listed and "mục số 5" in listed and "CHƯA XỬ LÝ" in listed
    alert_id = int(listed.split()[0].lstrip("#"))
    assert city(["audit", "accept", str(alert_id), "--db", city_db, "--by", "quantri", "--reason", "ok"]) == 1
    assert "ít nhất 10 ký tự" in capsys.readouterr().out  # "ok" is not a reason
    assert city(["audit", "accept", str(alert_id), "--db", city_db, "--by", "quantri.ubnd",
                 "--reason", "Biên bản 12/BB-VP: cán bộ sửa nhầm khi khắc phục sự cố"]) == 0
    assert f"Đã chấp nhận cảnh báo #{alert_id}" in capsys.readouterr().out
    assert _sync(q).ok, "the counter's next round goes through the accepted break"
    assert city(["audit", "alerts", "--db", city_db, "--agency", agency, "--open"]) == 0
    assert capsys.readouterr().out.strip() == "Không có cảnh báo nào."
    assert city(["audit", "alerts", "--db", city_db, "--agency", agency]) == 0
    assert "đã chấp nhận bởi quantri.ubnd" in capsys.readouterr().out
    assert city(["audit", "accept", str(alert_id), "--db", city_db, "--by", "quantri.ubnd",
                 "--reason", "lần thứ hai, cũng đủ dài"]) == 1
    assert "đã được chấp nhận trước đó" in capsys.readouterr().out
    with psycopg.connect(city_db) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event WHERE action='audit.break_accepted' "
                            "AND agency_code=%s", (agency,)).fetchone()[0] == 1
