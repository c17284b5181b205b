"""Nhận kết quả at the counter by scanning the barcode on the department's result."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest
from lifecycle_helpers import refuse

from counter_app.domain.applicant import Contact
from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.domain.status import DossierStatus as S
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.results import LoggingNotifier, file_scanned_result, notify

AT = datetime(2026, 11, 26, 10, 0)


def test_scanned_code_files_the_result_and_the_citizen_is_notified(desk, caplog):
    store, ctx = desk.store, desk.ctx
    code = desk.receive("1.004873", datetime(2026, 11, 23, 9, 0), contact=Contact(phone="0912345678")).code
    desk.move(code, S.PROCESSING, datetime(2026, 11, 23, 10, 0))
    scanned = f"  {code}\r\n"  # as a keyboard-wedge scanner types it
    notice = store.write(lambda s: file_scanned_result(s, scanned=scanned, ctx=ctx, now=AT, given_by="tp01")).value
    with store.read() as s:
        row = get_dossier_row(s, code)
        assert row.status == "resolved" and S(row.status).national_code == 9
        back = row.handoffs[-1]
        assert (back.to_unit, back.given_by, back.received_by, back.received_at) == (
            "Bộ phận Tiếp nhận và Trả kết quả", "tp01", ctx.officer, AT)
        assert back.result == "early"  # due Fri 27/11 09:00 (24/11 off), back on Thu 26/11
    assert notice.dossier_code == code and notice.phone == "0912345678"
    with caplog.at_level(logging.INFO, logger="counter_app.services.results"):
        assert notify(LoggingNotifier(), notice)
    assert code in caplog.text and "0912345678" not in caplog.text

    with pytest.raises(ValidationError) as again:  # the same result scanned twice
        store.write(lambda s: file_scanned_result(s, scanned=code, ctx=ctx, now=AT))
    assert "đã có kết quả" in again.value.message_vi
    with store.read() as s:
        assert len(get_dossier_row(s, code).handoffs) == 1, "nothing recorded twice"


def test_bad_scans_give_a_clear_vietnamese_error_and_change_nothing(desk, approve):
    store, ctx = desk.store, desk.ctx
    refused = refuse(desk, approve, datetime(2026, 11, 23, 9, 0)).code
    with pytest.raises(ValidationError) as junk:
        store.write(lambda s: file_scanned_result(s, scanned="xin chào", ctx=ctx, now=AT))
    assert junk.value.message_vi
    with pytest.raises(NotFoundError) as unknown:
        store.write(lambda s: file_scanned_result(s, scanned="000.00.01.H26-261126-0999", ctx=ctx, now=AT))
    assert "Không tìm thấy hồ sơ" in unknown.value.message_vi
    with pytest.raises(ValidationError) as wrong_state:
        store.write(lambda s: file_scanned_result(s, scanned=refused, ctx=ctx, now=AT))
    assert "Không được tiếp nhận" in wrong_state.value.message_vi
    with store.read() as s:
        assert get_dossier_row(s, refused).status == "refused" and not get_dossier_row(s, refused).handoffs
