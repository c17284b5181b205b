"""Number leases: three counters of one agency offline for two simulated days, 500 dossiers each."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import psycopg
import pytest

from counter_app.services.numbering import NumberingUnavailable
from counter_app.sync.engine import SyncOptions, sync_once
from sync_helpers import TODAY, issue, prelease

DAYS = [datetime.combine(TODAY, time(9, 0)), datetime.combine(TODAY + timedelta(days=1), time(9, 0))]


def test_three_counters_offline_two_days_never_collide(city_db, agency, make_counter):
    counters = [make_counter(agency, f"Q0{i}") for i in (1, 2, 3)]
    for q in counters:  # online in the morning: 200 numbers per day leased ahead, for today and tomorrow
        prelease(q, 200, now=DAYS[0], days_ahead=1)
    codes: dict[str, list[str]] = {}
    for q in counters:  # then the network is down for two days: 250 receptions a day at each counter
        codes[q.code] = [c for now in DAYS for c in issue(q, 250, now=now)]
    every = [c for cs in codes.values() for c in cs]
    assert len(every) == 1500 and len(set(every)) == 1500, "0 collisions"
    fallback = [c for c in every if int(c[-4:]) >= 9000]
    assert len(fallback) == 300  # 50 a day per counter from each counter's own slice
    slices = {q.code: {int(c[-4:]) // 100 for c in codes[q.code] if int(c[-4:]) >= 9000} for q in counters}
    assert slices == {"Q01": {90}, "Q02": {91}, "Q03": {92}}
    for q in counters:  # back online
        with q.client() as client:
            summary = sync_once(q.store, client, now=lambda: DAYS[1], options=SyncOptions(batch_size=500))
        assert summary.ok and summary.push.applied == 500 and summary.push.rejected == 0
    with psycopg.connect(city_db) as conn:
        n, distinct = conn.execute("SELECT count(*), count(DISTINCT code) FROM dossier WHERE agency_code=%s",
                                   (agency,)).fetchone()
        per_counter = dict(conn.execute("SELECT counter_code, count(*) FROM dossier WHERE agency_code=%s "
                                        "GROUP BY counter_code", (agency,)).fetchall())
    assert (n, distinct) == (1500, 1500)
    assert per_counter == {"Q01": 500, "Q02": 500, "Q03": 500}


def test_a_counter_that_used_everything_offline_gets_a_clear_message(agency, make_counter):
    q1 = make_counter(agency, "Q01")
    issue(q1, 100, now=DAYS[0])  # never online: the whole fallback slice of the day
    with pytest.raises(NumberingUnavailable) as err:
        issue(q1, 1, now=DAYS[0])
    assert "dải số dự phòng" in err.value.message_vi and "Kết nối mạng" in err.value.message_vi
