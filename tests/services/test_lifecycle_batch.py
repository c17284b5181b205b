"""The day's handoff batch printed: the batch list (codes as readable Code128) and a control slip per
dossier through the print dispatch; a dossier received after 15:00 waits for the next working day's batch."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import zxingcpp
from PIL import Image

from counter_app.security.permissions import Action
from counter_app.services.handoffs import batch_for_day, batch_target, hand_off_batch
from counter_app.services.prints import list_prints
from printing.batch import print_batch

DEPT = "Công chức Tư pháp - Hộ tịch"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_batch_list_and_control_slips_are_printed_after_approval(desk, approve, tmp_path):
    store, ctx = desk.store, desk.ctx
    thu = date(2026, 11, 26)
    early = desk.receive("1.004873", datetime(2026, 11, 26, 10, 0)).code
    noon = desk.receive("2.000884", datetime(2026, 11, 26, 14, 0), fee=10000).code
    late = desk.receive("1.004873", datetime(2026, 11, 26, 15, 30)).code  # after 15:00 → Friday's batch
    with store.read() as s:
        lines = batch_for_day(s, agency_code=ctx.agency_code, day=thu)
    assert [line.code for line in lines] == [early, noon]
    at = datetime(2026, 11, 26, 16, 0)
    ok = approve(Action.HANDOFF_BATCH, batch_target([x.code for x in lines]), at=at)
    store.write(lambda s: hand_off_batch(s, codes=[x.code for x in lines], to_unit=DEPT, ctx=ctx, approval_id=ok,
                                         now=at))
    out = print_batch(store=store, lines=lines, day=thu, to_unit=DEPT, officer=ctx.officer, now=at,
                      spool_dir=tmp_path / "prints", approved_by="lanhdao01")

    text = pdf_text(out.list_pdf)
    flat = " ".join(text.split())
    assert "DANH SÁCH HỒ SƠ CHUYỂN GIẢI QUYẾT" in flat and "Lô chuyển ngày 26/11/2026 — 2 hồ sơ" in flat
    assert early in flat and noon in flat and late not in flat
    assert DEPT in flat and "NGƯỜI GIAO" in flat and "Nguyễn Thị Lan" in flat  # the demo officer's name
    assert "Chứng thực chữ ký" in flat and "10:00 26/11/2026" in flat
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", str(out.list_pdf),
                    str(tmp_path / "list")], check=True)
    bars = {r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "list.png"))
            if r.format == zxingcpp.BarcodeFormat.Code128}
    assert bars == {early, noon}, "each line's barcode scans back to its dossier code"

    assert [slip.rendered.form for slip in out.slips] == ["control", "control"]
    for code, slip in zip([early, noon], out.slips):
        slip_text = " ".join(pdf_text(Path(slip.record.saved_pdf)).split())
        assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in slip_text and f"Mã hồ sơ: {code}" in slip_text
        assert f"Cơ quan (bộ phận) giải quyết hồ sơ: {DEPT}" in slip_text
        # the first row's cells wrap side by side in the text: check each cell's start
        assert "1. Giao: Bộ phận Tiếp" in slip_text and "2. Nhận: Công chức Tư" in slip_text
        assert "16 giờ 00 phút, ngày" in slip_text and ctx.officer in slip_text and "Đúng hạn" in slip_text
        with store.read() as s:
            assert [(p.form, p.reprint) for p in list_prints(s, dossier_code=code)] == [("control", False)]

    with store.read() as s:  # Friday: only the 15:30 dossier is left to go
        assert [x.code for x in batch_for_day(s, agency_code=ctx.agency_code, day=date(2026, 11, 27))] == [late]
