"""Loads office hours and the cut-off per legal basis from ``resources/rules/working_time.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path

from counter_app.domain.errors import ConfigurationError, ValidationError
from counter_app.domain.legal_basis import LegalBasis

from .schedule import WorkingSchedule

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_RULES_PATH = RESOURCES / "rules" / "working_time.toml"


def load_schedule(basis: LegalBasis, path: Path | None = None) -> WorkingSchedule:
    """The ``WorkingSchedule`` for dossiers received under ``basis``.

    Reads the table named after the basis (``[tt01_2018]``, ``[tt03_2025]``). Raises
    ``ConfigurationError`` if the file is missing, is not valid TOML, lacks the table
    or holds a malformed schedule.
    """
    if not isinstance(basis, LegalBasis):
        raise ValidationError(
            f"basis must be a LegalBasis, got {basis!r}",
            "Căn cứ pháp lý không hợp lệ. Hãy chọn Thông tư 01/2018 hoặc Thông tư 03/2025.",
        )
    path = Path(path) if path is not None else DEFAULT_RULES_PATH

    def fail(message_en: str, message_vi: str) -> ConfigurationError:
        return ConfigurationError(
            message_en,
            f"{message_vi} Hãy sửa hoặc khôi phục tệp {path.name} trong thư mục resources/rules.",
        )

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise fail(f"working-time rules not found: {path}",
                   f"Không tìm thấy tệp quy tắc giờ làm việc {path.name}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read working-time rules {path}: {error}",
                   f"Không đọc được tệp quy tắc giờ làm việc {path.name}.") from error
    except tomllib.TOMLDecodeError as error:
        raise fail(f"malformed working-time rules {path}: {error}",
                   f"Tệp quy tắc giờ làm việc {path.name} sai cú pháp ({error}).") from error
    table = data.get(basis.value)
    if not isinstance(table, dict):
        raise fail(f"{path} has no [{basis.value}] table",
                   f"Tệp {path.name} thiếu mục [{basis.value}] cho {basis.title_vi}.")
    try:
        return WorkingSchedule.from_mapping(table)
    except ConfigurationError as error:
        raise ConfigurationError(
            f"{path} [{basis.value}]: {error}",
            f"Mục [{basis.value}] trong tệp {path.name} không hợp lệ: {error.message_vi}",
        ) from error
