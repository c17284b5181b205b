"""The Qt-free dispatcher and input-method recovery."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from barcode_ime_sim import telex, vni
from devices.barcode.dispatch import ScanKind, ScanSource, classify_scan
from devices.barcode.ime import ascii_candidates, undo_telex, undo_vni, vni_keys

TODAY = date(2026, 11, 27)
QR = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021"


def test_simulator_matches_known_rewrites():
    assert telex("dda aan") == "đa ân" and telex("ow uw w") == "ơ ư ư"
    assert vni("Nam1") == "Nám" and vni("d9a6u") == "đâu" and vni("Tu1|0") == "Tú|0"
    assert vni("Tu1|0", breaks=" ") == "Tú|0" and vni("Tú|01", breaks=" ") == "Tu|1"
    assert vni("Nội|15", breaks=" ") == "Nối|5"


def test_undo_is_the_inverse_on_marked_letters():
    assert undo_vni("Nám đâu") == "Na1m d9a6u"
    assert vni_keys("ấ") == "61"
    assert undo_telex("Đâ ơ") == "DDaa ow"


def test_dossier_code():
    r = classify_scan("000.00.01.H26-261127-0007\r\n")
    assert r.kind is ScanKind.DOSSIER
    assert str(r.dossier_code) == "000.00.01.H26-261127-0007"
    assert "000.00.01.H26-261127-0007" in r.message_vi


def test_dossier_code_inside_a_lookup_url():
    r = classify_scan("https://dichvucong.hanoi.gov.vn/tra-cuu?ma_hs=000.00.01.H26-261127-0007")
    assert r.kind is ScanKind.DOSSIER and r.dossier_code.sequence == 7


def test_impossible_date_in_dossier_code_is_explained():
    r = classify_scan("000.00.01.H26-261327-0001")
    assert r.kind is ScanKind.UNKNOWN and "không tồn tại" in r.message_vi


def test_card_qr_gives_applicant_and_can():
    r = classify_scan(QR, source=ScanSource.SERIAL, today=TODAY)
    assert r.kind is ScanKind.CARD_QR
    assert r.card.full_name == "Nguyễn Văn An" and r.can == "123456"
    assert r.name_trusted
    assert "001******456" in r.message_vi and "123456" not in r.message_vi  # masked, no CAN on screen text


def test_card_qr_through_a_wedge_with_vietnamese_text_asks_for_the_chip():
    r = classify_scan(QR, source=ScanSource.WEDGE, today=TODAY)
    assert r.kind is ScanKind.CARD_QR and not r.name_trusted
    assert "name_untrusted" in {w.code for w in r.warnings}
    ascii_qr = "001090123456|012345678|NGUYEN VAN AN|01011990|Nam|HA NOI|15042021"
    assert classify_scan(ascii_qr, today=TODAY).name_trusted


@pytest.mark.parametrize("code", ["1.001193", "2.000635", "1.014431.H38", "2.001218.000.00.00.H38", "1.014431.h38"])
def test_procedure_codes(code):
    r = classify_scan(code)
    assert r.kind is ScanKind.PROCEDURE and r.procedure_code == code.upper()


def test_procedure_verified_against_the_catalog(demo_store):
    with demo_store.read() as session:
        from counter_app.services.catalog import search

        known = search(session, "khai sinh", limit=1)[0].code
        hit = classify_scan(known, session=session)
        miss = classify_scan("9.999999", session=session)
    assert hit.kind is ScanKind.PROCEDURE and hit.procedure.code == known
    assert miss.kind is ScanKind.UNKNOWN and "Không tìm thấy thủ tục" in miss.message_vi


@pytest.mark.parametrize("text", ["", "   ", "hello world", "12345", "ABC-123"])
def test_anything_else_gets_a_vietnamese_message(text):
    r = classify_scan(text)
    assert r.kind is ScanKind.UNKNOWN and r.message_vi


def test_telex_mangled_dossier_code_is_recovered():
    code = "000.DD.01.H26-261127-0042"  # an agency ID group with letters
    burst = telex(code)
    assert burst != code
    r = classify_scan(burst)
    assert r.kind is ScanKind.DOSSIER and r.text == code and r.ime_recovered
    assert "ime_recovered" in {w.code for w in r.warnings}


def test_vni_mangled_dossier_code_is_recovered():
    code = "000.A1.01.H26-261127-0042"
    burst = vni(code)
    assert burst == "000.Á.01.H26-261127-0042"
    r = classify_scan(burst)
    assert r.kind is ScanKind.DOSSIER and r.ime_recovered
    # Without the store both readings (Telex "AS", VNI "A1") are valid codes: the officer is told.
    assert "nhiều cách đọc" in r.warnings[-1].message_vi


def test_the_store_decides_between_readings(demo_store, monkeypatch):
    import devices.barcode.dispatch as dispatch

    monkeypatch.setattr(dispatch, "_dossier_exists", lambda session, code: code == "000.A1.01.H26-261127-0042")
    with demo_store.read() as session:
        r = classify_scan(vni("000.A1.01.H26-261127-0042"), session=session)
    assert r.text == "000.A1.01.H26-261127-0042" and r.dossier_found


def test_dossier_lookup_in_the_store(demo_store):
    with demo_store.read() as session:
        r = classify_scan("000.00.01.H26-261127-0042", session=session)
    assert r.kind is ScanKind.DOSSIER and r.dossier_found is False and "Không tìm thấy hồ sơ" in r.message_vi


def test_vni_spill_in_a_card_qr_recovers_id_and_dates_and_asks_for_the_chip():
    # An input method that does not end words at "|": "Tú|0…" loses the 0, "Nội|1…" loses the 1.
    keys = "001090123456|012345678|Nguyễn Văn Tú|01011990|Nam|Hà Nội|15042021"
    burst = vni(keys, breaks=" ")
    assert burst == "001090123456|012345678|Nguyễn Văn Tu|1011990|Nam|Hà Nối|5042021"
    r = classify_scan(burst, today=TODAY)
    assert r.kind is ScanKind.CARD_QR
    assert r.card.id_number == "001090123456"
    assert r.card.date_of_birth == date(1990, 1, 1) and r.card.issue_date == date(2021, 4, 15)
    assert r.ime_recovered and not r.name_trusted
    assert any("chip" in w.message_vi for w in r.warnings)


def test_serial_scans_are_not_rewritten():
    assert classify_scan(telex("000.DD.01.H26-261127-0042"), source=ScanSource.SERIAL).kind is ScanKind.UNKNOWN
    assert ascii_candidates("plain ascii") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from(list(ScanSource)))
def test_dispatcher_is_total(text, source):
    r = classify_scan(text, source=source, today=TODAY)
    assert r.kind in ScanKind and r.message_vi
