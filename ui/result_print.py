"""The result slip (Phiếu trả kết quả) printed after a return (F3), the receipt's way.

:func:`result_printer` returns the ``print_result(flow) -> PrintOutcome`` callable the return
page runs on the pool once the return is stored: the stored dossier's form context
(:func:`printing.stored.stored_context`) plus who received the result and how they were
identified, rendered from the ``result`` form of the legal basis in force and sent to the
printer — or, with no printer, saved as a PDF in the profile's ``prints`` folder. Either way
:func:`printing.dispatch.print_form` records the print (``PrintRecordRow``).
"""

from __future__ import annotations

from collections.abc import Callable

from counter_app.domain.applicant import IdentitySource
from counter_app.domain.errors import CounterError
from counter_app.services.returns import ReturnFlow

from .print_hook import printers_source
from .workspace import Workspace

#: The identity paper named on the slip ("Giấy tờ tùy thân"), by how the receiver was identified.
RECEIVER_DOCUMENT = {IdentitySource.CHIP: "Thẻ căn cước (đọc chip)", IdentitySource.QR: "Thẻ căn cước (mã QR)",
                     IdentitySource.TYPED: "Thẻ căn cước (số nhập tay)"}


def result_printer(workspace: Workspace, *, printers_factory: Callable[[], object] | None = None):
    """``print_result(flow) -> PrintOutcome``, or ``None`` when ``printing`` is not installed.

    ``printers_factory``: the ``printing.printers.Printers`` façade, built on first use off the
    GUI thread; ``None`` → the system's printers (PDF only if there are none)."""
    try:
        from printing.data import ResultInfo
        from printing.dispatch import print_form
        from printing.stored import stored_context
    except ImportError:
        return None
    spool = workspace.profile.root / "prints"
    printers = printers_source(workspace, printers_factory)  # the receipt's printers, built on first use

    def print_result(flow: ReturnFlow):
        code, now = flow.dossier.code, workspace.now()
        with workspace.store.read() as s:
            ctx = stored_context(s, code, form="result", now=now)
        try:
            result_name = workspace.procedure(ctx.dossier.procedure_code).result_type or ctx.dossier.procedure_name
        except CounterError:  # a procedure gone from the catalog: its name is still on the dossier
            result_name = ctx.dossier.procedure_name
        ctx.result = ResultInfo(result_name, flow.receiver_name,
                                RECEIVER_DOCUMENT.get(flow.identified_by, "Giấy tờ tùy thân"),
                                flow.receiver_id_number, now)
        return print_form(store=workspace.store, form="result", ctx=ctx, officer=workspace.context.officer, now=now,
                          spool_dir=spool, printers=printers())

    return print_result
