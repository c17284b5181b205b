"""Shared fixtures: a fresh store per test, a pinned clock, the demo identity."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from counter_app.profile import Profile
from counter_app.storage.db import Store

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
    # INTEGRATION: the security and lifecycle tables get their Alembic revision at integration;
    # until then the tests create them.
    from counter_app.storage import models_lifecycle, models_security  # noqa: F401
    from counter_app.storage.pending_base import PendingBase
    PendingBase.metadata.create_all(s.engine, checkfirst=True)
    yield s
    s.close()


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


class Desk:
    """A counter for tests: build reception flows on the demo catalog and record them."""

    def __init__(self, store: Store, ctx) -> None:
        from counter_app.services.numbering import LocalLeaseSource, NumberAllocator

        self.store, self.ctx = store, ctx
        self.alloc = NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)

    def flow(self, code: str = "1.004873", *, applicant=None, contact=None, complete: bool = True,
             fee: int | None = None, resume_of: str | None = None, prior: int = 0):
        """A ReceptionFlow at the outcome step."""
        from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
        from counter_app.services import catalog
        from counter_app.services.reception import ReceptionFlow

        with self.store.read() as s:
            proc = catalog.get_procedure(s, code)
        flow = ReceptionFlow(resume_of=resume_of, prior_supplements=prior)
        flow.identify(applicant or Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456",
                                             source=IdentitySource.CHIP), contact=contact)
        flow.choose_procedure(proc)
        if complete:
            flow.mark_all_complete()
        if fee is not None:
            flow.set_fee(fee)
        flow.to_outcome()
        return flow

    def record(self, flow, at: datetime):
        from counter_app.services.dossiers import record_reception

        return self.store.write(lambda s: record_reception(s, flow, ctx=self.ctx, allocator=self.alloc,
                                                           now=at)).value

    def receive(self, code: str = "1.004873", at: datetime = PINNED_NOW, *, outcome: str = "receive", **kw):
        flow = self.flow(code, complete=outcome != "supplement", **kw)
        {"receive": flow.receive, "supplement": lambda: flow.request_supplement("Thiếu giấy tờ"),
         "refuse": lambda: flow.refuse("Không thuộc thẩm quyền")}[outcome]()
        return self.record(flow, at)

    def move(self, code: str, target, at: datetime, *, reason: str = "", approval_id: str | None = None):
        from counter_app.services.dossiers import change_status

        return self.store.write(lambda s: change_status(s, code, target, ctx=self.ctx, now=at, reason=reason,
                                                        approval_id=approval_id))


@pytest.fixture
def desk(demo_profile, demo_store) -> Desk:
    return Desk(demo_store, demo_profile.context(demo_store))
