"""Office hours: the working periods of a day (giờ làm việc), workdays and the cut-off."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time

from counter_app.domain.errors import ConfigurationError, ValidationError

from ._moments import minute_of_day

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_METADATA_KEYS = frozenset({"source", "note"})
_SCHEDULE_KEYS = ("periods", "workdays", "cutoff", "hours_per_working_day")


def _invalid(message_en: str, message_vi: str) -> ValidationError:
    return ValidationError(message_en, message_vi + " Hãy sửa cấu hình giờ làm việc.")


def _check_time(value: object, what: str) -> time:
    if not isinstance(value, time) or value.tzinfo is not None:
        raise _invalid(f"{what} must be a naive time, got {value!r}",
                       f"«{what}» phải là một giờ trong ngày (ví dụ 08:00).")
    if value.second or value.microsecond:
        raise _invalid(f"{what} must be a whole minute, got {value}",
                       f"«{what}» phải tính tròn phút (ví dụ 08:00), không có giây.")
    return value


@dataclass(frozen=True, slots=True)
class WorkingPeriod:
    """One period of office hours within a day, ``start`` inclusive, ``end`` exclusive."""

    start: time
    end: time

    def __post_init__(self) -> None:
        _check_time(self.start, "giờ bắt đầu")
        _check_time(self.end, "giờ kết thúc")
        if not self.start < self.end:
            raise _invalid(f"working period must start before it ends: {self.start}-{self.end}",
                           f"Khoảng giờ làm việc {self.start:%H:%M}–{self.end:%H:%M} "
                           "có giờ bắt đầu không trước giờ kết thúc.")

    @property
    def minutes(self) -> tuple[int, int]:
        """(start, end) as minutes after midnight."""
        return minute_of_day(self.start), minute_of_day(self.end)


_DEFAULT_PERIODS = (WorkingPeriod(time(8), time(12)), WorkingPeriod(time(13), time(17)))


@dataclass(frozen=True, slots=True)
class WorkingSchedule:
    """Office hours of an agency (giờ làm việc) and the reception cut-off.

    ``workdays`` are ``date.weekday()`` numbers (0 = Monday). A dossier received at or
    after ``cutoff`` is counted from the next working day. A limit in working days
    ("ngày làm việc") is ``hours_per_working_day`` hours of working time per day.
    """

    periods: tuple[WorkingPeriod, ...] = _DEFAULT_PERIODS
    workdays: frozenset[int] = field(default=frozenset(range(5)))
    cutoff: time = time(15)
    hours_per_working_day: float = 8

    def __post_init__(self) -> None:
        periods = tuple(self.periods)
        if not periods or not all(isinstance(p, WorkingPeriod) for p in periods):
            raise _invalid("a schedule needs at least one WorkingPeriod",
                           "Lịch làm việc phải có ít nhất một khoảng giờ làm việc.")
        for before, after in zip(periods, periods[1:]):
            if not before.end <= after.start:
                raise _invalid(f"working periods must be sorted and not overlap: {before}, {after}",
                               "Các khoảng giờ làm việc phải xếp theo thứ tự và không chồng nhau "
                               f"({before.start:%H:%M}–{before.end:%H:%M}, "
                               f"{after.start:%H:%M}–{after.end:%H:%M}).")
        workdays = frozenset(self.workdays)
        if not workdays or not all(type(d) is int and 0 <= d <= 6 for d in workdays):
            raise _invalid(f"workdays must be weekday numbers 0..6, got {sorted(workdays)!r}",
                           "Ngày làm việc trong tuần phải là các thứ từ Thứ Hai đến Chủ nhật "
                           "và có ít nhất một ngày.")
        if self.cutoff is None:
            raise _invalid("a cut-off time is required", "Chưa có giờ chốt nhận hồ sơ (ví dụ 15:00).")
        _check_time(self.cutoff, "giờ chốt nhận hồ sơ")
        hours = self.hours_per_working_day
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 < hours <= 24:
            raise _invalid(f"hours_per_working_day must be in (0, 24], got {hours!r}",
                           "Số giờ của một ngày làm việc phải lớn hơn 0 và không quá 24.")
        object.__setattr__(self, "periods", periods)
        object.__setattr__(self, "workdays", workdays)

    @property
    def period_minutes(self) -> tuple[tuple[int, int], ...]:
        return tuple(p.minutes for p in self.periods)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> "WorkingSchedule":
        """Build from rules-file data: ``{"periods": [["08:00", "12:00"], …], "workdays":
        ["mon", …], "cutoff": "15:00", "hours_per_working_day": 8}``; all four keys required.
        Raises ``ConfigurationError`` on any problem."""
        if not isinstance(data, Mapping):
            raise _config("the schedule must be a table", "Cấu hình giờ làm việc phải là một bảng.")
        unknown = set(data) - set(_SCHEDULE_KEYS) - _METADATA_KEYS
        missing = [k for k in _SCHEDULE_KEYS if k not in data]
        if unknown or missing:
            raise _config(f"unknown keys {sorted(unknown)}, missing keys {missing}",
                          f"Khóa không hợp lệ: {sorted(unknown) or 'không có'}; "
                          f"khóa còn thiếu: {missing or 'không có'}.")
        try:
            return cls(
                periods=tuple(_parse_period(p) for p in _as_list(data["periods"], "periods")),
                workdays=frozenset(_parse_weekday(d) for d in _as_list(data["workdays"], "workdays")),
                cutoff=_parse_time(data["cutoff"], "cutoff"),
                hours_per_working_day=data["hours_per_working_day"],  # type: ignore[arg-type]
            )
        except ValidationError as error:
            raise ConfigurationError(str(error), error.message_vi) from error


def _config(message_en: str, message_vi: str) -> ConfigurationError:
    return ConfigurationError(message_en, message_vi + " Hãy sửa cấu hình giờ làm việc.")


def _as_list(value: object, key: str) -> list[object]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise _config(f"{key} must be a list, got {value!r}", f"«{key}» phải là một danh sách.")
    return list(value)


def _parse_time(value: object, key: str) -> time:
    if isinstance(value, time):
        return value
    match = _HHMM.match(value) if isinstance(value, str) else None
    if match is None:
        raise _config(f"{key} must be a time like '08:00', got {value!r}",
                      f"«{key}» phải là giờ dạng HH:MM (ví dụ 08:00), nhận được {value!r}.")
    return time(int(match[1]), int(match[2]))


def _parse_period(value: object) -> WorkingPeriod:
    pair = _as_list(value, "periods")
    if len(pair) != 2:
        raise _config(f"a period is [start, end], got {value!r}",
                      f"Mỗi khoảng giờ làm việc phải có dạng [\"08:00\", \"12:00\"], nhận được {value!r}.")
    return WorkingPeriod(_parse_time(pair[0], "periods"), _parse_time(pair[1], "periods"))


def _parse_weekday(value: object) -> int:
    if type(value) is int and 0 <= value <= 6:
        return value
    if isinstance(value, str) and value.strip().lower() in WEEKDAY_NAMES:
        return WEEKDAY_NAMES.index(value.strip().lower())
    raise _config(f"unknown weekday {value!r}; use mon..sun",
                  f"Thứ trong tuần không hợp lệ: {value!r}. Dùng mon, tue, wed, thu, fri, sat, sun.")
