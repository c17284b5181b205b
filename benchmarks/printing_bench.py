"""Printing benchmark: the receipt (Mẫu 01, two A5 copies) through the template and layout
modules vs a bare reportlab page drawing the same content, measured in the same run.

Baseline: a hand-placed reportlab canvas — the same two A5 pages, the same TrueType faces,
the same strings at fixed positions, and reportlab's own Code128 and QR widgets — i.e. the
cheapest way to produce an equivalent receipt. Goal (issue 3): ratio ≤ 3.
A second row shows the bare minimum (one drawString on an empty A5 page) for scale.

Usage: ``.venv/bin/python benchmarks/printing_bench.py [--quick]``
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import print_table  # noqa: E402


def _median_ms(fn, n: int) -> float:
    fn()  # warm-up: font registration, template parsing, imports
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def _bare_receipt(ctx, values) -> bytes:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import qr
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen.canvas import Canvas

    from printing.fonts import FONT

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5)
    lines = [values["parent_body"], values["unit_name"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", values["date_line"], "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
             f"Mã hồ sơ: {values['code']}", f"tiếp nhận hồ sơ của: {values['applicant_name']}",
             f"Địa chỉ: {values['address']}", f"Số điện thoại: {values['phone']} Email: {values['email']}",
             f"Nội dung yêu cầu giải quyết: {values['procedure_name']}", "1. Thành phần hồ sơ nộp gồm:",
             *[f"{r['no']}. {r['name']} {r['originals']} {r['copies']}" for r in values["components"]],
             "2. Số lượng hồ sơ: 01 (bộ)", f"3. Thời gian giải quyết: {values['limit_label']}",
             f"4. Thời gian nhận hồ sơ: {values['received_at']}", f"5. Thời gian trả kết quả: {values['due_at']}",
             f"6. Đăng ký nhận kết quả tại: {values['return_place']}", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ",
             values["submitter_name"], values["officer_name"]]
    for _copy in range(2):
        y = 560
        for line in lines:
            c.setFont(FONT["regular"], 10)
            c.drawString(34, y, line[:90])
            y -= 13
        Code128(values["code"], barHeight=22, barWidth=0.85).drawOn(c, 34, 60)
        d = Drawing(60, 60)
        d.add(qr.QrCodeWidget(values["lookup_url"], barWidth=60, barHeight=60))
        renderPDF.draw(d, c, 330, 40)
        c.showPage()
    c.save()
    return buf.getvalue()


def _minimal_page() -> bytes:
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5)
    c.drawString(50, 500, "Giay tiep nhan")
    c.showPage()
    c.save()
    return buf.getvalue()


def rows(quick: bool) -> list[tuple[str, float, str, float | None, float | None]]:
    from printing.data import fields
    from printing.fonts import register_fonts
    from printing.render import render_form
    from printing.sample import sample_context

    register_fonts()
    n = 5 if quick else 30
    ctx = sample_context("receipt")
    values = fields(ctx)
    ours = _median_ms(lambda: render_form("receipt", ctx), n)
    bare = _median_ms(lambda: _bare_receipt(ctx, values), n)
    minimal = _median_ms(_minimal_page, n)
    reg_ctx = sample_context("register")
    register = _median_ms(lambda: render_form("register", reg_ctx), max(3, n // 5))
    return [
        ("printing.receipt_render (2 liên A5)", ours, "ms", bare, ours / bare),
        ("printing.receipt_vs_minimal_page", ours, "ms", minimal, ours / minimal),
        ("printing.register_render (36 rows A4)", register, "ms", None, None),
    ]


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    print_table(rows(quick))
