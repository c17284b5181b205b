"""Printer dispatch against a real CUPS scheduler with cups-pdf: the receipt is printed, the
output rendered with pdftoppm and its Code128 and QR decoded with zxing-cpp."""

from __future__ import annotations

import re
import subprocess
import uuid
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from printing.cups_backend import CupsBackend
from printing.printers import JobState, NullBackend, Printers, PrintFailed
from printing.render import render_form
from printing.sample import sample_context
from printing.windows_backend import WindowsBackend, sumatra_command

NOW = datetime(2026, 11, 27, 9, 20)


@pytest.fixture
def printers(cups_server, tmp_path) -> Printers:
    return Printers(spool_dir=tmp_path / "prints", backend=CupsBackend(cups_server.socket), defaults={})


def test_lists_the_queues_with_their_state(printers):
    assert printers.available()
    by_name = {p.name: p for p in printers.list_printers()}
    assert {"QMC_PDF", "QMC_STOPPED", "QMC_REJECTING"} <= set(by_name)
    assert by_name["QMC_PDF"].accepting and not by_name["QMC_PDF"].stopped
    assert by_name["QMC_STOPPED"].stopped
    assert not by_name["QMC_REJECTING"].accepting


def test_receipt_printed_through_cups_pdf_decodes_to_the_dossier_code(printers, cups_server, tmp_path,
                                                                     find_output):
    ctx = sample_context("receipt")
    rendered = render_form("receipt", ctx)
    marker = uuid.uuid4().hex[:12]
    job = printers.print_pdf(pdf=rendered.pdf, page=rendered.page, label=f"receipt-{marker}", now=NOW,
                             printer="QMC_PDF")
    assert job.state is JobState.DONE, job
    assert job.saved_pdf.exists() and job.saved_pdf.read_bytes() == rendered.pdf
    out = find_output(cups_server.out_dir, marker)
    try:
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+421 x 595 pts \(A5\)", info), info
        assert re.search(r"Pages:\s+2\n", info), info
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(out),
                        str(tmp_path / "page")], check=True)
        found = {r.format: r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))}
    finally:
        out.unlink(missing_ok=True)
    assert found.get(zxingcpp.BarcodeFormat.Code128) == ctx.dossier.code
    assert found.get(zxingcpp.BarcodeFormat.QRCode) == \
        f"https://dichvucong.hanoi.gov.vn/tra-cuu-ho-so?ma={ctx.dossier.code}"


@pytest.mark.parametrize("printer, words", [
    ("QMC_STOPPED", "tạm dừng"), ("QMC_REJECTING", "từ chối"), ("KHONG_CO", "Không tìm thấy máy in")])
def test_printer_problems_give_a_vietnamese_error_and_keep_the_pdf(printers, printer, words):
    with pytest.raises(PrintFailed) as info:
        printers.print_pdf(pdf=b"%PDF-1.4 test", page="A5", label="receipt-x", now=NOW, printer=printer)
    assert words in info.value.message_vi
    assert info.value.saved_pdf is not None and info.value.saved_pdf.read_bytes() == b"%PDF-1.4 test"
    assert str(info.value.saved_pdf) in info.value.message_vi


def test_no_print_system_still_saves_the_pdf(tmp_path):
    p = Printers(spool_dir=tmp_path, backend=NullBackend(), defaults={})
    assert not p.available()
    with pytest.raises(PrintFailed) as info:
        p.print_pdf(pdf=b"%PDF", page="A5", label="a", now=NOW)
    assert Path(info.value.saved_pdf).exists()
    assert "Chưa chọn máy in" in info.value.message_vi


def test_default_printer_per_paper_size(printers):
    printers.defaults = {"a5": "QMC_PDF", "thermal": "QMC_TICKET"}
    assert printers.default_for("A5") == "QMC_PDF"
    assert printers.default_for("80mm") == "QMC_TICKET"
    assert printers.default_for("A4") is None  # no system default on the private server


def test_windows_backend_is_importable_and_unavailable_here(tmp_path):
    backend = WindowsBackend(sumatra="C:/Tools/SumatraPDF.exe")
    assert backend.available() is False
    cmd = sumatra_command("S.exe", "HP A5", tmp_path / "r.pdf", {"PageSize": "A5", "copies": "2"})
    assert cmd[:5] == ["S.exe", "-print-to", "HP A5", "-print-settings", "paper=A5,2x,fit"]


def test_print_worker_runs_jobs_on_its_own_thread(printers):
    from printing.printers import PrintWorker

    worker = PrintWorker(printers)
    try:
        future = worker.print_pdf(pdf=b"%PDF-1.4 w", page="A4", label="worker", now=NOW, printer="QMC_STOPPED")
        with pytest.raises(PrintFailed) as info:
            future.result(timeout=30)
    finally:
        worker.close()
    assert info.value.saved_pdf.exists()
