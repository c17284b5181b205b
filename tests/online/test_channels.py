"""Postal and online channels in the local store: tracking numbers in and out, the events that
carry them to the city server, refusals of online dossiers under four-eyes."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource
from counter_app.domain.dossier import Channel
from counter_app.domain.errors import CounterError
from counter_app.domain.status import DossierStatus as S
from counter_app.security.permissions import Action
from counter_app.services import catalog, channels
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.online import OnlineDossier, OnlineFile, TrackingNumberError, flow_for_postal
from counter_app.services.online_review import OnlineReview
from counter_app.storage.models import OutboxEventRow
from counter_app.storage.models_channels import DossierChannelRow

NOW = datetime(2026, 11, 27, 9, 15)
TRACKING = "RR473124829GB"
OWNER = Applicant(ApplicantKind.INDIVIDUAL, "Lê Thị Hoa", id_number="001190012345", source=IdentitySource.TYPED)


def _postal_flow(desk, tracking=TRACKING, *, decide=True):
    with desk.store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    flow, number = flow_for_postal(tracking)
    flow.identify(OWNER, contact=Contact(phone="0912345678", address="Số 1 Tràng Tiền"))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.set_fee(0)  # fees of postal dossiers are paid by transfer before: none owed here
    flow.to_outcome()
    if decide:
        flow.receive()
    return flow, number


def _receive_postal(desk, tracking=TRACKING, at=NOW):
    flow, number = _postal_flow(desk, tracking)
    return desk.store.write(lambda s: channels.receive_postal(s, flow, number, ctx=desk.ctx, allocator=desk.alloc,
                                                              now=at).value)


def _events(store, code):
    with store.read() as s:
        rows = s.scalars(select(OutboxEventRow).where(OutboxEventRow.aggregate == code)
                         .order_by(OutboxEventRow.id)).all()
        return [(r.kind, json.loads(r.payload)) for r in rows]


def test_postal_dossier_is_stored_with_its_tracking_number_and_synced_after_the_reception(desk):
    rec = _receive_postal(desk, " rr 4731 2482 9 gb ")
    with desk.store.read() as s:
        assert get_dossier_row(s, rec.code).channel == Channel.POSTAL
        stored = channels.channel_of(s, rec.code)
        assert stored.inbound_tracking == TRACKING and stored.channel is Channel.POSTAL
        assert channels.find_by_tracking(s, TRACKING).dossier_code == rec.code
    kinds = _events(desk.store, rec.code)
    assert [k for k, _ in kinds] == ["dossier.receive", "dossier.channel"]
    assert kinds[1][1] == {"code": rec.code, "channel": 3, "online_id": "", "inbound_tracking": TRACKING}


def test_the_same_parcel_is_not_received_twice_and_bad_numbers_store_nothing(desk):
    first = _receive_postal(desk)
    with pytest.raises(CounterError) as err:
        _receive_postal(desk)
    assert first.code in err.value.message_vi
    with pytest.raises(TrackingNumberError):
        flow, _ = _postal_flow(desk)
        desk.store.write(lambda s: channels.receive_postal(s, flow, "RR473124828GB", ctx=desk.ctx,
                                                           allocator=desk.alloc, now=NOW))
    with desk.store.read() as s:
        assert len(s.scalars(select(DossierChannelRow)).all()) == 1


def test_result_sent_back_by_post_is_recorded_with_its_tracking_number(desk):
    rec = _receive_postal(desk)
    with pytest.raises(CounterError):  # not ready to return yet
        desk.store.write(lambda s: channels.record_postal_return(s, code=rec.code, tracking_number="EE000000005VN",
                                                                 ctx=desk.ctx, now=datetime(2026, 12, 1, 10)))
    desk.move(rec.code, S.PROCESSING, datetime(2026, 11, 27, 10))
    desk.move(rec.code, S.RESOLVED, datetime(2026, 11, 30, 10))
    sent_at = datetime(2026, 12, 1, 10)
    out = desk.store.write(lambda s: channels.record_postal_return(
        s, code=rec.code, tracking_number="ee000000005vn", ctx=desk.ctx, now=sent_at)).value
    assert out.outbound_tracking == "EE000000005VN" and out.inbound_tracking == TRACKING
    with desk.store.read() as s:
        row = get_dossier_row(s, rec.code)
        assert row.status == S.RETURNED.value and "EE000000005VN" in row.history[-1].reason
        assert channels.channel_of(s, rec.code).outbound_sent_at == sent_at
        assert channels.find_by_tracking(s, "EE000000005VN").dossier_code == rec.code
    kinds = _events(desk.store, rec.code)
    assert kinds[-1] == ("dossier.postal_out", {"code": rec.code, "outbound_tracking": "EE000000005VN",
                                                "outbound_sent_at": sent_at.isoformat()})
    assert kinds[-2][0] == "dossier.status" and kinds[-2][1]["status"] == "returned"


def test_result_by_post_of_a_desk_dossier_with_fees_owed_is_refused(desk):
    rec = desk.receive(fee=20_000)
    desk.move(rec.code, S.PROCESSING, datetime(2026, 11, 27, 10))
    desk.move(rec.code, S.RESOLVED, datetime(2026, 11, 30, 10))
    with pytest.raises(CounterError) as err:
        desk.store.write(lambda s: channels.record_postal_return(s, code=rec.code, tracking_number="EE000000005VN",
                                                                 ctx=desk.ctx, now=datetime(2026, 12, 1, 10)))
    assert "20.000 đồng" in err.value.message_vi
    with desk.store.read() as s:
        assert get_dossier_row(s, rec.code).status == S.RESOLVED.value and channels.channel_of(s, rec.code) is None


def _online(desk):
    with desk.store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    online = OnlineDossier(id="0b7c3a52-5a7e-4a36-9d55-0c5b1c0d0a01", procedure_code=proc.code,
                           applicant={"full_name": "Lê Thị Hoa", "id_number": "001190012345", "phone": "0912345678"},
                           files=(OnlineFile("a" * 64, "to-khai.pdf", 10, 0),))
    return online, proc


def test_refusing_an_online_dossier_needs_a_supervisor_approval_of_that_submission(desk, approve):
    online, proc = _online(desk)
    review = OnlineReview(online, proc)
    review.content_arrived(0, b"not the file")  # damaged on the way: cannot be accepted
    with pytest.raises(CounterError):
        review.tick(0, True)
    review.tick(0, False)
    flow = review.to_outcome()
    assert not flow.can_receive
    flow.refuse("Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường")

    def refuse(approval_id):
        return desk.store.write(lambda s: channels.receive_online(s, flow, online, ctx=desk.ctx, allocator=desk.alloc,
                                                                  now=NOW, approval_id=approval_id).value)
    with pytest.raises(CounterError):
        refuse(None)
    with pytest.raises(CounterError):  # an approval for another submission does not do
        refuse(approve(Action.REFUSE_DOSSIER, "another-online-id"))
    rec = refuse(approve(Action.REFUSE_DOSSIER, online.id))
    assert rec.status is S.REFUSED
    with desk.store.read() as s:
        assert channels.channel_of(s, rec.code).online_id == online.id
        assert channels.untaken_online(s) == [(online.id, rec.code)]
    desk.store.write(lambda s: channels.mark_online_taken(s, rec.code, now=NOW))
    with desk.store.read() as s:
        assert channels.untaken_online(s) == [] and channels.channel_of(s, rec.code).online_taken
    with pytest.raises(CounterError):  # recorded once
        refuse(approve(Action.REFUSE_DOSSIER, online.id))


def test_review_counts_only_files_the_officer_accepted(desk):
    online, proc = _online(desk)
    review = OnlineReview(online, proc)
    with pytest.raises(CounterError):
        review.to_outcome()  # not checked yet
    review.tick(0, True)
    flow = review.to_outcome()
    assert [m.position for m in flow.missing] == [3]  # the ID card copy was not sent
    assert [(line.position, line.covered) for line in review.lines()][:1] == [(0, True)]


def test_refusing_a_postal_dossier_needs_a_supervisor_approval_of_that_parcel(desk, approve):
    flow, number = _postal_flow(desk, decide=False)
    flow.refuse("Hồ sơ gửi nhầm cơ quan")

    def refuse(approval_id):
        return desk.store.write(lambda s: channels.receive_postal(s, flow, number, ctx=desk.ctx, allocator=desk.alloc,
                                                                  now=NOW, approval_id=approval_id).value)
    with pytest.raises(CounterError):
        refuse(None)
    with desk.store.read() as s:
        assert channels.find_by_tracking(s, number) is None  # nothing stored
    rec = refuse(approve(Action.REFUSE_DOSSIER, number))
    assert rec.status is S.REFUSED
    assert [k for k, _ in _events(desk.store, rec.code)] == ["dossier.refuse", "dossier.channel"]
    assert "approval" in _events(desk.store, rec.code)[0][1]  # the proof travels with the refusal
