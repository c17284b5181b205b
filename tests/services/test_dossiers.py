"""Recording reception outcomes and status changes in the store."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app.calendar import OverrideKind
from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.domain.errors import IllegalTransition, ValidationError
from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.status import DossierStatus as S
from counter_app.services import calendar_service, catalog
from counter_app.services.dossiers import change_status, get_dossier_row, record_reception
from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
from counter_app.services.reception import ReceptionFlow
from counter_app.storage.models import OutboxEventRow

A = Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456", source=IdentitySource.CHIP)


@pytest.fixture
def env(demo_profile, demo_store):
    ctx = demo_profile.context(demo_store)
    alloc = NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)
    return demo_store, ctx, alloc


def flow_for(store, code, *, complete=True, resume_of=None, prior=0):
    with store.read() as s:
        proc = catalog.get_procedure(s, code)
    flow = ReceptionFlow(resume_of=resume_of, prior_supplements=prior)
    flow.identify(A)
    flow.choose_procedure(proc)
    if complete:
        flow.mark_all_complete()
    flow.to_outcome()
    return flow


def test_receive_assigns_a_code_computes_the_due_date_and_queues_an_event(env):
    store, ctx, alloc = env
    flow = flow_for(store, "1.004873")  # 3 working days
    flow.receive()
    now = datetime(2026, 2, 13, 14, 30)  # Friday before Tết 2026
    result = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc, now=now))
    rec = result.value
    assert rec.code == f"{ctx.agency_code}-260213-0001"
    assert rec.status is S.RECEIVED and rec.legal_basis is LegalBasis.TT03_2025
    # Fri 14:30–17:00 = 2.5 h; Tết 16–20/2; Mon 23/2 = 8 h; Tue 24/2 = 8 h; 5.5 h more on Wed 25/2.
    assert rec.counting_start == now
    assert rec.due_at == datetime(2026, 2, 25, 14, 30)
    assert result.changes.dossiers == {rec.code} and result.changes.outbox == 1
    with store.read() as s:
        row = get_dossier_row(s, rec.code)
        assert [(h.from_status, h.to_status) for h in row.history] == [("draft", "received")]
        assert row.applicant_source == "chip" and len(row.components) == len(flow.checklist)
        event = s.scalar(select(OutboxEventRow).where(OutboxEventRow.aggregate == rec.code))
        payload = json.loads(event.payload)
        assert payload["national_status"] == 2 and payload["due_at"] == "2026-02-25T14:30:00"
        assert A.id_number not in event.payload and A.full_name not in event.payload


def test_after_cutoff_counting_starts_next_working_day(env):
    store, ctx, alloc = env
    flow = flow_for(store, "1.004873")
    flow.receive()
    rec = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                 now=datetime(2026, 11, 27, 15, 30))).value
    assert rec.counting_start == datetime(2026, 11, 30, 8, 0)  # Friday 15:30 → Monday 08:00
    assert rec.due_at == datetime(2026, 12, 2, 17, 0)


def test_agency_override_changes_the_due_date(env):
    store, ctx, alloc = env
    store.write(lambda s: calendar_service.add_override(
        s, day=datetime(2026, 12, 1).date(), kind=OverrideKind.DAY_OFF, agency_code=ctx.agency_code,
        note="Nghỉ theo thông báo demo", by="quantri", now=datetime(2026, 11, 1)))
    flow = flow_for(store, "1.004873")
    flow.receive()
    rec = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                 now=datetime(2026, 11, 27, 15, 30))).value
    assert rec.due_at == datetime(2026, 12, 3, 17, 0)


def test_supplement_then_complete_dossier_keeps_its_code_and_counts_from_completion(env):
    store, ctx, alloc = env
    flow = flow_for(store, "1.004873", complete=False)
    flow.request_supplement("Thiếu giấy tờ")
    first = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                   now=datetime(2026, 11, 23, 9, 0))).value
    assert first.status is S.SUPPLEMENT_REQUESTED and first.due_at is None
    with store.read() as s:
        assert get_dossier_row(s, first.code).reception_supplements == 1
    again = flow_for(store, "1.004873", complete=False, resume_of=first.code, prior=1)
    with pytest.raises(ValidationError):
        again.request_supplement("lần hai")
    again.back()
    again.mark_all_complete()
    again.to_outcome()
    again.receive()
    rec = store.write(lambda s: record_reception(s, again, ctx=ctx, allocator=alloc,
                                                 now=datetime(2026, 11, 27, 9, 0))).value
    assert rec.code == first.code and rec.status is S.RECEIVED
    assert rec.counting_start == datetime(2026, 11, 27, 9, 0)
    with store.read() as s:
        row = get_dossier_row(s, rec.code)
        assert [h.to_status for h in row.history] == ["supplement_requested", "received"]


def test_refusal_is_recorded_with_its_reason(env, approve):
    from counter_app.security.permissions import Action, PermissionDenied
    from counter_app.services.dossiers import refusal_target

    store, ctx, alloc = env
    flow = flow_for(store, "1.004873")
    flow.refuse("Không thuộc thẩm quyền")
    at = datetime(2026, 11, 27, 9, 0)

    def refuse(approval_id):
        return store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc, now=at,
                                                      approval_id=approval_id)).value
    with pytest.raises(PermissionDenied):  # four-eyes: no refusal without a supervisor's approval
        refuse(None)
    with pytest.raises(PermissionDenied):  # an approval of another citizen's refusal does not do
        refuse(approve(Action.REFUSE_DOSSIER, "reception:1.004873:0000000000000000", at=at))
    rec = refuse(approve(Action.REFUSE_DOSSIER, refusal_target(flow), at=at))
    assert rec.status is S.REFUSED
    assert "001090123456" not in refusal_target(flow)  # no ID number in what goes to the server
    with store.read() as s:
        assert get_dossier_row(s, rec.code).history[-1].reason == "Không thuộc thẩm quyền"


def test_supplement_during_processing_moves_the_due_date_by_paused_working_time(env):
    store, ctx, alloc = env
    flow = flow_for(store, "1.001776")  # 10 working days
    flow.receive()
    rec = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                 now=datetime(2026, 11, 23, 8, 0))).value
    # 10 working days from Mon 23/11 08:00: 23, 25, 26, 27/11, 30/11, 1–4/12, 7/12 — Tue 24/11 is
    # "Ngày Văn hóa Việt Nam", a day off in holidays 0.109 (UNCONFIRMED, docs/calendar.md).
    assert rec.due_at == datetime(2026, 12, 7, 17, 0)
    for target, at in [(S.PROCESSING, datetime(2026, 11, 23, 9)),
                       (S.SUPPLEMENT_REQUESTED, datetime(2026, 11, 27, 16)),  # Fri 16:00
                       (S.PROCESSING, datetime(2026, 11, 30, 10))]:          # Mon 10:00 → 3 working h
        store.write(lambda s, t=target, a=at: change_status(s, rec.code, t, ctx=ctx, now=a, reason="x"))
    with store.read() as s:
        row = get_dossier_row(s, rec.code)
        assert row.due_at == datetime(2026, 12, 8, 11, 0)  # Mon 7/12 17:00 + 3 h → Tue 8/12 11:00
        assert row.pauses[0].ended_at == datetime(2026, 11, 30, 10)


def test_illegal_status_change_is_refused_and_nothing_is_written(env):
    store, ctx, alloc = env
    flow = flow_for(store, "1.004873")
    flow.receive()
    rec = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                 now=datetime(2026, 11, 27, 9, 0))).value
    with pytest.raises(IllegalTransition):
        store.write(lambda s: change_status(s, rec.code, S.RETURNED, ctx=ctx, now=datetime(2026, 11, 27, 10)))
    with pytest.raises(ValidationError):
        store.write(lambda s: change_status(s, rec.code, S.WITHDRAWN, ctx=ctx, now=datetime(2026, 11, 27, 10)))
    with store.read() as s:
        row = get_dossier_row(s, rec.code)
        assert row.status == "received" and len(row.history) == 1
        assert s.query(OutboxEventRow).count() == 1


def test_numbers_continue_across_receptions_and_unknown_dossier_is_clear(env):
    store, ctx, alloc = env
    codes = []
    for _ in range(3):
        flow = flow_for(store, "2.000884")
        flow.receive()
        codes.append(store.write(lambda s: record_reception(
            s, flow, ctx=ctx, allocator=alloc, now=datetime(2026, 11, 27, 9, 0))).value.code)
    assert [c[-4:] for c in codes] == ["0001", "0002", "0003"]
    from counter_app.domain.errors import NotFoundError
    with pytest.raises(NotFoundError) as err, store.read() as s:
        get_dossier_row(s, "000.00.01.H26-261127-0099")
    assert "Không tìm thấy hồ sơ" in err.value.message_vi


def test_services_enforce_the_role_table(env):
    from dataclasses import replace

    from counter_app.domain.organisation import Role
    from counter_app.security.permissions import PermissionDenied

    store, ctx, alloc = env
    admin = replace(ctx, officer="quantri", role=Role.ADMIN)
    flow = flow_for(store, "1.004873")
    flow.receive()
    with pytest.raises(PermissionDenied) as err:
        store.write(lambda s: record_reception(s, flow, ctx=admin, allocator=alloc, now=datetime(2026, 11, 27, 9)))
    assert "tiếp nhận hồ sơ" in err.value.message_vi
    rec = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                 now=datetime(2026, 11, 27, 9))).value
    with pytest.raises(PermissionDenied):
        store.write(lambda s: change_status(s, rec.code, S.PROCESSING, ctx=admin, now=datetime(2026, 11, 27, 10)))


def test_offline_debt_warns_then_blocks_new_receptions_only_when_a_backend_is_configured(desk, tmp_path,
                                                                                       monkeypatch):
    from datetime import timedelta

    from counter_app.sync import state
    from counter_app.sync.errors import OfflineDebtExceeded

    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))  # defaults: warn 24 h, block 72 h
    t0 = datetime(2026, 11, 23, 9, 0)
    assert desk.receive("1.004873", t0).warnings_vi == (), "stand-alone counter: no debt"
    desk.store.write(lambda s: (state.put(s, state.SERVER_URL, "https://backend.example"),
                                state.put(s, state.OFFLINE_SINCE, t0.isoformat())))
    assert desk.receive("1.004873", t0 + timedelta(hours=2)).warnings_vi == ()
    warned = desk.receive("1.004873", t0 + timedelta(hours=30))
    assert any("chưa đồng bộ" in w for w in warned.warnings_vi)
    with pytest.raises(OfflineDebtExceeded) as err:
        desk.receive("1.004873", t0 + timedelta(hours=73))
    assert "Tạm dừng tiếp nhận" in err.value.message_vi
