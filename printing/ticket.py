"""The 80 mm queue ticket (phiếu số thứ tự) as a one-page PDF for thermal roll printers.

Layout: emblem and unit name, title, the big ticket number, then the template's lines.
The queue feature fills :class:`printing.data.QueueTicket` and prints the PDF (CUPS queues
of thermal printers take PDF; an ESC/POS raster path can reuse the same fields).
"""

from __future__ import annotations

import io

from counter_app.domain.text import nfc

from . import layout
from .codes import MM
from .data import FormContext, fields
from .fonts import FONT, register_fonts
from .templates import FormTemplate

WIDTH_MM, HEIGHT_MM, MARGIN_MM = 80, 110, 4


def render_ticket(template: FormTemplate, ctx: FormContext, *, reprint: bool = False) -> bytes:
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from .render import logo_path, reprint_text

    register_fonts()
    values = fields(ctx)
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
