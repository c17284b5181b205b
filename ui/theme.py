"""The look of the application: brand colours, screen fonts and the large-type setting.

Colours and sizes are data (``resources/brand/brand.toml``); the style sheet
(``resources/brand/theme.qss``) is a template whose ``@tokens`` are filled from it.
Large type multiplies every size, so the header, lists and tables grow together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import QApplication

from counter_app.domain.errors import ConfigurationError
from counter_app.resources import load_toml, resource_path

_TOKEN = re.compile(r"@([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@dataclass(frozen=True)
class Brand:
    """Colours (name → ``#RRGGBB``), screen font fallback chain and relative type sizes."""

    colors: dict[str, str]
    screen_fonts: tuple[str, ...]
    base_point_size: float
    sizes: dict[str, float]
    scale_steps: tuple[float, ...]

    @classmethod
    def load(cls) -> "Brand":
        data = load_toml("brand", "brand.toml")
        try:
            steps = tuple(sorted(float(s) for s in data["large_type"]["steps"]))
            if 1.0 not in steps:
                raise ValueError("large_type.steps must contain 1.0")
            return cls(
                colors={str(k): str(v) for k, v in data["colors"].items()},
                screen_fonts=tuple(data["fonts"]["screen"]),
                base_point_size=float(data["fonts"]["base_point_size"]),
                sizes={str(k): float(v) for k, v in data["sizes"].items()},
                scale_steps=steps,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigurationError(
                f"malformed brand.toml: {exc!r}",
                f"Tệp cấu hình giao diện brand.toml thiếu hoặc sai mục ({exc}). Liên hệ bộ phận hỗ trợ.",
            ) from exc


def render_stylesheet(template: str, brand: Brand, scale: float) -> str:
    """``template`` without comments, each ``@token`` replaced: a colour name, or ``pt_<size>`` in points."""
    values = dict(brand.colors)
    values["pt_base"] = _points(brand.base_point_size * scale)
    for name, factor in brand.sizes.items():
        values[f"pt_{name}"] = _points(brand.base_point_size * factor * scale)

    def replace(match: re.Match[str]) -> str:
        try:
            return values[match.group(1)]
        except KeyError:
            raise ConfigurationError(
                f"theme.qss uses unknown token @{match.group(1)}",
                f"Tệp giao diện theme.qss dùng mục “@{match.group(1)}” không có trong brand.toml.",
            ) from None

    return _TOKEN.sub(replace, _COMMENT.sub("", template))


def _points(value: float) -> str:
    return f"{max(6, round(value))}pt"


class Theme(QObject):
    """Applies the brand to a QApplication and owns the large-type factor."""

    scaleChanged = pyqtSignal(float)

    def __init__(self, app: QApplication, brand: Brand | None = None, *, scale: float = 1.0) -> None:
        super().__init__()  # owned by its creator (run_gui), not by the application
        self._app = app
        self.brand = brand or Brand.load()
        self._template = resource_path("brand", "theme.qss").read_text(encoding="utf-8")
        self._scale = self._nearest_step(scale)

    @property
    def scale(self) -> float:
        return self._scale

    def apply(self) -> None:
        font = QFont(self._app.font())
        font.setFamilies(list(self.brand.screen_fonts))
        font.setPointSizeF(self.brand.base_point_size * self._scale)
        self._app.setFont(font)
        self._app.setStyleSheet(render_stylesheet(self._template, self.brand, self._scale))

    def set_scale(self, scale: float) -> None:
        scale = self._nearest_step(scale)
        if scale != self._scale:
            self._scale = scale
            self.apply()
            self.scaleChanged.emit(scale)

    def larger(self) -> None:
        steps = self.brand.scale_steps
        self.set_scale(steps[min(steps.index(self._scale) + 1, len(steps) - 1)])

    def smaller(self) -> None:
        steps = self.brand.scale_steps
        self.set_scale(steps[max(steps.index(self._scale) - 1, 0)])

    def reset(self) -> None:
        self.set_scale(1.0)

    def _nearest_step(self, scale: float) -> float:
        return min(self.brand.scale_steps, key=lambda s: abs(s - scale))
