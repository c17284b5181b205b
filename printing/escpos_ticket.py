"""The queue ticket on an ESC/POS thermal printer (python-escpos), as a raster image.

Vietnamese as printer text needs several code pages switched mid-line and still loses
letters on many firmwares (platform.md), so the ticket is drawn with Pillow from the same
template and fields as the PDF ticket (:mod:`printing.ticket`) and sent as one raster
image: it prints the same on every ESC/POS printer. Paper: 576 px wide for 80 mm
(512 px on some models), 384 px for 58 mm.
"""

from __future__ import annotations

from counter_app.domain.text import nfc

from . import layout
from .data import FormContext
from .fonts import resolve_font
from .templates import FormTemplate
from .ticket import TicketContext, ticket_values

WIDTH_80MM = 576


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    return lines + ([current] if current else [])


def ticket_image(template: FormTemplate, ctx: FormContext | TicketContext, *, width_px: int = WIDTH_80MM):
    """The ticket as a 1-bit Pillow image ``width_px`` wide (height as needed)."""
    from PIL import Image, ImageDraw, ImageFont

    faces = resolve_font().files
    font = {name: ImageFont.truetype(str(faces[style]), size) for name, style, size in (
        ("unit", "bold", 24), ("title", "bold", 32), ("number", "bold", 150), ("body", "regular", 26))}
    values = ticket_values(ctx)
    blocks: list[tuple[str, str, bool]] = [("unit", nfc(str(values["unit_name"])), True),
                                           ("title", nfc(template.title), True),
                                           ("number", nfc(str(values.get("ticket_number", "—"))), True)]
    for block in template.body:
        text = layout.fill(block.get("text", ""), values)
        for tag in ("&nbsp;", "<b>", "</b>"):
            text = text.replace(tag, " " if tag == "&nbsp;" else "")
        blocks.append(("body", nfc(text), False))
    scratch = ImageDraw.Draw(Image.new("1", (width_px, 10)))
    margin, lines = 12, []
    for kind, text, centred in blocks:
        for line in _wrap(scratch, text, font[kind], width_px - 2 * margin):
            box = scratch.textbbox((0, 0), line, font=font[kind])
            lines.append((kind, line, centred, box[3] + 8))
    height = sum(h for *_, h in lines) + 3 * margin
    image = Image.new("1", (width_px, height), 1)
    draw, y = ImageDraw.Draw(image), margin
    for kind, line, centred, h in lines:
        x = (width_px - draw.textlength(line, font=font[kind])) / 2 if centred else margin
        draw.text((x, y), line, font=font[kind], fill=0)
        y += h
    return image


def print_ticket(printer, template: FormTemplate, ctx: FormContext | TicketContext, *,
                 width_px: int = WIDTH_80MM) -> None:
    """Send the ticket to a python-escpos printer (Usb, Serial, Network, File or Dummy) and cut."""
    printer.image(ticket_image(template, ctx, width_px=width_px), impl="bitImageRaster", center=False)
    printer.cut()


def open_printer(setting: str):
    """A python-escpos printer from ``devices.printer_thermal``: ``file:/dev/usb/lp0``,
    ``network:HOST[:PORT]``, ``usb:VID:PID`` (hex) or ``serial:PORT``; ``""`` → None (no thermal printer)."""
    from escpos import printer as escpos

    kind, _, rest = setting.strip().partition(":")
    if not setting.strip():
        return None
    if kind == "file":
        return escpos.File(rest)
    if kind == "network":
        host, _, port = rest.partition(":")
        return escpos.Network(host, int(port or 9100))
    if kind == "usb":
        vid, _, pid = rest.partition(":")
        return escpos.Usb(int(vid, 16), int(pid, 16))
    if kind == "serial":
        return escpos.Serial(rest)
    from counter_app.domain.errors import ConfigurationError

    raise ConfigurationError(f"unknown thermal printer setting {setting!r}",
                             "Cấu hình máy in nhiệt (devices.printer_thermal) không đúng; xem docs/configuration.md.")
