"""Queue tests: the city backend fixtures (PostgreSQL, a real server) and registered devices of one site."""

from __future__ import annotations

import pytest

from counter_app.sync.queue_client import QueueClient
from queue_helpers import new_agency_code


@pytest.fixture
def site(server, admin):
    """``site(code)`` → a QueueClient of a new device ``code`` (counter, kiosk, display) of one agency."""
    agency = new_agency_code()
    admin.agency(agency)
    clients: list[QueueClient] = []

    def device(code: str) -> QueueClient:
        reg = admin.counter(agency, code)
        c = QueueClient(server.url, reg["token"], timeout=15)
        c.agency, c.code = agency, code
        clients.append(c)
        return c

    device.agency = agency
    yield device
    for c in clients:
        c.close()
