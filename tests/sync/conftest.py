"""Sync tests: a fresh PostgreSQL database, a real city server process, counters with their own stores."""

from __future__ import annotations


import pytest

from sync_helpers import Counter, new_agency_code


@pytest.fixture
def make_counter(server, admin, tmp_path):
    made: list[Counter] = []

    def make(agency: str, code: str, *, url: str | None = None) -> Counter:
        reg = admin.counter(agency, code)
        c = Counter(tmp_path / f"{agency}-{code}", agency, code, reg, url or server.url)
        made.append(c)
        return c

    yield make
    for c in made:
        c.store.close()


@pytest.fixture
def agency(admin) -> str:
    code = new_agency_code()
    admin.agency(code)
    return code
