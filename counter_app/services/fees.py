"""Fees and charges (phí, lệ phí): collection, refunds with approval, the daily cash report.

Amounts come from the catalog (the officer picks the fee option at reception: the
dossier's ``fee_vnd``); what is still owed blocks the return of results.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.status import DossierStatus
from ..security import approvals
from ..security.permissions import Action, require
from ..storage.models_lifecycle import PaymentRow
from .dossiers import CounterContext, get_dossier_row
from .operations import Changes, OpResult, queue_event


class PaymentMethod(enum.Enum):
    CASH = "cash"  # tiền mặt
    TRANSFER = "transfer"  # chuyển khoản
    QR = "qr"  # quét mã QR


def paid_vnd(session: Session, code: str) -> int:
    rows = session.execute(select(PaymentRow.kind, func.sum(PaymentRow.amount_vnd))
                           .where(PaymentRow.dossier_code == code).group_by(PaymentRow.kind)).all()
    totals = dict(rows)
    return int(totals.get("collect", 0) or 0) - int(totals.get("refund", 0) or 0)


#: Dossiers that end without a result owe nothing (a refund of a withdrawn dossier is not a new debt).
_NOTHING_OWED = {DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.CANCELLED}


def outstanding_vnd(session: Session, code: str) -> int:
    row = get_dossier_row(session, code)
    if DossierStatus(row.status) in _NOTHING_OWED:
        return 0
    return max(0, row.fee_vnd - paid_vnd(session, code))


def collect(session: Session, *, code: str, amount_vnd: int, method: PaymentMethod, receipt_no: str,
            ctx: CounterContext, now: datetime) -> OpResult[int]:
    """Record a collected fee; returns what is still owed."""
    require(ctx.role, Action.COLLECT_FEE)
    owed = outstanding_vnd(session, code)
    if amount_vnd <= 0 or amount_vnd > owed:
        raise ValidationError(f"amount {amount_vnd} outside 1..{owed}",
                              f"Số tiền thu phải từ 1 đến {owed:,} đồng (số còn phải nộp).".replace(",", "."))
    if not receipt_no.strip():
        raise ValidationError("no receipt number", "Nhập số biên lai thu phí, lệ phí.")
    session.add(PaymentRow(dossier_code=code, kind="collect", amount_vnd=amount_vnd, method=method.value,
                           receipt_no=receipt_no.strip(), at=now, officer=ctx.officer, approval_id=None, note=""))
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="fee.collect", aggregate=code, at=now,
                payload={"amount_vnd": amount_vnd, "method": method.value, "receipt_no": receipt_no.strip()})
    session.flush()
    return OpResult(owed - amount_vnd, changes)


def refund(session: Session, *, code: str, amount_vnd: int, reason: str, ctx: CounterContext, approval_id: str,
           now: datetime) -> OpResult[int]:
    """Refund part of what was collected: needs a supervisor's approval (four-eyes)."""
    if not reason.strip():
        raise ValidationError("refund without reason", "Ghi rõ lý do hoàn phí.")
    paid = paid_vnd(session, code)
    if amount_vnd <= 0 or amount_vnd > paid:
        raise ValidationError("refund amount", f"Số tiền hoàn phải từ 1 đến {paid:,} đồng.".replace(",", "."))
    require(ctx.role, Action.REFUND_FEE)
    approvals.consume(session, approval_id=approval_id, action=Action.REFUND_FEE, target=code,
                      by=ctx.officer, now=now)
    session.add(PaymentRow(dossier_code=code, kind="refund", amount_vnd=amount_vnd, method=PaymentMethod.CASH.value,
                           receipt_no="", at=now, officer=ctx.officer, approval_id=approval_id, note=reason))
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="fee.refund", aggregate=code, at=now, payload={"amount_vnd": amount_vnd})
    session.flush()
    return OpResult(paid - amount_vnd, changes)


@dataclass(frozen=True)
class CashReport:
    officer: str
    day: date
    by_method: dict[str, int]
    refunds: int
    receipts: int

    @property
    def net(self) -> int:
        return sum(self.by_method.values()) - self.refunds


def daily_cash_report(session: Session, *, officer: str, day: date) -> CashReport:
    start = datetime.combine(day, datetime.min.time())
    rows = session.scalars(select(PaymentRow).where(PaymentRow.officer == officer, PaymentRow.at >= start,
                                                    PaymentRow.at < start + timedelta(days=1)))
    by_method: dict[str, int] = defaultdict(int)
    refunds = receipts = 0
    for r in rows:
        if r.kind == "collect":
            by_method[r.method] += r.amount_vnd
            receipts += 1
        elif r.kind == "refund":
            refunds += r.amount_vnd
    return CashReport(officer, day, dict(by_method), refunds, receipts)
