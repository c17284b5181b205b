"""Rendering a form: template + context → PDF bytes (reportlab platypus).

:func:`render_form` picks the template by the dossier's legal basis (a dossier keeps the
basis it was received under), prints every copy ("liên") on its own page(s), and adds
the "BẢN IN LẠI" mark on reprints.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from counter_app.domain.legal_basis import LegalBasis

from . import layout
from .codes import MM
from .data import FormContext, fields
from .templates import FormTemplate, load_template


@dataclass(frozen=True)
class RenderedForm:
    form: str
    basis: LegalBasis
    pdf: bytes
    pages: int
    page: str  # "A5", "A4", "A4-landscape", "80mm"
    copies: int  # "liên" printed on separate pages
    reprint: bool


def _brand() -> dict:
    from counter_app.resources import load_toml

    return load_toml("brand", "forms.toml")


def brand_color(name: str, default: str) -> str:
    """A colour from the UI's brand.toml ``[colors]`` if present, else forms.toml, else ``default``."""
    from counter_app.resources import load_toml, resource_path

    if resource_path("brand", "brand.toml").exists():
        value = load_toml("brand", "brand.toml").get("colors", {}).get(name)
        if value:
            return value
    return _brand().get("colors", {}).get(name, default)


def reprint_text() -> str:
    return _brand().get("reprint", {}).get("mark", "BẢN IN LẠI")


def render_form(form: str, ctx: FormContext, *, basis: LegalBasis | None = None,
                reprint: bool = False) -> RenderedForm:
    """Render ``form`` for ``ctx`` under ``basis`` (default: the dossier's own legal basis)."""
    basis = basis or ctx.dossier.legal_basis
    template = load_template(form, basis)
    if template.page == "80mm":
        from .ticket import render_ticket

        pdf = render_ticket(template, ctx, reprint=reprint)
        return RenderedForm(form, basis, pdf, 1, "80mm", 1, reprint)
    return _render_document(template, ctx, reprint=reprint)


def _render_document(template: FormTemplate, ctx: FormContext, *, reprint: bool) -> RenderedForm:
    from reportlab.platypus import Frame, PageBreak, PageTemplate
    from reportlab.platypus.doctemplate import BaseDocTemplate

    spec = layout.page_spec(template.page)
    st = layout.styles(spec.base_pt)
    left, right, top, bottom = (m * MM for m in spec.margins_mm)
    page_w, page_h = spec.size
    width = page_w - left - right
    footer = f"{template.number} — {template.basis.title_vi}" if template.number else template.basis.title_vi
    mark = reprint_text() if reprint else ""
    pages = [0]

    def on_page(canvas, _doc):
        pages[0] += 1
        if mark:
            layout.reprint_mark(canvas, page_w, page_h, mark, color=brand_color("primary", "#B81C24"))
        layout.corner_note(canvas, page_w, page_h, template.number, f"{footer} · Trang {canvas.getPageNumber()}",
                           left)

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=spec.size, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, title=template.title, author="Quầy Một cửa",
                          subject=ctx.dossier.code)
    frame = Frame(left, bottom, width, page_h - top - bottom, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=on_page)])
    values = fields(ctx)
    story: list = []
    for i, copy_label in enumerate(template.copies):
        if i:
            story.append(PageBreak())
        story += _story(template, st, dict(values, copy_label=copy_label), width)
    doc.build(story)
    return RenderedForm(template.form, template.basis, buf.getvalue(), pages[0], template.page,
                        len(template.copies), reprint)


def _story(template: FormTemplate, st: dict, values: dict, width: float) -> list:
    from reportlab.platypus import Spacer

    logo = _logo() if _brand().get("logo", {}).get("on_forms") else None
    number_line = layout.fill(template.number_line, values) if template.number_line else ""
    story = [layout.header(st, parent_body=values["parent_body"], unit_name=values["unit_name"],
                           number_line=number_line, width=width, logo=logo),
             Spacer(1, 1.5 * MM), layout.para(layout.markup(values["date_line"]), st["right-italic"]),
             layout.para(layout.markup(template.title), st["title"])]
    if template.subtitle:
        story.append(layout.para(layout.fill(template.subtitle, values), st["center-italic"]))
    story.append(Spacer(1, 2 * MM))
    for block in template.body:
        story += _block(block, st, values, width)
    for note in template.notes:
        story.append(layout.para(layout.fill(note, values), st["small"]))
    return story


def _block(block: dict, st: dict, values: dict, width: float) -> list:
    from reportlab.platypus import Spacer

    kind = block["kind"]
    if kind == "text":
        return [layout.para(layout.fill(block["text"], values), st[block.get("style", "normal")])]
    if kind == "items":
        out = [layout.para(layout.fill(block["intro"], values), st["normal"])] if block.get("intro") else []
        return out + layout.items(st, list(values.get(block["field"]) or []),
                                  empty_lines=block.get("empty_lines", 2))
    if kind == "table":
        return [layout.table(st, block, list(values.get(block["rows"]) or []), width), Spacer(1, 1.5 * MM)]
    if kind == "signatures":
        return [layout.signatures(st, block["signers"], values, width, gap_mm=block.get("gap_mm", 16))]
    if kind == "codes":
        return [layout.codes_block(st, values["code"], values["lookup_url"], width,
                                   text=layout.fill(block.get("text", ""), values),
                                   caption=layout.fill(block.get("caption", ""), values))]
    return [Spacer(1, block.get("mm", 3) * MM)]


def _logo():
    from reportlab.platypus import Image

    path = logo_path()
    return Image(str(path), width=13 * MM, height=13 * MM) if path else None


def logo_path():
    """The emblem file named in forms.toml, or ``None`` when it is missing (nothing is drawn)."""
    from counter_app.resources import resource_path

    name = _brand().get("logo", {}).get("file", "")
    path = resource_path("brand", name) if name else None
    return path if path and path.exists() else None
