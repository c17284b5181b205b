"""Decision 766 readings of the indicators (docs/indicators.md), each against hand-derived values:
the FIRST time status 9 was reached, a second supplement request = late, the receipt's appointment
(not the apology's new date) as the yardstick, the dashboard's share = the report's rate, ratings
per dossier and stage on three levels. Procedure 1.004873: 3 working days; Mon–Fri 08–12, 13–17."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text

from counter_app.domain.errors import ValidationError
from counter_app.domain.status import DossierStatus as S
from counter_app.security.permissions import Action
from counter_app.services import queue, ratings
from counter_app.services.dashboard_series import timeliness
from counter_app.services.indicators import compute
from counter_app.services.late import extend
from counter_app.storage.models_dossier import StatusChangeRow

D = datetime
NOV, DEC, NOW = D(2026, 11, 1), D(2026, 12, 1), D(2026, 11, 30, 12)


def indicators(store):
    with store.read() as s:
        [ind] = compute(s, start=NOV, end=DEC, now=NOW).values()
        timely = timeliness(s, start=NOV, end=DEC, now=NOW)
    return ind, timely


def walk(desk, code, *steps):
    for target, at in steps:
        desk.move(code, target, at, reason="Bổ sung giấy tờ" if target is S.SUPPLEMENT_REQUESTED else "")


def test_second_supplement_request_is_late_even_before_the_appointment(desk):
    # Both received Mon 02/11 09:00 → due Thu 05/11 09:00; both resolved Tue 03/11, well before it.
    once = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, once, (S.PROCESSING, D(2026, 11, 2, 10)), (S.SUPPLEMENT_REQUESTED, D(2026, 11, 2, 11)),
         (S.PROCESSING, D(2026, 11, 2, 14)), (S.RESOLVED, D(2026, 11, 3, 11)))
    twice = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, twice, (S.PROCESSING, D(2026, 11, 2, 10)), (S.SUPPLEMENT_REQUESTED, D(2026, 11, 2, 11)),
         (S.PROCESSING, D(2026, 11, 2, 14)), (S.SUPPLEMENT_REQUESTED, D(2026, 11, 3, 9)),
         (S.PROCESSING, D(2026, 11, 3, 10)), (S.RESOLVED, D(2026, 11, 3, 11)))
    ind, timely = indicators(desk.store)
    assert (ind.resolved_on_time, ind.resolved_late, ind.codes_late) == (1, 1, [twice])
    assert ind.on_time_rate == pytest.approx(0.5) and timely.on_time_share == pytest.approx(0.5)


def test_the_first_time_status_9_was_reached_counts(desk):
    # Received Mon 02/11 09:00 → due Thu 05/11 09:00; resolved Wed 04/11 (on time). The city later
    # records status 9 again on Fri 06/11 (a corrected result, pulled by sync): still on time.
    code = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, code, (S.PROCESSING, D(2026, 11, 2, 10)), (S.RESOLVED, D(2026, 11, 4, 10)))
    desk.store.write(lambda s: _add_history(s, code, S.RESOLVED, D(2026, 11, 6, 10)))
    ind, _ = indicators(desk.store)
    assert (ind.resolved_on_time, ind.resolved_late) == (1, 0)


def test_the_apology_date_does_not_make_a_dossier_on_time(desk, approve):
    # Received Mon 02/11 09:00 → due Thu 05/11 09:00. Apology on 04/11 with a new date Tue 10/11 17:00.
    extended = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, extended, (S.PROCESSING, D(2026, 11, 2, 10)))
    at = D(2026, 11, 4, 10)
    apologise(desk, approve, extended, D(2026, 11, 10, 17), at)
    # Resolved Mon 09/11: before the new date, after the receipt's 05/11 09:00 → late.
    walk(desk, extended, (S.RESOLVED, D(2026, 11, 9, 10)))
    # Another, extended the same way and still open on 30/11 noon: overdue since 05/11.
    still_open = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, still_open, (S.PROCESSING, D(2026, 11, 2, 10)))
    apologise(desk, approve, still_open, D(2026, 12, 15, 17), at)
    ind, timely = indicators(desk.store)
    assert (ind.resolved_on_time, ind.resolved_late, ind.overdue_open, ind.extended) == (0, 1, 1, 2)
    assert (timely.on_time, timely.late, timely.overdue_open, timely.on_time_share) == (0, 1, 1, 0.0)


def test_a_supplement_pause_after_the_apology_still_moves_the_yardstick(desk, approve):
    # Received Mon 02/11 09:00 → due Thu 05/11 09:00; apology Wed 04/11 (new date 10/11 17:00); then
    # waiting for a supplement Thu 05/11 08:00 → Fri 06/11 08:00 = 8 working hours, so the receipt's
    # appointment moves by 8 working hours: 05/11 09:00 + 8 h = Fri 06/11 09:00.
    code = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, code, (S.PROCESSING, D(2026, 11, 2, 10)))
    at = D(2026, 11, 4, 10)
    apologise(desk, approve, code, D(2026, 11, 10, 17), at)
    walk(desk, code, (S.SUPPLEMENT_REQUESTED, D(2026, 11, 5, 8)), (S.PROCESSING, D(2026, 11, 6, 8)),
         (S.RESOLVED, D(2026, 11, 6, 8, 45)))
    ind, _ = indicators(desk.store)
    assert (ind.resolved_on_time, ind.resolved_late) == (1, 0), "06/11 08:45 ≤ 06/11 09:00"


def test_dashboard_share_and_report_rate_divide_by_the_same_total(desk):
    # One on time (resolved 04/11 ≤ 05/11 09:00), one still open and overdue on 30/11: the report's rate is
    # 1 / 1 resolved = 100 %; the dashboard says the same, and shows the open one beside it.
    a = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, a, (S.PROCESSING, D(2026, 11, 2, 10)), (S.RESOLVED, D(2026, 11, 4, 10)))
    b = desk.receive(at=D(2026, 11, 2, 9)).code
    walk(desk, b, (S.PROCESSING, D(2026, 11, 2, 10)))
    ind, timely = indicators(desk.store)
    assert ind.on_time_rate == timely.on_time_share == 1.0
    assert (timely.resolved, timely.overdue_open, timely.total) == (1, 1, 2)


def test_ratings_one_per_stage_both_counted_on_three_levels(desk):
    store, ctx = desk.store, desk.ctx
    code = desk.receive(at=D(2026, 11, 2, 9)).code
    store.write(lambda s: ratings.record_rating(s, code=code, level=2, ctx=ctx, now=D(2026, 11, 2, 9, 5)))
    with pytest.raises(ValidationError) as again:
        store.write(lambda s: ratings.record_rating(s, code=code, level=1, ctx=ctx, now=D(2026, 11, 2, 9, 6)))
    assert "tiếp nhận hồ sơ" in again.value.message_vi
    walk(desk, code, (S.PROCESSING, D(2026, 11, 2, 10)), (S.RESOLVED, D(2026, 11, 4, 10)),
         (S.RETURNED, D(2026, 11, 5, 8)))
    # The return visit is rated on five levels: 4 "Không hài lòng" counts as the third level.
    store.write(lambda s: ratings.record_rating(s, code=code, level=4, scale=5, ctx=ctx, now=D(2026, 11, 5, 8, 1)))
    other = desk.receive(at=D(2026, 11, 3, 9)).code
    store.write(lambda s: ratings.record_rating(s, code=other, level=3, scale=5, ctx=ctx,
                                                now=D(2026, 11, 3, 9, 5)))  # Bình thường → Hài lòng
    ind, _ = indicators(store)
    with store.read() as s:
        rows = s.execute(text("SELECT dossier_code, stage, scale, level FROM rating "
                                                       "ORDER BY id")).all()
        events = s.execute(__import__("sqlalchemy").text("SELECT count(*) FROM outbox_event "
                                                         "WHERE kind = 'dossier.rating'")).scalar()
    assert [r[1] for r in rows] == ["reception", "return", "reception"] and events == 3, "one event per rating"
    assert (ind.rated_very_satisfied, ind.rated_satisfied, ind.rated_unsatisfied) == (0, 2, 1)
    assert ind.satisfied_rate == pytest.approx(2 / 3)


def test_queue_kpis_count_five_level_ratings_on_three(desk):
    store, ctx = desk.store, desk.ctx
    visits = [store.write(lambda s: queue.issue(s, area="hotich", now=D(2026, 11, 27, 8, i)).value) for i in range(3)]
    for (visit, scale, level) in zip(visits, (3, 5, 5), (3, 4, 3)):  # Không hài lòng ×2, Bình thường
        code = desk.receive(at=D(2026, 11, 27, 8, 30)).code
        store.write(lambda s, v=visit, sc=scale, lv=level, c=code: ratings.record_rating(
            s, code=c, level=lv, scale=sc, ctx=ctx, now=D(2026, 11, 27, 9), visit_id=v.id))
    with store.read() as s:
        k = queue.day_kpis(s, day=D(2026, 11, 27).date())
    assert k.ratings == {3: 2, 2: 1} and k.satisfied_rate == pytest.approx(1 / 3)


def test_rating_scale_is_one_setting(tmp_path, monkeypatch):
    cfg = tmp_path / "config.toml"
    cfg.write_text("[queue]\nrating_scale = 5\n", encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(cfg))
    assert ratings.rating_scale() == 5 and len(ratings.levels()) == 5
    cfg.write_text("[queue]\nrating_scale = 4\n", encoding="utf-8")
    with pytest.raises(ValidationError) as bad:
        ratings.rating_scale()
    assert "3 hoặc 5" in bad.value.message_vi


def apologise(desk, approve, code: str, new_due: datetime, at: datetime) -> None:
    """Mẫu 04 with a supervisor's approval of the target the core names (the dossier, and the new date)."""
    from counter_app.services import late

    target = late.extension_target(code, new_due) if hasattr(late, "extension_target") else code
    desk.store.write(lambda s: extend(s, code=code, new_due_at=new_due, reason="Chờ xác minh", ctx=desk.ctx,
                                      approval_id=approve(Action.EXTEND_DEADLINE, target, at=at), now=at))


def _add_history(session, code, target, at):
    from counter_app.services.dossiers import get_dossier_row

    row = get_dossier_row(session, code)
    session.add(StatusChangeRow(dossier_id=row.id, from_status=row.status, to_status=target.value, at=at,
                                officer="dongbo"))
