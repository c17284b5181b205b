"""The sync round also reconciles the counter's queue visits (paper tickets keyed in offline)."""

from __future__ import annotations

from datetime import datetime, timedelta

from counter_app.services import queue
from counter_app.sync.engine import sync_once
from counter_app.sync.queue_client import QueueClient


def test_a_round_reconciles_visits_keyed_in_offline_once(agency, make_counter, server):
    q1 = make_counter(agency, "Q01")
    now = datetime.utcnow() + timedelta(hours=7)  # the coordinator's day: Vietnam, within its first minutes too
    now = max(now - timedelta(minutes=20), now.replace(hour=0, minute=0, second=1))
    now = min(now, now.replace(hour=23, minute=45))
    v = q1.store.write(lambda s: queue.key_in_paper(s, number="B014", area="hotich", ctx=q1.ctx, now=now).value)
    q1.store.write(lambda s: queue.serve(s, v.id, ctx=q1.ctx, now=now + timedelta(minutes=2)))
    q1.store.write(lambda s: queue.finish(s, v.id, ctx=q1.ctx, now=now + timedelta(minutes=8)))
    with q1.client() as client:
        first = sync_once(q1.store, client)
        again = sync_once(q1.store, client)
    assert first.ok and first.visits == {"applied": 4, "duplicate": 0, "rejected": 0}
    assert again.ok and again.visits == {"applied": 0, "duplicate": 0, "rejected": 0}
    assert any(line.startswith("Lượt xếp hàng: 4 ghi nhận") for line in first.lines())
    with QueueClient(server.url, q1.token) as coordinator:
        [paper] = [t for t in coordinator.tickets() if t["paper"]]
    assert (paper["number"], paper["state"], paper["counter_code"]) == ("B014", "done", "Q01")
