"""Indicators over a small scripted month, checked against hand-counted values."""

from datetime import datetime

import pytest
from lifecycle_helpers import refuse

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.status import DossierStatus as S
from counter_app.security.permissions import Action
from counter_app.services.indicators import GroupBy, compute

A = Applicant(ApplicantKind.INDIVIDUAL, "Lê Thị C", id_number="001190000111")


@pytest.fixture
def month(desk, approve):
    store = desk.store

    def new(code, at, outcome="receive"):
        if outcome == "refuse":
            return refuse(desk, approve, at, code, applicant=A)
        return desk.receive(code, at, outcome=outcome, applicant=A)

    def move(code, *steps):
        for target, at in steps:
            approval = approve(Action.WITHDRAW_DOSSIER, code, at=at) if target is S.WITHDRAWN else None
            desk.move(code, target, at, reason="r", approval_id=approval)

    # 3 working days each (1.004873): received Mon 2/11 09:00 → due Thu 5/11 09:00.
    on_time = new("1.004873", datetime(2026, 11, 2, 9))
    move(on_time.code, (S.PROCESSING, datetime(2026, 11, 2, 10)), (S.RESOLVED, datetime(2026, 11, 4, 16)),
         (S.RETURNED, datetime(2026, 11, 5, 8)))
    late = new("1.004873", datetime(2026, 11, 2, 9))
    move(late.code, (S.PROCESSING, datetime(2026, 11, 2, 10)), (S.RESOLVED, datetime(2026, 11, 5, 9, 1)))
    open_overdue = new("1.004873", datetime(2026, 11, 3, 9))
    move(open_overdue.code, (S.PROCESSING, datetime(2026, 11, 3, 10)))
    new("1.004873", datetime(2026, 11, 10, 9), "supplement")
    new("1.004873", datetime(2026, 11, 11, 9), "refuse")
    withdrawn = new("2.000884", datetime(2026, 11, 12, 9))
    move(withdrawn.code, (S.WITHDRAWN, datetime(2026, 11, 12, 10)))
    new("2.000884", datetime(2026, 12, 1, 9))  # outside the month
    return store, late.code


def test_month_indicators(month):
    store, late_code = month
    with store.read() as s:
        [ind] = compute(s, start=datetime(2026, 11, 1), end=datetime(2026, 12, 1), now=datetime(2026, 11, 30, 12)
                        ).values()
    assert (ind.received, ind.refused, ind.withdrawn, ind.waiting_supplement) == (4, 1, 1, 1)
    assert (ind.resolved_on_time, ind.resolved_late, ind.overdue_open, ind.returned) == (1, 1, 1, 1)
    assert ind.on_time_rate == 0.5 and ind.codes_late == [late_code]


def test_grouped_by_procedure(month):
    store, _ = month
    with store.read() as s:
        by_proc = compute(s, start=datetime(2026, 11, 1), end=datetime(2026, 12, 1), now=datetime(2026, 11, 30),
                          group=GroupBy.PROCEDURE)
    assert set(by_proc) == {"1.004873", "2.000884"}
    assert by_proc["2.000884"].withdrawn == 1 and by_proc["2.000884"].on_time_rate is None


def test_printed_report_and_cli(month, demo_profile, tmp_path, capsys, cli_officer):
    import subprocess

    from counter_app.cli import main

    out = tmp_path / "chi-so.pdf"
    assert main(["--data-dir", str(demo_profile.root), "report", "indicators", "--from", "2026-11-01",
                 "--to", "2026-11-30", "--at", "2026-11-30T12:00", "--out", str(out), *cli_officer()]) == 0
    assert "4 hồ sơ tiếp nhận" in capsys.readouterr().out
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "BÁO CÁO CHỈ SỐ TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ" in flat
    assert "Từ ngày 01/11/2026 đến ngày 30/11/2026" in flat
    for heading in ("1. Theo quầy", "2. Theo cán bộ tiếp nhận", "3. Theo thủ tục hành chính"):
        assert heading in flat
    # Q01 row (hand counts of test_month_indicators): received 4, returned 1, on time 1, late 1, overdue 1,
    # waiting 1, refused 1, withdrawn 1, extended 0, on-time rate 50,0%, digitised 0,0%, ratings per level
    # (rất hài lòng, hài lòng, không hài lòng) 0 0 0, no ratings "—".
    assert "Q01 4 1 1 1 1 1 1 1 0 50,0% 0,0% 0 0 0 —" in flat
    # 2.000884: only the withdrawn dossier → received 1, withdrawn 1, nothing resolved: rates "—".
    assert "0 0 0 0 0 0 1 0 — 0,0% 0 0 0 —" in flat
    assert "Đúng hạn" in flat and "Quá hạn" in flat and "Đang quá hạn" in flat  # the chart's legend
    assert main(["--data-dir", str(demo_profile.root), "report", "indicators", "--from", "2026-11-30",
                 "--to", "2026-11-01", "--out", str(out), *cli_officer()]) == 2
    assert "Ngày kết thúc phải sau" in capsys.readouterr().err
    book = tmp_path / "so.xlsx"
    supervisor = cli_officer("lanhdao01", password="mat-khau-lanh-dao")  # the approve fixture's password
    assert main(["--data-dir", str(demo_profile.root), "report", "book", "--from", "2026-11-01", "--to",
                 "2026-11-30", "--out", str(book), *supervisor]) == 0
    assert "(4 hồ sơ)" in capsys.readouterr().out and book.exists()
