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


def _fixtures_of(folder: str):
    """The conftest of another tests/ folder, loaded under its own name (``tests/printing`` has no
    ``__init__`` and ``printing`` is the project's package), so its stack fixtures are reused here."""
    import importlib.util
    import sys
    from pathlib import Path

    name = f"_ship_fixtures_{folder}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / folder / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


cups_server = _fixtures_of("printing").cups_server  # private cupsd with cups-pdf queues QMC_PDF, QMC_STOPPED…
find_output = _fixtures_of("printing").find_output
sane_config_dir = _fixtures_of("docscanner").sane_config_dir  # the SANE test backend (test:0, test:1)
