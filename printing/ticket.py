"""The 80 mm queue ticket (phiếu số thứ tự) as a one-page PDF for thermal roll printers.

Layout: emblem and unit name, title, the big ticket number, then the template's lines.
The queue fills a :class:`TicketContext` (agency and :class:`printing.data.QueueTicket`, no
dossier) and prints the PDF on the site's PDF/CUPS printer when it has no thermal one;
:mod:`printing.escpos_ticket` draws the same fields for an ESC/POS printer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from counter_app.domain.text import nfc

from . import layout
from .codes import MM
from .data import AgencyBlock, FormContext, QueueTicket, fields, short
from .fonts import FONT, register_fonts
from .templates import FormTemplate

WIDTH_MM, HEIGHT_MM, MARGIN_MM = 80, 110, 4


@dataclass(frozen=True)
class TicketContext:
    """What a queue ticket shows: the site's unit and the ticket (a visit has no dossier yet)."""

    agency: AgencyBlock
    ticket: QueueTicket


def ticket_values(ctx: FormContext | TicketContext) -> dict[str, object]:
    """The template's placeholder values of a queue ticket (or of a form context with a ticket)."""
    if not isinstance(ctx, TicketContext):
        return fields(ctx)
    a, t = ctx.agency, ctx.ticket
    return {k: nfc(v) for k, v in {
        "parent_body": a.parent_body, "unit_name": a.unit_name, "place": a.place, "ticket_number": t.number,
        "counter_name": t.counter_name, "field_name": t.field_name, "ticket_time": short(t.issued_at),
        "waiting": str(t.waiting)}.items()}


def render_ticket(template: FormTemplate, ctx: FormContext | TicketContext, *, reprint: bool = False) -> bytes:
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from .render import logo_path, reprint_text

    register_fonts()
    values = ticket_values(ctx)
    w, h = WIDTH_MM * MM, HEIGHT_MM * MM
    inner = w - 2 * MARGIN_MM * MM
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h))
    c.setTitle(nfc(template.title))
    y = h - MARGIN_MM * MM
    logo = logo_path()
    if logo:
        c.drawImage(str(logo), w / 2 - 7 * MM, y - 14 * MM, 14 * MM, 14 * MM, mask="auto")
        y -= 16 * MM
    for line in simpleSplit(nfc(str(values["unit_name"])), FONT["bold"], 9, inner):
        c.setFont(FONT["bold"], 9)
        c.drawCentredString(w / 2, y - 9, line)
        y -= 11
    y -= 6
    c.setFont(FONT["bold"], 12)
    c.drawCentredString(w / 2, y - 12, nfc(template.title))
    y -= 16
    c.setFont(FONT["bold"], 40)
    c.drawCentredString(w / 2, y - 40, nfc(str(values.get("ticket_number", "—"))))
    y -= 50
    for block in template.body:
        text = layout.fill(block.get("text", ""), values)
        plain = text.replace("&nbsp;", " ").replace("<b>", "").replace("</b>", "")
        for line in simpleSplit(_unescape(plain), FONT["regular"], 10, inner):
            c.setFont(FONT["regular"], 10)
            c.drawString(MARGIN_MM * MM, y - 10, line)
            y -= 13
    if reprint:
        c.setFont(FONT["bold"], 10)
        c.drawCentredString(w / 2, 3 * MM, nfc(reprint_text()))
    c.showPage()
    c.save()
    return buf.getvalue()


def _unescape(text: str) -> str:
    from xml.sax.saxutils import unescape

    return unescape(text)
