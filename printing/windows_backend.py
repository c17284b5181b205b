"""The Windows spooler. The path taken: printers are listed and watched with pywin32's
``win32print`` (EnumPrinters, GetPrinter, EnumJobs); the PDF is handed to SumatraPDF's
command line (``-print-to <printer> -print-settings "paper=A5,2x" -silent``), which renders
it with the spooler's driver — Windows has no built-in PDF print path. The SumatraPDF path
is configuration (forms.toml ``[windows] sumatra``). Importable everywhere; ``available()``
is False where pywin32 or SumatraPDF is missing, so nothing special-cases its absence.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .printers import JobState, PrinterInfo

_STOPPED_FLAGS = 0x00000001 | 0x00000002 | 0x00000080 | 0x00000400  # paused, error, offline, not available


def sumatra_command(exe: str, printer: str, path: Path, options: dict[str, str]) -> list[str]:
    """The SumatraPDF command line for one job (pure: tested on every platform)."""
    paper = options.get("PageSize", "A4")
    paper = "A4" if paper.startswith("Custom") else paper
    settings = f"paper={paper},{int(options.get('copies', '1'))}x,fit"
    return [exe, "-print-to", printer, "-print-settings", settings, "-silent", "-exit-when-done", str(path)]


class WindowsBackend:
    name = "windows"

    def __init__(self, sumatra: str | None = None) -> None:
        if sumatra is None:
            from counter_app.resources import load_toml

            sumatra = load_toml("brand", "forms.toml").get("windows", {}).get("sumatra", "SumatraPDF.exe")
        self.sumatra = sumatra

    def available(self) -> bool:
        try:
            import win32print  # noqa: F401
        except ImportError:
            return False
        return True

    def list_printers(self) -> list[PrinterInfo]:
        import win32print

        default = win32print.GetDefaultPrinter()
        out = []
        for _flags, desc, name, _comment in win32print.EnumPrinters(
                win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS):
            handle = win32print.OpenPrinter(name)
            try:
                info = win32print.GetPrinter(handle, 2)
            finally:
                win32print.ClosePrinter(handle)
            status = int(info.get("Status", 0))
            out.append(PrinterInfo(name, accepting=True, stopped=bool(status & _STOPPED_FLAGS),
                                   is_default=name == default, description=desc))
        return out

    def submit(self, printer: str, path: Path, *, title: str, options: dict[str, str]) -> int:
        done = subprocess.run(sumatra_command(self.sumatra, printer, path, options), capture_output=True,
                              timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"SumatraPDF exit {done.returncode}")
        return 0  # the spooler's job id is not returned by SumatraPDF: the job is followed by printer

    def job_state(self, printer: str, job_id: int) -> tuple[JobState, str]:
        import win32print

        handle = win32print.OpenPrinter(printer)
        try:
            jobs = win32print.EnumJobs(handle, 0, 64, 1)
        finally:
            win32print.ClosePrinter(handle)
        return (JobState.PRINTING, "") if jobs else (JobState.DONE, "")
