"""The audit log (nhật ký) records every change and every view, print and export of personal data.

A real counter flow on the demo store: a reception, a detail view, searches, a receipt print and
its four-eyes reprint, a status change, a tracking-book export, a screen lock and unlock. Each
leaves exactly its entries (actor, action, target), the chain still verifies, and no entry
carries the citizen's ID number, phone or name.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource
from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.organisation import Role
from counter_app.domain.status import DossierStatus as S
from counter_app.security import approvals, audit
from counter_app.security.permissions import Action
from counter_app.security.signin import CounterSession, SecurityPolicy, SessionState
from counter_app.services import prints, queries, tracking_book
from counter_app.storage.models_security import AuditEntryRow

from sec_data import PASSWORDS

ID_NUMBER, PHONE, NAME = "001190123456", "0912345678", "Nguyễn Thị Lan"
AT = datetime(2026, 11, 27, 9, 30)


def _entries_after(store, seq: int) -> list[tuple[str, str, str, str]]:
    """(actor, action, target, details) of the entries after ``seq``, in order."""
    with store.read() as s:
        return [(e.actor, e.action, e.target, e.details) for e in s.scalars(
            select(AuditEntryRow).where(AuditEntryRow.id > seq).order_by(AuditEntryRow.id))]


def _last_seq(store) -> int:
    with store.read() as s:
        return s.scalar(select(AuditEntryRow.id).order_by(AuditEntryRow.id.desc()).limit(1)) or 0


def test_changes_views_prints_exports_and_the_lock_are_audited_without_personal_data(sec_store, demo_profile,
                                                                                       tmp_path):
    from qmc_testing import Desk

    store, ctx = sec_store, demo_profile.context(sec_store)
    desk = Desk(store, ctx)
    start = _last_seq(store)
    applicant = Applicant(ApplicantKind.INDIVIDUAL, NAME, id_number=ID_NUMBER, source=IdentitySource.CHIP)
    code = desk.receive(at=AT, applicant=applicant, contact=Contact(phone=PHONE, address="12 Phố Huế")).code

    with store.read() as s:  # a read session is rolled back: the view's entry must stay all the same
        detail = queries.dossier_detail(s, code, ctx=ctx, now=AT + timedelta(minutes=1))
        assert detail.summary.code == code
        assert [h.code for h in queries.search_dossiers(s, queries.DossierQuery.from_text(ID_NUMBER), ctx=ctx,
                                                        now=AT)] == [code]
        assert queries.search_dossiers(s, queries.DossierQuery.from_text("0912 345 678"), ctx=ctx, now=AT)
        assert queries.search_dossiers(s, queries.DossierQuery.from_text("nguyen thi lan"), ctx=ctx, now=AT)
        assert not queries.search_dossiers(s, queries.DossierQuery.from_text("079999999999"), ctx=ctx, now=AT)

    store.write(lambda s: prints.record_print(s, dossier_code=code, form="receipt", basis=LegalBasis.TT03_2025,
                                              officer=ctx.officer, now=AT + timedelta(minutes=2), job_state="done"))
    approval = store.write(lambda s: approvals.approve(
        s, action=Action.REPRINT_RECEIPT, target=code, requested_by=ctx.officer, supervisor="lanhdao01",
        password=PASSWORDS["lanhdao01"], now=AT + timedelta(minutes=3))).id
    store.write(lambda s: prints.record_print(
        s, dossier_code=code, form="receipt", basis=LegalBasis.TT03_2025, officer=ctx.officer,
        now=AT + timedelta(minutes=4), job_state="done", reprint=True, reason="Bản giao công dân bị mất",
        approval_id=approval))
    desk.move(code, S.PROCESSING, AT + timedelta(minutes=5))

    supervisor = replace(ctx, officer="lanhdao01", role=Role.SUPERVISOR)
    with store.read() as s:
        lines = tracking_book.rows(s, ctx=supervisor, start=datetime(2026, 11, 1), end=datetime(2026, 12, 1),
                                   agency_code=ctx.agency_code, fmt="xlsx", now=AT + timedelta(minutes=6))
    tracking_book.write_xlsx(lines, tmp_path / "so.xlsx", title="SỔ THEO DÕI HỒ SƠ")
    assert [line.code for line in lines] == [code]

    session = CounterSession(SecurityPolicy(idle_lock=timedelta(minutes=10)))
    store.write(lambda s: session.sign_in(s, username="canbo01", password=PASSWORDS["canbo01"],
                                          now=AT + timedelta(minutes=7)))
    assert session.touch(AT + timedelta(minutes=30)) is SessionState.LOCKED
    store.write(lambda s: session.record_lock(s, now=AT + timedelta(minutes=30)))
    store.write(lambda s: session.unlock(s, username="canbo01", password=PASSWORDS["canbo01"],
                                         now=AT + timedelta(minutes=31)))

    entries = _entries_after(store, start)
    got = [e[:3] for e in entries]
    assert got == [
        ("canbo01", "dossier.receive", code),  # the change, in the reception's transaction
        ("canbo01", "view_dossier", code),
        ("canbo01", "search_dossiers", ""),  # by ID number
        ("canbo01", "search_dossiers", ""),  # by phone
        ("canbo01", "search_dossiers", ""),  # by name; the search that found nothing is not a view
        ("canbo01", "print", code),
        ("lanhdao01", "approve", code),
        ("canbo01", "receipt.reprint", code),  # the four-eyes event (a change synced to the city)
        ("canbo01", "reprint", code),
        ("canbo01", "dossier.status", code),
        ("lanhdao01", "export_tracking_book", ctx.agency_code),
        ("canbo01", "sign_in", ""),
        ("canbo01", "screen_lock", ""),
        ("canbo01", "screen_unlock", ""),
    ]
    import json

    details = [json.loads(e[3]) for e in entries]
    assert [d["criteria"] for d in details[2:5]] == [["id_number"], ["phone"], ["name"]]
    assert details[5]["form"] == "receipt" and details[8]["form"] == "receipt"
    assert details[9]["status"] == S.PROCESSING.value
    assert details[10]["format"] == "xlsx" and details[10]["lines"] == 1
    assert details[12] == {"idle": True}
    with store.read() as s:
        assert audit.verify_chain(s).ok
        everything = "\n".join(f"{e.actor}|{e.action}|{e.target}|{e.details}"
                               for e in s.scalars(select(AuditEntryRow)))
    for secret in (ID_NUMBER, ID_NUMBER[-6:], PHONE, "912345678", NAME, "Nguyen", "Phố Huế"):
        assert secret not in everything, f"personal data in the audit log: {secret!r}"


def test_a_refused_change_leaves_no_audit_entry(sec_store, demo_profile):
    """The entry belongs to the change's transaction: a change rolled back leaves none."""
    import pytest

    from counter_app.domain.errors import CounterError
    from qmc_testing import Desk

    desk = Desk(sec_store, demo_profile.context(sec_store))
    code = desk.receive(at=AT).code
    before = _last_seq(sec_store)
    with pytest.raises(CounterError):  # RECEIVED → RETURNED is not in the transition table
        desk.move(code, S.RETURNED, AT + timedelta(minutes=1))
    assert _last_seq(sec_store) == before


def test_a_view_inside_a_writing_transaction_is_carried_by_it(sec_store, demo_profile):
    """A detail read inside a transaction that already wrote: the entry joins that transaction
    (a second writer would wait on it), so it commits — or rolls back — with it."""
    from qmc_testing import Desk

    ctx = demo_profile.context(sec_store)
    desk = Desk(sec_store, ctx)
    code = desk.receive(at=AT).code
    before = _last_seq(sec_store)

    def move_then_view(s):
        from counter_app.services.dossiers import change_status

        change_status(s, code, S.PROCESSING, ctx=ctx, now=AT + timedelta(minutes=1))
        return queries.dossier_detail(s, code, ctx=ctx, now=AT + timedelta(minutes=1))

    assert sec_store.write(move_then_view).summary.status is S.PROCESSING
    assert [e[1] for e in _entries_after(sec_store, before)] == ["dossier.status", "view_dossier"]


def test_a_change_by_a_service_that_names_no_actor_is_still_the_officers(sec_store, demo_profile):
    """``fees.collect`` passes no ``actor`` to ``queue_event``: the entry names the officer of the
    payment it adds (never "system" for an officer's change)."""
    from counter_app.services import fees
    from qmc_testing import Desk

    ctx = demo_profile.context(sec_store)
    desk = Desk(sec_store, ctx)
    code = desk.receive(at=AT, fee=50_000).code
    before = _last_seq(sec_store)
    sec_store.write(lambda s: fees.collect(s, code=code, amount_vnd=50_000, method=fees.PaymentMethod.CASH,
                                           receipt_no="BL-9", ctx=ctx, now=AT + timedelta(minutes=1)))
    [(actor, action, target, _details)] = _entries_after(sec_store, before)
    assert (actor, action, target) == (ctx.officer, "fee.collect", code)


def test_views_on_other_threads_and_changes_never_take_the_same_entry_number(sec_store):
    """A search records its view from the pool while the writer thread commits changes: each
    append takes the write lock before reading the last entry, so no two get the same number."""
    import threading

    errors: list[str] = []

    def views():
        try:
            for i in range(60):
                with sec_store.read() as s:
                    audit.record(s, actor="canbo01", action="view_dossier", target=f"V{i}", at=AT)
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(repr(exc))

    def changes():
        try:
            for i in range(60):
                sec_store.write(lambda s, i=i: audit.append(s, actor="canbo01", action="dossier.status",
                                                            target=f"C{i}", at=AT))
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    before = _last_seq(sec_store)
    threads = [threading.Thread(target=views), threading.Thread(target=changes), threading.Thread(target=views)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _last_seq(sec_store) == before + 180
    with sec_store.read() as s:
        assert audit.verify_chain(s).ok
