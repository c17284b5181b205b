"""The running app's numbering choice (server leases once a city server is configured, local
ones without) and what a round's pull tells the screens to redraw."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from counter_app.services.numbering import NumberingUnavailable
from counter_app.storage.models import NumberLeaseRow
from counter_app.storage.models_sync import SyncLeasePoolRow
from counter_app.sync import state
from counter_app.sync.background import ConfiguredAllocator, round_changes
from counter_app.sync.engine import RoundSummary
from counter_app.sync.pull import PullSummary

DAY, AT, AGENCY = date(2026, 11, 27), datetime(2026, 11, 27, 9, 0), "000.00.01.H26"


def _next(store, allocator) -> str:
    return store.write(lambda s: allocator.next_code(s, agency_code=AGENCY, day=DAY, now=AT).format())


def _sources(store) -> list[tuple[str, int, int]]:
    with store.read() as s:
        return [(r.source, r.first, r.last) for r in s.scalars(select(NumberLeaseRow).order_by(NumberLeaseRow.id))]


def test_local_leases_without_a_server_then_only_server_leases_once_one_is_configured(store):
    allocator = ConfiguredAllocator(counter_code="Q01", now=lambda: AT, block_size=3)
    assert [_next(store, allocator) for _ in range(2)] == [f"{AGENCY}-261127-0001", f"{AGENCY}-261127-0002"]
    assert allocator.source.source_for is not None and _sources(store) == [("local", 1, 3)]

    def configure(s):
        state.put(s, state.SERVER_URL, "https://motcua.example")
        state.put(s, state.TOKEN, "t")
        s.add(SyncLeasePoolRow(agency_code=AGENCY, day=DAY, first=301, last=302, fetched_at=AT, taken_at=None))
    store.write(configure)
    # The local block still open (0003 left) is closed: its numbers may be another counter's server lease.
    assert [_next(store, allocator) for _ in range(2)] == [f"{AGENCY}-261127-0301", f"{AGENCY}-261127-0302"]
    with pytest.raises(NumberingUnavailable) as err:  # pool used up, no fallback slice known: never invent
        _next(store, allocator)
    assert "dải số dự phòng" in err.value.message_vi
    store.write(lambda s: (state.put(s, state.FALLBACK_FIRST, 9100), state.put(s, state.FALLBACK_LAST, 9199)))
    assert _next(store, allocator) == f"{AGENCY}-261127-9100"
    assert _sources(store) == [("local", 1, 2), ("server", 301, 302), ("fallback", 9100, 9199)]


def test_round_changes_name_the_dossiers_the_pull_moved():
    assert round_changes(RoundSummary(ok=True)) is None
    changes = round_changes(RoundSummary(ok=True, pull=PullSummary(statuses=2, dossiers={"A-1", "A-2"})))
    assert changes.dossiers == {"A-1", "A-2"} and not changes.catalog and not changes.calendar
    changes = round_changes(RoundSummary(ok=True, pull=PullSummary(procedures=1, holidays=3)))
    assert changes.catalog and changes.calendar and changes.dossiers == set()
