"""Read-side queries: dossier search, detail with timeline, day counts — on a real store."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact
from counter_app.domain.errors import NotFoundError
from counter_app.domain.status import TRANSITIONS
from counter_app.domain.status import DossierStatus as S
from counter_app.services import catalog
from counter_app.services.dossiers import CounterContext, change_status, record_reception
from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
from counter_app.services.queries import DossierQuery, day_counts, dossier_detail, recent_procedures, search_dossiers
from counter_app.services.reception import ReceptionFlow
from counter_app.storage.models import HandoffRow

DAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 16, 0)
LAN = Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Thị Lan Anh", id_number="001190123456")
HUNG = Applicant(ApplicantKind.INDIVIDUAL, "Trần Đức Hùng", id_number="079085000111")


@pytest.fixture
def env(demo_profile, demo_store):
    ctx = demo_profile.context(demo_store)
    return demo_store, ctx, NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)


def receive(env, applicant, *, at, phone="", complete=True, officer=None, code="1.004873"):
    store, ctx, alloc = env
    if officer:
        ctx = CounterContext(ctx.agency_code, ctx.counter_code, officer)
    with store.read() as s:
        proc = catalog.get_procedure(s, code)
    flow = ReceptionFlow()
    flow.identify(applicant, contact=Contact(phone=phone))
    flow.choose_procedure(proc)
    if complete:
        flow.mark_all_complete()
    flow.to_outcome()
    flow.receive() if complete else flow.request_supplement()
    return store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc, now=at)).value


def test_search_by_name_ignores_accents_and_masks_the_id_number(env):
    store, ctx, _ = env
    a = receive(env, LAN, at=datetime(2026, 11, 27, 8, 30))
    receive(env, HUNG, at=datetime(2026, 11, 27, 9, 0))
    with store.read() as s:
        hits = search_dossiers(s, DossierQuery.from_text("nguyen thi lan"), ctx=ctx, now=NOW)
        assert [h.code for h in hits] == [a.code]
        assert hits[0].id_number_masked == "001******456"
        assert "001190123456" not in repr(hits)
        assert [h.applicant_name for h in search_dossiers(s, DossierQuery(name="ĐỨC hùng"), ctx=ctx, now=NOW)] == [
            "Trần Đức Hùng"]


def test_search_by_code_id_number_phone_date_and_status(env):
    store, ctx, _ = env
    a = receive(env, LAN, at=datetime(2026, 11, 26, 8, 30), phone="0912 345 678")
    b = receive(env, HUNG, at=datetime(2026, 11, 27, 9, 0), complete=False)
    with store.read() as s:
        def codes(q: DossierQuery) -> list[str]:
            return [h.code for h in search_dossiers(s, q, ctx=ctx, now=NOW)]

        assert codes(DossierQuery.from_text(a.code)) == [a.code]
        assert codes(DossierQuery.from_text(a.code[-11:])) == [a.code]  # YYMMDD-NNNN
        assert codes(DossierQuery.from_text("079085000111")) == [b.code]
        assert codes(DossierQuery.from_text("0912345678")) == [a.code]
        assert codes(DossierQuery.from_text("+84 912 345 678")) == [a.code]
        assert codes(DossierQuery(received_from=DAY, received_to=DAY)) == [b.code]
        assert codes(DossierQuery(received_to=date(2026, 11, 26))) == [a.code]
        assert codes(DossierQuery(status=S.SUPPLEMENT_REQUESTED)) == [b.code]
        assert codes(DossierQuery()) == [b.code, a.code]  # newest first
        assert codes(DossierQuery.from_text("khong co ai")) == []
        assert codes(DossierQuery.from_text("100%_")) == []  # LIKE wildcards are literal


def test_from_text_classifies_the_search_box():
    assert DossierQuery.from_text("001190123456").id_number == "001190123456"
    assert DossierQuery.from_text("0912.345.678").phone == "0912345678"
    assert DossierQuery.from_text("000.00.01.H26-261127-0001").code == "000.00.01.H26-261127-0001"
    assert DossierQuery.from_text("Lan Anh").name == "Lan Anh"
    assert DossierQuery.from_text("  ", status=S.RECEIVED) == DossierQuery(status=S.RECEIVED)


def test_detail_has_the_timeline_and_the_allowed_next_statuses(env):
    store, ctx, _ = env
    rec = receive(env, LAN, at=datetime(2026, 11, 27, 8, 30), phone="0912345678")
    store.write(lambda s: change_status(s, rec.code, S.PROCESSING, ctx=ctx, now=datetime(2026, 11, 27, 10, 0)))

    def add_handoff(s):
        from counter_app.services.dossiers import get_dossier_row

        row = get_dossier_row(s, rec.code)
        row.handoffs.append(HandoffRow(seq=1, from_unit="Bộ phận Một cửa", to_unit="Phòng Tư pháp",
                                       given_by="canbo01", given_at=datetime(2026, 11, 27, 9, 0),
                                       received_by="tuphap01", received_at=datetime(2026, 11, 27, 9, 30),
                                       step_due_at=None, result=None, note=""))

    store.write(add_handoff)
    with store.read() as s:
        d = dossier_detail(s, rec.code, ctx=ctx, now=NOW)
    assert d.summary.status is S.PROCESSING and d.summary.id_number_masked == "001******456"
    assert [(e.kind, e.text_vi) for e in d.timeline] == [
        ("status", "Được tiếp nhận"), ("handoff", "Chuyển từ Bộ phận Một cửa đến Phòng Tư pháp"),
        ("handoff", "Phòng Tư pháp nhận hồ sơ"), ("status", "Đang xử lý")]
    assert set(d.next_statuses) == set(TRANSITIONS[S.PROCESSING]) and d.next_statuses
    assert d.contact_phone == "0912345678" and d.components and all(c.originals for c in d.components
                                                                   if c.mandatory)
    with store.read() as s, pytest.raises(NotFoundError):
        dossier_detail(s, "000.00.01.H26-261127-9999", ctx=ctx, now=NOW)


def test_day_counts(env):
    store, ctx, _ = env
    # 1.004873 is 3 working days: received Mon 23/11 → overdue on Fri 27/11.
    late = receive(env, LAN, at=datetime(2026, 11, 23, 8, 0))
    due = receive(env, HUNG, at=datetime(2026, 11, 25, 8, 0))
    receive(env, LAN, at=datetime(2026, 11, 27, 9, 0))
    receive(env, HUNG, at=datetime(2026, 11, 27, 9, 30), officer="canbo02")
    receive(env, HUNG, at=datetime(2026, 11, 27, 10, 0), complete=False)
    store.write(lambda s: change_status(s, due.code, S.RESOLVED, ctx=ctx, now=datetime(2026, 11, 27, 11, 0)))
    store.write(lambda s: change_status(s, due.code, S.RETURNED, ctx=ctx, now=datetime(2026, 11, 27, 11, 5)))
    with store.read() as s:
        c = day_counts(s, day=DAY, now=NOW, officer=ctx.officer)
        assert (c.received, c.returned, c.waiting_supplement, c.mine) == (2, 1, 1, 1)
        assert c.overdue == 1  # `late`; `due` was returned
        assert c.due_today == 0
        row_due = dossier_detail(s, late.code, ctx=ctx, now=NOW).summary
        assert row_due.overdue
        assert late.due_at.date() < DAY
        assert day_counts(s, day=late.due_at.date(), now=datetime.combine(late.due_at.date(), datetime.min.time()),
                          officer=ctx.officer).due_today == 1


def test_recent_procedures_of_this_counter(env):
    store, ctx, _ = env
    receive(env, LAN, at=datetime(2026, 11, 27, 8, 0), code="1.004873")
    with store.read() as s:
        other = catalog.search(s, "khai sinh", limit=1)[0].code
    receive(env, HUNG, at=datetime(2026, 11, 27, 9, 0), code=other)
    receive(env, HUNG, at=datetime(2026, 11, 27, 9, 30), code=other)
    with store.read() as s:
        recent = recent_procedures(s, counter_code=ctx.counter_code)
        assert [c for c, _ in recent] == [other, "1.004873"] and all(n for _, n in recent)
        assert recent_procedures(s, counter_code="Q99") == []
