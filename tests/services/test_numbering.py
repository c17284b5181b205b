from datetime import date, datetime

import pytest

from counter_app.domain.dossier_code import CodeFormat
from counter_app.services.numbering import LocalLeaseSource, NumberAllocator, NumberingUnavailable
from counter_app.storage.models import NumberLeaseRow

AG = "000.00.01.H26"
DAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 0)


def issue(store, allocator, n, day=DAY):
    return [store.write(lambda s: allocator.next_code(s, agency_code=AG, day=day, now=NOW).format())
            for _ in range(n)]


def test_codes_are_sequential_within_a_day_and_restart_next_day(store):
    alloc = NumberAllocator(LocalLeaseSource(), counter_code="Q01", block_size=3)
    codes = issue(store, alloc, 5)
    assert codes == [f"{AG}-261127-000{i}" for i in range(1, 6)]
    assert issue(store, alloc, 1, day=date(2026, 11, 28)) == [f"{AG}-261128-0001"]
    with store.read() as s:
        leases = s.query(NumberLeaseRow).filter_by(day=DAY).order_by(NumberLeaseRow.first).all()
        assert [(lease.first, lease.last) for lease in leases] == [(1, 3), (4, 6)]
        assert alloc.remaining(s, agency_code=AG, day=DAY) == 1


def test_two_counters_sharing_a_lease_source_never_collide(store):
    source = LocalLeaseSource()
    a = NumberAllocator(source, counter_code="Q01", block_size=2)
    b = NumberAllocator(source, counter_code="Q02", block_size=2)
    codes = []
    for _ in range(4):
        codes += issue(store, a, 1) + issue(store, b, 1)
    assert len(set(codes)) == 8
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, 9))


def test_rolled_back_reception_gives_its_number_back(store):
    alloc = NumberAllocator(LocalLeaseSource(), counter_code="Q01")

    def fails(s):
        alloc.next_code(s, agency_code=AG, day=DAY, now=NOW)
        raise RuntimeError("printer jammed before commit")

    with pytest.raises(RuntimeError):
        store.write(fails)
    assert issue(store, alloc, 1) == [f"{AG}-261127-0001"]


def test_day_exhausted_is_a_clear_error(store):
    alloc = NumberAllocator(LocalLeaseSource(), counter_code="Q01", block_size=2, fmt=CodeFormat(sequence_digits=1))
    assert len(issue(store, alloc, 9)) == 9
    with pytest.raises(NumberingUnavailable) as err:
        issue(store, alloc, 1)
    assert "hết" in err.value.message_vi


class OfflineSource:
    name = "server"

    def lease(self, session, **_):
        raise NumberingUnavailable("offline", "Mất kết nối, chưa có khối số hồ sơ dự phòng.")


def test_offline_without_a_lease_fails_cleanly_with_a_held_lease_it_works(store):
    alloc = NumberAllocator(OfflineSource(), counter_code="Q01")
    with pytest.raises(NumberingUnavailable):
        issue(store, alloc, 1)
    store.write(lambda s: s.add(NumberLeaseRow(agency_code=AG, day=DAY, first=101, last=102, next_value=101,
                                               source="server", counter_code="Q01", leased_at=NOW)))
    assert [c[-4:] for c in issue(store, alloc, 2)] == ["0101", "0102"]
    with pytest.raises(NumberingUnavailable):
        issue(store, alloc, 1)
