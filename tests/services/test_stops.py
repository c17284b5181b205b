"""Stopping a dossier in processing (status 8) and its notice (Mẫu 05, TT 03/2025), on the real store."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app.domain.applicant import Applicant, ApplicantKind
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.status import DossierStatus as S
from counter_app.domain.status import IllegalTransition
from counter_app.services import stops
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.late import due_soon
from counter_app.storage.models import OutboxEventRow

A = Applicant(ApplicantKind.INDIVIDUAL, "Đỗ Văn Bình", id_number="001190000222")
T = datetime(2026, 11, 23, 9, 0)  # Monday
STOP_AT = datetime(2026, 11, 26, 10, 0)
REASON = "Công dân có văn bản đề nghị dừng giải quyết ngày 25/11/2026"


@pytest.fixture
def processing(desk):
    rec = desk.receive("1.004873", T, applicant=A)
    desk.move(rec.code, S.PROCESSING, T)
    return rec.code


def test_stop_moves_to_status_8_with_history_and_an_outbox_event(desk, processing):
    store, ctx = desk.store, desk.ctx
    assert not stops.needs_approval(), "the role table has no four-eyes rule for a stop"
    result = store.write(lambda s: stops.stop(s, code=processing, reason=f"  {REASON} ", ctx=ctx, now=STOP_AT))
    assert result.value is S.STOPPED and result.changes.dossiers == {processing}
    with store.read() as s:
        row = get_dossier_row(s, processing)
        last = row.history[-1]
        assert (row.status, last.from_status, last.to_status) == ("stopped", "processing", "stopped")
        assert (last.reason, last.at, last.officer) == (REASON, STOP_AT, ctx.officer)
        assert stops.stop_reason(s, processing) == REASON
        kind, raw = s.execute(select(OutboxEventRow.kind, OutboxEventRow.payload).where(
            OutboxEventRow.aggregate == processing).order_by(OutboxEventRow.id.desc()).limit(1)).one()
        assert due_soon(s, agency_code=ctx.agency_code, now=datetime(2026, 11, 27, 10, 0)) == []
    payload = json.loads(raw)
    assert kind == "dossier.status" and payload["status"] == "stopped" and payload["national_status"] == 8
    assert A.id_number not in raw and A.full_name not in raw


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_stop_without_a_reason_changes_nothing(desk, processing, reason):
    with pytest.raises(ValidationError) as err:
        desk.store.write(lambda s: stops.stop(s, code=processing, reason=reason, ctx=desk.ctx, now=STOP_AT))
    assert "lý do dừng" in err.value.message_vi
    with desk.store.read() as s:
        assert get_dossier_row(s, processing).status == "processing"


def test_only_a_dossier_in_processing_can_be_stopped(desk, processing):
    store, ctx = desk.store, desk.ctx
    received = desk.receive("1.004873", T, applicant=A).code  # not handed off yet: status 2
    with pytest.raises(ValidationError) as err:
        store.write(lambda s: stops.stop(s, code=received, reason=REASON, ctx=ctx, now=STOP_AT))
    assert "“Được tiếp nhận”" in err.value.message_vi and "đang xử lý" in err.value.message_vi
    store.write(lambda s: stops.stop(s, code=processing, reason=REASON, ctx=ctx, now=STOP_AT))
    with pytest.raises(ValidationError):  # stopped is final
        store.write(lambda s: stops.stop(s, code=processing, reason="lần nữa", ctx=ctx, now=STOP_AT))
    with pytest.raises(NotFoundError):
        store.write(lambda s: stops.stop(s, code="000.00.00.H26-261123-9999", reason=REASON, ctx=ctx, now=T))
    with store.read() as s:
        assert get_dossier_row(s, received).status == "received"
        assert [h.to_status for h in get_dossier_row(s, processing).history].count("stopped") == 1


def test_the_stoppable_states_follow_the_transition_table():
    assert stops.STOPPABLE == {S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT}
    with pytest.raises(IllegalTransition):
        from counter_app.domain.status import check_transition
        check_transition(S.RECEIVED, S.STOPPED)
    assert stops.has_notice(LegalBasis.TT03_2025) and not stops.has_notice(LegalBasis.TT01_2018)


def test_the_notice_prints_the_stop_reason(desk, processing, tmp_path):
    from printing.dispatch import print_form
    from printing.stored import stored_context

    store, ctx = desk.store, desk.ctx
    store.write(lambda s: stops.stop(s, code=processing, reason=REASON, ctx=ctx, now=STOP_AT))
    with store.read() as s:
        form_ctx = stored_context(s, processing, form=stops.NOTICE_FORM, now=STOP_AT)
    outcome = print_form(store=store, form=stops.NOTICE_FORM, ctx=form_ctx, officer=ctx.officer, now=STOP_AT,
                         spool_dir=tmp_path / "prints")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", outcome.record.saved_pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    text = " ".join(out.split())
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 05" in text
    assert processing in text and REASON in text and "Đỗ Văn Bình" in text
    assert outcome.record.form == "stop" and outcome.record.job_state == "saved"
