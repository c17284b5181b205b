"""Fees: receipt numbers unique per agency, refunds and cancellations by the original method with the
approved sum, the daily cash report (core, printed PDF read back, command line), migration 0013."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from counter_app.domain.errors import ValidationError
from counter_app.security import approval_proof
from counter_app.security.permissions import Action, PermissionDenied
from counter_app.services.fees import (PaymentMethod, cancel, cancel_target, collect, daily_cash_report,
                                       outstanding_vnd, refund, refund_target)
from counter_app.storage.models import OutboxEventRow
from counter_app.storage.models_lifecycle import PaymentRow

T = datetime(2026, 11, 23, 9, 0)  # Monday


def pay(desk, code, amount, method, receipt, at=T):
    return desk.store.write(lambda s: collect(s, code=code, amount_vnd=amount, method=method, receipt_no=receipt,
                                              ctx=desk.ctx, now=at)).value


def payments(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(PaymentRow))


def test_a_receipt_number_is_used_once_in_the_agency(desk):
    a, b = desk.receive("2.000884", T, fee=10000).code, desk.receive("2.000884", T, fee=10000).code
    pay(desk, a, 10000, PaymentMethod.CASH, "BL-0001")
    with pytest.raises(ValidationError) as dup:
        pay(desk, b, 10000, PaymentMethod.CASH, " BL-0001 ")
    assert f"“BL-0001” đã dùng cho hồ sơ {a} ngày 23/11/2026" in dup.value.message_vi
    assert payments(desk.store) == 1, "nothing written"
    with pytest.raises(ValidationError):  # ':' would make the approval target ambiguous
        pay(desk, b, 10000, PaymentMethod.CASH, "BL:2")
    # Another agency's receipt book may use the same number; the index only binds one agency.
    desk.store.write(lambda s: s.add(PaymentRow(dossier_code="X", kind="collect", amount_vnd=1, method="cash",
                                                receipt_no="BL-0002", at=T, officer="x", approval_id=None, note="",
                                                agency_code="000.00.99.H26", ref_payment_id=None)))
    pay(desk, b, 10000, PaymentMethod.CASH, "BL-0002")
    with pytest.raises(Exception) as raw:  # the unique index backs the check (a race, a direct write)
        desk.store.write(lambda s: s.add(PaymentRow(dossier_code=b, kind="collect", amount_vnd=1, method="cash",
                                                    receipt_no="BL-0002", at=T, officer="x", approval_id=None,
                                                    note="", agency_code=desk.ctx.agency_code, ref_payment_id=None)))
    assert "UNIQUE" in str(raw.value)


def test_refund_and_cancel_by_the_original_method_with_the_approved_sum(desk, approve):
    store, ctx = desk.store, desk.ctx
    code = desk.receive("2.000884", T, fee=30000).code
    pay(desk, code, 10000, PaymentMethod.TRANSFER, "BL-0101")
    pay(desk, code, 20000, PaymentMethod.CASH, "BL-0102")
    # The supervisor approved 4.000 đ on BL-0101: 5.000 is another sum and is refused.
    four = approve(Action.REFUND_FEE, refund_target(code, "BL-0101", 4000), at=T)
    with pytest.raises(PermissionDenied):
        store.write(lambda s: refund(s, code=code, receipt_no="BL-0101", amount_vnd=5000, reason="thu thừa",
                                     ctx=ctx, approval_id=four, now=T))
    with pytest.raises(ValidationError) as too_much:  # more than the receipt: refused before any approval
        store.write(lambda s: refund(s, code=code, receipt_no="BL-0101", amount_vnd=12000, reason="thu thừa",
                                     ctx=ctx, approval_id=four, now=T))
    assert "từ 1 đến 10.000 đồng" in too_much.value.message_vi
    assert store.write(lambda s: refund(s, code=code, receipt_no="BL-0101", amount_vnd=4000, reason="thu thừa",
                                        ctx=ctx, approval_id=four, now=T)).value == 26000
    # BL-0102 was entered for the wrong dossier: cancelled whole, in cash, and the fee is owed again.
    whole = approve(Action.REFUND_FEE, cancel_target(code, "BL-0102", 20000), at=T)
    store.write(lambda s: cancel(s, code=code, receipt_no="BL-0102", reason="nhập nhầm hồ sơ", ctx=ctx,
                                 approval_id=whole, now=T))
    with pytest.raises(ValidationError) as partly:  # BL-0101 was partly refunded: no cancellation
        store.write(lambda s: cancel(s, code=code, receipt_no="BL-0101", reason="x", ctx=ctx, approval_id="",
                                     now=T))
    assert "chỉ hoàn tiếp phần còn lại" in partly.value.message_vi
    with store.read() as s:
        assert outstanding_vnd(s, code) == 24000  # 30.000 − (10.000 − 4.000)
        rows = [(p.kind, p.method, p.amount_vnd, p.ref_payment_id is not None)
                for p in s.scalars(select(PaymentRow).order_by(PaymentRow.id))]
        report = daily_cash_report(s, officer=ctx.officer, day=T.date())
        events = [(e.kind, json.loads(e.payload)) for e in s.scalars(
            select(OutboxEventRow).where(OutboxEventRow.kind.in_(["fee.refund", "fee.cancel"])))]
    assert rows == [("collect", "transfer", 10000, False), ("collect", "cash", 20000, False),
                    ("refund", "transfer", 4000, True), ("cancel", "cash", 20000, True)]
    assert report.by_method == {"transfer": 10000, "cash": 20000}
    assert (report.refunded_by_method, report.cancelled_by_method) == ({"transfer": 4000}, {"cash": 20000})
    assert report.net_by_method() == {"cash": 0, "transfer": 6000, "qr": 0} and report.net == 6000
    # The city re-checks each event's approval against the target it derives from the payload.
    for kind, payload in events:
        assert approval_proof.required_action(kind, payload) is Action.REFUND_FEE
        assert payload["approval"]["target"] == approval_proof.expected_target(kind, code, payload)
    assert [p["approval"]["target"] for _, p in events] == [f"fee-refund:{code}:BL-0101:4000",
                                                           f"fee-cancel:{code}:BL-0102:20000"]


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "thu-phi.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_printed_cash_report(desk, approve, tmp_path):
    from printing.reports_cash import render_cash_report

    code = desk.receive("2.000884", T, fee=25000).code
    pay(desk, code, 15000, PaymentMethod.CASH, "BL-0201")
    pay(desk, code, 10000, PaymentMethod.QR, "BL-0202", at=T.replace(hour=10))
    desk.store.write(lambda s: refund(s, code=code, receipt_no="BL-0201", amount_vnd=5000, reason="thu thừa",
                                      ctx=desk.ctx, now=T.replace(hour=11),
                                      approval_id=approve(Action.REFUND_FEE, refund_target(code, "BL-0201", 5000),
                                                          at=T.replace(hour=11))))
    with desk.store.read() as s:
        report = daily_cash_report(s, officer=desk.ctx.officer, day=T.date())
    rendered = render_cash_report(report, issued_at=T.replace(hour=17), officer_name="Nguyễn Văn An")
    flat = " ".join(_pdf_text(rendered.pdf, tmp_path).split())
    assert "BÁO CÁO THU PHÍ, LỆ PHÍ TRONG NGÀY" in flat
    assert "Ngày 23/11/2026 — cán bộ thu: Nguyễn Văn An (canbo01)" in flat
    # Per method: collected, refunded, cancelled, net. Cash 15.000 − 5.000 = 10.000; QR 10.000.
    assert "Tiền mặt 15.000 5.000 0 10.000" in flat and "Quét mã QR 10.000 0 0 10.000" in flat
    assert "Cộng 25.000 5.000 0 20.000" in flat and "Số biên lai đã lập: 2" in flat
    assert f"1 09:00 {code} Thu Tiền mặt BL-0201 15.000" in flat
    assert f"3 11:00 {code} Hoàn Tiền mặt BL-0201 −5.000" in flat
    assert "NGƯỜI LẬP BÁO CÁO" in flat and "NGƯỜI KIỂM TRA" in flat


def test_fees_commands(desk, approve, demo_profile, tmp_path, capsys, cli_officer):
    from counter_app.cli import main

    from counter_app import clock

    approve(Action.REFUND_FEE, "warm-up")  # caches the supervisor's credential on this counter
    now = clock.now()  # the commands act at the wall clock's time
    code = desk.receive("2.000884", now, fee=10000).code
    pay(desk, code, 10000, PaymentMethod.TRANSFER, "BL-0301", at=now)
    root = ["--data-dir", str(demo_profile.root), "fees"]
    # Refunding more than the receipt is refused before the supervisor is asked.
    assert main([*root, "refund", "--dossier", code, "--receipt", "BL-0301", "--amount", "20.000", "--reason", "x",
                 "--supervisor", "lanhdao01", *cli_officer(then="mat-khau-lanh-dao\n")]) == 2
    assert "phải từ 1 đến 10.000 đồng" in capsys.readouterr().err
    assert main([*root, "refund", "--dossier", code, "--receipt", "BL-0301", "--amount", "3.000",
                 "--reason", "thu thừa", "--supervisor", "lanhdao01",
                 *cli_officer(then="mat-khau-lanh-dao\n")]) == 0
    out = capsys.readouterr()
    assert f"Hoàn 3.000 đồng, biên lai BL-0301, hồ sơ {code}" in out.err
    assert "Đã hoàn BL-0301: 3.000 đồng, trả lại bằng chuyển khoản" in out.out
    # Without signing in, nothing happens.
    assert main([*root, "cancel", "--dossier", code, "--receipt", "BL-0301", "--reason", "x",
                 "--supervisor", "lanhdao01"]) != 0
    pdf = tmp_path / "thu-phi.pdf"
    assert main([*root, "cash-report", "--day", f"{now:%Y-%m-%d}", "--out", str(pdf), *cli_officer()]) == 0
    assert "(1 biên lai, thực thu 7.000 đồng)" in capsys.readouterr().out
    flat = " ".join(_pdf_text(pdf.read_bytes(), tmp_path).split())
    assert "Chuyển khoản 10.000 3.000 0 7.000" in flat
    with desk.store.read() as s:
        assert outstanding_vnd(s, code) == 3000


def test_migration_0013_keeps_old_payments_and_ratings(tmp_path):
    from counter_app.storage import migrate
    from counter_app.storage.db import make_engine

    db = tmp_path / "c.sqlite"
    engine = make_engine(db)
    before = "0012" if any((migrate.MIGRATIONS_DIR / "versions").glob("0012_*.py")) else "0011"
    migrate.upgrade(engine, revision=before)
    con = sqlite3.connect(db)
    con.execute("INSERT INTO agency (code, name, parent_name, place, level) VALUES ('A1', 'x', 'y', 'z', 'xa')"
                ) if _has(con, "agency", "parent_name") else None
    con.executescript("""
        INSERT INTO payment (dossier_code, kind, amount_vnd, method, receipt_no, at, officer, approval_id, note)
        VALUES ('D1', 'collect', 3000, 'qr', 'BL-1', '2026-11-02 09:00:00', 'canbo01', NULL, ''),
               ('D2', 'collect', 3000, 'cash', 'BL-1', '2026-11-03 09:00:00', 'canbo01', NULL, ''),
               ('D1', 'refund', 3000, 'cash', '', '2026-11-04 09:00:00', 'canbo01', 'a1', 'rút hồ sơ');
        INSERT INTO rating (dossier_code, scale, level, at, officer, visit_id)
        VALUES ('D1', 3, 1, '2026-11-05 09:00:00', 'canbo01', NULL);
    """)
    con.commit()
    con.close()
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, kind, method, receipt_no, ref_payment_id, note FROM payment ORDER BY id"
                                 )).all()
        stage = conn.execute(text("SELECT stage FROM rating")).scalar()
    assert rows[0][1:5] == ("collect", "qr", "BL-1", None)
    assert rows[1][3] == "BL-1 (trùng #2)" and "số biên lai gốc: BL-1" in rows[1][5], "kept, told apart"
    assert rows[2][1:5] == ("refund", "qr", "", 1), "linked to D1's collection and its method"
    assert stage == "reception"


def _has(con, table: str, column: str) -> bool:
    return any(r[1] == column for r in con.execute(f"PRAGMA table_info({table})"))
