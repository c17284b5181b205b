"""The printable daily cash report (báo cáo thu phí, lệ phí trong ngày) of one officer.

Laid out on the brand template like the indicator report (:func:`printing.reports.table_document`):
a summary per payment method (collected, refunded, cancelled, net) and every line of the day
(time, dossier code, what, method, receipt number, amount). Wording and columns are data in
``resources/reports/cash_report.toml``; the numbers come from
:func:`counter_app.services.fees.daily_cash_report`. No personal data: dossier codes only.
"""

from __future__ import annotations

from datetime import datetime

from . import layout
from .codes import MM
from .data import AgencyBlock
from .reports import RenderedReport, table_document


def _spec() -> dict:
    from counter_app.resources import load_toml

    return load_toml("reports", "cash_report.toml")


def money(n: int) -> str:
    """12.000 (Vietnamese thousands separator); a negative amount keeps its sign."""
    return ("−" if n < 0 else "") + f"{abs(n):,}".replace(",", ".")


def _grid(rows: list[list], widths: list[float], *, total_row: bool = False):
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if total_row:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, "black"))
    table.setStyle(TableStyle(style))
    return table


def render_cash_report(report, *, issued_at: datetime, officer_name: str = "",
                       agency: AgencyBlock | None = None) -> RenderedReport:
    """``report``: a :class:`counter_app.services.fees.CashReport`."""
    from reportlab.platypus import Spacer

    from counter_app.services.fees import KIND_LABELS_VI, PaymentMethod

    spec = _spec()
    head, summary, detail = spec["report"], spec["summary"], spec["lines"]
    who = officer_name or report.officer
    subtitle = head["subtitle"].format(day=f"{report.day:%d/%m/%Y}", officer=f"{who} ({report.officer})"
                                       if officer_name else report.officer)

    def body(st, width):
        def cell(text: str, style: str, *, bold: bool = False):
            safe = layout.markup(text)
            return layout.para(f"<b>{safe}</b>" if bold else safe, st[style])

        out = [cell(summary["title"], "left", bold=True)]
        rows = [[cell(t, "cell-head") for t in summary["columns"]]]
        net = report.net_by_method()
        for m in PaymentMethod:
            rows.append([cell(m.label_vi, "cell")] + [cell(money(n), "cell-center") for n in (
                report.by_method.get(m.value, 0), report.refunded_by_method.get(m.value, 0),
                report.cancelled_by_method.get(m.value, 0), net[m.value])])
        rows.append([cell(summary["total"], "cell", bold=True)] + [cell(money(n), "cell-center", bold=True) for n in (
            sum(report.by_method.values()), report.refunds, report.cancelled, report.net)])
        first = width * 0.28
        out += [_grid(rows, [first] + [(width - first) / 4] * 4, total_row=True), Spacer(1, 1.5 * MM),
                cell(summary["receipts"].format(receipts=report.receipts), "normal"), Spacer(1, 3 * MM),
                cell(detail["title"], "left", bold=True)]
        if not report.lines:
            out.append(cell(detail["empty"], "italic"))
        else:
            rows = [[cell(t, "cell-head") for t in detail["columns"]]]
            for i, line in enumerate(report.lines, start=1):
                sign = 1 if line.kind == "collect" else -1
                rows.append([cell(str(i), "cell-center"), cell(f"{line.at:%H:%M}", "cell-center"),
                             cell(line.dossier_code, "cell"), cell(KIND_LABELS_VI[line.kind], "cell"),
                             cell(PaymentMethod(line.method).label_vi, "cell"), cell(line.receipt_no, "cell"),
                             cell(money(sign * line.amount_vnd), "cell-center")])
            fractions = [0.07, 0.08, 0.34, 0.11, 0.13, 0.13, 0.14]
            out.append(_grid(rows, [width * f for f in fractions]))
        out.append(Spacer(1, 2 * MM))
        out += [cell(line, "small") for line in spec["notes"]["lines"]]
        out.append(layout.signatures(st, spec["notes"]["signers"], {"officer_name": who}, width))
        return out

    return table_document(page=head["page"], title=head["title"], subtitle=subtitle,
                          agency=agency or AgencyBlock.from_settings(), issued_at=issued_at, footer=head["footer"],
                          story_after=body)
