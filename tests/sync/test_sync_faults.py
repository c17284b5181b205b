"""Faults: the same batch again and again, the server killed mid-push, the counter SIGKILLed
mid-sync. After each: no dossier lost, none duplicated, the sync completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, time as dtime

from sqlalchemy import func, select, update

from city_backend.testing import ServerProcess
from counter_app.storage.models import OutboxEventRow
from counter_app.sync.engine import SyncOptions, sync_once
from counter_app.sync.push import push_outbox
from sync_helpers import TODAY, issue, prelease, server_counts
from test_sync_roundtrip import unsent

NOW = datetime.combine(TODAY, dtime(9, 0))


def test_lost_answers_resend_the_same_batch_three_times_without_duplicates(city_db, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    issue(q1, 30, now=NOW)
    for attempt in range(3):
        # As if the counter crashed each time after the server applied the batch but before marking it sent.
        q1.store.write(lambda s: s.execute(update(OutboxEventRow).values(sent_at=None)))
        with q1.client() as client:
            summary = push_outbox(q1.store, client, now=lambda: NOW, batch_size=30)
        assert (summary.applied, summary.duplicate) == ((30, 0) if attempt == 0 else (0, 30))
    assert server_counts(city_db, agency) == (30, 30)
    with q1.store.read() as s:
        assert set(s.scalars(select(OutboxEventRow.attempts))) == {3}


def test_server_killed_mid_push_loses_and_duplicates_nothing(city_db, storage_dir, agency, make_counter):
    srv = ServerProcess(city_db, storage_dir).start(migrate=False)
    try:
        q1 = make_counter(agency, "Q01", url=srv.url)
        prelease(q1, 400, now=NOW)
        issue(q1, 400, now=NOW)
        results = {}

        def run() -> None:
            with q1.client() as client:
                results["first"] = sync_once(q1.store, client, now=lambda: NOW, options=SyncOptions(batch_size=5))

        t = threading.Thread(target=run)
        t.start()
        deadline = time.monotonic() + 30
        while server_counts(city_db, agency)[1] < 20 and time.monotonic() < deadline:
            time.sleep(0.01)
        srv.kill()  # SIGKILL by PID, mid-push
        t.join(30)
        first = results["first"]
        assert not first.ok and first.offline and "Không kết nối được" in first.error_vi
        on_server = server_counts(city_db, agency)
        assert 20 <= on_server[0] < 400 and on_server[0] == on_server[1]
        assert unsent(q1) > 0
        srv.start(migrate=False)  # same port
        with q1.client() as client:
            second = sync_once(q1.store, client, now=lambda: NOW)
        assert second.ok
        assert server_counts(city_db, agency) == (400, 400)
        assert unsent(q1) == 0
        # Every event was applied exactly once on the server: the retry applied the rest, and answered
        # "duplicate" for any batch the dead server had committed without the counter hearing back.
        assert on_server[0] + second.push.applied == 400
    finally:
        srv.stop()


def test_counter_sigkilled_mid_sync_then_restarted_completes_exactly(city_db, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    prelease(q1, 400, now=NOW)
    issue(q1, 400, now=NOW)
    q1.store.close()
    cmd = [sys.executable, "-m", "counter_app.cli", "--data-dir", str(q1.profile.root), "sync", "--once",
           "--batch-size", "5"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while server_counts(city_db, agency)[1] < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert 20 <= server_counts(city_db, agency)[0] < 400
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert server_counts(city_db, agency) == (400, 400)
    from counter_app.profile import Profile
    from counter_app.storage.db import Store

    # The command line opened the profile as the installed app does: encrypted (SQLCipher) from then on.
    store = Store.open(q1.profile.db_path, key=Profile.default(q1.profile.root).database_key())
    try:
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEventRow).where(
                OutboxEventRow.sent_at.is_(None))) == 0
    finally:
        store.close()


def test_one_malformed_event_is_rejected_alone_and_does_not_block_the_rest(city_db, agency, make_counter):
    from counter_app.services.operations import Changes, queue_event
    from counter_app.storage.models_sync import SyncRejectionRow

    q1 = make_counter(agency, "Q01")
    issue(q1, 2, now=NOW)
    q1.store.write(lambda s: queue_event(s, Changes(), kind="dossier.status", aggregate="not a code!", at=NOW,
                                         payload={"status": "processing"}))
    issue(q1, 2, now=NOW)
    with q1.client() as client:
        summary = push_outbox(q1.store, client, now=lambda: NOW)
    assert (summary.applied, summary.rejected) == (4, 1)
    assert server_counts(city_db, agency) == (4, 4) and unsent(q1) == 0
    with q1.store.read() as s:
        rej = s.scalar(select(SyncRejectionRow))
        assert rej.aggregate == "not a code!" and rej.reason_code == "invalid_request"
