"""Fixtures shared by the city-backend and sync tests: a fresh PostgreSQL database, a real
``city-backend serve`` process and its admin client. Imported by those folders' conftests."""

from __future__ import annotations

from pathlib import Path

import pytest

from city_backend.testing import ADMIN_TOKEN, Admin, ServerProcess, fresh_database, postgres_base_url


@pytest.fixture(scope="session")
def pg_base():
    try:
        with postgres_base_url() as base:
            yield base
    except Exception as exc:  # a missing stack fails loudly, never skips
        pytest.fail(f"PostgreSQL is needed for the city backend and sync tests: {exc}")


@pytest.fixture(scope="session")
def city_db(pg_base):
    with fresh_database(pg_base) as url:
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
