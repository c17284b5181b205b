from datetime import date

import pytest

from counter_app.domain.dossier_code import (
    CodeFormat, DossierCode, code_format, looks_like_dossier_code, parse_dossier_code)
from counter_app.domain.errors import ValidationError
from counter_app.domain.legal_basis import LegalBasis, basis_for
from counter_app.domain.organisation import Agency, validate_agency_code


def test_format_and_parse_round_trip():
    code = DossierCode("000.00.01.H26", date(2026, 9, 30), 12)
    assert code.format() == "000.00.01.H26-260930-0012"
    assert parse_dossier_code("000.00.01.H26-260930-0012") == code
    assert parse_dossier_code("  000.a0.01.h26-210212-9090\n") == DossierCode("000.A0.01.H26", date(2021, 2, 12), 9090)


def test_formats_come_from_resources_per_legal_basis():
    for basis in LegalBasis:
        fmt = code_format(basis)
        assert fmt.sequence_digits == 4 and fmt.separator == "-"
    assert basis_for(date(2025, 9, 14)) is LegalBasis.TT01_2018
    assert basis_for(date(2025, 9, 15)) is LegalBasis.TT03_2025


@pytest.mark.parametrize("text,fragment", [
    ("000.00.01.H26-261332-0001", "không tồn tại"),  # month 13
    ("000.00.01.H26-260230-0001", "không tồn tại"),  # 30 February
    ("000.00.01.H26-260101-0000", "không thể là 0"),
    ("hello", "không phải mã hồ sơ"),
    ("00.00.01.H26-260101-0001", "không đúng dạng"),
])
def test_bad_codes_give_clear_errors(text, fragment):
    with pytest.raises(ValidationError) as err:
        parse_dossier_code(text)
    assert fragment in err.value.message_vi


def test_sequence_limits():
    with pytest.raises(ValidationError):
        DossierCode("000.00.01.H26", date(2026, 1, 1), 10000).format()
    assert CodeFormat(sequence_digits=5).max_sequence == 99999


def test_looks_like_code_and_agency_validation():
    assert looks_like_dossier_code("000.00.01.H26-261127-0001")
    assert not looks_like_dossier_code("001090123456|012345678|NGUYEN VAN A")
    assert validate_agency_code(" 000.00.01.h26 ") == "000.00.01.H26"
    assert Agency("000.00.01.h26", "Demo").code == "000.00.01.H26"
    with pytest.raises(ValidationError):
        Agency("H26", "Demo")
