"""Drives the reception wizard with a real chip read, in its own process (run by test_ui_card.py).

Own process because libpcsclite reads ``PCSCLITE_CSOCK_NAME`` once per process: the stack
started here (the ID-card tests' private pcscd + vpcd + card simulator) must be the one
this process talks to. Prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from idcard.cards import make_card, shared_pki  # noqa: E402
from idcard.simulator.stack import PcscStack  # noqa: E402

from devices.idcard.simulated.card import Quirks  # noqa: E402

APDU_DELAY = 0.025  # s per APDU: a whole read then lasts about a second, as with a real card
CARD_QR = "001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 1 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|15032021"


def main(template: str, work: str) -> dict:
    stack = PcscStack()
    stack.start()
    os.environ["PCSCLITE_CSOCK_NAME"] = str(stack.socket)
    try:
        return drive(template, work, stack)
    finally:
        stack.close()


def drive(template: str, work: str, stack) -> dict:
    from PyQt6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
    from PyQt6.QtGui import QKeyEvent
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    from counter_app.profile import Profile
    from counter_app.services.reception import Step
    from devices.idcard.csca import CscaStore
    from devices.idcard.facade import IdCardReader
    from devices.idcard.readflow import ReadOptions
    from ui.main_window import MainWindow
    from ui.theme import Theme
    from ui.workspace import Workspace

    app = QApplication([])
    root = Path(work) / "profile"
    shutil.copytree(template, root)
    ws = Workspace.open(Profile(root), now=lambda: datetime(2026, 11, 27, 9, 15))
    theme = Theme(app)
    theme.apply()
    csca = CscaStore([shared_pki().csca])
    window = MainWindow(ws, theme, card_reader_factory=lambda h: IdCardReader(
        handler=h, options=ReadOptions(csca=csca), poll_interval=0.05))
    window.show()
    window.activateWindow()
    page, bridge = window.reception, window.card_reader
    out: dict = {"inputs": 0}

    def wait(cond, seconds=20.0) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if cond():
                return True
            time.sleep(0.005)
        return False

    def key(k, mods=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget(), k, mods)
        out["inputs"] += 1

    def type_(text: str) -> None:
        target = QApplication.focusWidget()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        out["inputs"] += 1

    wait(lambda: QApplication.focusWidget() is not None, 5)
    out["indicator"] = wait(lambda: window.device_indicators[0].state == "ready", 10)
    # PACE with the CAN = last 6 digits of 001090123456; each APDU takes as long as on a real chip.
    card, _person = make_card(Quirks(apdu_delay=APDU_DELAY))
    stack.slot.insert(card)
    out["present"] = wait(lambda: bridge.present, 10)
    # Typed path with a card: the ID number (in the box after the QR box), Enter → the chip answers.
    QTest.keyClick(page.identify.qr, Qt.Key.Key_Tab)
    out["focus_on_id"] = QApplication.focusWidget() is page.identify.id_number
    type_("001090123456")
    # Enter starts a read; the officer cancels it (Esc) once the progress line shows: the card is
    # released, the wizard stays on the first step with the number typed, and says what happened.
    QTest.keyClick(page.identify.id_number, Qt.Key.Key_Return)
    out["cancel_shown"] = wait(lambda: page.identify.cancel_read.isVisible(), 10)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    out["cancelled"] = wait(lambda: not bridge.reading, 10)
    out["cancel_step"] = page.flow.step.value
    out["cancel_error"] = page.error.text() if hasattr(page, "error") else ""
    out["cancel_hidden"] = not page.identify.cancel_read.isVisible()
    out["cancel_kept_number"] = page.identify.id_number.text()
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        gaps.append(clock.elapsed() - last[0])
        last[0] = clock.elapsed()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    started = clock.elapsed()
    key(Qt.Key.Key_Return)
    out["identified"] = wait(lambda: page.flow.step is Step.PROCEDURE)
    out["read_ms"] = clock.elapsed() - started
    timer.stop()
    out["max_gap_ms"] = max(gaps) if gaps else None
    a = page.flow.applicant
    out["source"] = a.source.value if a else None
    out["name"] = a.full_name if a else None
    out["banner"] = page.banner.text()
    type_("khai sinh")
    wait(lambda: page.search.hit_count() > 0, 5)
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Return)
    wait(lambda: page.flow.step is Step.DONE and not page.saving, 10)
    code = page.done.code.text().removeprefix("Mã hồ sơ: ")
    key(Qt.Key.Key_Return)
    with ws.store.read() as s:
        from counter_app.services.dossiers import get_dossier_row

        row = get_dossier_row(s, code)
        out["stored"] = [row.status, row.applicant_source, row.applicant_name]
    # QR with the card still on the reader: identified at once by the QR, then confirmed by the chip.
    page.identify.accept_qr_text(CARD_QR)
    out["qr_step"] = page.flow.step.value
    out["qr_upgraded"] = wait(lambda: page.flow.applicant.source.value == "chip", 20)
    out["qr_banner"] = page.banner.text()
    window.close()
    ws.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2]), ensure_ascii=False))
