"""Fees and charges (phí, lệ phí): collection, refunds and cancellations with approval, the daily cash report.

Amounts come from the catalog (the officer picks the fee option at reception: the
dossier's ``fee_vnd``); what is still owed blocks the return of results.

* **Collection** (thu) issues a receipt (biên lai) whose number is unique in the agency
  (a duplicate is refused with a Vietnamese message; migration 0013 backs it with an index).
* **Refund** (hoàn phí, lệ phí) gives back part or all of one collection, named by its
  receipt number, by that collection's method (cash back in cash, a transfer back by
  transfer): the cash report per method stays right.
* **Cancellation** (hủy biên lai thu) voids one collection entered by mistake (wrong amount,
  wrong dossier): its whole amount, by its method; the dossier owes the fee again.

Both need a supervisor's approval (four-eyes) of exactly the dossier, the receipt and the
amount (:func:`refund_target`, :func:`cancel_target`), so the supervisor approves a sum, not
"this dossier". They use the ``REFUND_FEE`` action of the role table.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.status import DossierStatus
from ..security import approvals
from ..security.approval_proof import fee_target
from ..security.permissions import Action, require
from ..storage.models_lifecycle import PaymentRow
from .dossiers import CounterContext, get_dossier_row
from .operations import Changes, OpResult, queue_event

RECEIPT_MAX = 40  # characters of a receipt number (the approval target carries it)


class PaymentMethod(enum.Enum):
    CASH = "cash"  # tiền mặt
    TRANSFER = "transfer"  # chuyển khoản
    QR = "qr"  # quét mã QR

    @property
    def label_vi(self) -> str:
        return {"cash": "Tiền mặt", "transfer": "Chuyển khoản", "qr": "Quét mã QR"}[self.value]


KIND_LABELS_VI = {"collect": "Thu", "refund": "Hoàn", "cancel": "Hủy biên lai"}


def _vnd(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def paid_vnd(session: Session, code: str) -> int:
    """Collected minus refunded minus cancelled."""
    rows = session.execute(select(PaymentRow.kind, func.sum(PaymentRow.amount_vnd))
                           .where(PaymentRow.dossier_code == code).group_by(PaymentRow.kind)).all()
    totals = {kind: int(n or 0) for kind, n in rows}
    return totals.get("collect", 0) - totals.get("refund", 0) - totals.get("cancel", 0)


#: Dossiers that end without a result owe nothing (a refund of a withdrawn dossier is not a new debt).
_NOTHING_OWED = {DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.CANCELLED}


def outstanding_vnd(session: Session, code: str) -> int:
    row = get_dossier_row(session, code)
    if DossierStatus(row.status) in _NOTHING_OWED:
        return 0
    return max(0, row.fee_vnd - paid_vnd(session, code))


def _check_receipt_free(session: Session, agency_code: str, receipt_no: str) -> None:
    used = session.scalars(select(PaymentRow).where(PaymentRow.kind == "collect", PaymentRow.receipt_no == receipt_no,
                                                    PaymentRow.agency_code == agency_code)).first()
    if used is not None:
        raise ValidationError(f"receipt {receipt_no} already used",
                              f"Số biên lai “{receipt_no}” đã dùng cho hồ sơ {used.dossier_code} "
                              f"ngày {used.at:%d/%m/%Y}. Mỗi biên lai có một số riêng: kiểm tra lại số trên biên lai.")


def collect(session: Session, *, code: str, amount_vnd: int, method: PaymentMethod, receipt_no: str,
            ctx: CounterContext, now: datetime) -> OpResult[int]:
    """Record a collected fee with its receipt number (unique in the agency); returns what is still owed."""
    require(ctx.role, Action.COLLECT_FEE)
    owed = outstanding_vnd(session, code)
    if amount_vnd <= 0 or amount_vnd > owed:
        raise ValidationError(f"amount {amount_vnd} outside 1..{owed}",
                              f"Số tiền thu phải từ 1 đến {_vnd(owed)} đồng (số còn phải nộp).")
    receipt_no = receipt_no.strip()
    if not receipt_no:
        raise ValidationError("no receipt number", "Nhập số biên lai thu phí, lệ phí.")
    if len(receipt_no) > RECEIPT_MAX or ":" in receipt_no:
        raise ValidationError("bad receipt number", f"Số biên lai tối đa {RECEIPT_MAX} ký tự, không có dấu “:”.")
    agency = get_dossier_row(session, code).agency_code
    _check_receipt_free(session, agency, receipt_no)
    session.add(PaymentRow(dossier_code=code, kind="collect", amount_vnd=amount_vnd, method=method.value,
                           receipt_no=receipt_no, at=now, officer=ctx.officer, approval_id=None, note="",
                           agency_code=agency, ref_payment_id=None))
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="fee.collect", aggregate=code, at=now,
                payload={"amount_vnd": amount_vnd, "method": method.value, "receipt_no": receipt_no}, actor=ctx.officer)
    session.flush()
    return OpResult(owed - amount_vnd, changes)


def collection(session: Session, code: str, receipt_no: str) -> PaymentRow:
    """The collection of dossier ``code`` with this receipt number (refused with a message if none)."""
    row = session.scalars(select(PaymentRow).where(PaymentRow.dossier_code == code, PaymentRow.kind == "collect",
                                                   PaymentRow.receipt_no == receipt_no.strip())).first()
    if row is None:
        raise ValidationError(f"no collection {receipt_no} on {code}",
                              f"Hồ sơ {code} không có khoản thu theo biên lai “{receipt_no.strip()}”.")
    return row


def reversible_vnd(session: Session, payment: PaymentRow) -> int:
    """What of one collection has not been refunded or cancelled yet."""
    done = session.scalar(select(func.sum(PaymentRow.amount_vnd)).where(PaymentRow.ref_payment_id == payment.id))
    return payment.amount_vnd - int(done or 0)


def refund_target(code: str, receipt_no: str, amount_vnd: int) -> str:
    """What the supervisor approves for a refund: dossier, receipt and amount."""
    return fee_target("fee.refund", code, receipt_no.strip(), amount_vnd)


def cancel_target(code: str, receipt_no: str, amount_vnd: int) -> str:
    """What the supervisor approves for a cancellation: dossier, receipt and (whole) amount."""
    return fee_target("fee.cancel", code, receipt_no.strip(), amount_vnd)


def describe_target(target: str) -> str | None:
    """A fee approval target in words, for the approval prompt; None for other targets."""
    kind, _, rest = target.partition(":")
    if kind not in ("fee-refund", "fee-cancel"):
        return None
    code, receipt, amount = rest.rsplit(":", 2)
    verb = "Hoàn" if kind == "fee-refund" else "Hủy biên lai"
    return f"{verb} {_vnd(int(amount))} đồng, biên lai {receipt}, hồ sơ {code}"


def reversal(session: Session, *, kind: str, code: str, receipt_no: str,
             amount_vnd: int | None) -> tuple[PaymentRow, int]:
    """Check a refund (``kind="refund"``, 1..what is left of the receipt) or a cancellation (the whole
    receipt, nothing refunded yet); returns the collection and the amount. Nothing is written."""
    payment = collection(session, code, receipt_no)
    left = reversible_vnd(session, payment)
    if kind == "cancel":
        if left != payment.amount_vnd:
            raise ValidationError("partly refunded", f"Biên lai “{payment.receipt_no}” đã được hoàn hoặc hủy "
                                                     f"{_vnd(payment.amount_vnd - left)} đồng; không hủy được, "
                                                     "chỉ hoàn tiếp phần còn lại.")
        return payment, payment.amount_vnd
    if amount_vnd is None or amount_vnd <= 0 or amount_vnd > left:
        raise ValidationError("refund amount", f"Số tiền hoàn theo biên lai “{payment.receipt_no}” phải từ 1 đến "
                                               f"{_vnd(left)} đồng.")
    return payment, amount_vnd


def _reverse(session: Session, *, kind: str, code: str, receipt_no: str, amount_vnd: int | None, reason: str,
             ctx: CounterContext, approval_id: str, now: datetime) -> OpResult[int]:
    if not reason.strip():
        raise ValidationError("no reason", "Ghi rõ lý do " + ("hoàn phí." if kind == "refund" else "hủy biên lai."))
    payment, amount_vnd = reversal(session, kind=kind, code=code, receipt_no=receipt_no, amount_vnd=amount_vnd)
    require(ctx.role, Action.REFUND_FEE)
    target = (refund_target if kind == "refund" else cancel_target)(code, payment.receipt_no, amount_vnd)
    approvals.consume(session, approval_id=approval_id, action=Action.REFUND_FEE, target=target,
                      by=ctx.officer, now=now)
    session.add(PaymentRow(dossier_code=code, kind=kind, amount_vnd=amount_vnd, method=payment.method,
                           receipt_no="", at=now, officer=ctx.officer, approval_id=approval_id,
                           note=reason.strip(), agency_code=payment.agency_code, ref_payment_id=payment.id))
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind=f"fee.{kind}", aggregate=code, at=now, actor=ctx.officer,
                payload={"amount_vnd": amount_vnd, "method": payment.method, "receipt_no": payment.receipt_no})
    session.flush()
    return OpResult(paid_vnd(session, code), changes)


def refund(session: Session, *, code: str, receipt_no: str, amount_vnd: int, reason: str, ctx: CounterContext,
           approval_id: str, now: datetime) -> OpResult[int]:
    """Refund part or all of one collection, by its method; needs an approval of
    :func:`refund_target`. Returns what stays paid on the dossier."""
    return _reverse(session, kind="refund", code=code, receipt_no=receipt_no, amount_vnd=amount_vnd, reason=reason,
                    ctx=ctx, approval_id=approval_id, now=now)


def cancel(session: Session, *, code: str, receipt_no: str, reason: str, ctx: CounterContext, approval_id: str,
           now: datetime) -> OpResult[int]:
    """Cancel one collection (its whole amount, by its method); needs an approval of
    :func:`cancel_target`. Returns what stays paid on the dossier."""
    return _reverse(session, kind="cancel", code=code, receipt_no=receipt_no, amount_vnd=None, reason=reason,
                    ctx=ctx, approval_id=approval_id, now=now)


@dataclass(frozen=True)
class CashLine:
    at: datetime
    dossier_code: str
    kind: str  # collect | refund | cancel
    method: str
    amount_vnd: int
    receipt_no: str  # the receipt issued, or the one refunded / cancelled


@dataclass(frozen=True)
class CashReport:
    """One officer's day (báo cáo thu phí, lệ phí trong ngày): per method, collected minus given back."""

    officer: str
    day: date
    by_method: dict[str, int]  # collected
    refunds: int
    receipts: int
    refunded_by_method: dict[str, int] = field(default_factory=dict)
    cancelled_by_method: dict[str, int] = field(default_factory=dict)
    lines: tuple[CashLine, ...] = ()

    @property
    def cancelled(self) -> int:
        return sum(self.cancelled_by_method.values())

    @property
    def net(self) -> int:
        return sum(self.by_method.values()) - self.refunds - self.cancelled

    def net_by_method(self) -> dict[str, int]:
        methods = [m.value for m in PaymentMethod]
        return {m: self.by_method.get(m, 0) - self.refunded_by_method.get(m, 0) - self.cancelled_by_method.get(m, 0)
                for m in methods}


def daily_cash_report(session: Session, *, officer: str, day: date) -> CashReport:
    start = datetime.combine(day, datetime.min.time())
    rows = list(session.scalars(select(PaymentRow).where(
        PaymentRow.officer == officer, PaymentRow.at >= start, PaymentRow.at < start + timedelta(days=1))
        .order_by(PaymentRow.at, PaymentRow.id)))
    refs = {r.id: r.receipt_no for r in session.scalars(select(PaymentRow).where(
        PaymentRow.id.in_([r.ref_payment_id for r in rows if r.ref_payment_id])))}
    sums: dict[str, dict[str, int]] = {k: defaultdict(int) for k in KIND_LABELS_VI}
    lines = []
    for r in rows:
        sums[r.kind][r.method] += r.amount_vnd
        lines.append(CashLine(r.at, r.dossier_code, r.kind, r.method, r.amount_vnd,
                              r.receipt_no or refs.get(r.ref_payment_id, "")))
    return CashReport(officer, day, dict(sums["collect"]), sum(sums["refund"].values()),
                      sum(r.kind == "collect" for r in rows), dict(sums["refund"]), dict(sums["cancel"]), tuple(lines))
