"""Scans taken during reception wait in memory and are attached in the transaction that records the dossier."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.services import catalog
from counter_app.services.attachments import blob_path, list_attachments
from counter_app.services.dossiers import record_reception
from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
from counter_app.services.reception import ReceptionFlow
from counter_app.services.reception_scans import PendingScans, ScannedComponent, record_with_scans

NOW = datetime(2026, 11, 27, 9, 15)
PDF = b"%PDF-1.7\n% two scanned pages\n%%EOF\n"


def _flow(store) -> ReceptionFlow:
    with store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456",
                            source=IdentitySource.CHIP))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    return flow


def _op(profile, store, flow, scans, approval_id=None):
    ctx = profile.context(store)
    alloc = NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)
    record = lambda s: record_reception(s, flow, ctx=ctx, allocator=alloc, now=NOW,  # noqa: E731
                                        approval_id=approval_id)
    return record_with_scans(record, scans, data_root=profile.root, by=ctx.officer)


def test_received_dossier_gets_the_scans_in_the_same_write(demo_profile, demo_store):
    flow = _flow(demo_store)
    flow.receive()
    scans = PendingScans()
    scans.put(1, ScannedComponent(PDF, 2, (b"\xff\xd8\xff thumb",)))
    assert scans.pages(1) == 2 and scans.pages(0) == 0 and scans.total_pages == 2
    result = demo_store.write(_op(demo_profile, demo_store, flow, scans))
    code = result.value.code
    assert code in result.changes.dossiers and result.changes.outbox >= 2  # the reception and the attachment
    with demo_store.read() as s:
        rows = list_attachments(s, code)
    assert [(r.component_position, r.pages, r.created_at) for r in rows] == [(1, 2, NOW)]
    assert blob_path(demo_profile.root, rows[0].sha256).read_bytes() == PDF


@pytest.mark.parametrize("decide", ["refuse", "supplement"])
def test_a_refusal_keeps_no_copies_a_supplement_request_keeps_them(demo_profile, demo_store, approve, decide):
    from counter_app.security.permissions import Action
    from counter_app.services.dossiers import refusal_target

    flow = _flow(demo_store)
    flow.checklist[0].originals = 0  # incomplete
    approval = None
    if decide == "refuse":
        flow.refuse("Không thuộc thẩm quyền")
        approval = approve(Action.REFUSE_DOSSIER, refusal_target(flow), at=NOW)
    else:
        flow.request_supplement()
    scans = PendingScans()
    scans.put(0, ScannedComponent(PDF, 1))
    code = demo_store.write(_op(demo_profile, demo_store, flow, scans, approval)).value.code
    with demo_store.read() as s:
        positions = [r.component_position for r in list_attachments(s, code)]
    assert positions == ([] if decide == "refuse" else [0])


def test_a_failed_attachment_rolls_the_reception_back_and_keeps_the_scans(demo_profile, demo_store):
    from counter_app.domain.errors import CounterError
    from counter_app.storage.models import DossierRow

    flow = _flow(demo_store)
    flow.receive()
    scans = PendingScans()
    scans.put(0, ScannedComponent(b"not a pdf", 1))
    with pytest.raises(CounterError) as err:
        demo_store.write(_op(demo_profile, demo_store, flow, scans))
    assert "PDF, JPEG hoặc PNG" in err.value.message_vi
    with demo_store.read() as s:
        assert s.query(DossierRow).count() == 0
    assert scans.pages(0) == 1  # still there for the next attempt
