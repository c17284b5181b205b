"""The day at a glance (F8): received, returned, due today, overdue, waiting for supplement, mine.

Counts come from ``counter_app.services.queries.day_counts``; the page redraws when an
operation reports changed dossiers, and a bar under each tile compares it with the day's
receptions (a picture that says "how much of today is late" faster than a number). Under
the tiles, two charts (``ui.widgets.chart``, data from ``services.dashboard_series``):
received and returned per day over the last two weeks, and of the dossiers received in
those weeks, resolved on time / late / still open past the appointment. The on-time
percentage is the report's (on time / resolved, ``Timeliness.on_time_share``); still-open
dossiers are counted beside it, not divided by.

"In báo cáo thu tiền hôm nay" renders the signed-in officer's daily cash report
(:mod:`printing.reports_cash`) and prints it, or saves the PDF when no printer is there, on the
operation runner's pool like F7's reports.
"""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea,
                             QVBoxLayout, QWidget)

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


class TimelinessBar(ShareBar):
    """The share bar whose percentages are the report's: on time and late of the resolved ones."""

    def labels(self) -> list[str]:
        resolved = sum(s.value for s in self.segments[:2])
        out = []
        for i, s in enumerate(self.segments):
            if i < 2 and resolved:
                out.append(f"{s.name}: {s.value} ({round(100 * s.value / resolved)}%)")
            else:
                out.append(f"{s.name}: {s.value}")
        return out


class DashboardPage(QFrame):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, runner=None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPage")
        self.workspace = workspace
        self.runner = runner  # None: the main window's (found when the button is pressed)
        self.printers_factory = None  # builds the Printers façade (None result: PDF only); replaced in tests
        self.last_print = None  # (saved PDF path, PrintJob or None) of the last cash report
        self.cash_button = QPushButton(self.tr("In báo cáo thu tiền hôm nay"))
        self.cash_button.setToolTip(self.tr("Báo cáo thu phí, lệ phí trong ngày của cán bộ đang đăng nhập"))
        self.cash_button.clicked.connect(self.print_cash_report)
        self.message = QLabel()
        self.message.setObjectName("MutedText")
        self.message.setWordWrap(True)
        self.message.hide()  # shown with the cash report's outcome only: the charts keep their room
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
        self.timeliness_chart = TimelinessBar()
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
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.cash_button)
        layout.addLayout(top)
        layout.addWidget(self.message)
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

    def print_cash_report(self) -> None:
        """Render today's cash report of the signed-in officer and print (or save) it off the GUI thread."""
        runner = self.runner or getattr(self.window(), "runner", None)
        if runner is None:
            return
        ws, factory = self.workspace, self.printers_factory
        self.error.hide()
        self._say(self.tr("Đang in báo cáo thu phí, lệ phí hôm nay…"))

        def job():
            from sqlalchemy import select

            from counter_app.services import fees
            from counter_app.storage.models import OfficerRow
            from printing.printers import Printers, save_pdf
            from printing.reports_cash import render_cash_report

            now, officer = ws.now().replace(second=0, microsecond=0), ws.context.officer
            with ws.store.read() as s:
                name = s.scalar(select(OfficerRow.full_name).where(OfficerRow.username == officer)) or ""
                report = fees.daily_cash_report(s, officer=officer, day=now.date())
            rendered = render_cash_report(report, issued_at=now, officer_name=name)
            spool, label = ws.profile.root / "prints", f"thu-phi-{now:%Y%m%d}-{officer}"
            if factory is not None:
                printers = factory()
            else:
                printers = Printers(spool_dir=spool)
                printers = printers if printers.available() else None
            if printers is None:
                return save_pdf(rendered.pdf, folder=spool, label=label, now=now), None
            job = printers.print_pdf(pdf=rendered.pdf, page=rendered.page, label=label, now=now)
            return job.saved_pdf, job
        runner.background(job, on_done=self._cash_printed, on_error=self._cash_error)

    def _cash_printed(self, outcome) -> None:
        self.last_print = outcome
        saved, job = outcome
        if job is not None:
            self._say(self.tr("Đã gửi báo cáo thu phí, lệ phí hôm nay tới máy in {printer}.").format(
                printer=job.printer))
        else:
            self._say(self.tr("Chưa có máy in: đã lưu báo cáo thu phí, lệ phí hôm nay thành tệp PDF "
                                         "{path}.").format(path=saved))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _cash_error(self, message: str) -> None:
        self._say("")
        self.error.setText(message)
        self.error.show()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.refresh()
