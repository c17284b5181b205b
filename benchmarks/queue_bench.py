"""Queue benchmarks against a real city server (uvicorn) on a fresh PostgreSQL database, loopback.

Rows:

* ``queue.call_to_display_ms``: a display holds the long-poll ``/v1/queue/calls`` open; a counter
  calls the next ticket; time from the call's answer to the display's answer, median of N — goal
  ≤ 1,000 ms (the issue: "a call reaches the display within a second"). Baseline: a plain
  ``/healthz`` round trip (median), the floor of any HTTP answer here.
* ``queue.call_next_per_s_4_counters``: four counters call and finish tickets at once until the
  queue is empty (each ticket called once, checked). Baseline: one counter doing the same alone;
  ratio > 1 = the counters do not serialise behind each other.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from city_backend.testing import Admin, ServerProcess, fresh_database, postgres_base_url  # noqa: E402
from counter_app.sync.queue_client import QueueClient  # noqa: E402


def _site(admin: Admin, url: str, codes: list[str]) -> list[QueueClient]:
    h = uuid.uuid4().hex.upper()
    agency = f"{h[:3]}.{h[3:5]}.{h[5:7]}.K{h[7:9]}"
    admin.agency(agency)
    return [QueueClient(url, admin.counter(agency, c)["token"]) for c in codes]


def _latency(admin: Admin, url: str, n: int) -> float:
    kiosk, counter, tv = _site(admin, url, ["KIOSK", "Q01", "TV01"])
    for _ in range(n):
        kiosk.issue("hotich", prefix="A")
    last, samples = tv.calls()["last_seq"], []
    for _ in range(n):
        box: dict = {}

        def poll():
            box["answer"], box["at"] = tv.calls(last, wait=5), time.perf_counter()
        th = threading.Thread(target=poll)
        th.start()
        time.sleep(0.1)
        counter.call_next([])
        t0 = time.perf_counter()
        th.join()
        samples.append(max(0.0, box["at"] - t0) * 1000)
        last = box["answer"]["last_seq"]
    for c in (kiosk, counter, tv):
        c.close()
    return statistics.median(samples)


def _throughput(admin: Admin, url: str, tickets: int, counters: int) -> float:
    clients = _site(admin, url, ["KIOSK", *(f"Q{i:02d}" for i in range(1, counters + 1))])
    for _ in range(tickets):
        clients[0].issue("hotich", prefix="A")
    seen: list[str] = []

    def desk(c: QueueClient) -> None:
        while (t := c.call_next([])) is not None:
            seen.append(t["id"])
            c.act(t["id"], "serve")
            c.act(t["id"], "done")
    t0 = time.perf_counter()
    threads = [threading.Thread(target=desk, args=(c,)) for c in clients[1:]]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - t0
    assert len(seen) == len(set(seen)) == tickets, "a ticket was called twice or lost"
    for c in clients:
        c.close()
    return tickets / elapsed


def rows(quick: bool) -> list[tuple]:
    n, tickets = (10, 100) if quick else (30, 400)
    with postgres_base_url() as base, fresh_database(base, prefix="queue_bench") as db:
        root = Path(tempfile.mkdtemp(prefix="queue-bench-"))
        server = ServerProcess(db, root / "storage").start()
        admin = Admin(server.url)
        try:
            with httpx.Client(base_url=server.url) as h:
                health = []
                for _ in range(n):
                    t0 = time.perf_counter()
                    h.get("/healthz")
                    health.append((time.perf_counter() - t0) * 1000)
            latency = _latency(admin, server.url, n)
            alone = _throughput(admin, server.url, tickets // 4, 1)
            four = _throughput(admin, server.url, tickets, 4)
        finally:
            admin.close()
            server.stop()
    return [
        ("queue.call_to_display_ms", round(latency, 1), "ms", round(statistics.median(health), 1),
         round(latency / statistics.median(health), 2)),
        ("queue.call_next_per_s_4_counters", round(four, 1), "tickets/s", round(alone, 1), round(four / alone, 2)),
    ]


if __name__ == "__main__":
    for row in rows("--quick" in sys.argv):
        print(*row, sep="\t")
