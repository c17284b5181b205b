"""Text checks on the PDFs the project produces: every label of each form present and in
order with diacritics intact, exact page sizes, two copies of the receipt, the register's
header repeated, the reprint mark, and NFC normalisation."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from counter_app.domain.errors import ConfigurationError, NotFoundError
from counter_app.domain.legal_basis import LegalBasis
from printing.render import render_form
from printing.sample import sample_context
from printing.templates import FORMS, _parse, available_forms, load_template

# (width, height) in points, as pdfinfo prints them (rounded).
SIZES = {"A5": "419.528 x 595.276", "A4-landscape": "841.89 x 595.276", "80mm": "226.772 x 311.811"}
CASES = [(b, f) for b in LegalBasis for f in available_forms(b)]


def pdftext(pdf: bytes, tmp_path: Path, *, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def pdfinfo(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "i.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_both_bases_have_the_forms_of_their_circular():
    assert set(available_forms(LegalBasis.TT03_2025)) == set(FORMS)
    assert set(available_forms(LegalBasis.TT01_2018)) == set(FORMS) - {"stop"}
    assert load_template("control", LegalBasis.TT01_2018).number == "Mẫu số 05"
    assert load_template("control", LegalBasis.TT03_2025).number == "Mẫu số 06"
    assert load_template("register", LegalBasis.TT03_2025).number == "Mẫu số 07"


@pytest.mark.parametrize("basis, form", CASES, ids=[f"{b.value}-{f}" for b, f in CASES])
def test_every_label_is_printed_in_order_with_diacritics(basis, form, tmp_path):
    template = load_template(form, basis)
    rendered = render_form(form, sample_context(form, basis), basis=basis)
    text = flat(pdftext(rendered.pdf, tmp_path, last=1))
    assert unicodedata.is_normalized("NFC", text)
    pos = 0
    fixed = [lbl for b in template.body if b["kind"] in ("text", "items") for lbl in template_labels(b)]
    for label in [template.title] + fixed:
        found = text.find(flat(label), pos)
        assert found >= 0, f"{label!r} missing or out of order after position {pos} in:\n{text}"
        pos = found + len(flat(label))
    # Table headers and signer titles: a cell's lines may interleave with its neighbours' in the
    # extracted text, so its words must appear in order, not necessarily side by side.
    for label in template.labels():
        assert words_in_order(label, text), label
    size = re.search(r"Page size:\s+([\d.]+ x [\d.]+) pts", pdfinfo(rendered.pdf, tmp_path)).group(1)
    assert size == SIZES[template.page]


def words_in_order(label: str, text: str) -> bool:
    words, pos = re.findall(r"\w+", text), 0
    for word in re.findall(r"\w+", label):
        try:
            pos = words.index(word, pos) + 1
        except ValueError:
            return False
    return True


def template_labels(block: dict) -> list[str]:
    from printing.templates import literal_parts

    return literal_parts(block.get("text") or block.get("intro") or "")


def test_receipt_has_two_copies_one_page_each(tmp_path):
    ctx = sample_context("receipt")
    rendered = render_form("receipt", ctx)
    assert rendered.pages == 2 and rendered.copies == 2
    first, second = (flat(pdftext(rendered.pdf, tmp_path, first=i, last=i)) for i in (1, 2))
    assert "Liên 1: Lưu tại Bộ phận Tiếp nhận và Trả kết quả" in first
    assert "Liên 2: Giao người nộp hồ sơ" in second
    for page in (first, second):
        assert f"Mã hồ sơ: {ctx.dossier.code}" in page
        assert "Công Tôn Nữ Thị Phương Thảo" in page
        assert "09 giờ 15 phút, ngày 27 tháng 11 năm 2026" in page  # received
        assert "09 giờ 15 phút, ngày 02 tháng 12 năm 2026" in page  # due: 3 working days
        assert "Cấp Giấy xác nhận tình trạng hôn nhân" in page


def test_register_book_spans_pages_with_the_header_repeated(tmp_path):
    rendered = render_form("register", sample_context("register"))
    assert rendered.pages >= 3
    last = flat(pdftext(rendered.pdf, tmp_path, first=rendered.pages, last=rendered.pages))
    for title in ("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Ngày, tháng, năm", "Ký nhận"):
        assert title in last
    assert "000.00.01.H26-261127-0036" in re.sub(r"\s+", "", pdftext(rendered.pdf, tmp_path))


def test_reprint_carries_the_mark(tmp_path):
    original = flat(pdftext(render_form("receipt", sample_context("receipt")).pdf, tmp_path))
    reprint = render_form("receipt", sample_context("receipt"), reprint=True)
    assert "BẢN IN LẠI" not in original
    assert reprint.reprint
    for page in (1, 2):
        assert "BẢN IN LẠI" in pdftext(reprint.pdf, tmp_path, first=page, last=page)


def test_nfd_input_is_printed_as_nfc(tmp_path):
    ctx = sample_context("receipt")
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    ctx.dossier.applicant = replace(ctx.dossier.applicant, full_name=nfd_name)
    text = flat(pdftext(render_form("receipt", ctx).pdf, tmp_path))
    assert "Nguyễn Thị Ánh Tuyết" in text
    assert nfd_name not in text


def test_a_dossier_prints_under_its_own_basis(tmp_path):
    ctx = sample_context("apology", LegalBasis.TT01_2018)
    assert ctx.dossier.legal_basis is LegalBasis.TT01_2018
    text = flat(pdftext(render_form("apology", ctx).pdf, tmp_path))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Thông tư 01/2018/TT-VPCP" in text


def test_unknown_and_missing_forms_are_clear_errors():
    with pytest.raises(NotFoundError) as info:
        load_template("stop", LegalBasis.TT01_2018)
    assert "Thông tư 01/2018/TT-VPCP không có biểu mẫu" in info.value.message_vi
    with pytest.raises(NotFoundError):
        load_template("bogus", LegalBasis.TT03_2025)


@pytest.mark.parametrize("raw", [
    {"form": {"title": "X"}},  # no page
    {"form": {"title": "X", "page": "B5"}},
    {"form": {"title": "X", "page": "A5"}, "body": [{"kind": "poem"}]},
    {"form": {"title": "X", "page": "A5"}, "body": [{"kind": "table"}]},
])
def test_malformed_templates_are_configuration_errors(raw):
    with pytest.raises(ConfigurationError) as info:
        _parse("receipt", LegalBasis.TT03_2025, raw)
    assert "forms/tt03_2025/receipt.toml" in info.value.message_vi


def test_long_names_wrap_inside_the_page(tmp_path):
    ctx = sample_context("receipt")
    long_name = "Tổng Công ty Cổ phần Đầu tư Phát triển Hạ tầng Đô thị và Khu công nghiệp Thăng Long Hà Nội"
    ctx.dossier.applicant = replace(ctx.dossier.applicant, full_name=long_name)
    rendered = render_form("receipt", ctx)
    assert rendered.pages == 2
    assert long_name in flat(pdftext(rendered.pdf, tmp_path, first=1, last=1))
