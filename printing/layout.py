"""The one shared layout of the printed forms (brand template): styles, the header block,
titles, text, numbered items, tables, signature blocks, the barcode/QR block and the
reprint mark. Every form is assembled from these pieces; none re-draws what is here.

Every string is NFC-normalised before it reaches reportlab (which does no shaping: NFD
text would print with detached accents).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from counter_app.domain.text import nfc

from .codes import MM, code128_drawing, qr_drawing
from .fonts import FONT, register_fonts

EMPTY = "…………"


@dataclass(frozen=True)
class PageSpec:
    size: tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # left, right, top, bottom
    base_pt: float


def page_spec(page: str) -> PageSpec:
    from reportlab.lib.pagesizes import A4, A5, landscape

    return {
        "A5": PageSpec(A5, (12, 10, 8, 9), 10),
        "A4": PageSpec(A4, (25, 15, 15, 15), 12),
        "A4-landscape": PageSpec(landscape(A4), (12, 10, 10, 12), 8.5),
    }[page]


def styles(base: float) -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    lead = base * 1.22
    normal = ParagraphStyle("normal", fontName=FONT["regular"], fontSize=base, leading=lead, alignment=TA_JUSTIFY,
                            spaceAfter=base * 0.12)
    return {
        "normal": normal,
        "left": ParagraphStyle("left", parent=normal, alignment=TA_LEFT),
        "center": ParagraphStyle("center", parent=normal, alignment=TA_CENTER),
        "italic": ParagraphStyle("italic", parent=normal, fontName=FONT["italic"]),
        "right-italic": ParagraphStyle("right-italic", parent=normal, fontName=FONT["italic"], alignment=TA_RIGHT),
        "center-italic": ParagraphStyle("center-italic", parent=normal, fontName=FONT["italic"],
                                        alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=normal, fontSize=base * 0.85, leading=base * 1.05),
        "title": ParagraphStyle("title", parent=normal, fontName=FONT["bold"], fontSize=base * 1.15,
                                leading=base * 1.45, alignment=TA_CENTER, spaceBefore=base * 0.4, spaceAfter=0),
        "head": ParagraphStyle("head", parent=normal, fontSize=base * 0.92, leading=base * 1.12,
                               alignment=TA_CENTER, spaceAfter=0),
        "head-bold": ParagraphStyle("head-bold", parent=normal, fontName=FONT["bold"], fontSize=base * 0.92,
                                    leading=base * 1.12, alignment=TA_CENTER, spaceAfter=0),
        "motto": ParagraphStyle("motto", parent=normal, fontName=FONT["bold"], fontSize=base * 0.86,
                                leading=base * 1.12, alignment=TA_CENTER, spaceAfter=0),
        "cell": ParagraphStyle("cell", parent=normal, fontSize=base * 0.88, leading=base * 1.05,
                               alignment=TA_LEFT, spaceAfter=0),
        "cell-center": ParagraphStyle("cell-center", parent=normal, fontSize=base * 0.88, leading=base * 1.05,
                                      alignment=TA_CENTER, spaceAfter=0),
        "cell-head": ParagraphStyle("cell-head", parent=normal, fontName=FONT["bold"], fontSize=base * 0.85,
                                    leading=base * 1.0, alignment=TA_CENTER, spaceAfter=0),
    }


def markup(value: object) -> str:
    """A value as safe paragraph markup: NFC, escaped, lists as lines, empty as dots."""
    if isinstance(value, (list, tuple)):
        return "<br/>".join(markup(v) for v in value if v) or ""
    text = nfc(str(value)) if value is not None else ""
    return escape(text) if text.strip() else ""


def fill(template: str, values: dict) -> str:
    """Replace ``{name}`` in a template string (trusted markup) by escaped values; blanks print as dots."""
    from .templates import _PLACEHOLDER

    def sub(m):
        v = values.get(m.group(1))
        if isinstance(v, list) and v and isinstance(v[0], dict):
            return EMPTY
        return markup("; ".join(v) if isinstance(v, list) else v) or EMPTY
    return nfc(_PLACEHOLDER.sub(sub, template))


def para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(nfc(text), style)


def header(st: dict, *, parent_body: str, unit_name: str, number_line: str, width: float, logo=None):
    """Agency block left, national motto right (Quốc hiệu, Tiêu ngữ underlined), each over a short rule."""
    from reportlab.platypus import HRFlowable, Table, TableStyle

    left = [para(markup(parent_body.upper()), st["head"]), para(markup(unit_name.upper()), st["head-bold"]),
            HRFlowable(width="35%", thickness=0.6, color="black", spaceBefore=3, spaceAfter=2, hAlign="CENTER")]
    if number_line:
        left.append(para(number_line, st["head"]))
    right = [para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["motto"]),
             para("<u>Độc lập - Tự do - Hạnh phúc</u>", st["head-bold"])]
    cells, widths = [left, right], [width * 0.42, width * 0.58]
    if logo is not None:
        cells, widths = [logo, left, right], [14 * MM, width * 0.42 - 14 * MM, width * 0.58]
    t = Table([cells], colWidths=widths)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return t


def items(st: dict, entries: list[str], *, empty_lines: int = 2) -> list:
    """A numbered list ("1. …"); dotted lines to fill by hand when there is nothing to print."""
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("item", parent=st["normal"], leftIndent=12, firstLineIndent=-10)
    if not entries:
        return [para(f"{i}. " + "." * 60, style) for i in range(1, empty_lines + 1)]
    return [para(f"{i}. {markup(e)}", style) for i, e in enumerate(entries, 1)]


def table(st: dict, block: dict, rows: list[dict], width: float):
    """A bordered table: column titles (optionally grouped), one row per dict, header repeated on new pages."""
    from reportlab.platypus import Table, TableStyle

    cols = block["columns"]
    total = sum(c.get("width", 10) for c in cols)
    widths = [width * c.get("width", 10) / total for c in cols]
    groups = block.get("groups", [])
    head = [[para(markup(c["title"]), st["cell-head"]) for c in cols]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    if groups:
        top = [""] * len(cols)
        grouped = set()
        for g in groups:
            top[g["first"]] = para(markup(g["title"]), st["cell-head"])
            style.append(("SPAN", (g["first"], 0), (g["last"], 0)))
            grouped |= set(range(g["first"], g["last"] + 1))
        for i in set(range(len(cols))) - grouped:
            top[i], head[0][i] = head[0][i], ""
            style.append(("SPAN", (i, 0), (i, 1)))
        head.insert(0, top)
    body = [[para(markup(r.get(c["field"], "")), st["cell-center" if c.get("align") == "center" else "cell"])
             for c in cols] for r in rows]
    for _ in range(max(0, block.get("min_rows", 0) - len(rows))):
        body.append([para("&nbsp;", st["cell"]) for _ in cols])
    t = Table(head + body, colWidths=widths, repeatRows=len(head))
    t.setStyle(TableStyle(style))
    return t


def signatures(st: dict, signers: list[dict], values: dict, width: float, *, gap_mm: float = 16):
    """Signature cells side by side: TITLE / (hint) / space to sign / the name."""
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    cells = []
    for s in signers:
        cell = [para(f"<b>{fill(s['title'], values)}</b>", st["head"])]
        if s.get("hint"):
            cell.append(para(f"<i>{fill(s['hint'], values)}</i>", st["head"]))
        cell.append(Spacer(1, gap_mm * MM))
        name = values.get(s["name"], "") if s.get("name") else ""
        cell.append(para(f"<b>{markup(name)}</b>", st["head"]))
        cells.append(cell)
    if len(cells) == 1:  # a single signer signs on the right half, as on official letters
        cells.insert(0, "")
    t = Table([cells], colWidths=[width / len(cells)] * len(cells))
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 2 * MM), t])


def codes_block(st: dict, code: str, url: str, width: float, *, text: str = "", caption: str = "",
                qr_mm: float = 20):
    """Text and the Code128 of the dossier code on the left, QR of the lookup address on the right.

    ``text`` and ``caption`` are already-filled markup (above and below the bars)."""
    from reportlab.platypus import Table, TableStyle

    bar = code128_drawing(code, module_mm=0.3, height_mm=8, text=False)
    left = ([para(text, st["left"])] if text else []) + [bar]
    if caption:
        left.append(para(f"<i>{caption}</i>", st["small"]))
    t = Table([[left, qr_drawing(url, size_mm=qr_mm)]], colWidths=[width - (qr_mm + 2) * MM, (qr_mm + 2) * MM])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return t


def reprint_mark(canvas, page_w: float, page_h: float, text: str, *, color: str = "#B81C24") -> None:
    """"BẢN IN LẠI": a light diagonal watermark behind the page and a boxed stamp at the bottom right."""
    canvas.saveState()
    canvas.setFillColorRGB(0.85, 0.85, 0.85)
    canvas.setFont(FONT["bold"], min(page_w, page_h) / 8)
    canvas.translate(page_w / 2, page_h / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, 0, nfc(text))
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(FONT["bold"], 9)
    w = canvas.stringWidth(nfc(text), FONT["bold"], 9) + 8
    x, y = page_w - 10 * MM - w, 4.5 * MM  # bottom right, in the margin beside the footer
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.rect(x, y - 3, w, 13, stroke=1, fill=0)
    canvas.drawCentredString(x + w / 2, y, nfc(text))
    canvas.restoreState()


def corner_note(canvas, page_w: float, page_h: float, top: str, bottom: str, margin: float) -> None:
    """The form number at the top right ("Mẫu số 01") and a small footer."""
    canvas.saveState()
    canvas.setFont(FONT["italic"], 7.5)
    if top:
        canvas.drawRightString(page_w - margin, page_h - 5.5 * MM, nfc(top))
    if bottom:
        canvas.setFillColorRGB(0.35, 0.35, 0.35)
        canvas.drawString(margin, 5 * MM, nfc(bottom))
    canvas.restoreState()
