"""Print a form for a dossier end to end: decide original or reprint from the records,
render (with "BẢN IN LẠI" on reprints), send to the printer (or only save the PDF), and
record the print in the store — also when the printer fails, with the saved PDF's path.

A reprint of the receipt is four-eyes: its ``approval_id`` is checked before anything is
rendered or sent, and consumed with the print record (``services.prints.record_print``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.domain.errors import ValidationError
from counter_app.services.prints import (PrintRecord, needs_approval, printed_before, record_print,
                                         require_reprint_approval)
from counter_app.storage.db import Store

from .data import FormContext
from .printers import PrintFailed, Printers, PrintJob, save_pdf
from .render import RenderedForm, render_form


@dataclass(frozen=True)
class PrintOutcome:
    rendered: RenderedForm
    record: PrintRecord
    job: PrintJob | None  # None when only the PDF was saved


def print_form(*, store: Store, form: str, ctx: FormContext, officer: str, now: datetime, spool_dir: Path,
               printers: Printers | None = None, printer: str | None = None, copies: int = 1,
               reason: str = "", approval_id: str = "") -> PrintOutcome:
    """Render and print ``form`` for ``ctx.dossier``; a second print is a reprint and needs ``reason``
    (and, for the receipt, a supervisor's ``approval_id``: without it nothing is printed or recorded).

    Without ``printers`` the PDF is only saved to ``spool_dir`` (job state "saved"). In an encrypted
    profile the spool copy of an accepted job is deleted (``record.saved_pdf`` is then "").
    Raises :class:`PrintFailed` after recording the failed attempt (the PDF stays saved)."""
    code = ctx.dossier.code
    with store.read() as s:
        reprint = printed_before(s, dossier_code=code, form=form)
    if reprint and not reason.strip():
        raise ValidationError("reprint without a reason",
                              f"Biểu mẫu này của hồ sơ {code} đã được in. In lại cần ghi lý do "
                              "(ví dụ: bản giao công dân bị mất, in hỏng).")
    if needs_approval(form=form, reprint=reprint):
        with store.read() as s:  # checked only (rolled back); consumed with the record below
            require_reprint_approval(s, dossier_code=code, officer=officer, approval_id=approval_id, now=now)
    rendered = render_form(form, ctx, reprint=reprint)
    basis = rendered.basis
    label = f"{code}-{form}"
    if printers is None:
        saved = save_pdf(rendered.pdf, folder=spool_dir, label=label, now=now)
        record = _record(store, code, form, basis, officer, now, "saved", copies, "", reprint, reason, saved,
                         approval_id)
        return PrintOutcome(rendered, record, None)
    try:
        job = printers.print_pdf(pdf=rendered.pdf, page=rendered.page, label=label, now=now, copies=copies,
                                 printer=printer)
    except PrintFailed as exc:
        _record(store, code, form, basis, officer, now, "failed", copies, printer or "", reprint, reason,
                exc.saved_pdf or "")
        raise
    record = _record(store, code, form, basis, officer, now, job.state.value, copies, job.printer, reprint, reason,
                     job.saved_pdf or "", approval_id)  # "": spool copy deleted (encrypted profile)
    return PrintOutcome(rendered, record, job)


def _record(store, code, form, basis, officer, now, state, copies, printer, reprint, reason, saved,
            approval_id: str = "") -> PrintRecord:
    return store.write(lambda s: record_print(
        s, dossier_code=code, form=form, basis=basis, officer=officer, now=now, job_state=state, copies=copies,
        printer=printer, reprint=reprint, reason=reason, saved_pdf=str(saved), approval_id=approval_id).value)
