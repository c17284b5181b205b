"""Online and postal dossiers at the counter (F9): the city server's waiting list, each file
previewed and ticked against the checklist, the decision sent to the citizen as PDF."""

from .page import OnlinePage

__all__ = ["OnlinePage"]
