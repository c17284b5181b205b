"""The 12-digit personal identification number (số định danh cá nhân / số CCCD).

Layout (Circular 07/2016/TT-BCA, 59/2021/TT-BCA — recall, see domain.md §9):
digits 1–3 province (or country) where the birth was registered; digit 4 sex and
century of birth (0/1 male/female 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199 …);
digits 5–6 the last two digits of the birth year; digits 7–12 a random number.

A malformed number is an error. A number that disagrees with the date of birth or sex
read elsewhere only gets *warnings*: the chip's data is authoritative, and the officer
decides.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from .errors import ValidationError


class Sex(enum.Enum):
    MALE = "male"  # Nam
    FEMALE = "female"  # Nữ

    @property
    def label_vi(self) -> str:
        return "Nam" if self is Sex.MALE else "Nữ"


@dataclass(frozen=True, slots=True)
class IdWarning:
    code: str
    message_vi: str


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    number: str
    province_code: str
    province_name: str | None
    sex: Sex
    birth_year: int
    warnings: tuple[IdWarning, ...] = field(default_factory=tuple)

    @property
    def can(self) -> str:
        """The card access number convention: last 6 digits (UNCONFIRMED, domain.md §5.3)."""
        return self.number[-6:]

    @property
    def document_number(self) -> str:
        """The MRZ document-number field: last 9 digits (domain.md §5.3)."""
        return self.number[-9:]


def _provinces() -> dict[str, str]:
    from ..resources import load_toml

    return load_toml("rules", "province_codes.toml").get("provinces", {})


def normalise_id_number(raw: str) -> str:
    """Strip spaces, dots and dashes a person or scanner may add."""
    return "".join(ch for ch in raw if ch not in " .-\t")


def parse_id_number(
    raw: str, *, date_of_birth: date | None = None, sex: Sex | None = None, today: date | None = None
) -> IdNumberInfo:
    """Validate a 12-digit ID number; cross-check against DOB/sex when given (warnings only)."""
    number = normalise_id_number(raw)
    if len(number) != 12 or not number.isascii() or not number.isdigit():
        raise ValidationError(
            f"ID number must be 12 digits, got {len(number)} characters",
            "Số định danh cá nhân phải gồm đúng 12 chữ số. Kiểm tra lại số trên thẻ căn cước "
            "hoặc quét mã QR trên thẻ.",
        )
    gender_century = int(number[3])
    birth_sex = Sex.MALE if gender_century % 2 == 0 else Sex.FEMALE
    century = 1900 + 100 * (gender_century // 2)
    birth_year = century + int(number[4:6])
    province_code = number[:3]
    province_name = _provinces().get(province_code)
    warnings: list[IdWarning] = []
    if province_name is None:
        warnings.append(IdWarning(
            "unknown_province",
            f"Mã nơi đăng ký khai sinh “{province_code}” không có trong danh mục tỉnh/thành. "
            "Có thể là người sinh ở nước ngoài — đối chiếu với thẻ.",
        ))
    today = today or date.today()
    if birth_year > today.year:
        warnings.append(IdWarning(
            "birth_year_future",
            f"Năm sinh suy ra từ số định danh ({birth_year}) ở tương lai. Kiểm tra lại số.",
        ))
    if date_of_birth is not None and date_of_birth.year != birth_year:
        warnings.append(IdWarning(
            "dob_mismatch",
            f"Năm sinh theo số định danh là {birth_year}, nhưng ngày sinh khai báo là "
            f"{date_of_birth:%d/%m/%Y}. Đối chiếu với thẻ căn cước.",
        ))
    if sex is not None and sex is not birth_sex:
        warnings.append(IdWarning(
            "sex_mismatch",
            f"Giới tính theo số định danh là {birth_sex.label_vi}, nhưng khai báo là {sex.label_vi}. "
            "Đối chiếu với thẻ căn cước.",
        ))
    return IdNumberInfo(number, province_code, province_name, birth_sex, birth_year, tuple(warnings))


def mask_id_number(number: str) -> str:
    """Mask for lists and screens: keep the first 3 and last 3 digits (``001******456``)."""
    n = normalise_id_number(number)
    if len(n) <= 6:
        return "*" * len(n)
    return n[:3] + "*" * (len(n) - 6) + n[-3:]
