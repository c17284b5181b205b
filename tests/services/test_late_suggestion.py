"""The apology dialog's suggested new appointment, on the working-day calendar (Mon–Fri 08:00–12:00,
13:00–17:00; Sat/Sun off; Tue 24/11/2026 Ngày Văn hóa Việt Nam off). Procedure 1.004873: 3 working days."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.resources import load_toml
from counter_app.security.permissions import Action
from counter_app.services import late

A = Applicant(ApplicantKind.INDIVIDUAL, "Trần Văn D", id_number="001190000333")


def test_suggestion_adds_the_procedure_limit_across_the_weekend_and_the_holiday(desk, approve):
    store, ctx = desk.store, desk.ctx
    rec = desk.receive("1.004873", datetime(2026, 11, 16, 9, 0), applicant=A)
    assert rec.due_at == datetime(2026, 11, 19, 9, 0)  # Mon 09:00 + 24 working hours = Thu 09:00
    asked = datetime(2026, 11, 18, 10, 0)  # Wed: one working day before the appointment
    with store.read() as s:
        suggested = late.suggest_new_due(s, code=rec.code, now=asked)
    # Thu 19/11 09:00 + 24 h: Thu 7 h, Fri 20 8 h (15), Sat/Sun off, Mon 23 8 h (23), Tue 24 holiday, Wed 25 1 h
    assert suggested == datetime(2026, 11, 25, 9, 0)
    approval = approve(Action.EXTEND_DEADLINE, late.extension_target(rec.code, suggested), at=asked)
    store.write(lambda s: late.extend(s, code=rec.code, new_due_at=suggested, reason="chờ xác minh", ctx=ctx,
                                      approval_id=approval, now=asked))  # the core takes it as it is


def test_an_overdue_dossier_is_suggested_a_date_counted_from_now(desk):
    rec = desk.receive("1.004873", datetime(2026, 11, 16, 9, 0), applicant=A)  # due Thu 19/11 09:00
    with desk.store.read() as s:  # Fri 20/11 16:00 (overdue) + 24 h: Fri 1 h, Mon 8 h (9), Tue off, Wed 8 h, Thu 7 h
        assert late.suggest_new_due(s, code=rec.code, now=datetime(2026, 11, 20, 16, 0)) == \
            datetime(2026, 11, 26, 16, 0)


def test_a_fixed_number_of_working_days_when_the_rule_says_so(desk, monkeypatch):
    rec = desk.receive("1.004873", datetime(2026, 11, 16, 9, 0), applicant=A)
    rules = load_toml("rules", "lifecycle.toml")
    fixed = {**rules, "late": {**rules["late"], "extension_suggestion": "working_days", "extension_working_days": 2}}
    monkeypatch.setattr(late, "load_toml", lambda *parts: fixed)
    with desk.store.read() as s:  # Thu 19/11 09:00 + 16 h: Thu 7 h, Fri 8 h (15), Mon 23 1 h
        assert late.suggest_new_due(s, code=rec.code, now=datetime(2026, 11, 18, 10, 0)) == \
            datetime(2026, 11, 23, 9, 0)
    monkeypatch.setattr(late, "load_toml", lambda *parts: {"late": {"extension_suggestion": "gấp đôi"}})
    with desk.store.read() as s, pytest.raises(ConfigurationError) as err:
        late.suggest_new_due(s, code=rec.code, now=datetime(2026, 11, 18, 10, 0))
    assert "extension_suggestion" in err.value.message_vi


def test_the_core_still_refuses_a_date_that_is_not_later(desk, approve):
    store, ctx = desk.store, desk.ctx
    rec = desk.receive("1.004873", datetime(2026, 11, 16, 9, 0), applicant=A)
    approval = approve(Action.EXTEND_DEADLINE, rec.code, at=datetime(2026, 11, 18, 10, 0))
    with pytest.raises(ValidationError) as err:
        store.write(lambda s: late.extend(s, code=rec.code, new_due_at=rec.due_at, reason="chờ", ctx=ctx,
                                          approval_id=approval, now=datetime(2026, 11, 18, 10, 0)))
    assert err.value.message_vi == "Ngày hẹn mới phải sau ngày hẹn cũ."
