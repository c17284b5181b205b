"""Fees (collect, refund with approval, cash report), late warnings, extension once, withdrawal."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.errors import ValidationError
from counter_app.domain.status import DossierStatus as S
from counter_app.security.permissions import Action, PermissionDenied
from counter_app.services.dossiers import change_status, get_dossier_row
from counter_app.services.fees import (PaymentMethod, collect, daily_cash_report, outstanding_vnd, refund,
                                       refund_target)
from counter_app.services.late import due_soon, extend, extension_target, withdraw

A = Applicant(ApplicantKind.INDIVIDUAL, "Lê Thị C", id_number="001190000111")
T = datetime(2026, 11, 23, 9, 0)  # Monday


@pytest.fixture
def env(desk, approve):
    def receive(code="1.004873", fee=None, at=T):
        return desk.receive(code, at, applicant=A, fee=fee)

    return desk.store, desk.ctx, receive, approve


def test_fee_collection_refund_and_cash_report(env):
    store, ctx, receive, approve = env
    rec = receive("2.000884", fee=10000)  # chứng thực chữ ký: 10.000 đ
    with store.read() as s:
        assert outstanding_vnd(s, rec.code) == 10000
    with pytest.raises(ValidationError):
        store.write(lambda s: collect(s, code=rec.code, amount_vnd=20000, method=PaymentMethod.CASH,
                                      receipt_no="BL-1", ctx=ctx, now=T))
    with pytest.raises(ValidationError):
        store.write(lambda s: collect(s, code=rec.code, amount_vnd=10000, method=PaymentMethod.CASH,
                                      receipt_no=" ", ctx=ctx, now=T))
    left = store.write(lambda s: collect(s, code=rec.code, amount_vnd=6000, method=PaymentMethod.CASH,
                                         receipt_no="BL-1", ctx=ctx, now=T)).value
    assert left == 4000
    store.write(lambda s: collect(s, code=rec.code, amount_vnd=4000, method=PaymentMethod.QR, receipt_no="BL-2",
                                  ctx=ctx, now=T))
    with pytest.raises(PermissionDenied):  # refund without approval
        store.write(lambda s: refund(s, code=rec.code, receipt_no="BL-2", amount_vnd=4000, reason="thu nhầm",
                                     ctx=ctx, approval_id="", now=T))
    with pytest.raises(PermissionDenied):  # an approval of the dossier alone is not an approval of the sum
        store.write(lambda s: refund(s, code=rec.code, receipt_no="BL-2", amount_vnd=4000, reason="thu nhầm",
                                     ctx=ctx, approval_id=approve(Action.REFUND_FEE, rec.code, at=T), now=T))
    approval = approve(Action.REFUND_FEE, refund_target(rec.code, "BL-2", 4000), at=T)
    store.write(lambda s: refund(s, code=rec.code, receipt_no="BL-2", amount_vnd=4000, reason="thu nhầm", ctx=ctx,
                                 approval_id=approval, now=T))
    with store.read() as s:
        assert outstanding_vnd(s, rec.code) == 4000
        report = daily_cash_report(s, officer=ctx.officer, day=date(2026, 11, 23))
    # The QR collection is refunded by QR: the cash in the drawer is still 6.000.
    assert report.by_method == {"cash": 6000, "qr": 4000} and report.refunds == 4000
    assert report.refunded_by_method == {"qr": 4000} and report.net_by_method()["cash"] == 6000
    assert report.net == 6000 and report.receipts == 2


def test_due_soon_warns_one_working_day_before_and_when_overdue(env):
    store, ctx, receive, _ = env
    rec = receive()  # 3 working days from Mon 23/11 09:00; Tue 24/11 is a day off → due Fri 27/11 09:00
    assert rec.due_at == datetime(2026, 11, 27, 9, 0)
    with store.read() as s:
        assert due_soon(s, agency_code=ctx.agency_code, now=datetime(2026, 11, 25, 17, 0)) == []
        [warn] = due_soon(s, agency_code=ctx.agency_code, now=datetime(2026, 11, 26, 9, 0))
        assert warn.code == rec.code and not warn.overdue
        [late] = due_soon(s, agency_code=ctx.agency_code, now=datetime(2026, 11, 27, 10, 0))
        assert late.overdue


def test_extension_once_with_approval(env):
    store, ctx, receive, approve = env
    rec = receive()
    new_due = datetime(2026, 12, 2, 17, 0)
    with pytest.raises(PermissionDenied):
        store.write(lambda s: extend(s, code=rec.code, new_due_at=new_due, reason="chờ xác minh", ctx=ctx,
                                     approval_id="forged", now=T))
    a1 = approve(Action.EXTEND_DEADLINE, extension_target(rec.code, new_due), at=T)
    with pytest.raises(ValidationError):  # not later than the old date
        store.write(lambda s: extend(s, code=rec.code, new_due_at=rec.due_at, reason="x", ctx=ctx,
                                     approval_id=a1, now=T))
    store.write(lambda s: extend(s, code=rec.code, new_due_at=new_due, reason="chờ xác minh", ctx=ctx,
                                 approval_id=a1, now=T))
    with store.read() as s:
        assert get_dossier_row(s, rec.code).due_at == new_due
    a2 = approve(Action.EXTEND_DEADLINE, extension_target(rec.code, datetime(2026, 12, 9, 17)), at=T)
    with pytest.raises(ValidationError) as err:
        store.write(lambda s: extend(s, code=rec.code, new_due_at=datetime(2026, 12, 9, 17), reason="lần 2",
                                     ctx=ctx, approval_id=a2, now=T))
    assert "một lần" in err.value.message_vi


def test_withdrawal_and_cancellation_need_approval(env):
    store, ctx, receive, approve = env
    rec = receive()
    with pytest.raises(PermissionDenied):
        store.write(lambda s: change_status(s, rec.code, S.WITHDRAWN, ctx=ctx, now=T, reason="công dân rút"))
    store.write(lambda s: withdraw(s, code=rec.code, reason="công dân rút", ctx=ctx,
                                   approval_id=approve(Action.WITHDRAW_DOSSIER, rec.code, at=T), now=T))
    other = receive()
    with pytest.raises(PermissionDenied):  # an approval for one dossier does not cancel another
        store.write(lambda s: change_status(s, other.code, S.CANCELLED, ctx=ctx, now=T, reason="nhập nhầm",
                                            approval_id=approve(Action.CANCEL_DOSSIER, rec.code, at=T)))
    store.write(lambda s: change_status(s, other.code, S.CANCELLED, ctx=ctx, now=T, reason="nhập nhầm",
                                        approval_id=approve(Action.CANCEL_DOSSIER, other.code, at=T)))
    with store.read() as s:
        assert [get_dossier_row(s, c).status for c in (rec.code, other.code)] == ["withdrawn", "cancelled"]


def test_ratings_and_satisfied_rate(env):
    from counter_app.services.ratings import levels, record_rating, satisfaction, satisfied_rate

    store, ctx, receive, _ = env
    assert levels() == ["Rất hài lòng", "Hài lòng", "Không hài lòng"] and len(levels(5)) == 5
    codes = [receive().code for _ in range(4)]
    for code, level in zip(codes, [1, 2, 3, 1]):
        store.write(lambda s, c=code, lv=level: record_rating(s, code=c, level=lv, ctx=ctx, now=T))
    with pytest.raises(ValidationError) as again:  # one rating per dossier and stage, never replaced
        store.write(lambda s: record_rating(s, code=codes[2], level=2, ctx=ctx, now=T))
    assert "chỉ đánh giá một lần" in again.value.message_vi
    with pytest.raises(ValidationError):
        store.write(lambda s: record_rating(s, code=codes[0], level=4, ctx=ctx, now=T))
    with store.read() as s:
        counts = satisfaction(s, start=datetime(2026, 11, 1), end=datetime(2026, 12, 1))
    assert counts == {"Rất hài lòng": 2, "Hài lòng": 1, "Không hài lòng": 1}
    assert satisfied_rate(counts) == 0.75 and satisfied_rate({"Không hài lòng": 1, "Hài lòng": 3}) == 0.75
    assert satisfied_rate({}) is None
