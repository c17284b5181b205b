"""The ESC/POS ticket, checked byte-wise on python-escpos's Dummy printer."""

from __future__ import annotations

import struct

from escpos.printer import Dummy

from counter_app.domain.legal_basis import LegalBasis
from printing.escpos_ticket import print_ticket, ticket_image
from printing.sample import sample_context
from printing.templates import load_template

GS_V0 = b"\x1dv0"  # GS v 0: print raster bit image
CUT = b"\x1dV"  # GS V: cut


def _ticket():
    return load_template("ticket", LegalBasis.TT03_2025), sample_context("ticket")


def test_ticket_raster_bytes():
    template, ctx = _ticket()
    printer = Dummy()
    print_ticket(printer, template, ctx)
    out = printer.output
    assert out.count(GS_V0) >= 1 and out.rstrip(b"\x00").rfind(CUT) > out.rfind(GS_V0)
    # GS v 0 m xL xH yL yH: 576 px = 72 bytes per row.
    start = out.index(GS_V0) + len(GS_V0)
    mode, width_bytes, rows = out[start], *struct.unpack("<HH", out[start + 1:start + 5])
    assert mode == 0 and width_bytes == 72 and rows > 300
    raster = out[start + 5:start + 5 + width_bytes * rows]
    assert len(raster) == width_bytes * rows and any(raster), "something is printed"


def test_image_has_the_big_number_in_the_upper_part():
    template, ctx = _ticket()
    img = ticket_image(template, ctx)
    assert img.width == 576 and img.mode == "1"
    dark_rows = [y for y in range(img.height) if any(img.getpixel((x, y)) == 0 for x in range(0, 576, 4))]
    assert dark_rows and dark_rows[0] < 60, "the unit name starts near the top"
    narrow = ticket_image(template, ctx, width_px=384)
    assert narrow.width == 384 and narrow.height >= img.height, "58 mm paper wraps more"
