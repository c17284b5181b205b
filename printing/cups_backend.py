"""CUPS through pycups (Linux, macOS). ``$CUPS_SERVER`` chooses the server (socket or host:port)."""

from __future__ import annotations

import os
from pathlib import Path

from .printers import JobState, PrinterInfo

# IPP job-state values (RFC 8011 §5.3.7) and printer-state (§5.4.11).
_JOB_STATES = {3: JobState.PENDING, 4: JobState.PENDING, 5: JobState.PRINTING, 6: JobState.OFFLINE,
               7: JobState.FAILED, 8: JobState.FAILED, 9: JobState.DONE}
_PRINTER_STOPPED = 5


class CupsBackend:
    name = "cups"

    def __init__(self, server: str | None = None) -> None:
        self.server = server or os.environ.get("CUPS_SERVER") or None

    def _conn(self):
        import cups

        if self.server:
            cups.setServer(self.server)
        return cups.Connection()

    def available(self) -> bool:
        try:
            self._conn()
        except Exception:  # ImportError (no pycups) or RuntimeError (no scheduler)
            return False
        return True

    def list_printers(self) -> list[PrinterInfo]:
        conn = self._conn()
        default = conn.getDefault()
        out = []
        for name, attrs in sorted(conn.getPrinters().items()):
            full = conn.getPrinterAttributes(name, requested_attributes=["printer-is-accepting-jobs"])
            out.append(PrinterInfo(
                name=name, accepting=bool(full.get("printer-is-accepting-jobs", True)),
                stopped=attrs.get("printer-state") == _PRINTER_STOPPED, is_default=name == default,
                description=attrs.get("printer-info", ""), message=attrs.get("printer-state-message", "")))
        return out

    def submit(self, printer: str, path: Path, *, title: str, options: dict[str, str]) -> int:
        return int(self._conn().printFile(printer, str(path), title, options))

    def job_state(self, printer: str, job_id: int) -> tuple[JobState, str]:
        attrs = self._conn().getJobAttributes(job_id)
        state = _JOB_STATES.get(int(attrs.get("job-state", 3)), JobState.PENDING)
        reasons = attrs.get("job-state-reasons", "")
        message = attrs.get("job-printer-state-message", "") or (
            ", ".join(reasons) if isinstance(reasons, list) else str(reasons))
        return state, message
