"""MRZ check digits (ICAO 9303-3 App. A, 9303-5 TD1 specimen), TLV, EF.COM, DG1, DG13, DG2."""

from __future__ import annotations

import io
from datetime import date

import pytest

from devices.idcard import datagroups as dg
from devices.idcard.assemble import build_identity
from devices.idcard.errors import CardDataError
from devices.idcard.mrz import MrzKey, check_digit, parse_td1

from . import cardfactory as cf


@pytest.mark.parametrize("field,digit", [
    ("520727", "3"), ("AB2134<<<", "5"), ("HA672242<658022549601086<<<<<<<<<<<<<<0", "8"),
    ("D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<", "2"), ("HA672242<658022549601086<<<<<<<", "8"),
])
def test_part3_appendix_a_check_digits(field, digit):
    assert check_digit(field) == digit


SPECIMEN = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"


def test_part5_td1_specimen():
    td1 = parse_td1(SPECIMEN)
    assert (td1.document_number, td1.date_of_birth, td1.date_of_expiry) == ("D23145890", "740812", "120415")
    assert (td1.surname, td1.given_names, td1.sex, td1.nationality) == ("ERIKSSON", "ANNA MARIA", "F", "UTO")
    assert td1.key.information == "D23145890774081221204159"
    assert "D23145890" not in repr(td1)


def test_td1_long_document_number():
    td1 = parse_td1("I<UTOD23145890<7349<<<<<<<<<<<3407127M9507122UTO<<<<<<<<<<<2STEVENSON<<PETER<JOHN<<<<<<<<<")
    assert td1.document_number == "D23145890734"
    assert td1.key.information == "D23145890734934071279507122"


def test_printed_wrong_composite_is_rejected_and_corrected_accepted():
    bad = "I<UTOL898902C<3<<<<<<<<<<<<<<<6908061F9406236UTO<<<<<<<<<<<1ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    with pytest.raises(CardDataError) as e:
        parse_td1(bad)
    assert "kiểm tra" in e.value.message_vi
    assert parse_td1(bad[:59] + "2" + bad[60:]).key.information == "L898902C<369080619406236"


@pytest.mark.parametrize("doc,dob,exp", [("", "900101", "300101"), ("0901", "9001", "300101"),
                                         ("090123456", "901301", "300101"), ("0901é", "900101", "300101")])
def test_bad_mrz_key_inputs(doc, dob, exp):
    with pytest.raises(CardDataError):
        MrzKey(doc, dob, exp)


def test_vietnamese_card_files_parse_to_identity():
    p = cf.Person()
    td1 = dg.parse_dg1(cf.dg1(p))
    assert td1.document_number == "090123456" and td1.optional_data_1 == "001090123456"
    fields = dg.parse_dg13_fields(cf.dg13(p.dg13, order=[9, 1, 13, 2, 3, 4, 14, 5, 6, 7, 8, 10, 11, 12, 15]))
    face = dg.parse_dg2(cf.dg2(cf.jpeg(3000)))
    ident = build_identity(dg1=td1, dg13=fields, face=face, access="BAC")
    assert ident.id_number == "001090123456" and ident.full_name == "Nguyễn Văn An"
    assert ident.date_of_birth == date(1990, 1, 1) and ident.sex == "Nam"
    assert ident.place_of_residence.startswith("Số 12 Phố Hàng Bạc")
    assert (ident.father_name, ident.mother_name, ident.spouse_name) == ("Nguyễn Văn Bình", "Trần Thị Cúc",
                                                                         "Lê Thị Dung")
    assert ident.issue_date == date(2021, 4, 15) and ident.expiry_date == date(2030, 1, 1)
    assert ident.old_id_number == "012345678" and ident.photo_format == "jpeg"
    from PIL import Image
    assert Image.open(io.BytesIO(ident.photo)).size[0] > 0
    assert "001090123456" not in repr(ident) and "Nguyễn" not in str(ident)
    j = ident.to_json()
    assert j["date_of_birth"] == "1990-01-01" and j["has_photo"] is True and j["passive_auth"] == "not_checked"


def test_dg13_missing_fields_fall_back_to_mrz():
    p = cf.Person()
    fields = dg.parse_dg13_fields(cf.dg13({4: "Nữ", 12: "Không thời hạn"}))
    ident = build_identity(dg1=dg.parse_dg1(cf.dg1(p)), dg13=fields, face=None, access="PACE")
    assert ident.id_number == "001090123456" and ident.full_name == "NGUYEN VAN AN"
    assert ident.sex == "Nữ" and ident.no_expiry and ident.expiry_date is None
    assert ident.date_of_birth == date(1990, 1, 1) and not ident.has_photo


def test_old_id_number_from_field_15_or_16():
    from devices.idcard.assemble import _old_id

    assert _old_id({15: ["012345678"], 16: ["A1B2C3D4E5F60708"]}) == "012345678"
    assert _old_id({16: ["012345678"]}) == "012345678"
    assert _old_id({16: ["A1B2C3D4E5F60708"]}) == ""
    assert _old_id({15: ["Hộ chiếu B1234567"]}) == "Hộ chiếu B1234567"


def test_com_lists_data_groups():
    assert dg.parse_com(cf.com(bytes([0x61, 0x75, 0x6D]))) == [1, 2, 13]
    assert dg.parse_com(bytes.fromhex("60145F0104303130365F36063034303030305C026175")) == [1, 2]


@pytest.mark.parametrize("raw,fn", [(b"", dg.parse_com), (b"\x61\x05abc", dg.parse_dg1),
                                    (b"\x6d\x81", dg.parse_dg13_fields), (b"\x75\x03\x5f\x2e\x00", dg.parse_dg2)])
def test_malformed_files_give_clear_errors(raw, fn):
    try:
        out = fn(raw)
    except CardDataError as e:
        assert e.message_vi and "đọc lại" in e.message_vi
    else:
        assert out is None


def test_dates_from_dg13():
    assert dg.parse_vn_date("15/04/2021") == date(2021, 4, 15)
    assert dg.parse_vn_date("2021-04-15") == date(2021, 4, 15)
    assert dg.parse_vn_date("31/02/2021") is None and dg.parse_vn_date("") is None
