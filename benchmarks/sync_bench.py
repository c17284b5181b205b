"""Sync benchmarks against a real city server (uvicorn) on a fresh PostgreSQL database, loopback.

Rows (baseline measured in the same run):

* ``sync.backlog_1000_s``: a counter with 1,000 unsynced dossiers after an outage runs one
  ``sync_once`` round (push in batches, pull, leases) — goal ≤ 10 s. Baseline: the same number
  of events pushed one request per event (the naive client); ratio < 1 = faster than naive.
* ``sync.ingest_dossiers_per_s``: four counters of four agencies push new dossiers at once in
  batches of 500 — goal ≥ 1,000/s. Baseline: bare ``executemany`` INSERTs of as many rows with
  the same payload into a scratch table (the database's floor); ratio = share of that speed.
* ``sync.pull_p99_ms_200_counters``: 200 counters pull ``/v1/changes`` concurrently (20 at a
  time), three polls each after a first contact — goal p99 ≤ 250 ms. Baseline: ``/healthz``
  p99 under the same load.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from city_backend.testing import Admin, ServerProcess, fresh_database, postgres_base_url  # noqa: E402


def _agency() -> str:
    h = uuid.uuid4().hex.upper()
    return f"{h[:3]}.{h[3:5]}.{h[5:7]}.B{h[7:9]}"


def _now() -> datetime:
    return (datetime.utcnow() + timedelta(hours=7)).replace(microsecond=0)


def _event(agency: str, seq: int, now: datetime) -> dict:
    code = f"{agency}-{now:%y%m%d}-{seq:04d}"
    return {"event_id": str(uuid.uuid4()), "kind": "dossier.receive", "aggregate": code,
            "created_at": now.isoformat(),
            "payload": {"code": code, "status": "received", "national_status": 2, "procedure_code": "1.004873",
                        "channel": 1, "agency_code": agency, "due_at": None}}


def _backlog(admin: Admin, server: ServerProcess, n: int, root: Path) -> float:
    from counter_app.profile import Profile
    from counter_app.services.operations import Changes, queue_event
    from counter_app.storage.models import SettingRow
    from counter_app.sync import state
    from counter_app.sync.client import SyncClient
    from counter_app.sync.engine import sync_once

    agency = _agency()
    admin.agency(agency)
    reg = admin.counter(agency, "Q01")
    store = Profile(root / "bench-counter").open_store()
    now = _now()

    def fill(s) -> None:
        s.merge(SettingRow(key="agency_code", value=agency))
        s.merge(SettingRow(key="counter_code", value="Q01"))
        for i in range(1, n + 1):
            e = _event(agency, i, now)
            queue_event(s, Changes(), kind=e["kind"], aggregate=e["aggregate"], payload=e["payload"], at=now)
        state.put(s, state.TOKEN, reg["token"])
    store.write(fill)
    with SyncClient(server.url, reg["token"]) as client:
        t0 = time.perf_counter()
        summary = sync_once(store, client, now=_now)
        elapsed = time.perf_counter() - t0
    store.close()
    assert summary.ok and summary.push.applied == n, summary
    return elapsed


def _naive(admin: Admin, server: ServerProcess, n: int) -> float:
    agency = _agency()
    admin.agency(agency)
    token = admin.counter(agency, "Q01")["token"]
    now = _now()
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}) as c:
        t0 = time.perf_counter()
        for i in range(1, n + 1):
            c.post("/v1/events:push", json={"sent_at": now.isoformat(), "events": [_event(agency, i, now)]}
                   ).raise_for_status()
        return time.perf_counter() - t0


def _ingest(admin: Admin, server: ServerProcess, per_counter: int) -> float:
    tokens, now = [], _now()
    for _ in range(4):
        agency = _agency()
        admin.agency(agency)
        tokens.append((agency, admin.counter(agency, "Q01")["token"]))
    batches = {token: [[_event(agency, i, now) for i in range(start, min(start + 500, per_counter + 1))]
                       for start in range(1, per_counter + 1, 500)] for agency, token in tokens}

    def run(token: str) -> None:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
            for batch in batches[token]:
                r = c.post("/v1/events:push", json={"sent_at": now.isoformat(), "events": batch})
                r.raise_for_status()
                assert all(x["result"] == "applied" for x in r.json()["results"])

    t0 = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(run, [t for _, t in tokens]))
    return 4 * per_counter / (time.perf_counter() - t0)


def _raw_insert_rate(db_url: str, n: int) -> float:
    import json

    import psycopg

    now = _now()
    rows = [(str(uuid.uuid4()), json.dumps(_event("000.00.00.B00", i % 9999 + 1, now)["payload"])) for i in range(n)]
    with psycopg.connect(db_url) as conn:
        conn.execute("CREATE TEMP TABLE scratch (event_id varchar(36) UNIQUE, payload json)")
        t0 = time.perf_counter()
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO scratch VALUES (%s, %s)", rows)
        conn.commit()
        return n / (time.perf_counter() - t0)


def _p99_ms(fn, calls: int, threads: int = 20) -> float:
    def timed(i: int) -> float:
        t0 = time.perf_counter()
        fn(i)
        return (time.perf_counter() - t0) * 1000

    with ThreadPoolExecutor(threads) as pool:
        samples = sorted(pool.map(timed, range(calls)))
    return samples[min(len(samples) - 1, int(0.99 * len(samples)))]


def _pull(admin: Admin, server: ServerProcess, counters: int) -> tuple[float, float]:
    agency = _agency()
    admin.agency(agency)
    tokens = [admin.counter(agency, f"P{i:03d}")["token"] for i in range(counters)]
    clients = [httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {t}"}, timeout=30) for t in tokens]
    try:
        def pull_once(i: int) -> None:
            clients[i % counters].get("/v1/changes", params={"since": 0, "limit": 100}).raise_for_status()

        _p99_ms(pull_once, counters)  # first contact: TCP connections, server-side pool, token check
        pull = _p99_ms(pull_once, 3 * counters)  # steady state: every counter polls three times
        health = _p99_ms(lambda i: clients[i % counters].get("/healthz").raise_for_status(), 3 * counters)
    finally:
        for c in clients:
            c.close()
    return pull, health


def rows(quick: bool) -> list[tuple]:
    n_backlog = 300 if quick else 1000
    per_counter = 500 if quick else 2500
    n_counters = 50 if quick else 200
    with postgres_base_url() as base, fresh_database(base, prefix="city_bench") as db:
        root = Path(tempfile.mkdtemp(prefix="sync-bench-"))
        server = ServerProcess(db, root / "storage").start()
        admin = Admin(server.url)
        try:
            backlog = _backlog(admin, server, n_backlog, root)
            naive = _naive(admin, server, n_backlog)
            ingest = _ingest(admin, server, per_counter)
            raw = _raw_insert_rate(db, 4 * per_counter)
            pull, health = _pull(admin, server, n_counters)
        finally:
            admin.close()
            server.stop()
    return [
        (f"sync.backlog_{n_backlog}_s", round(backlog, 2), "s", round(naive, 2), round(backlog / naive, 3)),
        ("sync.ingest_dossiers_per_s", round(ingest), "dossiers/s", round(raw), round(ingest / raw, 3)),
        (f"sync.pull_p99_ms_{n_counters}_counters", round(pull, 1), "ms", round(health, 1),
         round(pull / health, 2) if health else None),
    ]


if __name__ == "__main__":
    for row in rows("--quick" in sys.argv):
        print(*row, sep="\t")
