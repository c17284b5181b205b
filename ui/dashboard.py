"""The day at a glance (F8): received, returned, due today, overdue, waiting for supplement, mine.

Counts come from ``counter_app.services.queries.day_counts``; the page redraws when an
operation reports changed dossiers, and a bar under each tile compares it with the day's
receptions (a picture that says "how much of today is late" faster than a number). Under
the tiles, two charts (``ui.widgets.chart``, data from ``services.dashboard_series``):
received and returned per day over the last two weeks, and of the dossiers received in
those weeks, resolved on time / late / still open past the appointment.
"""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget

from counter_app.domain.errors import CounterError
from counter_app.services.queries import DayCounts

from .theme import Brand
from .widgets.chart import BarChart, Segment, Series, ShareBar
from .workspace import Workspace
from .labels import error_text

CHART_DAYS = 14


class CountTile(QFrame):
    def __init__(self, caption: str, *, alert: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AlertTile" if alert else "CountTile")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.number = QLabel("—")
        self.number.setObjectName("TileNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("TileCaption")
        self.caption.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.bar)

    def set_value(self, value: int, scale: int) -> None:
        self.number.setText(str(value))
        self.setAccessibleName(self.tr("{caption}: {value}").format(caption=self.caption.text(), value=value))
        self.bar.setRange(0, max(scale, value, 1))
        self.bar.setValue(value)


class DashboardPage(QFrame):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPage")
        self.workspace = workspace
        self.counts: DayCounts | None = None
        self.heading = QLabel()
        self.heading.setObjectName("PanelHeading")
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.hide()
        self.tiles = {
            "received": CountTile(self.tr("Tiếp nhận hôm nay")),
            "returned": CountTile(self.tr("Đã trả kết quả hôm nay")),
            "due_today": CountTile(self.tr("Đến hạn trả hôm nay")),
            "overdue": CountTile(self.tr("Quá hạn"), alert=True),
            "waiting_supplement": CountTile(self.tr("Chờ bổ sung giấy tờ")),
            "mine": CountTile(self.tr("Tôi tiếp nhận hôm nay")),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 3, i % 3)
        self.colors = Brand.load().colors
        self.flow_heading = QLabel(self.tr("Tiếp nhận và trả kết quả {n} ngày qua").format(n=CHART_DAYS))
        self.flow_heading.setObjectName("PanelHeading")
        self.flow_chart = BarChart()
        self.timeliness_heading = QLabel(self.tr("Giải quyết đúng hạn (hồ sơ tiếp nhận {n} ngày qua)").format(
            n=CHART_DAYS))
        self.timeliness_heading.setObjectName("PanelHeading")
        self.timeliness_chart = ShareBar()
        # The page scrolls rather than grow the window: tiles and charts fit a 1366×768 counter
        # screen at the default type size; with large type the page scrolls (the window keeps its size).
        content = QWidget()
        content.setObjectName("DashboardContent")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addLayout(grid)
        layout.addWidget(self.flow_heading)
        layout.addWidget(self.flow_chart, 1)
        layout.addWidget(self.timeliness_heading)
        layout.addWidget(self.timeliness_chart)
        layout.addStretch(1)

    def refresh(self) -> None:
        try:
            counts = self.workspace.day_counts()
        except CounterError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.error.hide()
        self.counts = counts
        self.heading.setText(self.tr("Tình hình ngày {day}").format(day=f"{counts.day:%d/%m/%Y}"))
        scale = max(counts.received, counts.due_today + counts.overdue, 1)
        for name, tile in self.tiles.items():
            tile.set_value(getattr(counts, name), scale)
        self.refresh_charts()

    def refresh_charts(self) -> None:
        try:
            flow, timely = self.workspace.dashboard_series(days=CHART_DAYS)
        except CounterError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        c = self.colors
        self.flow_chart.set_data([f"{d.day:%d/%m}" for d in flow], [
            Series(self.tr("Tiếp nhận"), c["primary"], tuple(d.received for d in flow)),
            Series(self.tr("Đã trả kết quả"), c["ok"], tuple(d.returned for d in flow))])
        self.timeliness_chart.set_data([
            Segment(self.tr("Đúng hạn"), c["ok"], timely.on_time),
            Segment(self.tr("Trễ hạn"), c["error"], timely.late),
            Segment(self.tr("Quá hạn, chưa xong"), c["accent"], timely.overdue_open)],
            empty_text=self.tr("Chưa có hồ sơ nào được giải quyết trong {n} ngày qua.").format(n=CHART_DAYS))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.refresh()
