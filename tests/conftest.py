"""Shared fixtures: a fresh store per test, a pinned clock, the demo identity."""

from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.profile import Profile
from counter_app.storage.db import Store

#: Fixtures of the city backend and sync tests (PostgreSQL, a real server process).
pytest_plugins = ["city_fixtures"]

#: Profiles opened by ``Profile.default`` (the CLI, also in subprocesses) are SQLCipher-encrypted with
#: a key from the OS keyring; this machine has none, so the suite runs under the documented fallback
#: (key file in the profile, docs/configuration.md). tests/security checks the refusal without it.
os.environ.setdefault("QMC_ALLOW_INSECURE_KEYRING", "1")

#: A pinned "now" inside working hours: Friday 27 Nov 2026, 09:15.
PINNED_NOW = datetime(2026, 11, 27, 9, 15)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "counter.sqlite")
    yield s
    s.close()


@pytest.fixture
def demo_profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile")


@pytest.fixture
def demo_store(demo_profile: Profile) -> Store:
    s = demo_profile.open_store()
    yield s
    s.close()


@pytest.fixture
def cli_officer(monkeypatch):
    """``main([..., *cli_officer("canbo01")])``: sign a demo officer in for ONE command (docs/demo.md
    passwords on standard input, ``--password-stdin``, or ``password``); ``then`` is what the command reads after it."""
    def sign(username: str = "canbo01", *, password: str = "", then: str = "") -> list[str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{password or 'demo-' + username}\n{then}"))
        return ["--officer", username, "--password-stdin"]
    return sign


SUPERVISOR, SUPERVISOR_PASSWORD = "lanhdao01", "mat-khau-lanh-dao"


@pytest.fixture
def approve(demo_store):
    """``approve(action, target, requested_by="canbo01", at=...)`` → an approval id from the demo supervisor."""
    from counter_app.security import approvals
    from counter_app.security.signin import cache_credential

    demo_store.write(lambda s: cache_credential(s, username=SUPERVISOR, password=SUPERVISOR_PASSWORD,
                                                now=datetime(2026, 1, 1), policy=_long_validity()))

    def give(action, target, *, requested_by="canbo01", at=PINNED_NOW):
        return demo_store.write(lambda s: approvals.approve(
            s, action=action, target=target, requested_by=requested_by, supervisor=SUPERVISOR,
            password=SUPERVISOR_PASSWORD, now=at)).id
    return give


def _long_validity():
    from datetime import timedelta

    from counter_app.security.signin import SecurityPolicy
    return SecurityPolicy(offline_validity=timedelta(days=3650))


@pytest.fixture
def desk(demo_profile, demo_store):
    from qmc_testing import Desk

    return Desk(demo_store, demo_profile.context(demo_store))
