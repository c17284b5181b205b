"""The printable indicator report (báo cáo chỉ số, Decision 766/QĐ-TTg where the data supports it).

Per counter, officer and procedure for a period: one table each (columns from
``resources/reports/indicators.toml``) and, for the procedures, a bar chart drawn with
reportlab graphics (on time / late / still overdue per procedure). The numbers come from
:func:`counter_app.services.indicators.compute`; this module only lays them out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from . import layout
from .codes import MM
from .data import AgencyBlock
from .reports import RenderedReport, table_document


def _spec() -> dict:
    from counter_app.resources import load_toml

    return load_toml("reports", "indicators.toml")


def cell(value, fmt: str) -> str:
    """"12" for counts; "66,7%" for rates (Vietnamese decimal comma); "—" for a rate of nothing."""
    if fmt == "percent":
        return "—" if value is None else f"{value * 100:.1f}%".replace(".", ",")
    return str(int(value or 0))


def bar_chart(indicators: dict, series: list[dict], *, width: float, height: float = 55 * MM,
              title: str = "", labels: dict[str, str] | None = None):
    """Grouped vertical bars: one group per key, one bar per series (reportlab ``Drawing``)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from .fonts import FONT

    keys = sorted(indicators)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 28, width - 170, height - 48
    chart.data = [[getattr(indicators[k], s["field"]) for k in keys] or [0] for s in series]
    chart.categoryAxis.categoryNames = [(labels or {}).get(k, k) for k in keys] or [""]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = FONT["regular"]
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    top = max([max(row) for row in chart.data] + [1])
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 5)
    chart.barSpacing, chart.groupSpacing = 1, 8
    for i, s in enumerate(series):
        chart.bars[i].fillColor = colors.HexColor(s["color"])
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 125, height - 25
    legend.fontName, legend.fontSize = FONT["regular"], 8
    legend.colorNamePairs = [(colors.HexColor(s["color"]), layout.markup(s["label"])) for s in series]
    drawing.add(legend)
    if title:
        drawing.add(String(30, height - 10, layout.markup(title), fontName=FONT["bold"], fontSize=9))
    return drawing


def render_indicator_report(groups: dict[str, dict], *, start: datetime, end: datetime, now: datetime,
                            agency: AgencyBlock | None = None,
                            labels: dict[str, dict[str, str]] | None = None) -> RenderedReport:
    """``groups``: GroupBy value ("counter", "officer", "procedure") → key → ``Indicator``.

    ``labels`` optionally names keys per group (e.g. procedure code → "1.004873 Cấp Giấy …")."""
    from reportlab.platypus import Spacer, Table, TableStyle

    spec = _spec()
    head = spec["report"]
    cols = head["columns"]
    last = end - timedelta(days=1)
    subtitle = head["subtitle"].format(start=f"{start:%d/%m/%Y}", end=f"{last:%d/%m/%Y}", now=f"{now:%H:%M %d/%m/%Y}")

    def body(st, width):
        out: list = []
        for section in head["sections"]:
            found = groups.get(section["group"], {})
            names = (labels or {}).get(section["group"], {})
            out.append(layout.para(f"<b>{layout.markup(section['title'])}</b>", st["left"]))
            if not found:
                out.append(layout.para(layout.markup(head["empty"]), st["italic"]))
                continue
            rows = [[layout.para(layout.markup(t), st["cell-head"]) for t in [section["first"]]
                     + [c["title"] for c in cols]]]
            for key in sorted(found):
                ind = found[key]
                rows.append([layout.para(layout.markup(names.get(key, key)), st["cell"])]
                            + [layout.para(cell(getattr(ind, c["field"]), c["format"]), st["cell-center"])
                               for c in cols])
            first_w = width * 0.22
            table = Table(rows, colWidths=[first_w] + [(width - first_w) / len(cols)] * len(cols), repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            out += [table, Spacer(1, 3 * MM)]
            if section.get("chart"):
                out += [bar_chart(found, spec["chart"]["series"], width=width, title=spec["chart"]["title"]),
                        Spacer(1, 3 * MM)]
        out += [layout.para(layout.markup(line), st["small"]) for line in spec.get("notes", {}).get("lines", [])]
        return out

    return table_document(page=head["page"], title=head["title"], subtitle=subtitle,
                          agency=agency or AgencyBlock.from_settings(), issued_at=now, footer=head["footer"],
                          story_after=body)
