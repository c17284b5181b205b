"""Codes on paper and on scans: generate (printing/codes.py) → PDF → pdftoppm → zxing-cpp."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter

from devices.barcode.dispatch import ScanKind
from devices.barcode.errors import CodeReadError
from devices.barcode.scan_codes import find_card_qr, find_dossier_code, read_codes
from printing.codes import code128_drawing, lookup_url, qr_drawing, qr_png

CODE = "000.00.01.H26-261127-0042"
QR = "001090123456|012345678|Nguyễn Văn Ân|01011990|Nam|Số 5 phố Đinh Tiên Hoàng, Hoàn Kiếm, Hà Nội|15042021"


@pytest.fixture(scope="module", autouse=True)
def poppler():
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is required: apt-get install poppler-utils"


def make_pdf(path: Path, pages: list[list]) -> Path:
    from reportlab.graphics import renderPDF
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for drawings in pages:
        c.setFont("Helvetica", 11)
        c.drawString(60, 780, "Ket qua giai quyet thu tuc hanh chinh (test page)")
        y = 640
        for d in drawings:
            renderPDF.draw(d, c, 60, y)
            y -= d.height + 40
        c.showPage()
    c.save()
    return path


def test_dossier_code128_round_trip_through_pdf(tmp_path):
    pdf = make_pdf(tmp_path / "result.pdf", [[], [code128_drawing(CODE)]])  # code on page 2
    found = read_codes(pdf)
    assert [(f.text, f.page, f.scan.kind) for f in found] == [(CODE, 2, ScanKind.DOSSIER)]
    assert str(find_dossier_code(pdf)) == CODE


def test_vietnamese_qr_round_trip_through_pdf(tmp_path):
    pdf = make_pdf(tmp_path / "card.pdf", [[qr_drawing(QR, size_mm=40)]])
    (found,) = read_codes(pdf)
    assert found.text == QR  # UTF-8 Vietnamese, byte for byte
    card = find_card_qr(pdf)
    assert card.full_name == "Nguyễn Văn Ân" and card.date_of_birth == date(1990, 1, 1)


def test_receipt_qr_with_lookup_url_files_under_the_dossier(tmp_path):
    url = lookup_url(CODE, "https://dichvucong.hanoi.gov.vn/tra-cuu-ho-so?ma={code}")
    pdf = make_pdf(tmp_path / "receipt.pdf", [[qr_drawing(url, size_mm=25), code128_drawing(CODE)]])
    kinds = {(f.format, f.scan.kind) for f in read_codes(pdf)}
    assert kinds == {("QR Code", ScanKind.DOSSIER), ("Code 128", ScanKind.DOSSIER)}


def test_card_qr_in_a_rotated_blurred_photo(tmp_path):
    qr = Image.open(io.BytesIO(qr_png(QR, module_px=5))).convert("L")
    card = Image.new("L", (1100, 700), 200)
    ImageDraw.Draw(card).rectangle((20, 20, 1080, 680), outline=40, width=6)
    card.paste(qr, (600, 120))
    photo = card.rotate(9, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(1.2))
    photo = photo.resize((photo.width * 2 // 3, photo.height * 2 // 3))
    path = tmp_path / "card.jpg"
    photo.save(path, quality=80)
    found = find_card_qr(path)
    assert found is not None and found.id_number == "001090123456" and found.can == "123456"


def test_page_without_codes(tmp_path):
    pdf = make_pdf(tmp_path / "plain.pdf", [[]])
    assert read_codes(pdf) == [] and find_dossier_code(pdf) is None


@pytest.mark.parametrize("content, name", [(b"%PDF-1.4 broken", "broken.pdf"), (b"not an image", "x.png")])
def test_unreadable_files_give_a_clear_error(tmp_path, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CodeReadError) as info:
        read_codes(path)
    assert "Không" in info.value.message_vi


def test_missing_file(tmp_path):
    with pytest.raises(CodeReadError):
        read_codes(tmp_path / "nope.pdf")
