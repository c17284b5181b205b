"""Who the dossier is for (chủ hồ sơ) and who brings it (người nộp)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from .errors import ValidationError
from .personal_id import Sex, normalise_id_number, parse_id_number

#: Enterprise tax code: 10 digits, or 10 digits + "-" + 3-digit branch suffix.
#: Since 2025 individuals and household businesses use the 12-digit personal number.
TAX_CODE_RE = re.compile(r"^(\d{10}(-\d{3})?|\d{12})$")


class ApplicantKind(enum.Enum):
    INDIVIDUAL = "individual"  # cá nhân
    ORGANISATION = "organisation"  # tổ chức


class IdentitySource(enum.Enum):
    """How the identity was captured: decides whether names may be typed."""

    CHIP = "chip"  # read from the card's chip (authoritative)
    QR = "qr"  # QR code on the card
    TYPED = "typed"  # typed by the officer


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class Applicant:
    """The dossier owner: an individual with a 12-digit ID or an organisation with a tax code."""

    kind: ApplicantKind
    full_name: str  # họ tên, or the organisation's name
    id_number: str = ""  # 12-digit personal number (individuals)
    tax_code: str = ""  # mã số thuế (organisations)
    date_of_birth: date | None = None
    sex: Sex | None = None
    address: str = ""  # nơi thường trú / trụ sở
    source: IdentitySource = IdentitySource.TYPED

    def __post_init__(self) -> None:
        if not self.full_name.strip():
            raise ValidationError("applicant name is empty", "Chưa nhập họ tên / tên tổ chức của chủ hồ sơ.")
        if self.kind is ApplicantKind.INDIVIDUAL:
            parse_id_number(self.id_number)  # raises on a malformed number
            object.__setattr__(self, "id_number", normalise_id_number(self.id_number))
        else:
            code = self.tax_code.strip()
            if not TAX_CODE_RE.match(code):
                raise ValidationError(
                    "malformed tax code",
                    "Mã số thuế của tổ chức phải gồm 10 chữ số (hoặc 10 chữ số, dấu “-” và 3 chữ số "
                    "của đơn vị phụ thuộc). Kiểm tra lại trên giấy chứng nhận đăng ký.",
                )
            object.__setattr__(self, "tax_code", code)


@dataclass(frozen=True, slots=True)
class Submitter:
    """The person at the counter (người nộp hồ sơ); may differ from the owner (ủy quyền)."""

    full_name: str
    id_number: str = ""
    relation: str = ""  # e.g. "Người được ủy quyền", "Cha/mẹ"
    source: IdentitySource = IdentitySource.TYPED

    @classmethod
    def same_as(cls, applicant: Applicant) -> "Submitter":
        return cls(applicant.full_name, applicant.id_number, "Chủ hồ sơ", applicant.source)
