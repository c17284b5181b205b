"""Print a queue ticket (phiếu số thứ tự): on the thermal ESC/POS printer when the site has
one (``devices.printer_thermal``), else as the 80 mm PDF on the PDF/CUPS printer path
(``Printers``), else only saved as PDF. One layout for all: the ``ticket`` template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.domain.legal_basis import LegalBasis, basis_for

from .data import AgencyBlock, QueueTicket
from .printers import PrintJob, Printers, save_pdf
from .templates import load_template
from .ticket import TicketContext, render_ticket


@dataclass(frozen=True)
class TicketPrinted:
    via: str  # "escpos" | "printer" | "saved"
    job: PrintJob | None = None
    saved_pdf: Path | None = None


def queue_ticket(*, number: str, area_name: str, issued_at: datetime, waiting: int,
                 counter_name: str = "") -> QueueTicket:
    """The printable fields of a ticket; ``counter_name`` blank → "the counter that calls you"."""
    return QueueTicket(number, counter_name or "Quầy được gọi trên màn hình", area_name, issued_at, waiting)


def print_queue_ticket(ticket: QueueTicket, *, now: datetime, spool_dir: Path, thermal=None,
                       printers: Printers | None = None, printer: str | None = None,
                       agency: AgencyBlock | None = None, basis: LegalBasis | None = None) -> TicketPrinted:
    """``thermal``: an open python-escpos printer (see :func:`printing.escpos_ticket.open_printer`)."""
    template = load_template("ticket", basis or basis_for(now.date()))
    ctx = TicketContext(agency or AgencyBlock.from_settings(), ticket)
    if thermal is not None:
        from .escpos_ticket import print_ticket

        print_ticket(thermal, template, ctx)
        return TicketPrinted("escpos")
    pdf = render_ticket(template, ctx)
    label = f"ticket-{ticket.number}"
    if printers is None:
        return TicketPrinted("saved", saved_pdf=save_pdf(pdf, folder=spool_dir, label=label, now=now))
    job = printers.print_pdf(pdf=pdf, page="80mm", label=label, now=now, printer=printer)
    return TicketPrinted("printer", job=job, saved_pdf=job.saved_pdf)
