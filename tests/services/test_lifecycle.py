"""After reception: the day's handoff batch (15:00 rule), control-slip tags, return of results."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from qmc_testing import Desk

from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.domain.dossier import HandoffResult
from counter_app.domain.status import DossierStatus as S
from counter_app.services import catalog
from counter_app.services.dossiers import change_status, get_dossier_row, record_reception
from counter_app.services.handoffs import batch_for_day, hand_off_batch, record_step, result_tag
from counter_app.services.reception import ReceptionFlow
from counter_app.services.returns import ReturnError, load_for_return, record_return

OWNER = Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456", source=IdentitySource.CHIP)


@pytest.fixture
def env(desk):
    return desk.store, desk.ctx, desk.alloc


def receive(env, code, at):
    store, ctx, alloc = env
    return Desk(store, ctx).receive(code, at, applicant=OWNER).code


def test_result_tags():
    due = datetime(2026, 12, 2, 17, 0)
    assert result_tag(due=due, done=datetime(2026, 12, 1, 16, 0)) is HandoffResult.EARLY
    assert result_tag(due=due, done=datetime(2026, 12, 2, 9, 0)) is HandoffResult.ON_TIME
    assert result_tag(due=due, done=due) is HandoffResult.ON_TIME
    assert result_tag(due=due, done=datetime(2026, 12, 2, 17, 1)) is HandoffResult.LATE


def test_after_cutoff_dossier_goes_in_next_working_days_batch(env):
    store, ctx, _ = env
    before = receive(env, "1.004873", datetime(2026, 11, 26, 14, 0))  # Thu 14:00 → Thursday's batch
    after = receive(env, "1.004873", datetime(2026, 11, 26, 15, 30))  # Thu 15:30 → Friday's batch
    with store.read() as s:
        thursday = [line.code for line in batch_for_day(s, agency_code=ctx.agency_code, day=date(2026, 11, 26))]
        lines = batch_for_day(s, agency_code=ctx.agency_code, day=date(2026, 11, 27))
    friday = [line.code for line in lines]
    assert thursday == [before]
    assert friday == [before, after], "a batch not sent yesterday is still due (late)"
    fri = date(2026, 11, 27)
    assert [(line.batch_day, line.late_to_leave(fri), line.tag_vi(fri)) for line in lines] == [
        (date(2026, 11, 26), True, "Chậm chuyển (lô ngày 26/11)"), (fri, False, "Chuyển trong ngày")]


def test_handoff_batch_rows_tags_and_status(env, approve):
    from counter_app.security.permissions import Action, PermissionDenied
    from counter_app.services.handoffs import batch_target

    store, ctx, _ = env
    code = receive(env, "1.004873", datetime(2026, 11, 26, 15, 30))
    other = receive(env, "1.004873", datetime(2026, 11, 26, 15, 40))
    at = datetime(2026, 11, 27, 8, 0)  # after 15:00: due at the opening of the next working day
    with pytest.raises(PermissionDenied):  # no supervisor's approval
        store.write(lambda s: hand_off_batch(s, codes=[code], to_unit="Tư pháp", ctx=ctx, approval_id="", now=at))
    wrong = approve(Action.HANDOFF_BATCH, batch_target([code, other]), at=at)
    with pytest.raises(PermissionDenied):  # approved for another set of dossiers
        store.write(lambda s: hand_off_batch(s, codes=[code], to_unit="Tư pháp", ctx=ctx, approval_id=wrong, now=at))
    ok = approve(Action.HANDOFF_BATCH, batch_target([code]), at=at)
    store.write(lambda s: hand_off_batch(s, codes=[code], to_unit="Công chức Tư pháp - Hộ tịch", ctx=ctx,
                                         approval_id=ok, now=at))
    with store.read() as s:
        row = get_dossier_row(s, code)
        assert row.status == "processing"
        [first] = row.handoffs
        assert (first.seq, first.from_unit, first.to_unit) == (1, "Bộ phận Tiếp nhận và Trả kết quả",
                                                                "Công chức Tư pháp - Hộ tịch")
        assert first.step_due_at == datetime(2026, 11, 27, 8, 0) and first.result == "on_time"
        assert [line.code for line in batch_for_day(s, agency_code=ctx.agency_code, day=date(2026, 11, 27))] \
            == [other]
    store.write(lambda s: record_step(s, code=code, from_unit="Công chức Tư pháp - Hộ tịch",
                                      to_unit="Bộ phận Tiếp nhận và Trả kết quả", given_by="tuphap01",
                                      received_by=ctx.officer, at=datetime(2026, 12, 3, 9, 0), ctx=ctx,
                                      step_due_at=datetime(2026, 12, 2, 17, 0)))
    with store.read() as s:
        assert [h.result for h in get_dossier_row(s, code).handoffs] == ["on_time", "late"]


def test_return_to_owner_and_to_authorised_person(env):
    store, ctx, _ = env
    codes = [receive(env, "1.004873", datetime(2026, 11, 23, 9, 0)) for _ in range(2)]
    for code in codes:
        for target in (S.PROCESSING, S.RESOLVED):
            store.write(lambda s, c=code, t=target: change_status(s, c, t, ctx=ctx, now=datetime(2026, 11, 24, 9)))
    with store.read() as s:  # the fee owed comes from the store: 3.000 đ not paid yet
        assert load_for_return(s, codes[0]).dossier.fee_outstanding_vnd == 3000
    from counter_app.services.fees import PaymentMethod, collect

    store.write(lambda s: collect(s, code=codes[0], amount_vnd=3000, method=PaymentMethod.CASH, receipt_no="BL-1",
                                  ctx=ctx, now=datetime(2026, 11, 25, 9, 55)))
    with store.read() as s:
        flow = load_for_return(s, codes[0])
    with pytest.raises(ReturnError) as err:
        flow.verify_owner(id_number="079301000001", source=IdentitySource.CHIP)
    assert "không khớp" in err.value.message_vi
    flow.verify_owner(id_number="001 090 123 456", source=IdentitySource.QR)
    flow.confirm()
    store.write(lambda s: record_return(s, flow, ctx=ctx, now=datetime(2026, 11, 25, 10)))
    with store.read() as s:
        flow2 = load_for_return(s, codes[1], fee_outstanding_vnd=3000)
        assert get_dossier_row(s, codes[0]).status == "returned"
        with pytest.raises(ReturnError):  # already returned: nothing to return
            load_for_return(s, codes[0])
    with pytest.raises(ReturnError) as err:
        flow2.verify_authorised(name="Trần Thị B", id_number="001190000111", source=IdentitySource.CHIP,
                                authorisation_attached=False)
    assert "ủy quyền" in err.value.message_vi
    flow2.verify_authorised(name="Trần Thị B", id_number="001190000111", source=IdentitySource.CHIP,
                            authorisation_attached=True)
    with pytest.raises(ReturnError) as err:
        flow2.confirm()
    assert "3.000 đồng" in err.value.message_vi
    with pytest.raises(ReturnError):
        store.write(lambda s: record_return(s, flow2, ctx=ctx, now=datetime(2026, 11, 25, 10)))


def test_result_back_makes_the_dossier_ready_and_notifies_after_commit(env, caplog):
    import logging

    from counter_app.domain.applicant import Contact
    from counter_app.services.results import LoggingNotifier, notify, record_result

    store, ctx, alloc = env
    with store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    flow = ReceptionFlow()
    flow.identify(OWNER, contact=Contact(phone="0912345678"))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    code = store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc,
                                                  now=datetime(2026, 11, 23, 9))).value.code
    store.write(lambda s: change_status(s, code, S.PROCESSING, ctx=ctx, now=datetime(2026, 11, 23, 10)))
    notice = store.write(lambda s: record_result(s, code=code, department="Công chức Tư pháp", given_by="tp01",
                                                 ctx=ctx,
                                                 now=datetime(2026, 11, 26, 10))).value
    with store.read() as s:
        row = get_dossier_row(s, code)
        assert row.status == "resolved" and row.handoffs[-1].result == "early"
    with caplog.at_level(logging.INFO, logger="counter_app.services.results"):
        assert notify(LoggingNotifier(), notice)

    class Broken:
        name = "sms"

        def send(self, notice):
            raise ConnectionError("provider down")

    assert notify(Broken(), notice) is False
    assert code in caplog.text and "0912345678" not in caplog.text and "091****678" in caplog.text
