"""Printing a handoff batch: the day's list (danh sách hồ sơ chuyển, A4, a barcode per dossier)
and the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ) of every dossier in it.

Wording and columns are data (``resources/reports/batch_list.toml``). Call :func:`print_batch`
after :func:`counter_app.services.handoffs.hand_off_batch` committed, so each control slip
already carries its first row (counter → department). The slips go through the normal print
dispatch (:func:`printing.dispatch.print_form`: recorded per dossier, reprints marked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from counter_app.storage.db import Store

from . import layout
from .codes import MM, code128_drawing
from .data import AgencyBlock, short
from .dispatch import PrintOutcome, print_form
from .printers import Printers, PrintJob, save_pdf
from .reports import RenderedReport, table_document


def _template() -> dict:
    from counter_app.resources import load_toml

    return load_toml("reports", "batch_list.toml")["report"]


def render_batch_list(lines: list, *, day: date, to_unit: str, issued_at: datetime, officer_name: str = "",
                      approved_by: str = "", agency: AgencyBlock | None = None) -> RenderedReport:
    """The batch list for ``lines`` (:class:`~counter_app.services.handoffs.BatchLine`)."""
    from reportlab.platypus import Spacer, Table, TableStyle

    t = _template()
    values = {"day": f"{day:%d/%m/%Y}", "count": str(len(lines)), "to_unit": to_unit,
              "approved_by": approved_by, "officer_name": officer_name}

    def body(st, width):
        cols = t["columns"]
        total = sum(c["width"] for c in cols)
        widths = [width * c["width"] / total for c in cols]
        head = [layout.para(layout.markup(c["title"]), st["cell-head"]) for c in cols]
        rows = [head]
        for i, line in enumerate(lines, 1):
            cells = {"no": str(i), "procedure": line.procedure_name, "received": short(line.received_at),
                     "due": short(line.due_at)}
            row = []
            for c in cols:
                if c["field"] == "barcode":
                    row.append([layout.para(f"<b>{layout.markup(line.code)}</b>", st["cell"]),
                                code128_drawing(line.code, module_mm=0.23, height_mm=8, text=False)])
                else:
                    style = st["cell-center" if c.get("align") == "center" else "cell"]
                    row.append(layout.para(layout.markup(cells[c["field"]]), style))
            rows.append(row)
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                   ("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 3)]))
        out = [layout.para(layout.fill(t["intro"], values), st["normal"]), Spacer(1, 2 * MM), table]
        if approved_by:
            out.append(layout.para(layout.fill(t["approved"], values), st["italic"]))
        out.append(layout.signatures(st, t["signers"], values, width))
        return out

    return table_document(page=t["page"], title=t["title"], subtitle=layout.fill(t["subtitle"], values),
                          agency=agency or AgencyBlock.from_settings(), issued_at=issued_at, footer=t["footer"],
                          story_after=body)


@dataclass(frozen=True)
class BatchPrintOutcome:
    list_pdf: Path  # the saved batch list (also when it was printed)
    list_job: PrintJob | None
    slips: list[PrintOutcome]


def print_batch(*, store: Store, lines: list, day: date, to_unit: str, officer: str, now: datetime,
                spool_dir: Path, printers: Printers | None = None, printer: str | None = None,
                approved_by: str = "") -> BatchPrintOutcome:
    """Print (or, without ``printers``, save) the batch list, then each dossier's control slip."""
    from .stored import stored_context

    from sqlalchemy import select

    from counter_app.storage.models import OfficerRow

    with store.read() as s:
        officer_name = s.scalar(select(OfficerRow.full_name).where(OfficerRow.username == officer)) or officer
    rendered = render_batch_list(lines, day=day, to_unit=to_unit, issued_at=now, officer_name=officer_name,
                                 approved_by=approved_by)
    label = f"lo-chuyen-{day:%Y%m%d}"
    job = None
    if printers is None:
        saved = save_pdf(rendered.pdf, folder=spool_dir, label=label, now=now)
    else:
        job = printers.print_pdf(pdf=rendered.pdf, page=rendered.page, label=label, now=now, printer=printer)
        saved = job.saved_pdf
    slips = []
    for line in lines:
        with store.read() as s:
            ctx = stored_context(s, line.code, form="control", now=now)
        slips.append(print_form(store=store, form="control", ctx=ctx, officer=officer, now=now, spool_dir=spool_dir,
                                printers=printers, printer=printer,
                                reason=f"In kèm lô chuyển ngày {day:%d/%m/%Y}"))
    return BatchPrintOutcome(saved, job, slips)
