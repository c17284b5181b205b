"""Pages → compressed PDF; blank pages; reorder/delete; barcodes on scanned pages."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader

from counter_app.domain.errors import ValidationError
from devices.docscanner import ScannedPage, ScanOptions
from devices.docscanner.barcode import dossier_code_on, file_by_barcode
from devices.docscanner.pages import PageSet
from devices.docscanner.pdf import BUDGET_A4_200DPI, build_pdf, is_blank

CODE = "000.00.01.H26-261127-0001"


def _page_count(data: bytes) -> int:
    return int(PdfFileReader(io.BytesIO(data)).root["/Pages"]["/Count"])


def test_grey_a4_at_200_dpi_stays_within_300_kb(text_page):
    doc = build_pdf([ScannedPage(text_page, 200)])
    assert text_page.size == (1654, 2339)
    assert len(doc.data) <= BUDGET_A4_200DPI + 4096, f"{len(doc.data) / 1024:.0f} KB"
    assert doc.qualities[0] >= 50, "the budget should not force an unreadable quality"
    info = subprocess.run([shutil.which("pdfinfo"), "-"], input=doc.data, capture_output=True, check=True).stdout
    assert b"Pages:           1" in info and b"(A4)" in info


def test_pdf_renders_back_with_poppler(text_page, tmp_path):
    doc = build_pdf([ScannedPage(text_page, 200), ScannedPage(text_page.convert("1"), 200)])
    (tmp_path / "d.pdf").write_bytes(doc.data)
    subprocess.run([shutil.which("pdftoppm"), "-r", "30", "-gray", str(tmp_path / "d.pdf"), str(tmp_path / "p")],
                   check=True)
    rendered = sorted(tmp_path.glob("p*.pgm"))
    assert len(rendered) == 2
    with Image.open(rendered[0]) as im:
        assert im.size == pytest.approx((248, 351), abs=2)
        assert not is_blank(im)
    assert doc.qualities[1] is None  # the black-and-white page is G4, not JPEG


def test_blank_pages_are_dropped_on_request(scanner):
    blank = scanner.scan(options=ScanOptions(device="test:0", resolution=100,
                                             extra=(("test_picture", "Solid white"),)), pages=1).pages
    grid = scanner.scan(options=ScanOptions(device="test:0", resolution=100,
                                            extra=(("test_picture", "Grid"),)), pages=2).pages
    black = scanner.scan(options=ScanOptions(device="test:0", resolution=100,
                                             extra=(("test_picture", "Solid black"),)), pages=1).pages
    pages = PageSet([grid[0], blank[0], black[0], grid[1]])
    assert pages.drop_blank() == [1]
    assert len(pages) == 3 and _page_count(pages.to_pdf().data) == 3


def test_reorder_delete_rotate():
    pages = [ScannedPage(Image.new("L", (10 + i, 20), 255), 100) for i in range(4)]
    ps = PageSet(pages)
    ps.move(source=3, target=0)
    assert [p.image.size[0] for p in ps.pages] == [13, 10, 11, 12]
    ps.reorder([3, 2, 1, 0])
    assert [p.image.size[0] for p in ps.pages] == [12, 11, 10, 13]
    removed = ps.delete(1)
    assert removed.image.size[0] == 11 and len(ps) == 3
    ps.rotate(0, degrees=90)
    assert ps.pages[0].image.size == (20, 12)
    with pytest.raises(ValidationError) as err:
        ps.delete(7)
    assert "trang số 8" in err.value.message_vi
    with pytest.raises(ValidationError):
        ps.reorder([0, 0, 1])
    with pytest.raises(ValidationError):
        PageSet().to_pdf()
    assert len(ps.thumbnails(max_px=16)) == 3


def _coded_page(text: str) -> Image.Image:
    import segno

    page = Image.new("L", (1000, 1400), 255)
    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=8, border=4)
    page.paste(Image.open(buf).convert("L"), (60, 60))
    return page


def test_a_page_with_a_dossier_barcode_files_itself(tmp_path):
    from barcode import Code128
    from barcode.writer import ImageWriter

    # Code 128 on the receipt, through PDF and poppler, as an officer's scan would look.
    buf = io.BytesIO()
    Code128(CODE, writer=ImageWriter()).write(buf, options={"module_width": 0.3, "dpi": 200})
    receipt = Image.new("L", (1654, 1169), 255)
    receipt.paste(Image.open(buf).convert("L"), (100, 100))
    (tmp_path / "r.pdf").write_bytes(build_pdf([ScannedPage(receipt, 200)]).data)
    subprocess.run([shutil.which("pdftoppm"), "-r", "200", "-gray", str(tmp_path / "r.pdf"), str(tmp_path / "r")],
                   check=True)
    with Image.open(next(tmp_path.glob("r*.pgm"))) as scanned:
        assert dossier_code_on(scanned) == CODE

    other = "000.00.01.H26-261127-0002"
    blank = Image.new("L", (1000, 1400), 255)
    batch = [ScannedPage(im, 200) for im in
             (blank, _coded_page(CODE), blank, blank, _coded_page("not a code"), _coded_page(other), blank)]
    groups = file_by_barcode(batch)
    assert [(g.dossier_code, len(g.pages)) for g in groups] == [(None, 1), (CODE, 4), (other, 2)]


def test_barcode_fallback_without_the_barcode_package(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "devices.barcode.scan_codes", None)  # import now raises ImportError
    assert dossier_code_on(_coded_page(CODE)) == CODE
    assert dossier_code_on(Image.new("L", (400, 400), 255)) is None
