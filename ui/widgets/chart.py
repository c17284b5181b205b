"""Two small charts drawn with QPainter (no chart library): grouped bars, and one share bar.

Each keeps what it draws as plain data (``categories``/``series``, ``segments``) and computes
its geometry with pure functions (:func:`bar_heights`, :func:`share_widths`), so tests check
the data and the proportions, not pixels. Colours come from the caller (the brand's).
"""

from __future__ import annotations

from dataclasses import dataclass

from PyQt6.QtCore import QRectF, QSize, Qt
from PyQt6.QtGui import QColor, QPainter, QPalette
from PyQt6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Segment:
    name: str
    color: str
    value: int


def bar_heights(values: tuple[int, ...], *, top: int, height: float) -> list[float]:
    """Pixel heights of ``values`` against the axis maximum ``top`` on a plot ``height`` px tall."""
    return [height * v / top if top else 0.0 for v in values]


def nice_top(largest: int) -> int:
    """The axis maximum: ``largest`` rounded up to 1, 2 or 5 × 10ⁿ (at least 1)."""
    if largest <= 1:
        return 1
    magnitude = 1
    while magnitude * 10 < largest:
        magnitude *= 10
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= largest)


def share_widths(values: tuple[int, ...], *, width: float) -> list[float]:
    total = sum(values)
    return [width * v / total if total else 0.0 for v in values]


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.painted = 0  # paint events handled (tests: it did render)

    def _ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)


class BarChart(_Chart):
    """Grouped vertical bars: one group per category, one bar per series, legend on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.top = 1
        self.setMinimumHeight(180)

    def set_data(self, categories: list[str], series: list[Series]) -> None:
        self.categories, self.series = tuple(categories), tuple(series)
        self.top = nice_top(max((v for s in series for v in s.values), default=0))
        self.setAccessibleDescription("; ".join(
            f"{s.name}: " + ", ".join(f"{c} {v}" for c, v in zip(self.categories, s.values)) for s in self.series))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(560, 220)

    def plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        left = fm.horizontalAdvance(str(self.top)) + 8
        return QRectF(left, fm.height() + 12, self.width() - left - 4, self.height() - 2 * fm.height() - 20)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt name)
        self.painted += 1
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm, plot, ink = self.fontMetrics(), self.plot_rect(), self._ink()
        x = plot.left()
        for s in self.series:  # legend
            p.fillRect(QRectF(x, 2, 12, 12), QColor(s.color))
            p.setPen(ink)
            p.drawText(QRectF(x + 16, 0, fm.horizontalAdvance(s.name) + 4, fm.height() + 4),
                       Qt.AlignmentFlag.AlignVCenter, s.name)
            x += fm.horizontalAdvance(s.name) + 36
        p.setPen(QColor(ink.red(), ink.green(), ink.blue(), 90))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.setPen(ink)
        p.drawText(QRectF(0, plot.top() - fm.height() / 2, plot.left() - 4, fm.height()),
                   Qt.AlignmentFlag.AlignRight, str(self.top))
        n = len(self.categories)
        if not n or not self.series:
            p.end()
            return
        group = plot.width() / n
        bar = max(1.0, group * 0.8 / len(self.series))
        heights = [bar_heights(s.values, top=self.top, height=plot.height()) for s in self.series]
        label_every = max(1, round(fm.horizontalAdvance("00/00 ") / group))
        for i, category in enumerate(self.categories):
            x0 = plot.left() + i * group + group * 0.1
            for k, s in enumerate(self.series):
                h = heights[k][i]
                p.fillRect(QRectF(x0 + k * bar, plot.bottom() - h, bar - 1, h), QColor(s.color))
            if i % label_every == 0 or i == n - 1:
                p.drawText(QRectF(plot.left() + i * group - 20, plot.bottom() + 2, group + 40, fm.height() + 4),
                           Qt.AlignmentFlag.AlignHCenter, category)
        p.end()


class ShareBar(_Chart):
    """One horizontal bar split into shares, each labelled with its count and percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: tuple[Segment, ...] = ()
        self.empty_text = ""
        self.setMinimumHeight(64)

    def set_data(self, segments: list[Segment], *, empty_text: str = "") -> None:
        self.segments, self.empty_text = tuple(segments), empty_text
        self.setAccessibleDescription("; ".join(f"{s.name}: {s.value}" for s in self.segments))
        self.update()

    def labels(self) -> list[str]:
        total = sum(s.value for s in self.segments)
        return [f"{s.name}: {s.value} ({round(100 * s.value / total)}%)" if total else f"{s.name}: 0"
                for s in self.segments]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(560, 64)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt name)
        self.painted += 1
        p = QPainter(self)
        fm, ink = self.fontMetrics(), self._ink()
        bar = QRectF(0, 0, self.width(), 22)
        values = tuple(s.value for s in self.segments)
        p.setPen(ink)
        if not sum(values):
            p.drawText(bar, Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            p.end()
            return
        x = 0.0
        for s, w in zip(self.segments, share_widths(values, width=bar.width())):
            p.fillRect(QRectF(x, 0, w, bar.height()), QColor(s.color))
            x += w
        x = 0.0
        for s, text in zip(self.segments, self.labels()):  # legend under the bar
            p.fillRect(QRectF(x, 30, 12, 12), QColor(s.color))
            p.drawText(QRectF(x + 16, 26, fm.horizontalAdvance(text) + 4, fm.height() + 4),
                       Qt.AlignmentFlag.AlignVCenter, text)
            x += fm.horizontalAdvance(text) + 36
        p.end()
