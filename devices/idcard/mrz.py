"""Machine-readable zone (vùng đọc bằng máy, MRZ) of the TD1 card: check digits and key inputs.

ICAO 9303-3 §4.9 check digits (weights 7-3-1); TD1 layout per 9303-5. On the CCCD the
document-number field holds the last 9 digits of the 12-digit personal ID number and the
full number sits in the optional data (domain.md §5.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import CardDataError

_WEIGHTS = (7, 3, 1)


def _value(ch: str) -> int:
    if ch == "<":
        return 0
    if "0" <= ch <= "9":
        return ord(ch) - 48
    if "A" <= ch <= "Z":
        return ord(ch) - 55
    raise CardDataError(f"character {ch!r} is not allowed in an MRZ",
                        "Vùng MRZ chỉ gồm chữ in hoa A–Z, chữ số và dấu <. Kiểm tra lại dòng MRZ đã nhập.")


def check_digit(field: str) -> str:
    return str(sum(_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


def _bad(field_vi: str) -> CardDataError:
    return CardDataError(f"MRZ {field_vi} invalid",
                         f"{field_vi} không hợp lệ. Kiểm tra lại thông tin in ở mặt sau thẻ (vùng MRZ).")


@dataclass(frozen=True, slots=True)
class MrzKey:
    """Inputs of BAC / PACE-MRZ: document number, date of birth and expiry as YYMMDD."""

    document_number: str
    date_of_birth: str
    date_of_expiry: str

    def __post_init__(self) -> None:
        doc = self.document_number.strip().upper().replace(" ", "")
        object.__setattr__(self, "document_number", doc)
        if not doc or len(doc) > 22 or any(_value(c) is None for c in doc):
            raise _bad("Số giấy tờ (9 số cuối của số định danh)")
        for name, vi in (("date_of_birth", "Ngày sinh"), ("date_of_expiry", "Ngày hết hạn")):
            v = getattr(self, name).strip()
            if len(v) != 6 or not v.isascii() or not v.isdigit() or not (1 <= int(v[2:4]) <= 12) \
                    or not (1 <= int(v[4:6]) <= 31):
                raise _bad(f"{vi} (dạng YYMMDD)")
            object.__setattr__(self, name, v)

    @property
    def information(self) -> str:
        """MRZ_information: doc number (padded to 9) + CD + DOB + CD + expiry + CD."""
        doc = self.document_number.ljust(9, "<")
        return (doc + check_digit(doc) + self.date_of_birth + check_digit(self.date_of_birth)
                + self.date_of_expiry + check_digit(self.date_of_expiry))

    def __repr__(self) -> str:  # never print the key material
        return "MrzKey(<hidden>)"


@dataclass(frozen=True, slots=True)
class Td1:
    """A parsed 3×30 MRZ (the identity card format)."""

    document_code: str
    issuing_state: str
    document_number: str
    optional_data_1: str
    date_of_birth: str
    sex: str
    date_of_expiry: str
    nationality: str
    optional_data_2: str
    surname: str
    given_names: str

    @property
    def key(self) -> MrzKey:
        return MrzKey(self.document_number, self.date_of_birth, self.date_of_expiry)

    def __repr__(self) -> str:
        return "Td1(<hidden>)"


def parse_td1(text: str, *, verify: bool = True) -> Td1:
    """Parse a TD1 MRZ (90 characters, with or without line breaks); check digits are verified."""
    raw = "".join(text.split()).upper()
    if len(raw) != 90:
        raise CardDataError(f"TD1 MRZ must be 90 characters, got {len(raw)}",
                            "Vùng MRZ của thẻ căn cước gồm 3 dòng, mỗi dòng 30 ký tự. Kiểm tra lại.")
    for c in raw:
        _value(c)
    l1, l2, l3 = raw[:30], raw[30:60], raw[60:]
    doc, doc_cd, opt1 = l1[5:14], l1[14], l1[15:30]
    if doc_cd == "<" and opt1.strip("<"):  # long document number continues in optional data
        ext = opt1.rstrip("<")
        doc, doc_cd, opt1 = doc + ext[:-1], ext[-1], ""
    dob, dob_cd, sex, exp, exp_cd = l2[0:6], l2[6], l2[7], l2[8:14], l2[14]
    if verify:
        if check_digit(l1[5:14] if len(doc) == 9 else doc) != doc_cd:
            raise _bad("Chữ số kiểm tra của số giấy tờ")
        if check_digit(dob) != dob_cd:
            raise _bad("Chữ số kiểm tra của ngày sinh")
        if check_digit(exp) != exp_cd:
            raise _bad("Chữ số kiểm tra của ngày hết hạn")
        if check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]) != l2[29]:
            raise _bad("Chữ số kiểm tra tổng hợp")
    names = l3.split("<<", 1)
    return Td1(
        document_code=l1[0:2].rstrip("<"), issuing_state=l1[2:5].rstrip("<"), document_number=doc.rstrip("<"),
        optional_data_1=opt1.rstrip("<"), date_of_birth=dob, sex=sex, date_of_expiry=exp,
        nationality=l2[15:18].rstrip("<"), optional_data_2=l2[18:29].rstrip("<"),
        surname=names[0].replace("<", " ").strip(),
        given_names=(names[1] if len(names) > 1 else "").replace("<", " ").strip())


def yymmdd_to_date(value: str, *, future: bool) -> date | None:
    """YYMMDD → date; the century is chosen so that birth dates are past, expiry dates near."""
    try:
        yy, mm, dd = int(value[0:2]), int(value[2:4]), int(value[4:6])
        today = date.today()
        year = 2000 + yy
        if not future and year > today.year:
            year -= 100
        if future and year > today.year + 60:
            year -= 100
        return date(year, mm, dd)
    except (ValueError, IndexError):
        return None


def can_is_valid(can: str) -> bool:
    return len(can) == 6 and can.isascii() and can.isdigit()
