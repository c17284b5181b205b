"""The handoff rules done right: the 15:00 boundary, the first step due "at the start of the next working
day" (configurable grace), the tag comparison from lifecycle.toml, and the checks on every later step.

Thu 26/11/2026 and Fri 27/11/2026 are ordinary working days (08:00–12:00, 13:00–17:00)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from counter_app.domain.dossier import HandoffResult
from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.organisation import Role
from counter_app.resources import load_toml
from counter_app.security.permissions import Action, PermissionDenied
from counter_app.services import handoffs
from counter_app.services.dossiers import change_status, get_dossier_row
from counter_app.domain.status import DossierStatus as S

D = datetime
DEPT = "Công chức Tư pháp - Hộ tịch"
COUNTER = "Bộ phận Tiếp nhận và Trả kết quả"


def hand_off(desk, approve, codes, at):
    ok = approve(Action.HANDOFF_BATCH, handoffs.batch_target(codes), at=at)
    desk.store.write(lambda s: handoffs.hand_off_batch(s, codes=codes, to_unit=DEPT, ctx=desk.ctx, approval_id=ok,
                                                       now=at))


def slip(desk, code):
    with desk.store.read() as s:
        return [(h.seq, h.from_unit, h.to_unit, h.given_at, h.received_by, h.received_at, h.step_due_at, h.result)
                for h in get_dossier_row(s, code).handoffs]


@pytest.mark.parametrize(("received", "batch_day", "due"), [
    (D(2026, 11, 26, 14, 59), date(2026, 11, 26), D(2026, 11, 26, 17, 0)),  # same day: by the end of it
    (D(2026, 11, 26, 15, 0), date(2026, 11, 26), D(2026, 11, 26, 17, 0)),  # 15:00 is not "sau 15 giờ"
    (D(2026, 11, 26, 15, 1), date(2026, 11, 27), D(2026, 11, 27, 8, 0)),  # after: at the next opening
])
def test_the_15_00_boundary_and_the_first_step_deadline(desk, approve, received, batch_day, due):
    code = desk.receive("1.004873", received).code
    with desk.store.read() as s:
        row = get_dossier_row(s, code)
        assert handoffs.batch_day(s, row) == batch_day
        assert handoffs.first_step_due(s, row) == due
        listed = {d: [x.code for x in handoffs.batch_for_day(s, agency_code=desk.ctx.agency_code, day=d)]
                  for d in (date(2026, 11, 26), date(2026, 11, 27))}
    assert listed[date(2026, 11, 26)] == ([code] if batch_day.day == 26 else [])
    assert listed[date(2026, 11, 27)] == [code], "still listed the next day if it missed its batch"


def test_after_the_cutoff_the_batch_is_due_at_the_opening(desk, approve):
    on_time = desk.receive("1.004873", D(2026, 11, 26, 15, 1)).code
    late = desk.receive("1.004873", D(2026, 11, 26, 16, 30)).code
    hand_off(desk, approve, [on_time], D(2026, 11, 27, 8, 0))  # exactly at the opening: đúng hạn
    hand_off(desk, approve, [late], D(2026, 11, 27, 8, 1))  # a minute later: quá hạn
    assert slip(desk, on_time)[0][-2:] == (D(2026, 11, 27, 8, 0), "on_time")
    assert slip(desk, late)[0][-2:] == (D(2026, 11, 27, 8, 0), "late")
    # Not received by the department yet: the receiver's cells wait for its acknowledgement.
    assert slip(desk, on_time)[0][4:6] == ("", None)


def rules_with(monkeypatch, **changes):
    rules = load_toml("rules", "lifecycle.toml")
    patched = {k: dict(v) for k, v in rules.items()}
    for key, value in changes.items():
        section, name = key.split("__")
        patched[section][name] = value
    monkeypatch.setattr(handoffs, "load_toml", lambda *parts: patched)


def test_grace_and_the_old_rule_come_from_lifecycle_toml(desk, monkeypatch):
    code = desk.receive("1.004873", D(2026, 11, 26, 15, 30)).code
    with desk.store.read() as s:
        row = get_dossier_row(s, code)
        rules_with(monkeypatch, handoff__first_step_grace_minutes=30)
        assert handoffs.first_step_due(s, row) == D(2026, 11, 27, 8, 30)
        rules_with(monkeypatch, handoff__first_step_due="end_of_batch_day")
        assert handoffs.first_step_due(s, row) == D(2026, 11, 27, 17, 0)
        rules_with(monkeypatch, handoff__first_step_due="cuối tuần")
        with pytest.raises(ConfigurationError) as err:
            handoffs.first_step_due(s, row)
    assert "first_step_due" in err.value.message_vi


def test_the_tag_comparison_is_read_from_lifecycle_toml(monkeypatch):
    due = D(2026, 12, 2, 17, 0)
    assert handoffs.result_tag(due=due, done=D(2026, 12, 2, 9, 0)) is HandoffResult.ON_TIME  # day_then_time
    rules_with(monkeypatch, result_tag__compare="moment")
    assert handoffs.result_tag(due=due, done=D(2026, 12, 2, 9, 0)) is HandoffResult.EARLY
    assert handoffs.result_tag(due=due, done=due) is HandoffResult.ON_TIME
    assert handoffs.result_tag(due=due, done=D(2026, 12, 2, 17, 1)) is HandoffResult.LATE
    rules_with(monkeypatch, result_tag__compare="gần đúng")
    with pytest.raises(ConfigurationError):
        handoffs.result_tag(due=due, done=due)


def test_a_later_step_is_checked_and_the_receiver_signs(desk, approve):
    code = desk.receive("1.004873", D(2026, 11, 26, 9, 0)).code
    hand_off(desk, approve, [code], D(2026, 11, 26, 10, 0))
    store, ctx = desk.store, desk.ctx

    def step(**kw):
        args = dict(code=code, from_unit=DEPT, to_unit="Lãnh đạo UBND phường", given_by="tuphap01",
                    received_by="lanhdao01", at=D(2026, 11, 27, 9, 0), step_due_at=D(2026, 11, 27, 17, 0), ctx=ctx)
        return store.write(lambda s: handoffs.record_step(s, **{**args, **kw}))

    with pytest.raises(PermissionDenied):  # an administrator does not handle dossiers
        step(ctx=replace(ctx, role=Role.ADMIN))
    with pytest.raises(ValidationError) as err:
        step(to_unit="Ông Ba ở phòng bên")
    assert "không có trong danh sách đơn vị" in err.value.message_vi
    with pytest.raises(ValidationError) as err:
        step(at=D(2026, 11, 26, 9, 30))  # before the batch left (10:00)
    assert "trước bước trước" in err.value.message_vi
    with pytest.raises(ValidationError):
        step(to_unit=DEPT)  # to itself
    assert len(slip(desk, code)) == 1, "nothing written by a refused step"

    # The department signs for the batch row, then the internal step waits for the leader's signature.
    store.write(lambda s: handoffs.acknowledge(s, code=code, received_by="tuphap01", at=D(2026, 11, 26, 10, 20),
                                               ctx=ctx))
    step(received_by="")
    rows = slip(desk, code)
    assert rows[0][4:6] == ("tuphap01", D(2026, 11, 26, 10, 20))
    assert rows[1][:3] == (2, DEPT, "Lãnh đạo UBND phường") and rows[1][4:6] == ("", None)
    assert rows[1][-1] == "on_time"
    store.write(lambda s: handoffs.acknowledge(s, code=code, received_by="lanhdao01", at=D(2026, 11, 27, 9, 30)))
    assert slip(desk, code)[1][4:6] == ("lanhdao01", D(2026, 11, 27, 9, 30))

    # A closed dossier takes no more steps.
    store.write(lambda s: change_status(s, code, S.RESOLVED, ctx=ctx, now=D(2026, 11, 27, 10, 0)))
    with pytest.raises(ValidationError) as err:
        step(from_unit="Lãnh đạo UBND phường", to_unit=COUNTER, at=D(2026, 11, 27, 11, 0))
    assert "Đã xử lý xong" in err.value.message_vi
