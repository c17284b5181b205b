"""Core of the F3 / F4 / F8 views: the receiver's authorisation, the dossier record, the chart series."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.status import DossierStatus as S
from counter_app.services.attachments import attach_file, blob_path, read_attachment
from counter_app.services.dashboard_series import daily_flow, timeliness
from counter_app.services.dossier_record import dossier_record
from counter_app.services.return_authorisation import AUTHORISATION_POSITION, attach_authorisation, has_authorisation
from counter_app.storage.models import OutboxEventRow
from counter_app.storage.models_printing import PrintRecordRow

PNG = b"\x89PNG\r\n\x1a\n" + b"scan of the authorisation"
PDF = b"%PDF-1.4 component scan"


def test_the_authorisation_is_kept_once_with_its_sync_event(desk, tmp_path):
    at = datetime(2026, 11, 27, 10, 0)
    code = desk.receive(at=at).code
    assert not desk.store.write(lambda s: has_authorisation(s, code))
    first = desk.store.write(lambda s: attach_authorisation(s, data_root=tmp_path, dossier_code=code, data=PNG,
                                                            pages=1, by="canbo01", now=at,
                                                            original_filename="/home/x/uy quyen.png"))
    again = desk.store.write(lambda s: attach_authorisation(s, data_root=tmp_path, dossier_code=code, data=PNG,
                                                            pages=1, by="canbo01", now=at))
    info = first.value
    assert (info.component_position, info.mime, info.original_filename) == (AUTHORISATION_POSITION, "image/png",
                                                                            "uy quyen.png")
    assert again.value.deduplicated and again.value.id == info.id and not again.changes.dossiers
    assert read_attachment(tmp_path, info) == PNG and blob_path(tmp_path, info.sha256).exists()
    with desk.store.read() as s:
        assert has_authorisation(s, code)
        events = [json.loads(e.payload) for e in s.query(OutboxEventRow).filter_by(kind="attachment.added",
                                                                                     aggregate=code)]
    assert [(e["component_position"], e["purpose"], e["attachments"]) for e in events] == [
        (AUTHORISATION_POSITION, "return_authorisation", [info.sha256])]


@pytest.mark.parametrize(("data", "words"), [(b"", "rỗng"), (b"plain text", "PDF, JPEG hoặc PNG")])
def test_a_bad_authorisation_file_is_refused_in_vietnamese_and_nothing_is_kept(desk, tmp_path, data, words):
    at = datetime(2026, 11, 27, 10, 0)
    code = desk.receive(at=at).code
    with pytest.raises(ValidationError) as caught:
        desk.store.write(lambda s: attach_authorisation(s, data_root=tmp_path, dossier_code=code, data=data,
                                                        pages=1, by="canbo01", now=at))
    assert words in caught.value.message_vi
    with desk.store.read() as s:
        assert not has_authorisation(s, code)
    assert not (tmp_path / "attachments").exists()


def test_the_record_merges_statuses_scans_and_prints_in_time_order(desk, tmp_path):
    at = datetime(2026, 11, 23, 9, 0)
    code = desk.receive(at=at).code
    desk.store.write(lambda s: attach_file(s, data_root=tmp_path, dossier_code=code, component_position=0, data=PDF,
                                           pages=2, by="canbo01", now=at + timedelta(minutes=5)))
    desk.store.write(lambda s: s.add(PrintRecordRow(dossier_code=code, form="receipt", legal_basis="tt03_2025",
                                                    officer="canbo01", printed_at=at + timedelta(minutes=2),
                                                    job_state="saved")))
    desk.store.write(lambda s: s.add(PrintRecordRow(dossier_code=code, form="receipt", legal_basis="tt03_2025",
                                                    officer="canbo01", printed_at=at + timedelta(minutes=9),
                                                    job_state="failed", reprint=True, reason="kẹt giấy")))
    desk.move(code, S.PROCESSING, at + timedelta(hours=1))
    with desk.store.read() as s:
        record = dossier_record(s, code, ctx=desk.ctx, now=at + timedelta(hours=2),
                               form_names={"receipt": "Giấy tiếp nhận"})
    timeline = [(e.kind, e.text_vi, e.reason) for e in record.detail.timeline]
    assert [k for k, _, _ in timeline] == ["status", "print", "scan", "print", "status"]
    assert timeline[1][1] == "In Giấy tiếp nhận"
    assert timeline[2][1].startswith("Số hóa: ") and timeline[2][1].endswith("(2 trang)")
    assert timeline[3] == ("print", "In lại Giấy tiếp nhận — không in được", "kẹt giấy")
    assert [(info.pages, label) for info, label in record.attachments] == [
        (2, record.detail.components[0].name)]


def test_daily_flow_has_every_day_and_counts_like_the_tiles(desk):
    last = datetime(2026, 11, 27, 9, 0)
    a = desk.receive(at=last - timedelta(days=3)).code
    desk.receive(at=last - timedelta(days=3, hours=-1))
    desk.receive(at=last - timedelta(days=20))  # before the window
    desk.move(a, S.PROCESSING, last - timedelta(days=3, hours=-2))
    desk.move(a, S.RESOLVED, last - timedelta(days=3, hours=-3))
    desk.move(a, S.RETURNED, last)
    with desk.store.read() as s:
        flow = daily_flow(s, last_day=last.date(), days=14)
        timely = timeliness(s, start=last - timedelta(days=13, hours=9), end=last + timedelta(days=1), now=last)
    assert len(flow) == 14 and flow[0].day == last.date() - timedelta(days=13) and flow[-1].day == last.date()
    assert [(d.received, d.returned) for d in flow if d.received or d.returned] == [(2, 0), (0, 1)]
    assert flow[-4].received == 2 and flow[-1].returned == 1
    assert (timely.on_time, timely.late, timely.total) == (1, 0, timely.on_time + timely.overdue_open)
    # The share divides by the resolved dossiers, as the printed report's rate does (not by the open ones).
    assert timely.resolved == 1 and timely.on_time_share == 1.0
