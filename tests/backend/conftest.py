"""Backend tests: a fresh PostgreSQL database and a real ``city-backend serve`` process per run."""

from __future__ import annotations

import httpx
import pytest

from backend_helpers import new_agency_code
from city_backend.testing import ADMIN_TOKEN, Admin, ServerProcess, fresh_database, postgres_base_url

@pytest.fixture(scope="session")
def pg_base():
    try:
        with postgres_base_url() as base:
            yield base
    except Exception as exc:  # a missing stack fails loudly, never skips
        pytest.fail(f"PostgreSQL is needed for the city backend tests: {exc}")


@pytest.fixture(scope="session")
def city_db(pg_base):
    with fresh_database(pg_base) as url:
        yield url


@pytest.fixture(scope="session")
def server(city_db, tmp_path_factory):
    srv = ServerProcess(city_db, tmp_path_factory.mktemp("city-storage")).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def admin(server):
    a = Admin(server.url, ADMIN_TOKEN)
    yield a
    a.close()


@pytest.fixture
def agency(admin) -> str:
    code = new_agency_code()
    admin.agency(code)
    return code


@pytest.fixture
def counter_client(server, admin, agency):
    """A function making an authenticated client for a new counter of ``agency``."""
    clients = []

    def make(code: str, agency_code: str | None = None) -> httpx.Client:
        reg = admin.counter(agency_code or agency, code)
        c = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {reg['token']}"}, timeout=10)
        c.registration = reg
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()
