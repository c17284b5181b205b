"""Ship tests (issue #12): update check, first-run setup, diagnostics — against the real backend
process (``tests/city_fixtures.py``) and the simulated devices."""

from __future__ import annotations

import itertools
import uuid

import httpx
import pytest

_numbers = itertools.count(1)


def new_agency_code() -> str:
    h = uuid.uuid4().hex.upper()
    return f"{next(_numbers) % 1000:03d}.{h[:2]}.{h[2:4]}.S{h[4:6]}"


@pytest.fixture
def agency(admin) -> str:
    code = new_agency_code()
    admin.agency(code, "UBND phường Thử nghiệm")
    return code


@pytest.fixture
def registered(admin, agency):
    """A registered counter Q01 of ``agency``: its registration answer (with the token)."""
    return admin.counter(agency, "Q01")


@pytest.fixture
def announce(admin):
    """``announce(latest, platform="any", **more)`` on the real backend; withdrawn afterwards."""
    done: list[str] = []

    def put(latest: str, platform: str = "any", **more) -> httpx.Response:
        r = admin.http.put("/v1/admin/app/version", json={"platform": platform, "latest": latest, **more})
        if r.status_code == 200:
            done.append(platform)
        return r

    yield put
    for platform in set(done):
        admin.http.delete(f"/v1/admin/app/version/{platform}")
