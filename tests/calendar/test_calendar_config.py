"""WorkingSchedule validation, ``from_mapping`` and the rules file."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from counter_app.calendar import WorkingPeriod, WorkingSchedule, load_schedule
from counter_app.calendar.rules import DEFAULT_RULES_PATH
from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.legal_basis import LegalBasis

MAPPING = {
    "periods": [["08:00", "12:00"], ["13:00", "17:00"]],
    "workdays": ["mon", "tue", "wed", "thu", "fri"],
    "cutoff": "15:00",
    "hours_per_working_day": 8,
}


def test_defaults() -> None:
    schedule = WorkingSchedule()
    assert schedule.periods == (WorkingPeriod(time(8), time(12)), WorkingPeriod(time(13), time(17)))
    assert schedule.workdays == frozenset({0, 1, 2, 3, 4})
    assert schedule.cutoff == time(15)
    assert schedule.hours_per_working_day == 8


@pytest.mark.parametrize("basis", list(LegalBasis))
def test_shipped_rules_load_for_every_basis(basis: LegalBasis) -> None:
    assert DEFAULT_RULES_PATH.is_file()
    assert load_schedule(basis) == WorkingSchedule()


def test_from_mapping() -> None:
    assert WorkingSchedule.from_mapping(MAPPING) == WorkingSchedule()
    saturday = {**MAPPING, "workdays": ["mon", "SAT"], "cutoff": "9:30", "source": "test"}
    schedule = WorkingSchedule.from_mapping(saturday)
    assert schedule.workdays == frozenset({0, 5}) and schedule.cutoff == time(9, 30)


@pytest.mark.parametrize("change", [
    {"periods": [["13:00", "17:00"], ["08:00", "12:00"]]},  # not sorted
    {"periods": [["08:00", "13:30"], ["13:00", "17:00"]]},  # overlapping
    {"periods": [["12:00", "08:00"]]},  # start after end
    {"periods": [["08:00", "08:00"]]},  # empty period
    {"periods": []},
    {"periods": [["08:00"]]},
    {"periods": "08:00-17:00"},
    {"periods": [["8h", "12:00"]]},
    {"cutoff": "25:00"},
    {"cutoff": None},
    {"workdays": ["monday"]},
    {"workdays": []},
    {"hours_per_working_day": 0},
    {"hours_per_working_day": "8"},
    {"cut_off": "15:00"},  # unknown key (typo)
])
def test_from_mapping_rejects_bad_data(change: dict) -> None:
    with pytest.raises(ConfigurationError) as caught:
        WorkingSchedule.from_mapping({**MAPPING, **change})
    assert caught.value.message_vi


def test_from_mapping_requires_every_key() -> None:
    data = dict(MAPPING)
    del data["cutoff"]
    with pytest.raises(ConfigurationError, match="cutoff"):
        WorkingSchedule.from_mapping(data)


@pytest.mark.parametrize("kwargs", [
    {"periods": (WorkingPeriod(time(13), time(17)), WorkingPeriod(time(8), time(12)))},
    {"periods": (WorkingPeriod(time(8), time(12)), WorkingPeriod(time(11), time(17)))},
    {"periods": ()},
    {"cutoff": None},
    {"workdays": frozenset({7})},
    {"hours_per_working_day": -1},
])
def test_schedule_validation(kwargs: dict) -> None:
    with pytest.raises(ValidationError):
        WorkingSchedule(**kwargs)


def test_period_validation() -> None:
    with pytest.raises(ValidationError):
        WorkingPeriod(time(12), time(8))
    with pytest.raises(ValidationError):
        WorkingPeriod(time(8, 0, 30), time(12))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "working_time.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_rules_file(tmp_path: Path) -> None:
    path = _write(tmp_path, """
[tt03_2025]
periods = [["07:30", "11:30"], ["13:30", "17:00"]]
workdays = ["mon", "tue", "wed", "thu", "fri", "sat"]
cutoff = "16:00"
hours_per_working_day = 7.5
""")
    schedule = load_schedule(LegalBasis.TT03_2025, path)
    assert schedule.periods[0] == WorkingPeriod(time(7, 30), time(11, 30))
    assert 5 in schedule.workdays and schedule.hours_per_working_day == 7.5


@pytest.mark.parametrize(("text", "fragment"), [
    ("[tt03_2025\nperiods = 1", "malformed"),  # not TOML
    ("[tt01_2018]\n" + "\n".join(f"{k} = {v!r}" for k, v in MAPPING.items()).replace("'", '"'),
     "has no"),
    ('[tt03_2025]\nperiods = [["08:00", "12:00"]]\nworkdays = ["mon"]\ncutoff = "15h"\n'
     "hours_per_working_day = 8", "cutoff"),
])
def test_malformed_rules_file(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment) as caught:
        load_schedule(LegalBasis.TT03_2025, _write(tmp_path, text))
    assert "working_time.toml" in caught.value.message_vi


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="not found"):
        load_schedule(LegalBasis.TT01_2018, tmp_path / "absent.toml")


def test_load_schedule_rejects_a_string_basis() -> None:
    with pytest.raises(ValidationError):
        load_schedule("tt03_2025")  # type: ignore[arg-type]
