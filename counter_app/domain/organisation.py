"""Agencies, counters and officers."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from .errors import ValidationError

#: Electronic identifier of an agency (mã định danh điện tử, Decision 20/2020/QĐ-TTg),
#: e.g. ``000.00.01.H26``. Groups may contain letters (``000.A0.01.H26`` is seen).
AGENCY_CODE_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$")


def validate_agency_code(code: str) -> str:
    code = code.strip().upper()
    if not AGENCY_CODE_RE.match(code):
        raise ValidationError(
            f"malformed agency code {code!r}",
            f"Mã định danh cơ quan “{code}” không đúng dạng (ví dụ đúng: 000.00.01.H26). "
            "Kiểm tra lại cấu hình cơ quan.",
        )
    return code


class AgencyLevel(enum.Enum):
    CITY = "tinh"  # cấp tỉnh / thành phố
    COMMUNE = "xa"  # cấp xã / phường


class Role(enum.Enum):
    """What an officer may do is decided by role (the table lives in the services)."""

    OFFICER = "officer"  # cán bộ một cửa
    SUPERVISOR = "supervisor"  # lãnh đạo / người phê duyệt
    ADMIN = "admin"  # quản trị


@dataclass(frozen=True, slots=True)
class Agency:
    """A receiving body (cơ quan / Bộ phận Một cửa) identified by its electronic code."""

    code: str
    name: str
    level: AgencyLevel = AgencyLevel.COMMUNE

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", validate_agency_code(self.code))


@dataclass(frozen=True, slots=True)
class Counter:
    """A counter (quầy) of an agency; ``code`` is unique within the agency."""

    agency_code: str
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Officer:
    username: str
    full_name: str
    role: Role
    agency_code: str
