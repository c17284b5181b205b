"""``counter-app fees …``: refund or cancel a collected fee (four-eyes), print the daily cash report.

``counter-app fees refund --dossier CODE --receipt BL-0006 --amount 15000 --reason "…" --supervisor lanhdao01``
``counter-app fees cancel --dossier CODE --receipt BL-0006 --reason "…" --supervisor lanhdao01``
``counter-app fees cash-report --day 2026-11-12 --out thu-phi.pdf [--collector canbo01]``

The officer signs in (``--officer``, :mod:`counter_app.cli_auth`); the supervisor approves the
exact sum with their password, asked without echo (with ``--password-stdin``: the line after the
officer's). Refunds and cancellations go back by the original receipt's method
(:mod:`counter_app.services.fees`). Heavy imports happen inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .cli import parse_date


def register(sub) -> None:
    fees = sub.add_parser("fees", help="phí, lệ phí: hoàn, hủy biên lai, báo cáo thu trong ngày")
    kinds = fees.add_subparsers(dest="fees_kind", required=True)
    for name, help_vi in [("refund", "hoàn phí, lệ phí theo một biên lai (lãnh đạo phê duyệt số tiền)"),
                          ("cancel", "hủy một biên lai thu nhầm (lãnh đạo phê duyệt)")]:
        p = kinds.add_parser(name, help=help_vi)
        p.set_defaults(handler=_reverse, fee_action=name)
        p.add_argument("--dossier", required=True, metavar="CODE", help="mã hồ sơ")
        p.add_argument("--receipt", required=True, metavar="SỐ", help="số biên lai của khoản đã thu")
        if name == "refund":
            p.add_argument("--amount", required=True, type=_amount, help="số tiền hoàn (đồng)")
        p.add_argument("--reason", required=True, help="lý do (ghi vào sổ)")
        p.add_argument("--supervisor", required=True, metavar="USER", help="lãnh đạo phê duyệt (mật khẩu hỏi khi chạy)")
    p = kinds.add_parser("cash-report", help="báo cáo thu phí, lệ phí trong ngày của một cán bộ (PDF)")
    p.set_defaults(handler=_cash_report)
    p.add_argument("--day", type=parse_date, help="ngày (YYYY-MM-DD; mặc định: hôm nay)")
    p.add_argument("--out", required=True, help="tệp PDF")
    p.add_argument("--collector", metavar="USER", help="cán bộ thu (mặc định: cán bộ đăng nhập)")


def _vnd(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _amount(value: str) -> int:
    text = value.strip().replace(".", "").replace(",", "")
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"số tiền không hợp lệ “{value}” — nhập số đồng, ví dụ 15000")
    return int(text)


def _secret(args: argparse.Namespace, prompt: str) -> str:
    if getattr(args, "password_stdin", False) or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    return getpass.getpass(prompt)


def _reverse(args: argparse.Namespace) -> int:
    from . import clock
    from .profile import Profile
    from .security import approvals
    from .security.permissions import Action
    from .services import fees

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        ctx = profile.context(store)
        now = clock.now()
        with store.read() as s:  # the sum and the receipt are checked before the supervisor is asked
            payment, amount = fees.reversal(s, kind=args.fee_action, code=args.dossier, receipt_no=args.receipt,
                                            amount_vnd=getattr(args, "amount", None))
            receipt, method = payment.receipt_no, fees.PaymentMethod(payment.method).label_vi.lower()
        target = (fees.cancel_target if args.fee_action == "cancel" else fees.refund_target)(
            args.dossier, receipt, amount)
        print(f"Cần lãnh đạo phê duyệt: {fees.describe_target(target)}.", file=sys.stderr)
        password = _secret(args, f"Mật khẩu của lãnh đạo {args.supervisor}: ")
        approval = store.write(lambda s: approvals.approve(
            s, action=Action.REFUND_FEE, target=target, requested_by=ctx.officer, supervisor=args.supervisor,
            password=password, now=now, reason=args.reason)).id
        if args.fee_action == "cancel":
            op = lambda s: fees.cancel(s, code=args.dossier, receipt_no=receipt,  # noqa: E731
                                       reason=args.reason, ctx=ctx, approval_id=approval, now=now)
        else:
            op = lambda s: fees.refund(s, code=args.dossier, receipt_no=receipt,  # noqa: E731
                                       amount_vnd=amount, reason=args.reason, ctx=ctx, approval_id=approval, now=now)
        paid = store.write(op).value
    finally:
        store.close()
    what = "Đã hủy biên lai" if args.fee_action == "cancel" else "Đã hoàn"
    print(f"{what} {receipt}: {_vnd(amount)} đồng, trả lại bằng {method}. "
          f"Hồ sơ {args.dossier} còn ghi nhận đã nộp {_vnd(paid)} đồng.")
    return 0


def _cash_report(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from printing.reports_cash import render_cash_report

    from . import clock
    from .domain.errors import ValidationError
    from .profile import Profile
    from .services import fees
    from .storage.models import OfficerRow

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError("cash report must be a PDF", "Báo cáo thu phí, lệ phí ghi ra tệp .pdf.")
    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        collector = args.collector or profile.context(store).officer
        day: date = args.day or clock.now().date()
        with store.read() as s:
            name = s.scalar(select(OfficerRow.full_name).where(OfficerRow.username == collector)) or ""
            report = fees.daily_cash_report(s, officer=collector, day=day)
    finally:
        store.close()
    rendered = render_cash_report(report, issued_at=clock.now().replace(second=0, microsecond=0), officer_name=name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(rendered.pdf)
    print(f"Đã ghi báo cáo thu phí, lệ phí ngày {day:%d/%m/%Y} của {collector} "
          f"({report.receipts} biên lai, thực thu {_vnd(report.net)} đồng): {out}")
    return 0
