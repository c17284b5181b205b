"""The main window: brand header, procedure search (left), procedure detail (right).

Keyboard first: Ctrl+F search, ↑/↓ and Enter choose, Ctrl+= / Ctrl+- large type,
Ctrl+Q quit. It holds no business rule: everything shown comes from :class:`Workspace`.
"""

from __future__ import annotations

from importlib import metadata

from PyQt6.QtCore import Qt, QTime, QTimer
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from counter_app.domain.errors import CounterError

from .theme import Theme
from .widgets.brand_header import BrandHeader
from .widgets.counter_status import CounterStatusBar
from .widgets.procedure_detail import ProcedureDetail
from .widgets.procedure_search import ProcedureSearch
from .workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.theme = theme
        ident = workspace.identity
        self.setObjectName("MainWindow")
        title = self.tr("Bộ phận Tiếp nhận và Trả kết quả")
        self.setWindowTitle(f"{title} — {ident.agency_name}" if ident.agency_name else title)

        self.header = BrandHeader()
        self.header.set_agency(ident.agency_name, ident.agency_code)
        self.header.set_demo(ident.demo)
        self.search = ProcedureSearch(workspace.search)
        self.detail = ProcedureDetail()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.search)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setHandleWidth(10)
        self.splitter = splitter

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(12, 12, 12, 8)
        body_layout.addWidget(splitter)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

        self.status = CounterStatusBar()
        self.status.set_identity(ident)
        self.setStatusBar(self.status)
        self._build_menus()

        self.search.procedureChosen.connect(self.show_procedure)
        self.search.failed.connect(self.status.show_error)
        self.theme.scaleChanged.connect(self._after_scale_change)

        # The appointment depends on the minute: recompute at each minute boundary.
        self.minute_timer = QTimer(self)
        self.minute_timer.setSingleShot(True)
        self.minute_timer.timeout.connect(self._on_minute)
        self._arm_minute_timer()

        self.resize(1200, 750)
        self.search.focus_search()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.quit_action = self._action(self.tr("&Thoát"), [QKeySequence("Ctrl+Q")], self.close)
        file_menu.addAction(self.quit_action)

        view = self.menuBar().addMenu(self.tr("&Xem"))
        self.find_action = self._action(self.tr("&Tìm thủ tục"), [QKeySequence("Ctrl+F")], self.search.focus_search)
        self.larger_action = self._action(self.tr("Chữ &lớn hơn"), [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
                                          self.theme.larger)
        self.smaller_action = self._action(self.tr("Chữ &nhỏ hơn"), [QKeySequence("Ctrl+-")], self.theme.smaller)
        self.reset_font_action = self._action(self.tr("Cỡ chữ &mặc định"), [QKeySequence("Ctrl+0")],
                                              self.theme.reset)
        view.addAction(self.find_action)
        view.addSeparator()
        for action in (self.larger_action, self.smaller_action, self.reset_font_action):
            view.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        help_menu.addAction(self._action(self.tr("&Giới thiệu"), [], self._about))

    def _action(self, text: str, keys: list[QKeySequence], slot) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    # ---- procedure ---------------------------------------------------------------------

    def show_procedure(self, code: str) -> None:
        try:
            procedure = self.workspace.procedure(code)
        except CounterError as exc:
            self.status.show_error(exc.message_vi)
            return
        self.status.clear_error()
        self.detail.show_procedure(procedure)
        self.refresh_due()

    def refresh_due(self) -> None:
        procedure = self.detail.procedure
        if procedure is None:
            return
        try:
            self.detail.show_due(self.workspace.due_preview(procedure.limit))
        except CounterError as exc:
            self.detail.show_due_error(exc.message_vi)

    def _on_minute(self) -> None:
        self.refresh_due()
        self._arm_minute_timer()

    def _arm_minute_timer(self) -> None:
        ms_into_minute = QTime.currentTime().msecsSinceStartOfDay() % 60_000
        self.minute_timer.start(60_000 - ms_into_minute + 50)

    # ---- view ----------------------------------------------------------------------------

    def _after_scale_change(self, _scale: float) -> None:
        self.search.results.doItemsLayout()
        self.detail.refit()

    def _about(self) -> None:
        try:
            version = metadata.version("quay-mot-cua")
        except metadata.PackageNotFoundError:
            version = "?"
        QMessageBox.about(self, self.tr("Giới thiệu"), self.tr(
            "Quầy Một cửa {version}\n\nỨng dụng tại quầy của Bộ phận Tiếp nhận và Trả kết quả.\n"
            "Màu sắc và nhận diện trong bản này chưa phải bản chính thức.").format(version=version))
