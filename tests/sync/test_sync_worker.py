"""The background worker (backoff with jitter, online/offline state) and bounded offline debt."""

from __future__ import annotations

import random
import threading
from datetime import datetime, time, timedelta

import pytest

from counter_app.storage.db import Store
from counter_app.sync import state
from counter_app.sync.client import SyncClient
from counter_app.sync.debt import DebtLevel, DebtLimits, check_reception_allowed, evaluate
from counter_app.sync.errors import OfflineDebtExceeded
from counter_app.sync.worker import Backoff, SyncWorker
from sync_faultproxy import FaultProxy
from sync_helpers import TODAY, issue

NOW = datetime.combine(TODAY, time(9, 0))


def test_backoff_is_exponential_capped_and_jittered():
    b, rng = Backoff(base=2, cap=60), random.Random(7)
    assert b.delay(0, rng) == 0
    for n in range(1, 12):
        samples = [b.delay(n, rng) for _ in range(200)]
        ceiling = min(60, 2 * 2 ** (n - 1))
        assert all(0 <= d <= ceiling for d in samples)
        assert max(samples) > 0.8 * ceiling and min(samples) < 0.2 * ceiling  # full jitter spreads the herd
        assert len({round(d, 6) for d in samples}) > 150


def test_worker_goes_offline_then_back_online_through_a_cut_link(agency, make_counter, server):
    q1 = make_counter(agency, "Q01")
    issue(q1, 3, now=NOW)
    proxy = FaultProxy(server.port)
    seen = []
    try:
        worker = SyncWorker(q1.store, interval=3600, backoff=Backoff(base=0.05, cap=0.2),
                            client_factory=lambda: SyncClient(proxy.url, q1.token, timeout=2))
        worker.subscribe(seen.append)
        proxy.refuse = True
        summary = worker.run_round()
        assert not summary.ok and summary.offline and worker.failures == 1
        st = worker.status
        assert not st.online and st.offline_since is not None and st.waiting_events == 3
        assert "Không kết nối được" in st.last_error and 0 <= worker.next_delay() <= 0.05
        assert worker.run_round().offline and worker.failures == 2 and worker.status.offline_since == st.offline_since
        proxy.refuse = False
        done = threading.Event()
        worker.subscribe(lambda s: s.online and not s.running and done.set())
        worker.start()
        worker.sync_now()
        assert done.wait(20), "the worker came back online"
        worker.stop()
        st = worker.status
        assert st.online and st.offline_since is None and st.waiting_events == 0 and st.last_error == ""
        assert worker.failures == 0 and worker.next_delay() == 3600
        assert any(s.running for s in seen) and any(not s.online for s in seen)
    finally:
        proxy.close()


@pytest.fixture
def local_store(tmp_path):
    s = Store.open(tmp_path / "c.sqlite")
    yield s
    s.close()


def test_offline_debt_warns_then_blocks_receptions(local_store):
    limits = DebtLimits(warn_hours_offline=24, block_hours_offline=72, warn_unsynced_dossiers=5,
                        block_unsynced_dossiers=10, warn_days_without_catalog=7, block_days_without_catalog=30)
    last_ok = NOW - timedelta(hours=1)
    local_store.write(lambda s: (state.put(s, state.LAST_SUCCESS, last_ok),
                                 state.put(s, state.LAST_CATALOG_SYNC, last_ok)))
    with local_store.read() as s:
        assert check_reception_allowed(s, now=NOW, limits=limits).level is DebtLevel.OK
        report = evaluate(s, now=NOW + timedelta(hours=30), limits=limits)
        assert report.level is DebtLevel.WARN and "chưa đồng bộ" in report.messages_vi[0]
        with pytest.raises(OfflineDebtExceeded) as err:
            check_reception_allowed(s, now=NOW + timedelta(hours=80), limits=limits)
    assert "Tạm dừng tiếp nhận" in err.value.message_vi and "Đồng bộ ngay" in err.value.message_vi


def test_offline_debt_counts_unsynced_dossiers_and_catalog_age(local_store):
    from counter_app.services.operations import Changes, queue_event

    limits = DebtLimits(warn_unsynced_dossiers=2, block_unsynced_dossiers=4, warn_days_without_catalog=7,
                        block_days_without_catalog=30)
    local_store.write(lambda s: (state.put(s, state.LAST_SUCCESS, NOW),
                                 state.put(s, state.LAST_CATALOG_SYNC, NOW - timedelta(days=10))))
    with local_store.read() as s:
        r = evaluate(s, now=NOW, limits=limits)
        assert r.level is DebtLevel.WARN and r.days_without_catalog == pytest.approx(10)
    for i in range(4):  # two events of one dossier count once
        local_store.write(lambda s, i=i: [queue_event(s, Changes(), kind="dossier.receive", aggregate=f"X-{i}",
                                                      payload={}, at=NOW) for _ in range(2)])
    with local_store.read() as s:
        r = evaluate(s, now=NOW, limits=limits)
        assert r.unsynced_dossiers == 4 and r.level is DebtLevel.BLOCK
        assert any("4 hồ sơ chưa gửi" in m for m in r.messages_vi)
