from dataclasses import replace
from datetime import datetime

from openpyxl import load_workbook

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact
from counter_app.domain.organisation import Role
from counter_app.domain.status import DossierStatus as S
from counter_app.services import catalog, dossiers
from counter_app.services.dossiers import change_status, record_reception
from counter_app.security.permissions import Action
from counter_app.services.handoffs import batch_target, hand_off_batch, record_step
from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
from counter_app.services.reception import ReceptionFlow
from counter_app.domain.legal_basis import LegalBasis
from counter_app.services.tracking_book import columns, rows, write_xlsx

A = Applicant(ApplicantKind.INDIVIDUAL, "Đỗ Văn Đức", id_number="001090123456", address="12 Phố Huế, Hà Nội")


def test_book_rows_and_xlsx_round_trip(demo_profile, demo_store, tmp_path, approve):
    store, ctx = demo_store, demo_profile.context(demo_store)
    alloc = NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)
    codes = []
    for outcome, at in [("receive", datetime(2026, 11, 2, 9)), ("refuse", datetime(2026, 11, 2, 10)),
                        ("receive", datetime(2026, 11, 3, 9))]:
        with store.read() as s:
            proc = catalog.get_procedure(s, "1.004873")
        flow = ReceptionFlow()
        flow.identify(A, contact=Contact(phone="0912345678", address="12 Phố Huế, Hà Nội"))
        flow.choose_procedure(proc)
        flow.mark_all_complete()
        flow.to_outcome()
        flow.receive() if outcome == "receive" else flow.refuse("không thuộc thẩm quyền")
        extra = {}
        if outcome == "refuse":  # refusals are four-eyes
            extra["approval_id"] = approve(Action.REFUSE_DOSSIER, dossiers.refusal_target(flow), at=at)
        codes.append(store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc, now=at,
                                                            **extra)).value.code)
    first = codes[0]
    approval = approve(Action.HANDOFF_BATCH, batch_target([first]), at=datetime(2026, 11, 2, 16))
    store.write(lambda s: hand_off_batch(s, codes=[first], to_unit="Tư pháp", ctx=ctx, approval_id=approval,
                                         now=datetime(2026, 11, 2, 16)))
    store.write(lambda s: record_step(s, code=first, from_unit="Tư pháp", to_unit="Bộ phận Một cửa",
                                      given_by="tp01", received_by=ctx.officer, at=datetime(2026, 11, 4, 10), ctx=ctx,
                                      step_due_at=datetime(2026, 11, 5, 9)))
    store.write(lambda s: change_status(s, first, S.RESOLVED, ctx=ctx, now=datetime(2026, 11, 4, 10)))
    store.write(lambda s: change_status(s, first, S.RETURNED, ctx=ctx, now=datetime(2026, 11, 4, 14)))
    supervisor = replace(ctx, officer="lanhdao01", role=Role.SUPERVISOR)  # the book needs EXPORT_PERSONAL_DATA
    with store.read() as s:
        lines = rows(s, ctx=supervisor, start=datetime(2026, 11, 1), end=datetime(2026, 12, 1),
                     agency_code=ctx.agency_code)
    assert [line.code for line in lines] == [codes[0], codes[2]], "refusals are not in the book"
    one = lines[0]
    assert (one.seq, one.applicant_name, one.address_phone) == (1, "Đỗ Văn Đức", "12 Phố Huế, Hà Nội, 0912345678")
    assert one.handed_off_at == datetime(2026, 11, 2, 16) and one.result_back_at == datetime(2026, 11, 4, 10)
    assert one.returned_at == datetime(2026, 11, 4, 14) and lines[1].returned_at is None
    path = write_xlsx(lines, tmp_path / "so.xlsx", title="SỔ THEO DÕI HỒ SƠ tháng 11/2026")
    ws = load_workbook(path).active
    assert ws["A1"].value == "SỔ THEO DÕI HỒ SƠ tháng 11/2026"
    assert [c.value for c in ws[2]] == [title for title, _ in columns(LegalBasis.TT03_2025)]  # the basis of 11/2026
    assert [c.value for c in ws[3]][:5] == [1, codes[0], one.procedure_name, 1, "Đỗ Văn Đức"]
    assert ws["L3"].value == datetime(2026, 11, 4, 14) and ws.max_row == 4
