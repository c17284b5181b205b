"""Reception (F2) and return (F3) end to end with real printing: a private CUPS with a cups-pdf queue.

The receipt and the result slip go through the app's printer façade to ``QMC_PDF``; cups-pdf
writes what the printer would have printed, and that file is read back (pdftotext, pdfinfo).
"""

from __future__ import annotations

import gc
import importlib.util
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PyQt6.QtCore import QEvent, Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication
from test_ui_reception import CARD_QR, officer, receive_standard  # noqa: F401 (fixture)
from test_ui_returns import resolved_dossier

from counter_app.domain.status import DossierStatus
from counter_app.services.returns import ReturnStep

pytestmark = pytest.mark.gui

#: A distinctive pinned time: cups-pdf names its output by the job title, which starts with it.
PRINT_NOW = datetime(2026, 11, 27, 10, 47, 23)
STAMP = f"{PRINT_NOW:%Y%m%d-%H%M%S}"

_spec = importlib.util.spec_from_file_location("ui_printing_fixtures",
                                               Path(__file__).resolve().parents[1] / "printing" / "conftest.py")
_printing = sys.modules.setdefault(_spec.name, importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(_printing)
cups_server, find_output = _printing.cups_server, _printing.find_output  # the printing tests' private CUPS


@pytest.fixture
def workspace(profile):
    """The shared profile copy, on a clock of its own (the output's name carries the time)."""
    from ui.workspace import Workspace

    ws = Workspace.open(profile, now=lambda: PRINT_NOW)
    yield ws
    ws.close()


@pytest.fixture
def printing_window(qtbot, workspace, theme, cups_server, tmp_path):
    from printing.cups_backend import CupsBackend
    from printing.printers import Printers
    from ui.main_window import MainWindow
    from ui.print_hook import slip_printer
    from ui.result_print import result_printer

    def printers() -> Printers:  # built on first use, off the GUI thread, like the app's
        return Printers(spool_dir=workspace.profile.root / "prints", backend=CupsBackend(cups_server.socket),
                        defaults={"a4": "QMC_PDF", "a5": "QMC_PDF", "thermal": "QMC_PDF"})

    for old in cups_server.out_dir.glob(f"{STAMP}-*"):  # an earlier run's output of the same dossier codes
        old.unlink()
    window = MainWindow(workspace, theme, print_slip=slip_printer(workspace, printers_factory=printers),
                        print_result=result_printer(workspace, printers_factory=printers))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    yield window
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _pdf(path: Path) -> tuple[str, str]:
    """cups-pdf's output, as text and as pdfinfo sees it. cups-pdf re-distils through Ghostscript with
    WinAnsi fonts, so only the ASCII of the text survives extraction (codes, numbers, masked IDs)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return text, info


def _pages(info: str) -> int:
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _barcodes(path: Path, tmp_path: Path) -> dict:
    """The codes on the first page, as the printed paper shows them (200 dpi grey raster)."""
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True)
    return {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))}


def _printed(workspace, code: str, form: str) -> list[tuple[str, str, bool]]:
    from counter_app.storage.models_printing import PrintRecordRow

    with workspace.store.read() as s:
        return [(p.job_state, p.printer, p.reprint, p.saved_pdf)
                for p in s.query(PrintRecordRow).filter_by(dossier_code=code, form=form)]


def test_reception_prints_the_receipt_on_the_cups_pdf_printer(qtbot, printing_window, officer,  # noqa: F811
                                                              workspace, cups_server, find_output, tmp_path):
    window = printing_window
    page = window.reception
    window.show_page(page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.identify.qr, timeout=2000)
    officer.scan(CARD_QR)
    code = receive_standard(qtbot, page, officer)
    qtbot.waitUntil(lambda: "máy in QMC_PDF" in page.done.print_state.text(), timeout=30_000)
    assert page.done.print_state.text() == "Đã gửi phiếu tới máy in QMC_PDF."
    [(state, printer, reprint, saved)] = _printed(workspace, code, "receipt")
    assert (state, printer, reprint) == ("done", "QMC_PDF", False)
    out = find_output(cups_server.out_dir, f"{STAMP}-{code}-receipt", timeout=30)
    text, info = _pdf(out)
    assert re.search(r"Page size:\s+421 x 595 pts \(A5\)", info), info  # the receipt's A5
    assert f"{STAMP}-{code}-receipt" in info and _pages(info) == _pages(_pdf(Path(saved))[1])  # all of it
    assert text.count(code) == 2 and "/TTPVHCC" in text  # "Mã hồ sơ" on both copies, the receipt number
    assert _barcodes(out, tmp_path).get("Code128") == code  # the barcode F3 scans to find the dossier


def test_return_prints_the_result_slip_on_the_cups_pdf_printer(qtbot, printing_window, workspace, cups_server,
                                                               find_output):
    from devices.barcode.dispatch import classify_scan

    window = printing_window
    code = resolved_dossier(workspace)
    QTest.keyClick(window, Qt.Key.Key_F3)
    returns = window.returns
    window.on_scan(classify_scan(code))  # the receipt's barcode
    window.on_scan(classify_scan(CARD_QR))  # the owner's card
    assert returns.flow.step is ReturnStep.CONFIRM
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "máy in QMC_PDF" in returns.print_state.text(), timeout=30_000)
    assert returns.print_state.text() == "Đã gửi phiếu trả kết quả tới máy in QMC_PDF."
    assert workspace.dossier_detail(code).summary.status is DossierStatus.RETURNED
    [(state, printer, reprint, saved)] = _printed(workspace, code, "result")
    assert (state, printer, reprint) == ("done", "QMC_PDF", False)
    out = find_output(cups_server.out_dir, f"{STAMP}-{code}-result", timeout=30)
    text, info = _pdf(out)
    assert f"{STAMP}-{code}-result" in info and _pages(info) == _pages(_pdf(Path(saved))[1])
    assert code in text and "001******456" in text and "001090123456" not in text  # the receiver, masked
    source_text = _pdf(Path(saved))[0]  # the app's own PDF keeps the Vietnamese text: the same slip
    assert "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ" in source_text and "Nguyễn Văn An" in source_text
