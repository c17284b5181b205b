"""Sync tests: a fresh PostgreSQL database, a real city server process, counters with their own stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from city_backend.testing import ADMIN_TOKEN, Admin, ServerProcess, fresh_database, postgres_base_url
from sync_helpers import Counter, new_agency_code


@pytest.fixture(scope="session")
def pg_base():
    try:
        with postgres_base_url() as base:
            yield base
    except Exception as exc:  # a missing stack fails loudly, never skips
        pytest.fail(f"PostgreSQL is needed for the sync tests: {exc}")


@pytest.fixture(scope="session")
def city_db(pg_base):
    with fresh_database(pg_base, prefix="city_sync") as url:
        yield url


@pytest.fixture(scope="session")
def storage_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("city-storage")


@pytest.fixture(scope="session")
def server(city_db, storage_dir):
    srv = ServerProcess(city_db, storage_dir).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def admin(server):
    a = Admin(server.url, ADMIN_TOKEN)
    yield a
    a.close()


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
