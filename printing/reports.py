"""Printed reports that list many dossiers: the tracking book (Sổ theo dõi hồ sơ) for a period.

A report is the brand header, a title, a subtitle and one bordered table whose columns are
the form template's (``resources/forms/<basis>/register.toml``): the same wording as the
register form, but the rows come from :mod:`counter_app.services.tracking_book` (a date
range, received dossiers only) instead of one dossier. :func:`table_document` is the
shared page builder; the batch list and the indicator report use it too.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from counter_app.domain.legal_basis import LegalBasis

from . import layout
from .codes import MM
from .data import AgencyBlock, day_text, short
from .templates import load_template


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    pages: int
    page: str


def table_document(*, page: str, title: str, subtitle: str, agency: AgencyBlock, issued_at: datetime,
                   footer: str, story_after: Callable[[dict, float], list] | None = None,
                   story_before: Callable[[dict, float], list] | None = None, number: str = "") -> RenderedReport:
    """A page-sized document: header block, date line, title, subtitle, then the given flowables."""
    from reportlab.platypus import Frame, PageTemplate, Spacer
    from reportlab.platypus.doctemplate import BaseDocTemplate

    spec = layout.page_spec(page)
    st = layout.styles(spec.base_pt)
    left, right, top, bottom = (m * MM for m in spec.margins_mm)
    page_w, page_h = spec.size
    width = page_w - left - right
    pages = [0]

    def on_page(canvas, _doc):
        pages[0] += 1
        layout.corner_note(canvas, page_w, page_h, number, f"{footer} · Trang {canvas.getPageNumber()}", left)

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=spec.size, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, title=title, author="Quầy Một cửa")
    frame = Frame(left, bottom, width, page_h - top - bottom, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="report", frames=[frame], onPage=on_page)])
    story = [layout.header(st, parent_body=agency.parent_body, unit_name=agency.unit_name, number_line="",
                           width=width),
             Spacer(1, 1.5 * MM),
             layout.para(layout.markup(f"{agency.place}, {day_text(issued_at)}"), st["right-italic"]),
             layout.para(layout.markup(title), st["title"])]
    if subtitle:
        story.append(layout.para(layout.markup(subtitle), st["center-italic"]))
    story.append(Spacer(1, 2 * MM))
    if story_before:
        story += story_before(st, width)
    if story_after:
        story += story_after(st, width)
    doc.build(story)
    return RenderedReport(buf.getvalue(), pages[0], page)


def book_row(line) -> dict:
    """One :class:`~counter_app.services.tracking_book.BookLine` as the register table's cells."""
    return {"no": str(line.seq), "code": line.code, "procedure": line.procedure_name, "sets": f"{line.sets:02d}",
            "applicant": line.applicant_name, "address_phone": line.address_phone,
            "processing_unit": line.processing_agency, "received": short(line.received_at),
            "due": short(line.due_at), "sent": short(line.handed_off_at), "back": short(line.result_back_at),
            "returned": short(line.returned_at), "sign": "", "note": line.note}


def render_tracking_book(lines: list, *, start: datetime, end: datetime, basis: LegalBasis, issued_at: datetime,
                         agency: AgencyBlock | None = None, book: str = "") -> RenderedReport:
    """The tracking book (Mẫu 06/2018, Mẫu 07/2025) for [start, end): A4 landscape, header on every page."""
    from datetime import timedelta

    template = load_template("register", basis)
    [table] = [b for b in template.body if b["kind"] == "table"]
    last = end - timedelta(days=1)
    subtitle = (f"Quyển số: {book} — " if book else "") + f"Từ ngày {start:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"
    rows = [book_row(line) for line in lines]

    def body(st, width):
        out = [layout.table(st, table, rows, width)]
        if not rows:
            out.append(layout.para("Không có hồ sơ nào trong khoảng thời gian này.", st["center-italic"]))
        return out

    footer = f"{template.number} — {basis.title_vi}" if template.number else basis.title_vi
    return table_document(page=template.page, title=template.title, subtitle=subtitle,
                          agency=agency or AgencyBlock.from_settings(), issued_at=issued_at, footer=footer,
                          story_after=body, number=template.number)
