"""Backend tests: a fresh PostgreSQL database and a real ``city-backend serve`` process per run."""

from __future__ import annotations

import httpx
import pytest

from backend_helpers import new_agency_code


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
