"""Online tests: their own city server (low lookup rate limit), a counter pushing dossiers, and
a real headless Chromium driven by Selenium (Debian's ``chromium`` + ``chromium-driver``)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

# The sync tests' helpers (a counter with its own store and token) are reused here.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from city_backend.testing import ADMIN_TOKEN, Admin, ServerProcess

from online_helpers import LOOKUP_BURST, LOOKUP_CODE_FAILURES, LOOKUP_PER_MINUTE, PORTAL_TOKEN, new_agency_code


@pytest.fixture(scope="session")
def online_server(city_db, tmp_path_factory):
    """A server of its own: the lookup bucket is small here so the 429 test is quick."""
    env = {"CITY_LOOKUP_PER_MINUTE": str(LOOKUP_PER_MINUTE), "CITY_LOOKUP_BURST": str(LOOKUP_BURST),
           "CITY_LOOKUP_CODE_FAILURES": str(LOOKUP_CODE_FAILURES), "CITY_PORTAL_TOKEN": PORTAL_TOKEN}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        srv = ServerProcess(city_db, tmp_path_factory.mktemp("online-storage")).start()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def online_admin(online_server):
    a = Admin(online_server.url, ADMIN_TOKEN)
    yield a
    a.close()


@pytest.fixture(scope="session")
def online_agency(online_admin) -> str:
    code = new_agency_code()
    online_admin.agency(code)
    return code


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Chromium (system package) through chromedriver; a fresh profile per session."""
    chromium, driver_exe = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_exe:
        pytest.fail("Chromium is needed for the lookup page tests: apt-get install -y chromium chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is needed for the lookup page tests: pip install selenium")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=900,900", "--lang=vi",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(driver_exe), options=opts)
    drv.set_page_load_timeout(20)
    yield drv
    drv.quit()
