from datetime import date

import pytest

from counter_app.domain.applicant import Applicant, ApplicantKind, Submitter
from counter_app.domain.errors import ValidationError
from counter_app.domain.personal_id import Sex, mask_id_number, parse_id_number


def test_decodes_province_sex_and_birth_year():
    info = parse_id_number("001090123456")
    assert (info.province_code, info.province_name, info.sex, info.birth_year) == ("001", "Hà Nội", Sex.MALE, 1990)
    assert info.warnings == ()
    assert info.can == "123456" and info.document_number == "090123456"


@pytest.mark.parametrize("number,sex,year", [
    ("079301000001", Sex.FEMALE, 2001),  # 3 = female, 2000–2099
    ("001205000001", Sex.MALE, 2005),
    ("036185000001", Sex.FEMALE, 1985),
    ("001400000001", Sex.MALE, 2100),
])
def test_century_and_sex_digit(number, sex, year):
    info = parse_id_number(number, today=date(2200, 1, 1))
    assert (info.sex, info.birth_year) == (sex, year)


@pytest.mark.parametrize("raw", ["", "00109012345", "0010901234567", "00109012345A", "００１０９０１２３４５６"])
def test_malformed_numbers_are_errors(raw):
    with pytest.raises(ValidationError) as err:
        parse_id_number(raw)
    assert "12 chữ số" in err.value.message_vi


def test_spaces_and_dots_typed_by_people_are_ignored():
    assert parse_id_number(" 001 090.123-456 ").number == "001090123456"


def test_mismatch_with_dob_and_sex_warns_but_does_not_block():
    info = parse_id_number("001090123456", date_of_birth=date(1991, 5, 1), sex=Sex.FEMALE)
    assert {w.code for w in info.warnings} == {"dob_mismatch", "sex_mismatch"}
    assert any("1990" in w.message_vi and "01/05/1991" in w.message_vi for w in info.warnings)


def test_unknown_province_and_future_birth_year_warn():
    info = parse_id_number("999290123456", today=date(2026, 11, 27))
    assert {w.code for w in info.warnings} == {"unknown_province", "birth_year_future"}


def test_masking_for_lists():
    assert mask_id_number("001090123456") == "001******456"
    assert "090123" not in mask_id_number("001090123456")


def test_applicant_validation():
    a = Applicant(ApplicantKind.INDIVIDUAL, "Trần Thị B", id_number="001 190 000 111")
    assert a.id_number == "001190000111"
    assert Submitter.same_as(a).id_number == a.id_number
    with pytest.raises(ValidationError):
        Applicant(ApplicantKind.INDIVIDUAL, "Trần Thị B", id_number="123")
    with pytest.raises(ValidationError):
        Applicant(ApplicantKind.INDIVIDUAL, "   ", id_number="001190000111")
    org = Applicant(ApplicantKind.ORGANISATION, "Công ty TNHH Demo", tax_code="0101234567-001")
    assert org.tax_code == "0101234567-001"
    with pytest.raises(ValidationError) as err:
        Applicant(ApplicantKind.ORGANISATION, "Công ty TNHH Demo", tax_code="01012345")
    assert "Mã số thuế" in err.value.message_vi
