"""Barcode benchmarks: ``rows(quick) -> [(name, value, unit, baseline, ratio)]``, baselines in the same run.

* ``qr.parse``: the card-QR parser (cleaning, layout detection, date/sex checks, the
  ID-number cross-check) vs the obvious ``split("|")`` + ``strptime`` — the price of the
  robustness, per QR.
* ``classify``: the dispatcher on a mixed stream of scans (dossier, card, procedure, junk).
* ``page decode``: finding the codes on one rendered A4 page (PDF → pdftoppm → zxing-cpp)
  as ``scan_codes.read_codes`` does it (grey PGM, 3 formats, no inverted pass) vs the
  straightforward way (PNG, all formats, default options).

Usage: ``.venv/bin/python benchmarks/barcode_bench.py [--quick]``
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import median_us, print_table  # noqa: E402

NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Quốc Huy", "Phạm Thị Hồng Nhung", "Đặng Văn Đức"]
ADDRESS = "Số 5 phố Đinh Tiên Hoàng, Phường Hoàn Kiếm, Hà Nội"


def _qr_texts(n: int) -> list[str]:
    rng = random.Random(5)
    out = []
    for i in range(n):
        dob = date(1950, 1, 1) + timedelta(days=rng.randrange(25000))
        sex = rng.choice(["Nam", "Nữ"])
        digit = (0 if sex == "Nam" else 1) + (2 if dob.year >= 2000 else 0)
        number = f"001{digit}{dob.year % 100:02d}{rng.randrange(10**6):06d}"
        old = rng.choice(["", f"{rng.randrange(10**9):09d}"])
        out.append(f"{number}|{old}|{rng.choice(NAMES)}|{dob:%d%m%Y}|{sex}|{ADDRESS}|15042021")
    return out


def naive_parse(text: str) -> dict:
    """Baseline: what a first version would do (7 fields, no checks)."""
    f = text.split("|")
    return {"id": f[0], "old": f[1], "name": f[2], "dob": datetime.strptime(f[3], "%d%m%Y").date(),
            "sex": f[4], "address": f[5], "issue": datetime.strptime(f[6], "%d%m%Y").date()}


def bench_parse(quick: bool) -> list[tuple]:
    from devices.barcode.cccd_qr import parse_card_qr
    from devices.barcode.dispatch import ScanSource, classify_scan

    texts = _qr_texts(300 if quick else 3000)
    today = date(2026, 11, 27)
    for t in texts[:50]:  # correctness before speed
        card, base = parse_card_qr(t, today=today), naive_parse(t)
        assert (card.id_number, card.date_of_birth, card.issue_date) == (base["id"], base["dob"], base["issue"])
        assert card.warnings == (), t
    ours = median_us(lambda t: parse_card_qr(t, today=today), texts)
    base = median_us(naive_parse, texts)
    mixed = (texts[:50] + ["000.00.01.H26-261127-0001", "1.001193", "2.001218.000.00.00.H38", "hello"] * 12)
    cls = median_us(lambda t: classify_scan(t, source=ScanSource.SERIAL, today=today), mixed)
    return [("qr.parse CCCD QR", ours, "µs/QR", base, ours / base),
            ("classify mixed scans", cls, "µs/scan", None, None)]


def _page_pdf(tmp: Path) -> Path:
    from reportlab.graphics import renderPDF
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from printing.codes import code128_drawing, qr_drawing

    path = tmp / "page.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(60, 800, "Benchmark page")
    renderPDF.draw(code128_drawing("000.00.01.H26-261127-0001"), c, 60, 700)
    renderPDF.draw(qr_drawing(_qr_texts(1)[0], size_mm=30), c, 380, 80)
    c.showPage()
    c.save()
    return path


def bench_decode(quick: bool) -> list[tuple]:
    import zxingcpp
    from PIL import Image

    from devices.barcode.scan_codes import read_codes

    tmp = Path(tempfile.mkdtemp(prefix="qmc-barcode-bench-"))
    pdf = _page_pdf(tmp)

    def baseline(_):
        out = tmp / "base"
        subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(out)], check=True)
        return zxingcpp.read_barcodes(Image.open(f"{out}.png"))

    runs = range(3 if quick else 10)
    assert len(read_codes(pdf)) == 2 and len(baseline(0)) == 2  # same answer first
    ours = median_us(lambda _: read_codes(pdf), runs) / 1000
    base = median_us(baseline, runs) / 1000
    return [("page decode (A4, 200 dpi, 2 codes)", ours, "ms/page", base, ours / base)]


def rows(quick: bool) -> list[tuple]:
    return bench_parse(quick) + bench_decode(quick)


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    print_table(rows(quick))
