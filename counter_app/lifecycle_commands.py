"""``counter-app report …``: the indicator report (PDF) and the tracking book (PDF or XLSX).

``counter-app report indicators --from 2026-11-01 --to 2026-11-30 --out chi-so.pdf``
``counter-app report book --from 2026-11-01 --to 2026-11-30 --out so.xlsx`` (or ``.pdf``)

Dates are inclusive local days; the store is the profile's (``--data-dir``). Heavy imports
(reportlab, openpyxl) happen inside the handlers.
"""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta
from pathlib import Path

from .cli import parse_date, parse_datetime


def register(sub) -> None:
    report = sub.add_parser("report", help="báo cáo: chỉ số (766), sổ theo dõi hồ sơ")
    kinds = report.add_subparsers(dest="report_kind", required=True)
    for name, handler, help_vi in [("indicators", _indicators, "báo cáo chỉ số theo quầy, cán bộ, thủ tục (PDF)"),
                                   ("book", _book, "sổ theo dõi hồ sơ (PDF khổ A4 ngang hoặc XLSX)")]:
        p = kinds.add_parser(name, help=help_vi)
        p.set_defaults(handler=handler)
        p.add_argument("--from", dest="start", type=parse_date, required=True, help="từ ngày (YYYY-MM-DD)")
        p.add_argument("--to", dest="end", type=parse_date, required=True, help="đến ngày, tính cả ngày này")
        p.add_argument("--out", required=True, help="tệp kết quả (.pdf" + (" hoặc .xlsx)" if name == "book" else ")"))
        p.add_argument("--agency", help="mã cơ quan (mặc định: cơ quan của quầy này)")
        if name == "book":
            p.add_argument("--counter", help="chỉ hồ sơ tiếp nhận tại quầy này (mã quầy, ví dụ Q01)")
        p.add_argument("--at", type=parse_datetime, help="thời điểm tính số liệu, YYYY-MM-DDTHH:MM (mặc định: bây giờ)")


def _period(args: argparse.Namespace) -> tuple[datetime, datetime]:
    from .domain.errors import ValidationError

    if args.end < args.start:
        raise ValidationError("period ends before it starts", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.")
    return datetime.combine(args.start, time()), datetime.combine(args.end, time()) + timedelta(days=1)


def _open(args: argparse.Namespace):
    from .profile import Profile

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    ctx = profile.context(store)  # the signed-in officer: the services check the role and audit the export
    return store, args.agency or ctx.agency_code, ctx


def _indicators(args: argparse.Namespace) -> int:
    from printing.reports_indicators import render_indicator_report

    from .services.indicators import report_data

    start, end = _period(args)
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        from .domain.errors import ValidationError

        raise ValidationError("report must be a PDF", "Báo cáo chỉ số ghi ra tệp .pdf.")
    store, agency, ctx = _open(args)
    try:
        now = args.at or datetime.now().replace(second=0, microsecond=0)
        with store.read() as s:
            groups, labels = report_data(s, ctx=ctx, start=start, end=end, now=now, agency_code=agency)
    finally:
        store.close()
    report = render_indicator_report(groups, start=start, end=end, now=now, labels=labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(report.pdf)
    received = sum(i.received for i in groups["counter"].values())
    print(f"Đã ghi báo cáo chỉ số ({report.pages} trang, {received} hồ sơ tiếp nhận): {out}")
    return 0


def _book(args: argparse.Namespace) -> int:
    from .domain.errors import ValidationError
    from .services import tracking_book

    start, end = _period(args)
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise ValidationError("book must be .pdf or .xlsx", "Sổ theo dõi hồ sơ ghi ra tệp .pdf hoặc .xlsx.")
    store, agency, ctx = _open(args)
    try:
        with store.read() as s:
            lines = tracking_book.rows(s, ctx=ctx, start=start, end=end, agency_code=agency,
                                       counter_code=args.counter, fmt=out.suffix.lower().lstrip("."))
    finally:
        store.close()
    last = end - timedelta(days=1)
    if out.suffix.lower() == ".xlsx":
        from .domain.legal_basis import basis_for

        tracking_book.write_xlsx(lines, out, title=f"SỔ THEO DÕI HỒ SƠ từ {start:%d/%m/%Y} đến {last:%d/%m/%Y}",
                                 basis=basis_for(last.date()))
    else:
        from printing.reports import render_tracking_book

        from .domain.legal_basis import basis_for

        report = render_tracking_book(lines, start=start, end=end, basis=basis_for(last.date()),
                                      issued_at=args.at or datetime.now().replace(second=0, microsecond=0))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(report.pdf)
    print(f"Đã ghi sổ theo dõi hồ sơ ({len(lines)} hồ sơ): {out}")
    return 0
