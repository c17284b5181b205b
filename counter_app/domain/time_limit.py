"""Processing time limits (thời hạn giải quyết) as published for a procedure."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from .errors import ValidationError


class LimitKind(enum.Enum):
    """How a procedure's time limit is expressed in its publishing decision."""

    WORKING_DAYS = "working_days"  # "… ngày làm việc"
    WORKING_HOURS = "working_hours"  # "… giờ làm việc"
    IN_DAY = "in_day"  # "trong ngày"


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A time limit: ``value`` working days / working hours, or "trong ngày" (value unused).

    ``value`` may be fractional (e.g. 0.5 working day) as some procedures publish.
    """

    kind: LimitKind
    value: float = 0

    def __post_init__(self) -> None:
        if self.kind is LimitKind.IN_DAY:
            return
        if not self.value or self.value <= 0:
            raise ValidationError(
                f"time limit must be positive, got {self.value!r}",
                "Thời hạn giải quyết phải lớn hơn 0.",
            )

    @classmethod
    def working_days(cls, n: float) -> "TimeLimit":
        return cls(LimitKind.WORKING_DAYS, n)

    @classmethod
    def working_hours(cls, n: float) -> "TimeLimit":
        return cls(LimitKind.WORKING_HOURS, n)

    @classmethod
    def in_day(cls) -> "TimeLimit":
        return cls(LimitKind.IN_DAY, 0)

    def working_time(self, hours_per_day: float = 8) -> timedelta | None:
        """The limit as working time; ``None`` for "trong ngày" (ends with the working day)."""
        if self.kind is LimitKind.WORKING_DAYS:
            return timedelta(hours=self.value * hours_per_day)
        if self.kind is LimitKind.WORKING_HOURS:
            return timedelta(hours=self.value)
        return None

    def label_vi(self) -> str:
        if self.kind is LimitKind.IN_DAY:
            return "Trong ngày"
        n = f"{self.value:g}"
        return f"{n} ngày làm việc" if self.kind is LimitKind.WORKING_DAYS else f"{n} giờ làm việc"
