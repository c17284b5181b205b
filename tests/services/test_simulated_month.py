"""A simulated month (November 2026) of dossiers through every path, on the real calendar.

Pinned moments, the Vietnamese working calendar (Mon–Fri 08:00–12:00, 13:00–17:00, cut-off
15:00; Tue 24/11/2026 is a day off) and procedure 1.004873 (Cấp Giấy xác nhận tình trạng hôn
nhân: 3 working days, fee 3.000 đ) unless said otherwise; G is 1.001022 (3 working days,
15.000 đ). Every expected number below is derived by hand in the comment next to it.

    A  received Mon 02/11 09:00 → due Thu 05/11 09:00; batch 02/11; result back early; returned to the owner
    B  received Mon 02/11 15:30 (after 15:00: counting starts Tue 03/11 08:00) → due Thu 05/11 17:00;
       Tuesday's batch; result scanned in on time; fee paid at return; returned to an authorised person
    C  supplement requested Tue 03/11, received when complete Mon 09/11 10:00 → due Thu 12/11 10:00;
       result scanned (QR lookup address) exactly at the due time = on time; not collected yet
    D  refused Wed 04/11
    E  received Mon 09/11 09:00 → due Thu 12/11 09:00; warned 11/11; apology + extension (approved)
       to Tue 17/11 17:00; result back Wed 18/11 10:00 — late even after the extension
    F  received Tue 10/11 09:00 → due Fri 13/11 09:00; internal step; result back Mon 16/11 = late; returned
    G  received Wed 11/11 09:00 (15.000 đ paid); withdrawn Thu 12/11 (approved); refund (approved)
    H  received Mon 23/11 09:00 → (24/11 off) due Fri 27/11 09:00; internal step; still open → overdue
    I  received Wed 25/11 15:10 → counting Thu 26/11 08:00, due Mon 30/11 17:00; Thursday's batch
       forgotten, handed off Fri 27/11 08:30 → that step is late
    K  supplement requested Mon 30/11 09:00, still waiting
    Z  received Tue 01/12 (outside the month)
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest
from lifecycle_helpers import refuse
from openpyxl import load_workbook

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource
from counter_app.domain.organisation import Role
from counter_app.security.permissions import Action
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.fees import (PaymentMethod, collect, daily_cash_report, outstanding_vnd, refund,
                                       refund_target)
from counter_app.services.handoffs import batch_for_day, batch_target, hand_off_batch, record_step
from counter_app.services.indicators import GroupBy, compute
from counter_app.services.late import due_soon, extend, extension_target, withdraw
from counter_app.services.ratings import record_rating, satisfaction, satisfied_rate
from counter_app.services.results import file_scanned_result, record_result
from counter_app.services.returns import ReturnError, load_for_return, record_return
from counter_app.services.tracking_book import rows, write_xlsx

D = datetime
DEPT = "Công chức Tư pháp - Hộ tịch"
BOSS = "Lãnh đạo UBND phường"
COUNTER = "Bộ phận Tiếp nhận và Trả kết quả"
NOV, DEC = D(2026, 11, 1), D(2026, 12, 1)
NOW = D(2026, 11, 30, 12, 0)  # month-end report time


def person(i: int) -> Applicant:
    return Applicant(ApplicantKind.INDIVIDUAL, f"Công dân Thử {i}", id_number=f"0010901234{i:02d}",
                     source=IdentitySource.CHIP, address=f"Số {i} Phố Huế, Hà Nội")


@pytest.fixture
def month(desk, approve, tmp_path):
    store, ctx = desk.store, desk.ctx
    seen: dict = {}
    code: dict[str, str] = {}

    def scan_in(key, at, *, only_first=False):  # the components' scans attached (số hóa)
        from counter_app.services.attachments import attach_file

        with store.read() as s:
            positions = [c.position for c in get_dossier_row(s, code[key]).components if c.originals + c.copies]
        for pos in positions[:1] if only_first else positions:
            store.write(lambda s, p=pos: attach_file(s, data_root=tmp_path / "files", dossier_code=code[key],
                                                     component_position=p, data=b"%PDF-1.4 trang " + bytes([p]),
                                                     pages=1, by=ctx.officer, now=at))
        return len(positions)

    def receive(key, at, proc="1.004873", fee=3000, outcome="receive", **kw):
        who = dict(applicant=person(len(code) + 1), fee=fee, contact=Contact(phone=f"09123456{len(code):02d}"))
        rec = (refuse(desk, approve, at, proc, **who, **kw) if outcome == "refuse" else
               desk.receive(proc, at, outcome=outcome, **who, **kw))
        code[key] = rec.code
        return rec

    def pay(key, amount, method, receipt, at):
        store.write(lambda s: collect(s, code=code[key], amount_vnd=amount, method=method, receipt_no=receipt,
                                      ctx=ctx, now=at))

    def batch(day, at):
        with store.read() as s:
            codes = [line.code for line in batch_for_day(s, agency_code=ctx.agency_code, day=day)]
        if codes:
            ok = approve(Action.HANDOFF_BATCH, batch_target(codes), at=at)
            store.write(lambda s: hand_off_batch(s, codes=codes, to_unit=DEPT, ctx=ctx, approval_id=ok, now=at))
        return codes

    def result(key, at):
        return store.write(lambda s: record_result(s, code=code[key], department=DEPT, given_by="tuphap01",
                                                   ctx=ctx, now=at)).value

    def scan(text, at):
        return store.write(lambda s: file_scanned_result(s, scanned=text, ctx=ctx, now=at, given_by="tuphap01"))

    def give_back(key, at, *, owner=True):
        if not owner:  # the written authorisation is scanned and kept with the dossier first
            from counter_app.services.return_authorisation import attach_authorisation, has_authorisation

            store.write(lambda s: attach_authorisation(
                s, data_root=tmp_path / "files", dossier_code=code[key], data=b"%PDF-1.4 giay uy quyen", pages=1,
                by=ctx.officer, now=at, original_filename="uy-quyen.pdf"))
            with store.read() as s:
                assert has_authorisation(s, code[key])
        with store.read() as s:
            flow = load_for_return(s, code[key])  # the fees owed come from the store
        if owner:
            flow.verify_owner(id_number=flow.dossier.applicant_id_number, source=IdentitySource.CHIP)
        else:
            flow.verify_authorised(name="Người Được Ủy Quyền", id_number="001190000111", source=IdentitySource.CHIP,
                                   authorisation_attached=True)
        flow.confirm()
        store.write(lambda s: record_return(s, flow, ctx=ctx, now=at))

    def rate(key, level, at):
        store.write(lambda s: record_rating(s, code=code[key], level=level, ctx=ctx, now=at))

    # --- week 1 ---------------------------------------------------------------------------------
    seen["due_A"] = receive("A", D(2026, 11, 2, 9, 0)).due_at
    pay("A", 3000, PaymentMethod.CASH, "BL-0001", D(2026, 11, 2, 9, 5))
    seen["components_A"] = scan_in("A", D(2026, 11, 2, 9, 6))
    seen["batch_0211"] = batch(date(2026, 11, 2), D(2026, 11, 2, 10, 0))
    seen["due_B"] = receive("B", D(2026, 11, 2, 15, 30)).due_at  # fee left for the return
    with store.read() as s:  # B came after 15:00: not in Monday's batch any more, in Tuesday's
        seen["after_0211"] = [x.code for x in batch_for_day(s, agency_code=ctx.agency_code, day=date(2026, 11, 2))]
    scan_in("B", D(2026, 11, 2, 15, 35))
    seen["batch_0311"] = batch(date(2026, 11, 3), D(2026, 11, 3, 8, 0))  # B: due at the opening (08:00)
    receive("C", D(2026, 11, 3, 9, 0), outcome="supplement")
    receive("D", D(2026, 11, 4, 9, 0), outcome="refuse", fee=0)
    seen["notice_A"] = result("A", D(2026, 11, 4, 10, 0))
    give_back("A", D(2026, 11, 5, 8, 30))
    rate("A", 1, D(2026, 11, 5, 8, 31))
    scan(code["B"], D(2026, 11, 5, 16, 0))
    with pytest.raises(ReturnError) as owed:  # 3.000 đ still owed blocks the return
        give_back("B", D(2026, 11, 6, 8, 55), owner=False)
    seen["owed_B"] = owed.value.message_vi
    pay("B", 3000, PaymentMethod.TRANSFER, "BL-0002", D(2026, 11, 6, 9, 0))
    give_back("B", D(2026, 11, 6, 9, 5), owner=False)
    rate("B", 2, D(2026, 11, 6, 9, 6))
    # --- week 2 ---------------------------------------------------------------------------------
    seen["due_E"] = receive("E", D(2026, 11, 9, 9, 0)).due_at
    pay("E", 3000, PaymentMethod.CASH, "BL-0004", D(2026, 11, 9, 9, 5))
    scan_in("E", D(2026, 11, 9, 9, 6), only_first=True)  # one page scanned, the rest not: not digitised
    resumed = desk.flow("1.004873", applicant=person(3), resume_of=code["C"], prior=1, fee=3000)
    resumed.receive()
    seen["due_C"] = desk.record(resumed, D(2026, 11, 9, 10, 0)).due_at
    pay("C", 3000, PaymentMethod.QR, "BL-0003", D(2026, 11, 9, 10, 5))
    seen["batch_0911"] = batch(date(2026, 11, 9), D(2026, 11, 9, 14, 0))
    seen["due_F"] = receive("F", D(2026, 11, 10, 9, 0)).due_at
    pay("F", 3000, PaymentMethod.CASH, "BL-0005", D(2026, 11, 10, 9, 5))
    seen["batch_1011"] = batch(date(2026, 11, 10), D(2026, 11, 10, 9, 30))
    with store.read() as s:
        seen["warn_1111"] = due_soon(s, agency_code=ctx.agency_code, now=D(2026, 11, 11, 9, 0))
    at, new_due = D(2026, 11, 11, 10, 0), D(2026, 11, 17, 17, 0)  # the approval names the new date
    ok = approve(Action.EXTEND_DEADLINE, extension_target(code["E"], new_due), at=at)
    store.write(lambda s: extend(s, code=code["E"], new_due_at=new_due, reason="Chờ xác minh", ctx=ctx,
                                 approval_id=ok, now=at))
    receive("G", D(2026, 11, 11, 9, 0), proc="1.001022", fee=15000)
    pay("G", 15000, PaymentMethod.CASH, "BL-0006", D(2026, 11, 11, 9, 5))
    at = D(2026, 11, 12, 10, 0)
    store.write(lambda s: withdraw(s, code=code["G"], reason="Công dân rút hồ sơ", ctx=ctx,
                                   approval_id=approve(Action.WITHDRAW_DOSSIER, code["G"], at=at), now=at))
    at = D(2026, 11, 12, 10, 30)
    store.write(lambda s: refund(s, code=code["G"], receipt_no="BL-0006", amount_vnd=15000, ctx=ctx,
                                 reason="Hồ sơ rút, hoàn lệ phí", now=at,
                                 approval_id=approve(Action.REFUND_FEE, refund_target(code["G"], "BL-0006", 15000),
                                                     at=at)))
    scan(f"https://dichvucong.hanoi.gov.vn/tra-cuu?ma={code['C']}", D(2026, 11, 12, 10, 0))
    store.write(lambda s: record_step(s, code=code["F"], from_unit=DEPT, to_unit=BOSS, given_by="tuphap01",
                                      received_by="lanhdao01", at=D(2026, 11, 12, 16, 0), ctx=ctx,
                                      step_due_at=D(2026, 11, 12, 17, 0)))
    # --- weeks 3–5 ------------------------------------------------------------------------------
    result("F", D(2026, 11, 16, 9, 0))
    give_back("F", D(2026, 11, 16, 14, 0))
    rate("F", 3, D(2026, 11, 16, 14, 1))
    result("E", D(2026, 11, 18, 10, 0))
    seen["due_H"] = receive("H", D(2026, 11, 23, 9, 0)).due_at
    pay("H", 3000, PaymentMethod.CASH, "BL-0007", D(2026, 11, 23, 9, 5))
    seen["batch_2311"] = batch(date(2026, 11, 23), D(2026, 11, 23, 10, 0))
    store.write(lambda s: record_step(s, code=code["H"], from_unit=DEPT, to_unit=BOSS, given_by="tuphap01",
                                      received_by="lanhdao01", at=D(2026, 11, 25, 10, 0), ctx=ctx,
                                      step_due_at=D(2026, 11, 26, 17, 0)))
    seen["due_I"] = receive("I", D(2026, 11, 25, 15, 10)).due_at
    seen["batch_2711"] = batch(date(2026, 11, 27), D(2026, 11, 27, 8, 30))
    receive("K", D(2026, 11, 30, 9, 0), outcome="supplement")
    receive("Z", D(2026, 12, 1, 9, 0))
    return store, ctx, code, seen


def test_due_dates_batches_and_warnings(month):
    _, _, code, seen = month
    # 3 working days = 24 working hours from the counting start (8 h a day, lunch and weekends skipped).
    assert seen["components_A"] > 1, "several components, so a partly scanned dossier is possible"
    assert seen["due_A"] == D(2026, 11, 5, 9, 0)  # Mon 09:00 + 3 × 8 h
    assert seen["due_B"] == D(2026, 11, 5, 17, 0)  # counted from Tue 08:00: runs out at Thu 17:00 exactly
    assert seen["due_C"] == D(2026, 11, 12, 10, 0)  # counted from the complete dossier (Mon 09/11 10:00)
    assert seen["due_E"] == D(2026, 11, 12, 9, 0) and seen["due_F"] == D(2026, 11, 13, 9, 0)
    assert seen["due_H"] == D(2026, 11, 27, 9, 0)  # Tue 24/11 is a day off: Wed, Thu, Fri
    assert seen["due_I"] == D(2026, 11, 30, 17, 0)  # from Thu 08:00: Thu, Fri, Mon (weekend skipped)
    assert seen["batch_0211"] == [code["A"]]
    assert seen["after_0211"] == [], "B (15:30) belongs to Tuesday's batch"
    assert seen["batch_0311"] == [code["B"]]
    assert seen["batch_0911"] == [code["E"], code["C"]]  # received 09:00 and 10:00 the same day
    assert seen["batch_1011"] == [code["F"]] and seen["batch_2311"] == [code["H"]]
    assert seen["batch_2711"] == [code["I"]], "Thursday's forgotten dossier is still in Friday's batch"
    # On Wed 11/11 09:00 only E is within 1 working day (8 h) of its appointment (12/11 09:00);
    # C (12/11 10:00) is 9 working hours away, F 16 h, nothing is overdue yet.
    assert [(w.code, w.overdue) for w in seen["warn_1111"]] == [(code["E"], False)]


def test_statuses_control_slips_and_notices(month):
    store, ctx, code, seen = month
    with store.read() as s:
        status = {k: get_dossier_row(s, c).status for k, c in code.items()}
        slips = {k: [(h.seq, h.from_unit, h.to_unit, h.result) for h in get_dossier_row(s, c).handoffs]
                 for k, c in code.items()}
        e_due = get_dossier_row(s, code["E"]).due_at
        warns = due_soon(s, agency_code=ctx.agency_code, now=NOW)
        from counter_app.services.returns import receiver_of

        receivers = {k: (r.receiver_kind, r.receiver_name, r.receiver_id_number, r.identified_by,
                         len(r.authorisation_sha256), r.at) if r else None
                     for k in ("A", "B", "F", "C") for r in [receiver_of(s, code[k])]}
    # Who received: A and F their owners (by the chip); B an authorised person, the scanned authorisation kept.
    assert receivers["A"] == ("owner", "Công dân Thử 1", "001090123401", "chip", 0, D(2026, 11, 5, 8, 30))
    assert receivers["F"][:1] + receivers["F"][3:5] == ("owner", "chip", 0)
    assert receivers["B"] == ("authorised", "Người Được Ủy Quyền", "001190000111", "chip", 64, D(2026, 11, 6, 9, 5))
    assert receivers["C"] is None  # resolved, not collected yet
    assert status == {"A": "returned", "B": "returned", "C": "resolved", "D": "refused", "E": "resolved",
                      "F": "returned", "G": "withdrawn", "H": "processing", "I": "processing",
                      "K": "supplement_requested", "Z": "received"}
    first = (1, COUNTER, DEPT)
    back = (2, DEPT, COUNTER)
    # First step due at 17:00 of the batch day for a dossier received that day, at the opening (08:00) of the
    # batch day for one received after 15:00 (B, I): handed off by then = đúng hạn, later = quá hạn.
    # The step back is due at the appointment: A 04/11 < 05/11 trước hạn; B 05/11 16:00 ≤ 17:00 đúng hạn;
    # C exactly at 10:00 đúng hạn; E 18/11 after the extended 17/11 17:00 quá hạn; F 16/11 > 13/11 quá hạn.
    assert slips["A"] == [(*first, "on_time"), (*back, "early")]
    assert slips["B"] == [(*first, "on_time"), (*back, "on_time")]
    assert slips["C"] == [(*first, "on_time"), (*back, "on_time")]
    assert slips["E"] == [(*first, "on_time"), (*back, "late")]
    # F: internal step 12/11 16:00 due 17:00 đúng hạn, then back (seq 3) late.
    assert slips["F"] == [(*first, "on_time"), (2, DEPT, BOSS, "on_time"), (3, DEPT, COUNTER, "late")]
    assert slips["H"] == [(*first, "on_time"), (2, DEPT, BOSS, "early")]  # 25/11 before the 26/11 step due
    assert slips["I"] == [(*first, "late")]  # due Thu 26/11 17:00, left Fri 27/11 08:30
    assert slips["D"] == slips["G"] == slips["K"] == slips["Z"] == []
    tags = [t for rows_ in slips.values() for *_, t in rows_]
    assert (tags.count("early"), tags.count("on_time"), tags.count("late")) == (2, 9, 3)  # 14 rows
    assert e_due == D(2026, 11, 17, 17, 0)  # the one extension moved the appointment
    assert seen["notice_A"].dossier_code == code["A"] and "đã có kết quả" in seen["notice_A"].text_vi
    assert "3.000 đồng" in seen["owed_B"]
    # At 30/11 12:00: H overdue since 27/11; I (due 30/11 17:00) is 4 working hours away; Z due 04/12.
    assert [(w.code, w.overdue) for w in warns] == [(code["H"], True), (code["I"], False)]


def test_fees_and_cash_reports(month):
    store, ctx, code, _ = month
    with store.read() as s:
        owed = {k: outstanding_vnd(s, c) for k, c in code.items()}
        day = {d: daily_cash_report(s, officer=ctx.officer, day=date(2026, 11, d)) for d in (2, 6, 9, 11, 12, 30)}
    # Everything paid except I, K (waiting for its supplement) and Z (December), 3.000 each; D was refused
    # (fee 0); G's 15.000 was refunded after the withdrawal and a withdrawn dossier owes nothing.
    assert owed == {"A": 0, "B": 0, "C": 0, "D": 0, "E": 0, "F": 0, "G": 0, "H": 0, "I": 3000, "K": 3000,
                    "Z": 3000}
    assert (day[2].by_method, day[2].receipts, day[2].net) == ({"cash": 3000}, 1, 3000)
    assert (day[6].by_method, day[6].net) == ({"transfer": 3000}, 3000)  # B paid at the return
    assert (day[9].by_method, day[9].receipts, day[9].net) == ({"cash": 3000, "qr": 3000}, 2, 6000)  # E, C
    assert (day[11].by_method, day[11].net) == ({"cash": 15000}, 15000)  # G
    assert (day[12].by_method, day[12].refunds, day[12].net) == ({}, 15000, -15000)  # G's refund
    assert day[12].refunded_by_method == {"cash": 15000}, "G paid in cash (BL-0006): refunded in cash"
    assert [(x.kind, x.receipt_no, x.amount_vnd) for x in day[12].lines] == [("refund", "BL-0006", 15000)]
    assert (day[30].receipts, day[30].net) == (0, 0)


def test_indicators_against_hand_counts(month):
    store, _, code, _ = month
    with store.read() as s:
        [agency] = compute(s, start=NOV, end=DEC, now=NOW).values()
        by_proc = compute(s, start=NOV, end=DEC, now=NOW, group=GroupBy.PROCEDURE)
        by_officer = compute(s, start=NOV, end=DEC, now=NOW, group=GroupBy.OFFICER)
        ratings = satisfaction(s, start=NOV, end=DEC)
    # received = reached status 2 in November: A B C E F G H I = 8 (D refused, K waiting, Z December)
    assert (agency.received, agency.refused, agency.withdrawn, agency.waiting_supplement) == (8, 1, 1, 1)
    # on time: A (04/11 ≤ 05/11), B (05/11 16:00 ≤ 17:00), C (= 10:00) = 3; late: E, F = 2; open past due: H.
    # E is judged against its receipt's appointment (12/11 09:00), not the apology's 17/11 17:00: late on
    # either reading (result 18/11). Nobody was asked for a supplement twice; status 9 was reached once each.
    assert (agency.resolved_on_time, agency.resolved_late, agency.overdue_open) == (3, 2, 1)
    assert agency.returned == 3 and agency.on_time_rate == pytest.approx(3 / 5)  # A B F
    assert set(by_proc) == {"1.004873", "1.001022"}
    assert (by_proc["1.001022"].received, by_proc["1.001022"].withdrawn) == (1, 1)
    assert by_proc["1.004873"].received == 7 and by_proc["1.004873"].on_time_rate == pytest.approx(0.6)
    assert list(by_officer) == ["canbo01"] and by_officer["canbo01"].received == 8
    # digitised: A and B have a file on every handed-in component, E on one of them only → 2 of 8
    assert agency.digitised == 2 and agency.digitised_rate == pytest.approx(2 / 8)
    assert agency.extended == 1  # E's apology and new appointment
    assert dict(agency.ratings) == {"Rất hài lòng": 1, "Hài lòng": 1, "Không hài lòng": 1}
    assert (agency.rated_very_satisfied, agency.rated_satisfied, agency.rated_unsatisfied) == (1, 1, 1)  # A, B, F
    assert agency.satisfied_rate == pytest.approx(2 / 3)
    assert agency.codes_late == [code["E"], code["F"]]  # in order of reception
    # ratings: A Rất hài lòng, B Hài lòng, F Không hài lòng → (3 − 1) / 3 satisfied
    assert ratings == {"Rất hài lòng": 1, "Hài lòng": 1, "Không hài lòng": 1}
    assert satisfied_rate(ratings) == pytest.approx(2 / 3)


def test_tracking_book_xlsx_and_pdf(month, tmp_path):
    from counter_app.domain.legal_basis import LegalBasis
    from printing.reports import render_tracking_book

    store, ctx, code, _ = month
    with store.read() as s:
        lines = rows(s, ctx=replace(ctx, officer="lanhdao01", role=Role.SUPERVISOR), start=NOV, end=DEC,
                     agency_code=ctx.agency_code)
    # Received dossiers by reception time: E (09/11 09:00) precedes C (complete 09/11 10:00).
    order = ["A", "B", "E", "C", "F", "G", "H", "I"]
    assert [line.code for line in lines] == [code[k] for k in order]
    by = {k: line for k, line in zip(order, lines)}
    assert (by["A"].handed_off_at, by["A"].result_back_at, by["A"].returned_at) == (
        D(2026, 11, 2, 10, 0), D(2026, 11, 4, 10, 0), D(2026, 11, 5, 8, 30))
    assert by["C"].received_at == D(2026, 11, 9, 10, 0) and by["C"].returned_at is None
    assert by["F"].result_back_at == D(2026, 11, 16, 9, 0), "the department → counter step, not the internal one"
    assert by["H"].result_back_at is None, "an internal step is not a result back at the counter"
    assert by["G"].note == "Công dân yêu cầu rút hồ sơ" and by["G"].handed_off_at is None
    assert by["I"].handed_off_at == D(2026, 11, 27, 8, 30)

    ws = load_workbook(write_xlsx(lines, tmp_path / "so.xlsx", title="SỔ THEO DÕI HỒ SƠ tháng 11/2026")).active
    assert ws.max_row == 2 + 8
    assert [ws.cell(row=r, column=2).value for r in range(3, 11)] == [code[k] for k in order]
    assert ws["I3"].value == D(2026, 11, 5, 9, 0) and ws["L4"].value == D(2026, 11, 6, 9, 5)  # A due, B returned

    report = render_tracking_book(lines, start=NOV, end=DEC, basis=LegalBasis.TT03_2025,
                                  issued_at=D(2026, 11, 30, 16, 0))
    pdf = tmp_path / "so.pdf"
    pdf.write_bytes(report.pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info, "A4 landscape"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert "SỔTHEODÕIHỒSƠ" in flat and "Từngày01/11/2026đếnngày30/11/2026" in flat
    for k in order:
        assert code[k].rsplit("-", 1)[-1] in flat and f"CôngdânThử{list(code).index(k) + 1}" in flat
    for k in ("D", "K", "Z"):
        assert f"CôngdânThử{list(code).index(k) + 1}" not in flat
