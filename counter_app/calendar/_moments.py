"""Input checks and whole-minute conversions shared by the calendar modules.

The calendar counts in whole minutes. Datetimes are truncated to the minute (a
receipt at 14:59:45 is a receipt at 14:59); durations that are not a whole number of
minutes are rounded *up*, so a computed deadline never comes earlier than the limit.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from fractions import Fraction

from counter_app.domain.errors import ValidationError

MINUTES_PER_DAY = 24 * 60
_MINUTE_US = 60 * 1_000_000


def require_datetime(value: object, what: str) -> datetime:
    """Return ``value`` if it is a naive ``datetime``; raise ``ValidationError`` otherwise."""
    if not isinstance(value, datetime):
        raise ValidationError(
            f"{what} must be a datetime, got {type(value).__name__}",
            f"Giá trị «{what}» phải có cả ngày và giờ (không chỉ ngày). "
            "Hãy nhập đầy đủ ngày giờ rồi thử lại.",
        )
    if value.tzinfo is not None:
        raise ValidationError(
            f"{what} must be a naive local (ICT) datetime, got tz-aware {value.isoformat()}",
            f"Giá trị «{what}» phải là giờ địa phương Việt Nam, không kèm múi giờ. "
            "Hãy đổi sang giờ Việt Nam (UTC+7) và bỏ thông tin múi giờ.",
        )
    return value


def require_date(value: object, what: str) -> date:
    """Return a ``date``; a naive ``datetime`` is accepted and reduced to its date."""
    if isinstance(value, datetime):
        return require_datetime(value, what).date()
    if not isinstance(value, date):
        raise ValidationError(
            f"{what} must be a date, got {type(value).__name__}",
            f"Giá trị «{what}» phải là một ngày hợp lệ. Hãy kiểm tra lại ngày đã nhập.",
        )
    return value


def require_timedelta(value: object, what: str) -> timedelta:
    """Return ``value`` if it is a non-negative ``timedelta``."""
    if not isinstance(value, timedelta):
        raise ValidationError(
            f"{what} must be a timedelta, got {type(value).__name__}",
            f"Giá trị «{what}» phải là một khoảng thời gian. Hãy kiểm tra lại dữ liệu.",
        )
    if value < timedelta(0):
        raise ValidationError(
            f"{what} must not be negative, got {value}",
            f"Khoảng thời gian «{what}» không được âm. "
            "Hãy kiểm tra lại thời gian đã nhập (thời điểm kết thúc phải sau thời điểm bắt đầu).",
        )
    return value


def ceil_minutes(value: Fraction | int) -> int:
    """Round a (possibly fractional) number of minutes up to a whole minute."""
    return -((-Fraction(value)) // 1)


def delta_minutes(delta: timedelta) -> int:
    """A non-negative ``timedelta`` as whole minutes, rounded up."""
    return ceil_minutes(Fraction(delta // timedelta(microseconds=1), _MINUTE_US))


def exact(number: float | int) -> Fraction:
    """The decimal a user typed (0.5, 1.5, 0.3) as an exact fraction, not a binary float."""
    return Fraction(number) if isinstance(number, int) else Fraction(repr(float(number)))


def minute_of_day(t: time) -> int:
    return t.hour * 60 + t.minute


def split(dt: datetime) -> tuple[date, int]:
    """A moment as (day, minute of day), truncated to the minute."""
    return dt.date(), minute_of_day(dt.time())


def join(day: date, minute: int) -> datetime:
    """The moment ``minute`` minutes after midnight of ``day`` (1440 = next midnight)."""
    return datetime.combine(day, time()) + timedelta(minutes=minute)
