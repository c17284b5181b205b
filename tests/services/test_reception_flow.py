"""The reception state machine, without Qt and without a database."""

from datetime import date

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.domain.personal_id import Sex
from counter_app.domain.procedure import Component, Procedure
from counter_app.domain.time_limit import TimeLimit
from counter_app.services.reception import FlowError, Outcome, ReceptionFlow, Step

PROC = Procedure(
    code="1.001193", name="Đăng ký khai sinh", field="Hộ tịch", processing_agency="UBND cấp xã",
    limit=TimeLimit.working_days(1),
    components=(Component("Tờ khai đăng ký khai sinh", 1, 0, True, position=0),
                Component("Giấy chứng sinh", 1, 0, True, position=1),
                Component("Văn bản ủy quyền", 1, 0, False, position=2),
                Component("Giấy tờ tùy thân (bản sao)", 0, 2, True, position=3)),
)


def applicant(**kw):
    return Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456",
                     source=IdentitySource.CHIP, **kw)


def at_outcome(flow=None, complete=True):
    flow = flow or ReceptionFlow()
    flow.identify(applicant())
    flow.choose_procedure(PROC)
    if complete:
        flow.mark_all_complete()
    flow.to_outcome()
    return flow


def test_happy_path_receives_when_every_mandatory_component_is_complete():
    flow = ReceptionFlow()
    assert flow.step is Step.IDENTIFY
    assert flow.identify(applicant(date_of_birth=date(1990, 3, 2), sex=Sex.MALE)) == ()
    flow.choose_procedure(PROC)
    assert [c.name for c in flow.checklist][:2] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    flow.mark_all_complete()
    flow.set_count(2, originals=0)  # optional component absent: still receivable
    flow.to_outcome()
    assert flow.can_receive and flow.missing == []
    flow.receive()
    assert flow.outcome is Outcome.RECEIVE and flow.step is Step.DONE


def test_id_warnings_are_returned_not_raised():
    flow = ReceptionFlow()
    warnings = flow.identify(applicant(date_of_birth=date(1985, 1, 1)))
    assert [w.code for w in warnings] == ["dob_mismatch"]
    assert flow.step is Step.PROCEDURE


def test_incomplete_dossier_cannot_be_received_and_supplement_lists_what_is_missing():
    flow = ReceptionFlow()
    flow.identify(applicant())
    flow.choose_procedure(PROC)
    flow.set_count(0, originals=1)
    flow.set_count(3, originals=0, copies=1)  # one copy of two
    flow.to_outcome()
    assert [c.name for c in flow.missing] == ["Giấy chứng sinh", "Giấy tờ tùy thân (bản sao)"]
    with pytest.raises(FlowError) as err:
        flow.receive()
    assert "Giấy chứng sinh" in err.value.message_vi
    flow.request_supplement("Thiếu giấy chứng sinh", extra_items=["Ghi rõ quê quán trên tờ khai", "  "])
    assert flow.outcome is Outcome.SUPPLEMENT
    assert flow.supplement_items == ["Giấy chứng sinh", "Giấy tờ tùy thân (bản sao)", "Ghi rõ quê quán trên tờ khai"]


def test_an_original_stands_in_for_a_missing_copy():
    flow = ReceptionFlow()
    flow.identify(applicant())
    flow.choose_procedure(PROC)
    flow.mark_all_complete()
    flow.set_count(3, originals=1, copies=1)
    flow.to_outcome()
    assert flow.can_receive


def test_supplement_only_once_at_reception():
    flow = at_outcome(ReceptionFlow(resume_of="000.00.01.H26-261127-0001", prior_supplements=1), complete=False)
    assert not flow.can_request_supplement
    with pytest.raises(FlowError) as err:
        flow.request_supplement("lần hai")
    assert "một lần" in err.value.message_vi


def test_supplement_of_a_complete_dossier_is_refused():
    with pytest.raises(FlowError):
        at_outcome().request_supplement("không có gì")


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_refusal_needs_a_reason(reason):
    flow = at_outcome()
    with pytest.raises(FlowError) as err:
        flow.refuse(reason)
    assert "lý do" in err.value.message_vi
    flow.refuse("Không thuộc thẩm quyền giải quyết")
    assert flow.outcome is Outcome.REFUSE and flow.reason == "Không thuộc thẩm quyền giải quyết"


def test_steps_out_of_order_are_refused_and_back_works():
    flow = ReceptionFlow()
    with pytest.raises(FlowError):
        flow.choose_procedure(PROC)
    with pytest.raises(FlowError):
        flow.receive()
    flow.identify(applicant())
    flow.choose_procedure(PROC)
    flow.back()
    assert flow.step is Step.PROCEDURE
    flow.choose_procedure(PROC)
    with pytest.raises(FlowError):
        flow.set_count(9, originals=1)
    with pytest.raises(FlowError):
        flow.set_count(0, originals=-1)


def test_changing_a_count_at_outcome_returns_to_checklist():
    flow = at_outcome()
    flow.set_count(1, originals=0)
    assert flow.step is Step.CHECKLIST
    flow.to_outcome()
    assert not flow.can_receive


def test_procedure_without_components_is_an_error():
    flow = ReceptionFlow()
    flow.identify(applicant())
    empty = Procedure("9.999", "Thủ tục rỗng", "X", "Y", TimeLimit.in_day())
    with pytest.raises(FlowError):
        flow.choose_procedure(empty)
