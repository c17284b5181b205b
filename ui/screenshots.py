"""Screenshots of every main screen, for docs/screenshots/ (run under Xvfb, demo profile).

    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp &   # then stop it by its PID
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python -m ui.screenshots docs/screenshots

It starts the real entry point (``run_gui(demo=True)``), signs the demo officer in
through the sign-in window (docs/demo.md), records three sample
dossiers with made-up citizens, walks the reception wizard as an officer would (a card
QR scan, a procedure search, "all complete"), opens a resolved dossier for return, and
grabs each page, and the four-eyes approval dialog for a withdrawal. The screens added later
(12-…: F7, F12, queue, calling display, citizen's screen, setup wizard…) are in
:mod:`ui.screenshots_more`, on two weeks of made-up history at a pinned demo clock.
11-online-dossiers.png needs a city server: ``tests/online/make_screenshot.py`` makes it.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from PyQt6.QtCore import QElapsedTimer, QTimer
from PyQt6.QtWidgets import QApplication

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact
from counter_app.domain.status import DossierStatus
from counter_app.services.queries import DossierQuery
from counter_app.services.reception import ReceptionFlow

from counter_app.security.permissions import Action

from .app import run_gui
from .approval import ApprovalDialog
from .main_window import MainWindow
from .screenshots_more import CARD_QR, seed_history, shoot_more
from .signin import DEMO_OFFICER, SignInDialog

SIZE = (1280, 800)
#: Shots this script takes: 00–10 and 12–25 (11 comes from tests/online/make_screenshot.py).
EXPECTED = 25
#: Made-up citizens (ID numbers valid in shape, not real people).
SAMPLES = [("Nguyễn Thị Lan Anh", "001190123456", "0912345678", True),
           ("Trần Đức Hùng", "079085000111", "0987000111", False),
           ("Phạm Minh Châu", "001301004567", "", True)]
#: What the officer types into the search boxes (input, not interface text).
QUERIES = ("khai sinh", "ho tich")
#: What the officer types as the reason of a withdrawal (input, not interface text).
SAMPLE_REASON = "Công dân đề nghị rút hồ sơ"
SUPERVISOR = "lanhdao01"  # the demo supervisor's username (docs/demo.md)


def seed(window: MainWindow) -> None:
    ws = window.workspace
    proc = ws.procedure(ws.search("khai sinh")[0].code)
    for name, number, phone, complete in SAMPLES:
        flow = ReceptionFlow()
        flow.identify(Applicant(ApplicantKind.INDIVIDUAL, name, id_number=number), contact=Contact(phone=phone))
        flow.choose_procedure(proc)
        if complete:
            flow.mark_all_complete()
        flow.to_outcome()
        flow.receive() if complete else flow.request_supplement()
        ws.store.write(ws.record_reception_op(flow))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    from counter_app import clock

    from .screenshots_more import DEMO_NOW

    clock.now = lambda: DEMO_NOW  # the demo's sample dossiers are dated before this morning
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    taken: list[str] = []

    def shot(widget, name: str) -> None:
        settle = QElapsedTimer()
        settle.start()
        while settle.elapsed() < 200:  # let layouts and deferred paints happen, as on a screen
            QApplication.processEvents()
        widget.grab().save(str(args.folder / f"{name}.png"))
        taken.append(name)

    grab_dialog = shot

    def sign_in() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, SignInDialog) and w.isVisible()), None)
        if dialog is None:
            QApplication.quit()
            return
        dialog.username.setText(DEMO_OFFICER[0])
        dialog.password.setText(DEMO_OFFICER[1])
        grab_dialog(dialog, "00-sign-in")
        QTimer.singleShot(800, drive)
        dialog.submit()

    def drive() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None:
            QApplication.quit()
            return
        try:
            walk(window)
        except Exception:  # noqa: BLE001 — keep the shots taken so far, say what broke, end the run
            traceback.print_exc()
        window.close()

    def walk(window: MainWindow) -> None:
        window.resize(*SIZE)
        codes = seed_history(window.workspace)
        seed(window)
        page = window.reception
        shot(window, "01-reception-identify")
        page.identify.accept_qr_text(CARD_QR)
        page.search.query.setText(QUERIES[0])
        shot(window, "02-reception-procedure")
        page.search.choose_current()
        page.scan_line(page.flow.checklist[0].position)  # the demo's scanner (ui/demo_devices.py)
        scanning = QElapsedTimer()
        scanning.start()
        while page.line_scanner.busy and scanning.elapsed() < 30_000:
            QApplication.processEvents()
        shot(window, "03-reception-checklist")
        page.checklist.all_complete()
        shot(window, "04-reception-outcome")
        page.outcome.receive_button.click()
        window.runner.wait_idle()
        shot(window, "05-reception-done")
        received = window.dossiers.workspace.search_dossiers(DossierQuery())[0].code
        window.show_page(window.dossiers)
        searching = QElapsedTimer()
        searching.start()
        while window.dossiers.searching and searching.elapsed() < 10_000:  # the search answers from the pool
            QApplication.processEvents()
        window.dossiers.open_row(0)
        window.dossiers.table.selectRow(0)
        window.dossiers.detail.scroll.verticalScrollBar().setValue(0)
        shot(window, "06-dossier-search")
        window.show_page(window.dashboard)
        shot(window, "07-dashboard")
        window.show_page(window.catalog_page)
        window.search.query.setText(QUERIES[1])
        window.search.choose_current()
        shot(window, "08-procedure-catalogue")
        window.workspace.store.write(window.workspace.change_status_op(received, DossierStatus.RESOLVED))
        window.show_page(window.returns)
        window.returns.open_code(received)
        shot(window, "09-return-verify")
        approval = ApprovalDialog(window.workspace, window.runner, action=Action.WITHDRAW_DOSSIER,
                                  target=received, reason=SAMPLE_REASON, parent=window)
        approval.supervisor.setText(SUPERVISOR)
        approval.show()
        grab_dialog(approval, "10-approval")
        approval.close()
        shoot_more(window, shot, received=received, codes=codes)

    QTimer.singleShot(800, sign_in)
    code = run_gui(demo=True, data_dir=None)
    print("\n".join(taken))
    return code if len(taken) == EXPECTED else 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
