"""The reception wizard's "print" step, wired to the printing package when it is installed.

:func:`slip_printer` returns the ``print_slip`` callable the wizard runs on the pool after
recording: it renders the form of the outcome (Mẫu 01 receipt, Mẫu 02 supplement request,
Mẫu 03 refusal) from the stored dossier, and sends it to the printer — or, with no
printer, saves the PDF in the profile's ``prints`` folder. Either way the print is recorded.

A reprint of the receipt (in lại giấy tiếp nhận: the wizard's "In lại", the dossier detail's
action) is four-eyes: :func:`receipt_printed` says whether the next print is a reprint, and
the caller passes the officer's reason and the supervisor's approval id on
(:func:`receipt_reprinter`); the core refuses the print without them.
"""

from __future__ import annotations

from collections.abc import Callable

from counter_app.services.prints import RECEIPT_FORM, printed_before
from counter_app.services.reception import Outcome

from .workspace import Workspace

FORMS = {Outcome.RECEIVE: RECEIPT_FORM, Outcome.SUPPLEMENT: "supplement", Outcome.REFUSE: "refusal"}


def receipt_printed(workspace: Workspace, code: str) -> bool:
    """Whether the receipt of ``code`` reached a printer already (so printing it again is a reprint)."""
    with workspace.store.read() as s:
        return printed_before(s, dossier_code=code, form=RECEIPT_FORM)


def printers_source(workspace: Workspace, printers_factory: Callable[[], object] | None):
    """A function giving the ``Printers`` façade (built on first use, off the GUI thread), or None."""
    spool = workspace.profile.root / "prints"
    state: dict[str, object] = {}

    def printers():
        if "printers" not in state:
            if printers_factory is not None:
                state["printers"] = printers_factory()
            else:
                from printing.printers import Printers

                found = Printers(spool_dir=spool)
                state["printers"] = found if found.available() else None
        return state["printers"]

    return printers


def _print_stored(workspace: Workspace, printers, code: str, form: str, *, reason: str = "",
                  approval_id: str = ""):
    from printing.dispatch import print_form
    from printing.stored import stored_context

    now = workspace.now()
    with workspace.store.read() as s:
        ctx = stored_context(s, code, form=form, now=now)
    return print_form(store=workspace.store, form=form, ctx=ctx, officer=workspace.context.officer, now=now,
                      spool_dir=workspace.profile.root / "prints", printers=printers(), reason=reason,
                      approval_id=approval_id)


def _printing_installed() -> bool:
    try:
        import printing.dispatch  # noqa: F401
        import printing.stored  # noqa: F401
    except ImportError:
        return False
    return True


def slip_printer(workspace: Workspace, *, printers_factory: Callable[[], object] | None = None):
    """``print_slip(record, flow, *, reason="", approval_id="") -> PrintOutcome``, or ``None`` when
    ``printing`` is absent. ``reason`` and ``approval_id``: a reprint of the receipt ("In lại").

    ``printers_factory`` builds the ``printing.printers.Printers`` façade (on first use, off
    the GUI thread); ``None`` → the system's printers (CUPS / Windows), PDF only if none.
    """
    if not _printing_installed():
        return None
    printers = printers_source(workspace, printers_factory)

    def print_slip(record, flow, *, reason: str = "", approval_id: str = ""):
        return _print_stored(workspace, printers, record.code, FORMS[flow.outcome], reason=reason,
                             approval_id=approval_id)

    return print_slip


def receipt_reprinter(workspace: Workspace, *, printers_factory: Callable[[], object] | None = None):
    """``reprint_receipt(code, reason, approval_id) -> PrintOutcome`` (run it on the pool), or ``None``
    when ``printing`` is absent. The first real print of a receipt needs neither reason nor approval."""
    if not _printing_installed():
        return None
    printers = printers_source(workspace, printers_factory)

    def reprint_receipt(code: str, reason: str = "", approval_id: str = ""):
        return _print_stored(workspace, printers, code, RECEIPT_FORM, reason=reason, approval_id=approval_id)

    return reprint_receipt
