from __future__ import annotations

import pytest

from counter_app.security.signin import cache_credential
from counter_app.storage.models import OfficerRow

from sec_data import NOW, PASSWORDS


@pytest.fixture
def sec_store(demo_store):
    """The demo store with a second supervisor and cached offline verifiers for everyone."""
    def seed(s):
        if s.query(OfficerRow).filter_by(username="lanhdao02").first() is None:
            s.add(OfficerRow(username="lanhdao02", full_name="Phạm Thu Hà", role="supervisor",
                             agency_code="000.00.01.H26"))
        for user, password in PASSWORDS.items():
            cache_credential(s, username=user, password=password, now=NOW)
    demo_store.write(seed)
    return demo_store
