"""The tracking book (Sổ theo dõi hồ sơ) as XLSX has exactly the columns of its PDF under each
legal basis (read back with openpyxl, and with pdftotext from the PDF); the number of sets is
counted from what the citizen handed in; ``report book --counter`` keeps one counter's lines."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from counter_app.domain.legal_basis import LegalBasis
from counter_app.services.tracking_book import BookLine, sets_received, write_xlsx
from printing.reports import render_tracking_book

XHTML = "{http://www.w3.org/1999/xhtml}"
LINE = BookLine(1, "000.00.01.H26-261102-0001", "Đăng ký khai sinh", 2, "Đỗ Văn Đức", "12 Phố Huế, 0912345678",
                "UBND phường", datetime(2026, 11, 2, 9), datetime(2026, 11, 3, 9), None, None, None, "")


def pdf_column_titles(pdf: Path, code: str) -> list[str]:
    """The PDF table's column titles, read back from the words ``pdftotext -bbox`` places: the
    words between the "Ngày, tháng, năm" group title and the book's first line, joined into
    phrases along a visual line (a gap wider than a space ends one), then the phrases grouped into
    columns by overlapping x ranges (a header cell's lines are centred in its column), left to right."""
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html))
    words = [(*(float(w.get(k)) for k in ("xMin", "xMax", "yMin", "yMax")), w.text)
             for w in root.iter(f"{XHTML}word")]
    c1, c2 = next((y1, y2) for _, _, y1, y2, text in words if text == code)
    top = min(y1 for _, _, y1, y2, _ in words if y1 < c2 and y2 > c1)  # the first line (its cells are centred)
    group = max(y2 for _, _, y1, y2, text in words if text == "năm" and y2 < top)  # "Ngày, tháng, năm"
    phrases: list[list] = []  # [x1, x2, y, text]
    for x1, x2, y1, _, text in sorted((w for w in words if group < w[2] and w[3] < top),
                                      key=lambda w: (round(w[2]), w[0])):
        last = phrases[-1] if phrases else None
        if last and round(last[2]) == round(y1) and x1 - last[1] < 3.5:
            last[1], last[3] = x2, f"{last[3]} {text}"
        else:
            phrases.append([x1, x2, y1, text])
    columns: list[list[list]] = []
    for ph in sorted(phrases, key=lambda p: p[0]):
        if columns and ph[0] < max(p[1] for p in columns[-1]):
            columns[-1].append(ph)
        else:
            columns.append([ph])
    return [" ".join(p[3] for p in sorted(col, key=lambda p: p[2])) for col in columns]


@pytest.mark.parametrize("basis", list(LegalBasis))
def test_xlsx_has_exactly_the_pdf_columns(basis, tmp_path):
    ws = load_workbook(write_xlsx([LINE], tmp_path / "so.xlsx", title="SỔ", basis=basis)).active
    titles = [c.value for c in ws[2]]
    report = render_tracking_book([LINE], start=datetime(2026, 11, 1), end=datetime(2026, 12, 1), basis=basis,
                                  issued_at=datetime(2026, 11, 30, 16))
    pdf = tmp_path / "so.pdf"
    pdf.write_bytes(report.pdf)
    assert titles == pdf_column_titles(pdf, LINE.code)
    assert "Ký nhận" in titles and titles[-2:] == ["Ký nhận", "Ghi chú"]
    row = {t: c.value for t, c in zip(titles, ws[3])}
    assert row["Số lượng hồ sơ (bộ)"] == 2 and row["Ký nhận"] is None
    assert row["Nhận hồ sơ"] == datetime(2026, 11, 2, 9) and ws.cell(3, titles.index("Nhận hồ sơ") + 1).is_date


@dataclass
class Line:
    required_originals: int
    required_copies: int
    originals: int
    copies: int
    mandatory: bool = True


def test_sets_are_counted_from_what_was_handed_in():
    assert sets_received([Line(1, 0, 1, 0), Line(1, 1, 1, 1)]) == 1
    assert sets_received([Line(1, 0, 2, 0), Line(1, 1, 2, 2)]) == 2  # two complete sets
    assert sets_received([Line(1, 0, 3, 0), Line(1, 1, 2, 2)]) == 2  # an extra original is not a set
    assert sets_received([Line(1, 0, 2, 0), Line(0, 1, 0, 1, mandatory=True), Line(1, 0, 0, 0, False)]) == 1
    assert sets_received([Line(1, 1, 2, 0)]) == 1, "an original standing in for a copy: still one set"
    assert sets_received([]) == 1


def test_report_book_for_one_counter(demo_profile, demo_store, desk, tmp_path, capsys, cli_officer):
    from counter_app.cli import main
    from qmc_testing import Desk

    q2 = Desk(demo_store, replace(desk.ctx, counter_code="Q02", officer="canbo02"))
    q2.alloc = desk.alloc  # one numbering for the site
    mine = desk.receive(at=datetime(2026, 11, 2, 9)).code
    flow = q2.flow()  # two complete sets handed in at Q02
    for line in flow.checklist:
        flow.set_count(line.position, originals=2 * line.required_originals, copies=2 * line.required_copies)
    flow.to_outcome()
    flow.receive()
    theirs = q2.record(flow, datetime(2026, 11, 3, 9)).code
    out = tmp_path / "so-q02.xlsx"
    args = ["--data-dir", str(demo_profile.root), "report", "book", "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*args, "--counter", "Q02", "--out", str(out), *cli_officer("lanhdao01")]) == 0
    assert "(1 hồ sơ)" in capsys.readouterr().out
    ws = load_workbook(out).active
    titles = [c.value for c in ws[2]]
    assert ws.max_row == 3 and ws.cell(3, 2).value == theirs
    assert ws.cell(3, titles.index("Số lượng hồ sơ (bộ)") + 1).value == 2
    every = tmp_path / "so.xlsx"
    assert main([*args, "--out", str(every), *cli_officer("lanhdao01")]) == 0
    assert [load_workbook(every).active.cell(r, 2).value for r in (3, 4)] == [mine, theirs]
