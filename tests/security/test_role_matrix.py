"""The role table enforced by the services (phân quyền): every action × every role, on the real service.

Not ``allowed()`` compared with a copy of the table: each action runs the service that enforces it,
with a counter context of that role. Allowed → it succeeds (four-eyes actions with a supervisor's
approval given by someone else); denied → ``PermissionDenied`` with the table's Vietnamese message,
and the database is exactly as before (every table's rows, the audit log included).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import inspect, text

from counter_app.calendar import OverrideKind
from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.organisation import Role
from counter_app.domain.status import DossierStatus as S
from counter_app.security import approvals, audit, officer_admin
from counter_app.security.permissions import PERMISSIONS, Action, PermissionDenied
from counter_app.services import calendar_service, catalog, fees, handoffs, late, prints, queries, tracking_book
from counter_app.services.dossiers import (CounterContext, change_status, get_dossier_row, record_reception,
                                           refusal_target)
from counter_app.services.retention import purge_local_copies

from sec_data import PASSWORDS

AT = datetime(2026, 11, 27, 9, 30)
USERS = {Role.OFFICER: "canbo01", Role.SUPERVISOR: "lanhdao01", Role.ADMIN: "quantri"}


class Counter:
    """A demo counter with a dossier received by the officer, and contexts of every role."""

    def __init__(self, store, base: CounterContext, tmp_path) -> None:
        from qmc_testing import Desk

        self.store, self.base, self.root = store, base, tmp_path
        self.desk = Desk(store, base)
        self.code = self.desk.receive(at=AT - timedelta(hours=1), fee=50_000).code
        self.desk.store.write(lambda s: fees.collect(s, code=self.code, amount_vnd=30_000,
                                                     method=fees.PaymentMethod.CASH, receipt_no="BL-001",
                                                     ctx=base, now=AT - timedelta(minutes=50)))

    def ctx(self, role: Role) -> CounterContext:
        return CounterContext(self.base.agency_code, self.base.counter_code, USERS[role], role)

    def approval(self, action: Action, target: str, requester: str) -> str:
        """A supervisor's approval, never the requester's own."""
        supervisor = "lanhdao02" if requester == "lanhdao01" else "lanhdao01"
        return self.store.write(lambda s: approvals.approve(
            s, action=action, target=target, requested_by=requester, supervisor=supervisor,
            password=PASSWORDS[supervisor], now=AT)).id

    def write(self, fn):
        return self.store.write(fn)


def _flow(c: Counter, outcome: str):
    flow = c.desk.flow(complete=outcome != "supplement")
    {"receive": flow.receive, "supplement": lambda: flow.request_supplement("Thiếu giấy tờ"),
     "refuse": lambda: flow.refuse("Không thuộc thẩm quyền")}[outcome]()
    return flow


def _reception(outcome: str):
    def run(c: Counter, ctx: CounterContext, allowed: bool):
        flow = _flow(c, outcome)
        approval = (c.approval(Action.REFUSE_DOSSIER, refusal_target(flow), ctx.officer)
                    if outcome == "refuse" and allowed else None)
        return lambda: c.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=c.desk.alloc, now=AT,
                                                          approval_id=approval))
    return run


def _four_eyes_move(target: S, action: Action):
    def run(c: Counter, ctx, allowed):
        approval = c.approval(action, c.code, ctx.officer) if allowed else ""
        return lambda: c.write(lambda s: change_status(s, c.code, target, ctx=ctx, now=AT,
                                                       reason="Công dân đề nghị", approval_id=approval))
    return run


def _reprint(c: Counter, ctx, allowed):
    approval = c.approval(Action.REPRINT_RECEIPT, c.code, ctx.officer) if allowed else "x"
    return lambda: c.write(lambda s: prints.record_print(
        s, dossier_code=c.code, form="receipt", basis=LegalBasis.TT03_2025, officer=ctx.officer, now=AT,
        job_state="done", reprint=True, reason="Bản giao công dân bị mất", approval_id=approval))


def _handoff(c: Counter, ctx, allowed):
    target = handoffs.batch_target([c.code])
    approval = c.approval(Action.HANDOFF_BATCH, target, ctx.officer) if allowed else ""
    return lambda: c.write(lambda s: handoffs.hand_off_batch(s, codes=[c.code], to_unit="Tư pháp", ctx=ctx,
                                                             approval_id=approval, now=AT))


def _extend(c: Counter, ctx, allowed):
    with c.store.read() as s:
        new_due = get_dossier_row(s, c.code).due_at + timedelta(days=3)
    approval = c.approval(Action.EXTEND_DEADLINE, late.extension_target(c.code, new_due), ctx.officer) \
        if allowed else ""
    return lambda: c.write(lambda s: late.extend(s, code=c.code, new_due_at=new_due, reason="Cần xác minh thêm",
                                                 ctx=ctx, approval_id=approval, now=AT))


def _return(c: Counter, ctx, allowed):
    c.desk.move(c.code, S.RESOLVED, AT - timedelta(minutes=10))
    return lambda: c.write(lambda s: change_status(s, c.code, S.RETURNED, ctx=ctx, now=AT))


def _collect(c: Counter, ctx, allowed):
    return lambda: c.write(lambda s: fees.collect(s, code=c.code, amount_vnd=1, method=fees.PaymentMethod.CASH,
                                                  receipt_no="BL-002", ctx=ctx, now=AT))


def _refund(c: Counter, ctx, allowed):
    target = fees.refund_target(c.code, "BL-001", 20_000)
    approval = c.approval(Action.REFUND_FEE, target, ctx.officer) if allowed else ""
    return lambda: c.write(lambda s: fees.refund(s, code=c.code, receipt_no="BL-001", amount_vnd=20_000,
                                                 reason="Thu thừa", ctx=ctx, approval_id=approval, now=AT))


def _view(c: Counter, ctx, allowed):
    def run():
        with c.store.read() as s:
            queries.dossier_detail(s, c.code, ctx=ctx, now=AT)
            assert queries.search_dossiers(s, queries.DossierQuery(code=c.code), ctx=ctx, now=AT)
    return run


def _export(c: Counter, ctx, allowed):
    def run():
        with c.store.read() as s:
            assert tracking_book.rows(s, ctx=ctx, start=datetime(2026, 11, 1), end=datetime(2026, 12, 1),
                                      agency_code=c.base.agency_code, fmt="xlsx")
    return run


def _approve(c: Counter, ctx, allowed):
    return lambda: c.write(lambda s: approvals.approve(
        s, action=Action.CANCEL_DOSSIER, target=c.code, requested_by="canbo99", supervisor=ctx.officer,
        password=PASSWORDS[ctx.officer], now=AT))


def _calendar(c: Counter, ctx, allowed):
    return lambda: c.write(lambda s: calendar_service.add_override(
        s, day=date(2026, 12, 31), kind=OverrideKind.DAY_OFF, agency_code=c.base.agency_code,
        note="Thông báo số 12/TB-UBND", by=ctx.officer, now=AT, ctx=ctx))


def _import(c: Counter, ctx, allowed):
    from dataclasses import replace

    with c.store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    newer = replace(proc, version=proc.version + 1)
    return lambda: c.write(lambda s: catalog.import_catalog(s, [newer], ctx=ctx, now=AT))


def _manage(c: Counter, ctx, allowed):
    return lambda: c.write(lambda s: officer_admin.unlock_officer(s, ctx=ctx, username="canbo01", now=AT))


def _configure(c: Counter, ctx, allowed):
    return lambda: purge_local_copies(c.store, data_root=c.root, now=AT, retention_days=30, ctx=ctx)


def _verify(c: Counter, ctx, allowed):
    def run():
        with c.store.read() as s:
            assert audit.verify_as(s, role=ctx.role, actor=ctx.officer, at=AT).ok
    return run


A = Action
SERVICES = {
    A.RECEIVE_DOSSIER: _reception("receive"), A.REQUEST_SUPPLEMENT: _reception("supplement"),
    A.REFUSE_DOSSIER: _reception("refuse"), A.CANCEL_DOSSIER: _four_eyes_move(S.CANCELLED, A.CANCEL_DOSSIER),
    A.REPRINT_RECEIPT: _reprint, A.HANDOFF_BATCH: _handoff, A.EXTEND_DEADLINE: _extend, A.RETURN_RESULT: _return,
    A.WITHDRAW_DOSSIER: _four_eyes_move(S.WITHDRAWN, A.WITHDRAW_DOSSIER), A.COLLECT_FEE: _collect,
    A.REFUND_FEE: _refund, A.VIEW_PERSONAL_DATA: _view, A.EXPORT_PERSONAL_DATA: _export, A.APPROVE: _approve,
    A.EDIT_CALENDAR: _calendar, A.IMPORT_CATALOG: _import, A.MANAGE_OFFICERS: _manage,
    A.CONFIGURE_COUNTER: _configure, A.VERIFY_AUDIT: _verify,
}


def test_every_action_of_the_table_has_a_service_here():
    assert set(SERVICES) == set(Action)


def _snapshot(store) -> dict[str, str]:
    """Every table's rows, hashed: "nothing changed" means all of them."""
    out = {}
    with store.engine.connect() as conn:
        for table in sorted(inspect(store.engine).get_table_names()):
            if table.startswith("procedure_fts") or table == "alembic_version":
                continue
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            out[table] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    return out


@pytest.fixture
def counter(sec_store, demo_profile, tmp_path):
    return Counter(sec_store, demo_profile.context(sec_store), tmp_path / "files")


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_the_service_enforces_the_table(counter, action, role):
    allowed = action in PERMISSIONS[role]
    ctx = counter.ctx(role)
    call = SERVICES[action](counter, ctx, allowed)  # the set-up (a dossier in the right state, an approval)
    before = _snapshot(counter.store)
    if allowed:
        call()
        if action is not Action.CONFIGURE_COUNTER:  # a purge with nothing old enough changes nothing
            assert _snapshot(counter.store) != before, "an allowed action left no trace (not even in the audit log)"
        return
    with pytest.raises(PermissionDenied) as err:
        call()
    assert err.value.message_vi.startswith("Tài khoản của bạn không có quyền " + action.label_vi), err.value.message_vi
    assert _snapshot(counter.store) == before, "a refused action changed the database"
