"""Scripted run of the GUI for the bundle smoke test (issue 12, docs/packaging.md).

``QMC_SMOKE_RECEIPT=<file.pdf> counter-app --demo``: the demo officer is signed in without the
dialog, the main window opens on the throw-away demo profile, and once the event loop runs one
standard dossier (khai sinh, every component present) is received through the workspace's
reception operation on the window's writer thread (as F2 records it), its receipt (giấy tiếp nhận
hồ sơ và hẹn trả kết quả, Mẫu 01) goes through the app's print path (``ui.print_hook.slip_printer``,
PDF only: no printer is asked) and the PDF is written to ``<file.pdf>``. The dossier code is
printed on stdout; the app then quits with 0 (and deletes the demo profile). Any failure quits
with :data:`FAILED` and says why on stderr. Refused outside ``--demo``: it records a dossier.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PyQt6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .workspace import Workspace

SMOKE_ENV = "QMC_SMOKE_RECEIPT"
FAILED = 3
#: A made-up applicant (demo data only).
APPLICANT = ("Nguyễn Văn Thử", "001190123456", "khai sinh")


def smoke_target() -> Path | None:
    """Where the smoke run writes the receipt, or ``None`` when no smoke run is asked for."""
    value = os.environ.get(SMOKE_ENV, "").strip()
    return Path(value) if value else None


class SmokeRun:
    """Receive, print, exit — driven by the window's :class:`~ui.ops.OperationRunner` callbacks."""

    def __init__(self, app: QApplication, window: MainWindow, workspace: Workspace, target: Path) -> None:
        self.app, self.window, self.workspace, self.target = app, window, workspace, target
        self.code = ""

    def start(self) -> None:
        from counter_app.demo_dossiers import flow_for

        name, number, query = APPLICANT
        try:
            with self.workspace.store.read() as s:
                flow = flow_for(s, name, number, query)
        except Exception as exc:  # noqa: BLE001 — reported, and the run ends
            self.fail(f"{type(exc).__name__}: {exc}")
            return
        self.window.runner.write(self.workspace.record_reception_op(flow),
                                 on_done=lambda result: self.received(result, flow), on_error=self.fail)

    def received(self, result, flow) -> None:
        from .print_hook import slip_printer

        record = result.value
        self.code = record.code
        print_slip = slip_printer(self.workspace, printers_factory=lambda: None)  # PDF only
        if print_slip is None:
            self.fail("the printing package is not installed")
            return
        self.window.runner.background(lambda: print_slip(record, flow), on_done=self.printed, on_error=self.fail)

    def printed(self, outcome) -> None:
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self.target.write_bytes(outcome.rendered.pdf)
        except OSError as exc:
            self.fail(f"cannot write {self.target}: {exc.strerror}")
            return
        print(f"smoke: received {self.code}; receipt {self.target}", flush=True)
        self.app.exit(0)

    def fail(self, message: str) -> None:
        print(f"smoke run failed: {message}", file=sys.stderr, flush=True)
        self.app.exit(FAILED)
