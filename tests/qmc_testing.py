"""Helpers shared by the tests (a plain module: pytest puts tests/ on sys.path)."""

from __future__ import annotations

from datetime import datetime

from counter_app.storage.db import Store

#: A pinned "now" inside working hours: Friday 27 Nov 2026, 09:15 (same as conftest.PINNED_NOW).
PINNED_NOW = datetime(2026, 11, 27, 9, 15)


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

    def record(self, flow, at: datetime, *, approval_id: str | None = None):
        from counter_app.services.dossiers import record_reception

        return self.store.write(lambda s: record_reception(s, flow, ctx=self.ctx, allocator=self.alloc,
                                                           now=at, approval_id=approval_id)).value

    def approve_refusal(self, flow, at: datetime) -> str:
        """A demo supervisor's four-eyes approval of refusing ``flow`` (refusals need one)."""
        from datetime import timedelta

        from counter_app.security import approvals
        from counter_app.security.permissions import Action
        from counter_app.security.signin import SecurityPolicy, cache_credential
        from counter_app.services.dossiers import refusal_target

        def give(s):
            cache_credential(s, username="lanhdao01", password="mat-khau-lanh-dao", now=at,
                             policy=SecurityPolicy(offline_validity=timedelta(days=3650)))
            return approvals.approve(s, action=Action.REFUSE_DOSSIER, target=refusal_target(flow),
                                     requested_by=self.ctx.officer, supervisor="lanhdao01",
                                     password="mat-khau-lanh-dao", now=at).id
        return self.store.write(give)

    def receive(self, code: str = "1.004873", at: datetime = PINNED_NOW, *, outcome: str = "receive", **kw):
        flow = self.flow(code, complete=outcome != "supplement", **kw)
        {"receive": flow.receive, "supplement": lambda: flow.request_supplement("Thiếu giấy tờ"),
         "refuse": lambda: flow.refuse("Không thuộc thẩm quyền")}[outcome]()
        approval = self.approve_refusal(flow, at) if outcome == "refuse" else None
        return self.record(flow, at, approval_id=approval)

    def move(self, code: str, target, at: datetime, *, reason: str = "", approval_id: str | None = None):
        from counter_app.services.dossiers import change_status

        return self.store.write(lambda s: change_status(s, code, target, ctx=self.ctx, now=at, reason=reason,
                                                        approval_id=approval_id))


def server_officer(admin, agency: str, username: str = "canbo01", role: str = "officer") -> str:
    """The officer ``username`` on the real city backend with the demo password ``demo-<username>``
    (docs/demo.md), so ``cli_officer(username)`` signs in online at a counter registered there."""
    r = admin.http.post(f"/v1/admin/agencies/{agency}/officers",
                        json={"username": username, "full_name": f"Cán bộ {username}", "role": role})
    assert r.status_code in (200, 201, 409), r.text
    admin.http.put(f"/v1/admin/agencies/{agency}/officers/{username}/password",
                   json={"password": f"demo-{username}"}).raise_for_status()
    return username
