"""The shared Code128/QR helper (decoded back with zxing-cpp, checked against the Code128
symbol table) and the font fallback chain."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from counter_app.domain.errors import ConfigurationError, ValidationError
from printing import codes
from printing.fonts import resolve_font

CODE = "000.00.01.H26-261127-0001"
# Code128 symbol table (ISO/IEC 15417 Table 1): start code B (value 104) and the stop pattern.
START_B, START_C, STOP = "11010010000", "11010011100", "1100011101011"


def decode(png: bytes) -> dict:
    return {r.format: r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))}


def test_code128_modules_follow_the_symbol_table():
    bars = codes.code128_modules("A")
    # Start B, "A" (value 33 = 10100011000), checksum (104 + 33) % 103 = 34 → 10001011000, stop.
    assert bars == START_B + "10100011000" + "10001011000" + STOP
    assert codes.code128_modules(CODE).endswith(STOP)


@pytest.mark.parametrize("data", [CODE, "A-027", "2.000635"])
def test_code128_png_decodes_back(data):
    assert decode(codes.code128_png(data))[zxingcpp.BarcodeFormat.Code128] == data


@pytest.mark.parametrize("data", [codes.lookup_url(CODE), "Nguyễn Thị Ánh Tuyết — phường Nghĩa Đô"])
def test_qr_png_decodes_back_including_vietnamese(data):
    assert decode(codes.qr_png(data))[zxingcpp.BarcodeFormat.QRCode] == data


def test_svg_outputs_are_svg():
    assert codes.code128_svg(CODE).startswith(b"<svg") and b"<rect" in codes.code128_svg(CODE)
    assert codes.qr_svg(CODE).startswith(b"<svg")


def test_vector_drawings_decode_after_pdf_rendering(tmp_path: Path):
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(tmp_path / "c.pdf"), pagesize=(400, 200))
    bar, qr = codes.code128_drawing(CODE), codes.qr_drawing(codes.lookup_url(CODE), size_mm=25)
    assert bar.wrap(0, 0)[0] > 100 and qr.wrap(0, 0) == pytest.approx((25 * codes.MM, 25 * codes.MM))
    renderPDF.draw(bar, c, 10, 120)
    qr.drawOn(c, 250, 20)
    c.showPage()
    c.save()
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", str(tmp_path / "c.pdf"),
                    str(tmp_path / "c")], check=True)
    found = decode((tmp_path / "c.png").read_bytes())
    assert found[zxingcpp.BarcodeFormat.Code128] == CODE
    assert found[zxingcpp.BarcodeFormat.QRCode] == codes.lookup_url(CODE)


def test_bad_payloads_are_clear_errors():
    with pytest.raises(ValidationError) as info:
        codes.code128_modules("Mã có dấu")
    assert "không dấu" in info.value.message_vi
    with pytest.raises(ValidationError):
        codes.qr_matrix("")


def test_lookup_url_encodes_the_code():
    assert codes.lookup_url("A B/1", "https://x/?m={code}") == "https://x/?m=A%20B%2F1"


CHAIN = [{"name": "Times New Roman", "regular": ["times.ttf"], "bold": ["timesbd.ttf"]},
         {"name": "Liberation Serif", "regular": ["LiberationSerif-Regular.ttf"],
          "bold": ["LiberationSerif-Bold.ttf"]},
         {"name": "DejaVu Serif", "regular": ["DejaVuSerif.ttf"]}]


def _link(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    system = {p.name: p for p in Path("/usr/share/fonts").rglob("*.ttf")}
    for name in names:
        (folder / name).symlink_to(system[name])
    return folder


def test_font_chain_prefers_times_then_liberation_then_dejavu(tmp_path: Path):
    only_dejavu = _link(tmp_path / "a", "DejaVuSerif.ttf")
    assert resolve_font(CHAIN, [only_dejavu]).family == "DejaVu Serif"
    both = _link(tmp_path / "b", "DejaVuSerif.ttf", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf")
    chosen = resolve_font(CHAIN, [both])
    assert chosen.family == "Liberation Serif" and chosen.files["bold"].name == "LiberationSerif-Bold.ttf"
    assert chosen.files["italic"].name == "LiberationSerif-Regular.ttf"  # missing style → regular face
    times = tmp_path / "c"
    times.mkdir()
    (times / "TIMES.TTF").symlink_to(both / "LiberationSerif-Regular.ttf")  # file names match case-insensitively
    assert resolve_font(CHAIN, [times, both]).family == "Times New Roman"


def test_no_font_is_a_configuration_error(tmp_path: Path):
    with pytest.raises(ConfigurationError) as info:
        resolve_font(CHAIN, [tmp_path])
    assert "Times New Roman" in info.value.message_vi


def test_system_chain_resolves_here():
    assert resolve_font().family in {"Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif"}


def test_a_face_without_vietnamese_letters_is_skipped_even_under_the_preferred_file_name(tmp_path):
    """Old Liberation 1.x (pulled in by some packages) has the same file names as Liberation 2
    but lacks most Vietnamese letters: it must never be chosen."""
    import shutil

    from printing.fonts import covers_vietnamese, resolve_font

    good = resolve_font().files["regular"]
    assert covers_vietnamese(good)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    fake = first / "LiberationSerif-Regular.ttf"  # a Latin-only face under the preferred name
    candidates = [p for p in Path("/usr/share/fonts").rglob("*.ttf") if not covers_vietnamese(p)]
    assert candidates, "the test needs one installed font without Vietnamese letters"
    shutil.copy(candidates[0], fake)
    shutil.copy(good, second / "LiberationSerif-Regular.ttf")
    chain = [{"name": "Liberation Serif", "regular": ["LiberationSerif-Regular.ttf"]}]
    chosen = resolve_font(chain, [first, second])
    assert chosen.files["regular"] == second / "LiberationSerif-Regular.ttf"
