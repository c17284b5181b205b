"""Dossier codes (mã số hồ sơ): ``<agency ID>-YYMMDD-NNNN`` (TT 01/2018 Art. 19).

The format is data (``resources/rules/dossier_code.toml``) per legal basis, because
whether Circular 03/2025 changed it is UNCONFIRMED.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .errors import ValidationError
from .legal_basis import LegalBasis
from .organisation import validate_agency_code


@dataclass(frozen=True, slots=True)
class CodeFormat:
    sequence_digits: int = 4
    separator: str = "-"
    date_format: str = "%y%m%d"

    @property
    def max_sequence(self) -> int:
        return 10**self.sequence_digits - 1


def code_format(basis: LegalBasis) -> CodeFormat:
    from ..resources import load_toml

    table = load_toml("rules", "dossier_code.toml").get(basis.value, {})
    return CodeFormat(
        sequence_digits=int(table.get("sequence_digits", 4)),
        separator=str(table.get("separator", "-")),
        date_format=str(table.get("date_format", "%y%m%d")),
    )


@dataclass(frozen=True, slots=True)
class DossierCode:
    agency_code: str
    day: date
    sequence: int

    def format(self, fmt: CodeFormat | None = None) -> str:
        fmt = fmt or CodeFormat()
        if not 1 <= self.sequence <= fmt.max_sequence:
            raise ValidationError(
                f"sequence {self.sequence} outside 1..{fmt.max_sequence}",
                f"Số thứ tự hồ sơ {self.sequence} vượt quá giới hạn {fmt.max_sequence} trong ngày.",
            )
        return fmt.separator.join(
            [self.agency_code, self.day.strftime(fmt.date_format), f"{self.sequence:0{fmt.sequence_digits}d}"]
        )

    def __str__(self) -> str:
        return self.format()


_CODE_RE = re.compile(r"^(?P<agency>[0-9A-Za-z.]+)-(?P<day>\d{6})-(?P<seq>\d{4,6})$")


def parse_dossier_code(text: str) -> DossierCode:
    """Parse a code typed or scanned (surrounding spaces ignored, case-insensitive agency)."""
    m = _CODE_RE.match(text.strip())
    if not m:
        raise ValidationError(
            f"not a dossier code: {text.strip()[:40]!r}",
            "Đây không phải mã hồ sơ hợp lệ (dạng 000.00.01.H26-261127-0001). "
            "Quét lại mã vạch trên giấy tiếp nhận hoặc nhập đúng mã.",
        )
    agency = validate_agency_code(m["agency"])
    try:
        day = datetime.strptime(m["day"], "%y%m%d").date()
    except ValueError as exc:
        raise ValidationError(
            f"dossier code has an impossible date {m['day']}",
            f"Ngày trong mã hồ sơ ({m['day']}) không tồn tại. Kiểm tra lại mã.",
        ) from exc
    seq = int(m["seq"])
    if seq == 0:
        raise ValidationError("dossier sequence 0", "Số thứ tự trong mã hồ sơ không thể là 0.")
    return DossierCode(agency, day, seq)


def looks_like_dossier_code(text: str) -> bool:
    return bool(_CODE_RE.match(text.strip()))
