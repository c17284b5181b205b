"""Return of results re-checked in its transaction (authorisation kept, fees owed from the store, the
receiver stored), and the extension (Mẫu 04) bound to its new date; the due-soon window on the calendar."""

from __future__ import annotations

import json
import logging
from datetime import datetime, time

import pytest
from sqlalchemy import select

from counter_app.calendar.schedule import WorkingPeriod, WorkingSchedule
from counter_app.calendar.working_calendar import WorkingCalendar
from counter_app.domain.applicant import IdentitySource
from counter_app.domain.errors import ValidationError
from counter_app.domain.status import DossierStatus as S
from counter_app.security import approval_proof
from counter_app.security.permissions import Action, PermissionDenied
from counter_app.services import late
from counter_app.services.dossiers import change_status, get_dossier_row
from counter_app.services.fees import PaymentMethod, collect
from counter_app.services.return_authorisation import attach_authorisation
from counter_app.services.returns import ReturnError, load_for_return, receiver_of, record_return
from counter_app.storage.models import OutboxEventRow

D = datetime


@pytest.fixture
def resolved(desk):
    """A dossier (fee 3.000 đ, unpaid) whose result is back: status 9."""
    code = desk.receive("1.004873", D(2026, 11, 23, 9, 0), fee=3000).code
    for target in (S.PROCESSING, S.RESOLVED):
        desk.store.write(lambda s, t=target: change_status(s, code, t, ctx=desk.ctx, now=D(2026, 11, 24, 9)))
    return code


def proxy_flow(desk, code, *, told_owed=None):
    with desk.store.read() as s:
        flow = load_for_return(s, code, fee_outstanding_vnd=told_owed)
    flow.verify_authorised(name="Trần Thị Bình", id_number="001190000111", source=IdentitySource.CHIP,
                           authorisation_attached=True)  # what the screen believed
    flow.confirm()
    return flow


def state(desk, code):
    with desk.store.read() as s:
        return get_dossier_row(s, code).status, receiver_of(s, code) is not None


def test_return_is_re_checked_from_the_store(desk, resolved, tmp_path, caplog):
    code, store, ctx = resolved, desk.store, desk.ctx
    with store.read() as s:
        assert load_for_return(s, code).dossier.fee_outstanding_vnd == 3000  # computed, not assumed 0
    # The screen was told 0 owed and an authorisation attached: the core refuses both, writes nothing.
    flow = proxy_flow(desk, code, told_owed=0)
    with pytest.raises(ReturnError) as err:
        store.write(lambda s: record_return(s, flow, ctx=ctx, now=D(2026, 11, 25, 9)))
    assert "văn bản ủy quyền" in err.value.message_vi and state(desk, code) == ("resolved", False)
    store.write(lambda s: attach_authorisation(s, data_root=tmp_path, dossier_code=code, by=ctx.officer,
                                               data=b"%PDF-1.4 giay uy quyen", pages=1, now=D(2026, 11, 25, 9)))
    with pytest.raises(ReturnError) as err:
        store.write(lambda s: record_return(s, flow, ctx=ctx, now=D(2026, 11, 25, 9, 1)))
    assert "còn nợ phí, lệ phí 3.000 đồng" in err.value.message_vi and state(desk, code) == ("resolved", False)
    store.write(lambda s: collect(s, code=code, amount_vnd=3000, method=PaymentMethod.CASH, receipt_no="BL-9",
                                  ctx=ctx, now=D(2026, 11, 25, 9, 2)))
    with caplog.at_level(logging.DEBUG):
        store.write(lambda s: record_return(s, flow, ctx=ctx, now=D(2026, 11, 25, 9, 3)))
    with store.read() as s:
        row, who = get_dossier_row(s, code), receiver_of(s, code)
        assert row.status == "returned"
        assert (who.receiver_kind, who.receiver_name, who.receiver_id_number, who.identified_by) == (
            "authorised", "Trần Thị Bình", "001190000111", "chip")
        assert len(who.authorisation_sha256) == 64 and who.officer == ctx.officer
        reason = row.history[-1].reason
    assert "Trần" not in reason and "001190000111" not in reason  # the history is listed: no personal data
    assert flow.receiver_masked == "Trần T. Bình (001******111)"
    assert "001190000111" not in caplog.text and "Bình" not in caplog.text


def test_a_return_not_confirmed_or_to_nobody_is_refused(desk, resolved):
    with desk.store.read() as s:
        flow = load_for_return(s, resolved)
    with pytest.raises(ReturnError) as err:
        desk.store.write(lambda s: record_return(s, flow, ctx=desk.ctx, now=D(2026, 11, 25, 9)))
    assert "Chưa xác nhận" in err.value.message_vi and state(desk, resolved) == ("resolved", False)


def test_the_extension_approval_names_the_new_date(desk, approve):
    store, ctx = desk.store, desk.ctx
    code = desk.receive("1.004873", D(2026, 11, 23, 9, 0)).code  # due Fri 27/11 09:00
    new_due, other = D(2026, 12, 2, 17, 0), D(2026, 12, 9, 17, 0)
    assert late.extension_target(code, new_due) == f"{code}|hẹn mới 2026-12-02T17:00:00"
    at = D(2026, 11, 25, 10, 0)
    for target in (code, late.extension_target(code, other)):  # the dossier alone, or another date
        approval = approve(Action.EXTEND_DEADLINE, target, at=at)
        with pytest.raises(PermissionDenied):
            store.write(lambda s, a=approval: late.extend(s, code=code, new_due_at=new_due, reason="Chờ xác minh",
                                                          ctx=ctx, approval_id=a, now=at))
    approval = approve(Action.EXTEND_DEADLINE, late.extension_target(code, new_due), at=at)
    store.write(lambda s: late.extend(s, code=code, new_due_at=new_due, reason="Chờ xác minh", ctx=ctx,
                                      approval_id=approval, now=at))
    with store.read() as s:
        assert get_dossier_row(s, code).due_at == new_due
        event = s.scalar(select(OutboxEventRow).where(OutboxEventRow.kind == "dossier.extension"))
        kind, aggregate, payload = event.kind, event.aggregate, json.loads(event.payload)
    # The city server re-derives the target from the event it receives: the approval sent with it
    # must name this new date, or the server refuses it (approval_mismatch).
    assert approval_proof.expected_target(kind, aggregate, payload) == payload["approval"]["target"] \
        == late.extension_target(code, new_due)


@pytest.mark.parametrize("status", [S.RESOLVED, S.RETURNED, S.CANCELLED])
def test_no_extension_once_resolved_returned_or_cancelled(desk, approve, status):
    store, ctx = desk.store, desk.ctx
    code = desk.receive("1.004873", D(2026, 11, 23, 9, 0)).code
    path = {S.RESOLVED: [S.PROCESSING, S.RESOLVED], S.RETURNED: [S.PROCESSING, S.RESOLVED, S.RETURNED],
            S.CANCELLED: [S.CANCELLED]}[status]
    for target in path:
        extra = {}
        if target is S.CANCELLED:
            extra = dict(reason="Nhập nhầm", approval_id=approve(Action.CANCEL_DOSSIER, code, at=D(2026, 11, 24, 9)))
        store.write(lambda s, t=target, e=extra: change_status(s, code, t, ctx=ctx, now=D(2026, 11, 24, 9), **e))
    new_due = D(2026, 12, 2, 17, 0)
    approval = approve(Action.EXTEND_DEADLINE, late.extension_target(code, new_due), at=D(2026, 11, 25, 10))
    with pytest.raises(ValidationError) as err:
        store.write(lambda s: late.extend(s, code=code, new_due_at=new_due, reason="Chờ xác minh", ctx=ctx,
                                          approval_id=approval, now=D(2026, 11, 25, 10)))
    assert status.label_vi in err.value.message_vi and "không xin lỗi, gia hạn" in err.value.message_vi


def test_the_warning_window_counts_working_days_on_the_calendar():
    """07:30–11:30, 13:30–17:00 (7.5 h a day): one working day before Tue 09:00 is Mon 09:00, not the
    "8 working hours" before it (Fri 16:30)."""
    periods = (WorkingPeriod(time(7, 30), time(11, 30)), WorkingPeriod(time(13, 30), time(17)))
    schedule = WorkingSchedule(periods=periods,
                               workdays=frozenset({0, 1, 2, 3, 4}), cutoff=time(15), hours_per_working_day=8)
    cal = WorkingCalendar(schedule)
    assert late.warn_from(cal, D(2026, 3, 10, 9, 0), 1) == D(2026, 3, 9, 9, 0)  # Tue → Mon
    assert late.warn_from(cal, D(2026, 3, 9, 9, 0), 1) == D(2026, 3, 6, 9, 0)  # Mon → Fri (weekend skipped)
    assert late.warn_from(cal, D(2026, 3, 11, 17, 0), 2) == D(2026, 3, 9, 17, 0)  # end of day → end of day
    assert late.warn_from(cal, D(2026, 3, 10, 9, 0), 0) == D(2026, 3, 10, 9, 0)
