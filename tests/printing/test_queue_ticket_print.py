"""Queue tickets of the queue service: ESC/POS bytes checked byte-wise (python-escpos Dummy), and the
80 mm PDF through the PDF printer path (private CUPS with cups-pdf) for sites without a thermal printer."""

from __future__ import annotations

import re
import struct
import subprocess
from datetime import datetime

import pytest
from escpos.printer import Dummy
from PIL import Image

from counter_app.domain.legal_basis import basis_for
from counter_app.domain.queue import Priority
from counter_app.services import queue
from printing.cups_backend import CupsBackend
from printing.data import AgencyBlock
from printing.escpos_ticket import open_printer, ticket_image
from printing.printers import Printers
from printing.queue_print import print_queue_ticket, queue_ticket
from printing.templates import load_template
from printing.ticket import TicketContext

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


def test_escpos_bytes_of_a_service_ticket(ticket, tmp_path):
    printer = Dummy()
    assert print_queue_ticket(ticket, now=NOW, spool_dir=tmp_path, thermal=printer).via == "escpos"
    image = ticket_image(load_template("ticket", basis_for(NOW.date())), TicketContext(AgencyBlock.from_settings(),
                                                                                       ticket))
    assert ticket.number == "A003" and ticket.waiting == 2
    # Exactly: GS v 0 (raster, normal), 72 bytes x rows, the image's pixels (1 = black), feed 6, full cut.
    expected = (b"\x1dv0\x00" + struct.pack("<HH", 576 // 8, image.height)
                + bytes(b ^ 0xFF for b in image.tobytes()) + b"\x1bd\x06" + b"\x1dV\x00")
    assert printer.output == expected
    # The big number is drawn: a band of rows in the upper half is mostly ink.
    rows = [sum(image.getpixel((x, y)) == 0 for x in range(0, 576, 2)) for y in range(image.height)]
    assert max(rows[: image.height // 2]) > 60


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
