"""Locating and reading the data files in ``resources/`` (legal text and rules are data)."""

from __future__ import annotations

import os
import sys
import tomllib
from functools import lru_cache
from pathlib import Path

from .domain.errors import ConfigurationError


def resources_dir() -> Path:
    """The ``resources/`` folder: ``$QMC_RESOURCES``, a frozen bundle's, or the source tree's."""
    env = os.environ.get("QMC_RESOURCES")
    if env:
        return Path(env)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@lru_cache(maxsize=32)
def load_toml(*parts: str) -> dict:
    path = resource_path(*parts)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigurationError(
            f"resource file missing: {path}",
            f"Thiếu tệp cấu hình {path.name}. Cài đặt lại ứng dụng hoặc liên hệ bộ phận hỗ trợ.",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(
            f"malformed resource file {path}: {exc}",
            f"Tệp cấu hình {path.name} bị lỗi định dạng ({exc}). Liên hệ bộ phận hỗ trợ.",
        ) from exc
