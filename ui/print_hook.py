"""The reception wizard's "print" step, wired to the printing package when it is installed.

:func:`slip_printer` returns the ``print_slip`` callable the wizard runs on the pool after
recording: it renders the form of the outcome (Mẫu 01 receipt, Mẫu 02 supplement request,
Mẫu 03 refusal) from the stored dossier, and sends it to the printer — or, with no
printer, saves the PDF in the profile's ``prints`` folder. Either way the print is recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from counter_app.services.reception import Outcome

from .workspace import Workspace

FORMS = {Outcome.RECEIVE: "receipt", Outcome.SUPPLEMENT: "supplement", Outcome.REFUSE: "refusal"}


def slip_printer(workspace: Workspace, *, printers_factory: Callable[[], object] | None = None):
    """``print_slip(record, flow) -> PrintOutcome``, or ``None`` when ``printing`` is absent.

    ``printers_factory`` builds the ``printing.printers.Printers`` façade (on first use, off
    the GUI thread); ``None`` → the system's printers (CUPS / Windows), PDF only if none.
    """
    try:
        from printing.dispatch import print_form
        from printing.stored import stored_context
    except ImportError:
        return None
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

    def print_slip(record, flow):
        form = FORMS[flow.outcome]
        now = workspace.now()
        with workspace.store.read() as s:
            ctx = stored_context(s, record.code, form=form, now=now)
        return print_form(store=workspace.store, form=form, ctx=ctx, officer=workspace.context.officer, now=now,
                          spool_dir=spool, printers=printers())

    return print_slip
