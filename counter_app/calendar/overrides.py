"""Editable exceptions to the holiday calendar (ngày nghỉ / ngày làm việc bù).

The ``holidays`` package cannot know swaps the government announces later (a bridge
day off, a Saturday worked in exchange), nor an agency's own decisions. Those are
kept as ``DayOverride`` rows in the app and win over the package.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from counter_app.domain.errors import ValidationError


class OverrideKind(enum.Enum):
    """What an override makes of its day."""

    DAY_OFF = "off"  # extra day off, e.g. a government-announced bridge day (ngày nghỉ)
    WORKING_DAY = "work"  # a Saturday/Sunday worked in exchange (ngày làm việc bù)


@dataclass(frozen=True, slots=True)
class DayOverride:
    """One day declared off or working, city-wide (``agency_code`` None) or for one agency."""

    day: date
    kind: OverrideKind
    agency_code: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.day, datetime) or not isinstance(self.day, date):
            raise ValidationError(
                f"override day must be a date, got {self.day!r}",
                "Ngày điều chỉnh lịch phải là một ngày (không kèm giờ). Hãy nhập lại ngày.",
            )
        if not isinstance(self.kind, OverrideKind):
            raise ValidationError(
                f"override kind must be an OverrideKind, got {self.kind!r}",
                "Loại điều chỉnh phải là «ngày nghỉ» hoặc «ngày làm việc». Hãy chọn lại.",
            )
        if self.agency_code is not None and (
            not isinstance(self.agency_code, str) or not self.agency_code.strip()
        ):
            raise ValidationError(
                f"agency_code must be a non-empty string or None, got {self.agency_code!r}",
                "Mã cơ quan của điều chỉnh lịch không hợp lệ. "
                "Để trống nếu áp dụng toàn thành phố, hoặc nhập mã cơ quan.",
            )
        if not isinstance(self.note, str):
            raise ValidationError(
                f"override note must be text, got {type(self.note).__name__}",
                "Ghi chú của điều chỉnh lịch phải là văn bản.",
            )


class OverrideTable:
    """The overrides that apply to one agency: agency-specific ones win over city-wide ones.

    Overrides of other agencies are dropped. Two overrides of the same scope and day
    that disagree are a ``ValidationError``; exact repeats are tolerated.
    """

    def __init__(self, overrides: Iterable[DayOverride], agency_code: str | None) -> None:
        self._city: dict[date, DayOverride] = {}
        self._agency: dict[date, DayOverride] = {}
        for override in overrides:
            if not isinstance(override, DayOverride):
                raise ValidationError(
                    f"expected DayOverride, got {type(override).__name__}",
                    "Danh sách điều chỉnh lịch có phần tử không hợp lệ. Hãy kiểm tra lại bảng điều chỉnh.",
                )
            if override.agency_code is None:
                self._put(self._city, override)
            elif override.agency_code == agency_code:
                self._put(self._agency, override)

    @staticmethod
    def _put(table: dict[date, DayOverride], override: DayOverride) -> None:
        known = table.get(override.day)
        if known is not None and known.kind is not override.kind:
            raise ValidationError(
                f"conflicting overrides for {override.day.isoformat()}",
                f"Ngày {override.day:%d/%m/%Y} vừa được khai báo là ngày nghỉ vừa là ngày làm việc "
                "trong cùng phạm vi. Hãy xóa một trong hai điều chỉnh.",
            )
        table.setdefault(override.day, override)

    def get(self, day: date) -> DayOverride | None:
        """The override in force on ``day``, if any."""
        return self._agency.get(day) or self._city.get(day)
