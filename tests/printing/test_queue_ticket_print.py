"""Queue tickets of the queue service: ESC/POS bytes checked byte-wise (python-escpos Dummy), and the
80 mm PDF through the PDF printer path (private CUPS with cups-pdf) for sites without a thermal printer."""

from __future__ import annotations

import os
import re
import struct
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from escpos.printer import Dummy
from PIL import Image, ImageChops

from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.queue import Priority
from counter_app.services import queue
from printing.cups_backend import CupsBackend
from printing.data import AgencyBlock
from printing.escpos_ticket import open_printer
from printing.printers import Printers
from printing.queue_print import print_queue_ticket, queue_ticket

NOW = datetime(2026, 11, 27, 8, 5)


@pytest.fixture
def ticket(store):
    """The third ticket of the day in "Hộ tịch", issued by the queue service (two waiting before it)."""
    for _ in range(2):
        store.write(lambda s: queue.issue(s, area="hotich", now=NOW))
    v = store.write(lambda s: queue.issue(s, area="hotich", priority=Priority.ELDERLY, now=NOW).value)
    with store.read() as s:
        waiting = len(queue.visits(s, day=NOW.date(), states={queue.VisitState.WAITING})) - 1
    return queue_ticket(number=v.number, area_name=queue.areas()[v.area].name, issued_at=v.issued_at,
                        waiting=waiting)


def decode_escpos(output: bytes) -> tuple[Image.Image, bytes]:
    """The raster image(s) of ``GS v 0`` commands at the start of ``output`` (decoded back into a
    Pillow image; bit 1 = ink) and the bytes after them."""
    parts, rest = [], output
    while rest.startswith(b"\x1dv0"):
        assert rest[3] == 0, "normal density"
        width_bytes, height = struct.unpack("<HH", rest[4:8])
        data = rest[8:8 + width_bytes * height]
        assert len(data) == width_bytes * height, "the raster is complete"
        parts.append(Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in data)))
        rest = rest[8 + width_bytes * height:]
    assert parts, "the ticket is sent as a raster image"
    image = Image.new("1", (parts[0].width, sum(p.height for p in parts)), 1)
    y = 0
    for p in parts:
        image.paste(p, (0, y))
        y += p.height
    return image, rest


def ink(image: Image.Image) -> Image.Image:
    """``image`` as 8-bit "L" with ink = 255, paper = 0 (so a difference counts differing pixels)."""
    return image.convert("L").point(lambda v: 255 if v < 128 else 0)


def count_ink(image: Image.Image) -> int:
    return image.histogram()[255]


def text_band_at(raster: Image.Image, text: str, *, style: str, size: int, centred: bool,
                 margin: int = 12) -> int | None:
    """The row where ``text`` (drawn alone, in the bundled font, centred or at the left margin) is
    in ``raster`` — matched on the full width, at most 2 % of its ink differing; None if nowhere."""
    from PIL import ImageChops, ImageDraw, ImageFont

    from printing.fonts import resolve_font

    font = ImageFont.truetype(str(resolve_font().files[style]), size)
    probe = Image.new("1", (raster.width, size * 2), 1)
    draw = ImageDraw.Draw(probe)
    x = (raster.width - draw.textlength(text, font=font)) / 2 if centred else margin
    draw.text((x, 0), text, font=font, fill=0)
    mask = ink(probe)
    mask = mask.crop((0, mask.getbbox()[1], raster.width, mask.getbbox()[3]))
    allowed = 0.02 * count_ink(mask)
    for y in range(raster.height - mask.height + 1):
        region = raster.crop((0, y, raster.width, y + mask.height))
        if count_ink(ImageChops.difference(region, mask)) <= allowed:
            return y
    return None


REFERENCE = Path(__file__).parent / "data" / "queue_ticket_A003.png"


def test_escpos_bytes_of_a_service_ticket(ticket, tmp_path):
    """The printer's bytes decoded back into the printed image, checked independently of the
    code that drew it: the number, area, waiting count and time are found where a reader sees
    them, and the whole ticket matches the committed reference (docs/queue.md, Tickets)."""
    printer = Dummy()
    agency = AgencyBlock("ỦY BAN NHÂN DÂN PHƯỜNG DEMO", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG DEMO")
    assert print_queue_ticket(ticket, now=NOW, spool_dir=tmp_path, thermal=printer, agency=agency,
                              basis=LegalBasis.TT03_2025).via == "escpos"
    assert ticket.number == "A003" and ticket.waiting == 2
    out = printer.output
    # Framing: GS v 0 (raster, normal density), 72 bytes (576 px) a row, then feed 6 lines and full cut.
    assert out.startswith(b"\x1dv0\x00" + struct.pack("<H", 576 // 8))
    printed, tail = decode_escpos(out)
    assert tail == b"\x1bd\x06" + b"\x1dV\x00"
    assert printed.width == 576 and 400 < printed.height < 1200
    raster = ink(printed)
    # What the citizen reads, top to bottom: the big number, the area, the count before them, the time.
    found = [text_band_at(raster, "A003", style="bold", size=150, centred=True),
             text_band_at(raster, "Lĩnh vực: Hộ tịch", style="regular", size=26, centred=False),
             text_band_at(raster, "Số người đang chờ trước Ông/Bà: 2", style="regular", size=26, centred=False),
             text_band_at(raster, "Giờ lấy số: 08:05 27/11/2026", style="regular", size=26, centred=False)]
    assert None not in found and found == sorted(found), found
    for wrong in ("A004", "Lĩnh vực: Chứng thực", "Giờ lấy số: 08:06 27/11/2026"):
        assert text_band_at(raster, wrong, style="bold" if wrong == "A004" else "regular",
                            size=150 if wrong == "A004" else 26, centred=wrong == "A004") is None, wrong
    # The whole ticket against the committed reference image (a little tolerance for font rasterising).
    if not REFERENCE.exists() and os.environ.get("QMC_WRITE_REFERENCE"):  # a deliberate, reviewed update
        REFERENCE.parent.mkdir(exist_ok=True)
        printed.save(REFERENCE)
    reference = ink(Image.open(REFERENCE))
    assert reference.size == raster.size, (reference.size, raster.size)
    differing = count_ink(ImageChops.difference(reference, raster))
    assert differing <= 0.005 * raster.width * raster.height, f"{differing} pixels differ from {REFERENCE.name}"


def test_thermal_printer_settings(tmp_path):
    assert open_printer("") is None
    dev = tmp_path / "lp0"
    dev.write_bytes(b"")
    assert type(open_printer(f"file:{dev}")).__name__ == "File"
    with pytest.raises(Exception) as err:
        open_printer("bluetooth:abc")
    assert "devices.printer_thermal" in err.value.message_vi


def test_pdf_ticket_through_the_pdf_printer(ticket, cups_server, find_output, tmp_path):
    for old in cups_server.out_dir.glob("*ticket-A003*"):
        old.unlink()
    printers = Printers(spool_dir=tmp_path / "prints", backend=CupsBackend(cups_server.socket), defaults={})
    done = print_queue_ticket(ticket, now=NOW, spool_dir=tmp_path, printers=printers, printer="QMC_PDF")
    assert done.via == "printer" and done.job.state.value == "done"
    text = subprocess.run(["pdftotext", str(done.saved_pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "A003" in text and "PHIẾU SỐ THỨ TỰ" in text and "Hộ tịch" in text and "trước Ông/Bà: 2" in text
    out = find_output(cups_server.out_dir, "ticket-A003")
    try:
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile", str(out), str(tmp_path / "p")],
                       check=True)
    finally:
        out.unlink(missing_ok=True)
    assert re.search(r"Pages:\s+1\n", info), info
    assert re.search(r"Page size:\s+226.77 x 311.81 pts", info), "80 x 110 mm"
    page = Image.open(tmp_path / "p.png").convert("L")
    dark = page.histogram()[:128]
    dark = sum(dark)
    assert dark > 0.02 * page.width * page.height, "the printed page carries the ticket"


def test_no_printer_saves_the_pdf(ticket, tmp_path):
    done = print_queue_ticket(ticket, now=NOW, spool_dir=tmp_path)
    assert done.via == "saved" and done.saved_pdf.read_bytes().startswith(b"%PDF")
