"""The CCCD / Thẻ căn cước QR parser (domain.md §5.1–5.2)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain.personal_id import Sex
from devices.barcode.cccd_qr import CardQr, parse_card_qr
from devices.barcode.errors import NotACardQr

TODAY = date(2026, 11, 27)
ADDRESS = "Số 1 Tràng Tiền, Phường Tràng Tiền, Quận Hoàn Kiếm, Hà Nội"
#: The example shape published with a parser (domain.md §5.1: GH example string).
PUBLISHED = "001090123456|012345678|NGUYEN VAN A|01011990|Nam|{addr}|15042021"


def parse(text: str) -> CardQr:
    return parse_card_qr(text, today=TODAY)


def test_2021_seven_fields():
    card = parse(PUBLISHED.format(addr=ADDRESS))
    assert card.id_number == "001090123456"
    assert card.old_id_number == "012345678"
    assert card.full_name == "NGUYEN VAN A"
    assert card.date_of_birth == date(1990, 1, 1)
    assert card.sex is Sex.MALE
    assert card.address == ADDRESS
    assert card.issue_date == date(2021, 4, 15)
    assert card.layout == "2021"
    assert card.warnings == ()
    assert card.can == "123456"


def test_empty_old_id_and_trailing_separators():
    card = parse(f"001190123456||Trần Thị Bích|31121990|Nữ|{ADDRESS}|15042021||")
    assert card.old_id_number == ""
    assert card.full_name == "Trần Thị Bích"
    assert card.sex is Sex.FEMALE
    assert card.issue_date == date(2021, 4, 15)
    assert card.layout == "2021"
    assert card.warnings == ()


def test_six_fields_without_old_id():
    card = parse(f"001090123456|Nguyễn Văn An|01011990|Nam|{ADDRESS}|15042021")
    assert (card.layout, card.old_id_number, card.full_name) == ("2021-6", "", "Nguyễn Văn An")
    assert card.date_of_birth == date(1990, 1, 1)
    assert card.warnings == ()


def test_nfd_and_stray_whitespace_are_normalised():
    nfd = unicodedata.normalize("NFD", f"001090123456|012345678|  Nguyễn   Văn\tAn |01011990| Nam |{ADDRESS}|15042021")
    card = parse("\ufeff  " + nfd + "\r\n")
    assert card.full_name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", card.full_name)
    assert card.address == ADDRESS
    assert card.warnings == ()


def test_2024_card_extra_fields_are_kept_with_a_warning():
    text = (f"001090123456|012345678|Nguyễn Văn An|01011990|Nam|{ADDRESS}|01072024|"
            "Nguyễn Văn Bố|Lê Thị Mẹ|")
    card = parse(text)
    assert card.layout == "extended"
    assert card.extra_fields == ("Nguyễn Văn Bố", "Lê Thị Mẹ")
    assert [w.code for w in card.warnings] == ["extra_fields"]
    assert card.issue_date == date(2024, 7, 1)


def test_cross_check_with_the_id_number_structure_warns():
    # digit 4 = 1 (female, 1900s) but the QR says Nam and born 1985
    card = parse(f"001190123456|012345678|Trần Văn C|01011985|Nam|{ADDRESS}|15042021")
    codes = {w.code for w in card.warnings}
    assert {"dob_mismatch", "sex_mismatch"} <= codes
    assert all(w.message_vi for w in card.warnings)


def test_bad_dates_and_sex_become_warnings():
    card = parse(f"001090123456|012345678|Nguyễn Văn An|31021990|Khác|{ADDRESS}|15042099")
    assert card.date_of_birth is None and card.sex is None
    assert {"bad_dob", "bad_sex", "issue_in_future"} <= {w.code for w in card.warnings}


def test_json_has_the_cli_fields():
    data = parse(PUBLISHED.format(addr=ADDRESS)).to_json()
    assert data["date_of_birth"] == "1990-01-01" and data["issue_date"] == "2021-04-15"
    assert data["sex"] == "Nam" and data["warnings"] == []


@pytest.mark.parametrize("text", [
    "", "hello", "000.00.01.H26-261127-0001", "|||", "12345|Nguyen|01011990",
    "00109012345x|012345678|A|01011990|Nam|HN|15042021", "００１０９０１２３４５６|A|01011990",
    "001090123456", "001090123456|", "x" * 10000,
])
def test_not_a_card_qr_is_a_clear_error(text):
    with pytest.raises(NotACardQr) as info:
        parse(text)
    assert "thẻ căn cước" in info.value.message_vi


def test_vni_spill_is_repaired_only_when_asked():
    # Typed through VNI with no word break at "|": "Tú|01011990" → "Tu|1011990" (0 removes the mark),
    # "Nội|15042021" → "Nối|5042021" (1 = sắc replaces the dot below).
    mangled = "001090123456|012345678|Nguyễn Văn Tu|1011990|Nam|Hà Nối|5042021"
    plain = parse(mangled)
    assert plain.date_of_birth is None and plain.issue_date is None
    fixed = parse_card_qr(mangled, today=TODAY, repair_ime=True)
    assert fixed.date_of_birth == date(1990, 1, 1)
    assert fixed.issue_date == date(2021, 4, 15)
    assert "ime_repaired" in {w.code for w in fixed.warnings}


field_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(field_text, max_size=10), st.booleans())
def test_any_field_list_gives_a_result_or_a_clear_error(fields, repair):
    try:
        card = parse_card_qr("|".join(fields), today=TODAY, repair_ime=repair)
    except NotACardQr as exc:
        assert exc.message_vi
        return
    assert len(card.id_number) == 12 and card.id_number.isdigit()
    assert card.date_of_birth is None or isinstance(card.date_of_birth, date)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_any_text_gives_a_result_or_a_clear_error(text, repair):
    try:
        parse_card_qr(text, today=TODAY, repair_ime=repair)
    except NotACardQr as exc:
        assert exc.message_vi


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"0[0-9]{2}[0-3][0-9]{8}", fullmatch=True),
    st.sampled_from(["", "012345678"]),
    st.text(st.sampled_from("ABCDĐÊƠƯàáạảãêếềểễệ "), min_size=1, max_size=30).filter(str.strip),
    st.dates(date(1900, 1, 1), date(2025, 12, 31)),
    st.sampled_from(["Nam", "Nữ"]),
    st.sampled_from(["", "|", "||"]),
)
def test_well_formed_cards_round_trip(id_number, old_id, name, dob, sex, trailing):
    text = f"{id_number}|{old_id}|{name}|{dob:%d%m%Y}|{sex}|Hà Nội|15042021{trailing}"
    card = parse_card_qr(unicodedata.normalize("NFD", text), today=TODAY)
    assert card.id_number == id_number and card.old_id_number == old_id
    assert card.full_name == " ".join(unicodedata.normalize("NFC", name).split())
    assert card.date_of_birth == dob
    assert card.sex is (Sex.MALE if sex == "Nam" else Sex.FEMALE)
    assert card.issue_date == date(2021, 4, 15)


def test_repr_keeps_personal_data_out_of_logs():
    from devices.barcode.dispatch import ScanSource, classify_scan

    card = parse(PUBLISHED.format(addr=ADDRESS))
    result = classify_scan(PUBLISHED.format(addr=ADDRESS), source=ScanSource.SERIAL, today=TODAY)
    for text in (repr(card), repr(result)):
        assert "NGUYEN" not in text and "001090123456" not in text and "Tràng Tiền" not in text
        assert "001******456" in text


def test_applicant_from_card():
    from counter_app.domain.applicant import IdentitySource
    from counter_app.domain.errors import ValidationError
    from devices.barcode.cccd_qr import applicant_from_card

    a = applicant_from_card(parse(f"001090123456|012345678|Nguyễn Văn An|01011990|Nam|{ADDRESS}|15042021"))
    assert (a.full_name, a.id_number, a.source, a.address) == ("Nguyễn Văn An", "001090123456",
                                                              IdentitySource.QR, ADDRESS)
    with pytest.raises(ValidationError):
        applicant_from_card(parse("001090123456|012345678||01011990|Nam|HN|15042021"))
