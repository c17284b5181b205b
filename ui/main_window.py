"""The main window: brand header, then one page per task, switched by F-keys.

F2 reception wizard, F3 return of results, F4 dossier search, F6 (or Ctrl+F) the
procedure catalogue, F8 the day's dashboard; feature pages from :mod:`ui.pages`. Ctrl+= / Ctrl+- large type, Ctrl+Q
quit. It holds no business rule: everything shown comes from :class:`Workspace`, and
every write goes through the :class:`OperationRunner` (one writer thread).
"""

from __future__ import annotations

import re
from importlib import metadata
from types import SimpleNamespace

from PyQt6.QtCore import Qt, QTime, QTimer
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QApplication, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from counter_app.domain.applicant import IdentitySource
from counter_app.domain.errors import CounterError
from counter_app.services.reception import Step

from .dashboard import DashboardPage
from .dossiers.page import DossierSearchPage
from .lock import IdleGuard, LockOverlay
from .ops import OperationRunner
from .reception.wizard import PrintSlip, ReceptionPage
from .returns import ReturnPage
from .sync_bridge import SyncBridge
from .theme import Theme
from .widgets.brand_header import BrandHeader
from .widgets.device_status import DeviceIndicator, DeviceSlot, default_slots, probe_slot
from .widgets.counter_status import CounterStatusBar
from .widgets.procedure_detail import ProcedureDetail
from .widgets.procedure_search import ProcedureSearch
from .workspace import Workspace
from .labels import error_text


SYNC_REFRESH_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, theme: Theme, parent: QWidget | None = None, *,
                 devices: list[DeviceSlot] | None = None, print_slip: PrintSlip | None = None,
                 card_reader_factory=None, print_result=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.theme = theme
        self.runner = OperationRunner(workspace.store, self)
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

        catalog_page = QWidget()
        catalog_layout = QVBoxLayout(catalog_page)
        catalog_layout.setContentsMargins(0, 0, 0, 0)
        catalog_layout.addWidget(splitter)
        self.reception = ReceptionPage(workspace, self.runner, print_slip=print_slip)
        self.returns = ReturnPage(workspace, self.runner, print_result=print_result)
        self.dossiers = DossierSearchPage(workspace, self.runner)
        self.dashboard = DashboardPage(workspace)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("MainTabs")
        self.tabs.setDocumentMode(True)
        for page, label in ((self.reception, self.tr("Tiếp nhận (F2)")), (self.returns, self.tr("Trả kết quả (F3)")),
                            (self.dossiers, self.tr("Tra cứu hồ sơ (F4)")), (catalog_page, self.tr("Thủ tục (F6)")),
                            (self.dashboard, self.tr("Tổng quan (F8)"))):
            self.tabs.addTab(page, label)
        self.catalog_page = catalog_page
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(12, 8, 12, 8)
        body_layout.addWidget(self.tabs)
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
        slots = devices if devices is not None else default_slots()
        self.card_reader = None
        if card_reader_factory is not None:  # ``factory(handler) -> IdCardReader`` (devices.idcard)
            from .reception.card_reader import CardReaderBridge

            self.card_reader = CardReaderBridge(self.runner, card_reader_factory, self)
            self.reception.attach_card_reader(self.card_reader)
            self.returns.attach_card_reader(self.card_reader)  # F3 verifies the receiver by chip too
            bridge = self.card_reader
            for slot in slots:
                if slot.key == "idcard":  # probe the shared reader; never close it
                    slot.probe = lambda: SimpleNamespace(available=bridge.available)
        # A chip read goes to the current page when it takes an identity (F3 verifying), else to reception.
        self.reception.is_identity_target = lambda: self.identity_page() is self.reception
        self.returns.is_identity_target = lambda: self.identity_page() is self.returns
        self.device_indicators = [DeviceIndicator(slot) for slot in slots]
        self.status.add_devices(self.device_indicators)
        for indicator in self.device_indicators:
            indicator.clicked.connect(lambda _key, i=indicator: i.show_diagnostics())
        self._build_menus()
        self.extra_pages: list[QWidget] = []
        self._add_extra_pages()
        self.runner.changed.connect(self._on_changes)
        self.reception.recorded.connect(lambda _r: self.dashboard.refresh())
        self.dossiers.detail.returnRequested.connect(self.return_dossier)

        self.search.procedureChosen.connect(self.show_procedure)
        self.search.failed.connect(self.status.show_error)
        self.theme.scaleChanged.connect(self._after_scale_change)

        # The appointment depends on the minute: recompute at each minute boundary.
        self.minute_timer = QTimer(self)
        self.minute_timer.setSingleShot(True)
        self.minute_timer.timeout.connect(self._on_minute)
        self._arm_minute_timer()

        # Idle lock and switching officer (security issue): the session lives in the workspace.
        self.lock_overlay = LockOverlay(workspace, self)
        self.lock_overlay.unlocked.connect(self._after_unlock)
        self.lock_overlay.switchRequested.connect(self.switch_officer)
        self.idle_guard = IdleGuard(workspace, self)
        self.idle_guard.locked.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle_guard)
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self.refresh_sync)
        self.sync_timer.start(SYNC_REFRESH_MS)
        # The background sync of this session (signed in: the window opens after sign-in), off the GUI thread.
        self.sync_bridge = SyncBridge(workspace, self)
        self.sync_bridge.statusChanged.connect(self._on_sync_status)
        self.sync_bridge.pulled.connect(self.runner.changed)  # pulled dossiers redraw like local writes
        self.runner.changed.connect(lambda _changes: self.refresh_sync())  # "n mục chờ gửi" at once
        self._sync_error = ""
        if workspace.officer is not None:
            self.sync_bridge.start()

        self.resize(1200, 750)
        self.show_page(self.reception)
        QTimer.singleShot(0, self.probe_devices)
        QTimer.singleShot(0, self.refresh_sync)

    # ---- officer: idle lock, switching, sync state ----------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_overlay.isVisible()

    def lock(self) -> None:
        """Hide everything behind the lock overlay; shortcuts and menus off until unlocked."""
        for action in self.actions():
            action.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.lock_overlay.show_locked()

    def lock_now(self) -> None:
        """Ctrl+L: the officer leaves the counter; the session locks at once."""
        from counter_app.security.signin import SessionState

        if self.workspace.session.state is SessionState.ACTIVE:
            self.workspace.session.state = SessionState.LOCKED
            self.lock()

    def _after_unlock(self) -> None:
        for action in self.actions():
            action.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.show_page(self.tabs.currentWidget())

    def switch_officer(self) -> None:
        """Another officer signs in at this counter without restarting ("Đổi cán bộ")."""
        from .signin import SignInDialog

        dialog = SignInDialog(self.workspace, self, switching=True)
        accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        self.lock_overlay.hide()
        self._after_unlock()
        self.officer_changed()

    def officer_changed(self) -> None:
        """The signed-in officer changed: status bar and "my counts" follow."""
        self.status.set_identity(self.workspace.identity)
        self.dashboard.refresh()

    def refresh_sync(self) -> None:
        try:
            configured, state = self.workspace.sync_status()
        except CounterError as exc:
            self.status.show_error(error_text(exc))
            return
        self.status.set_sync(configured, state, now=self.workspace.now())

    def _on_sync_status(self, status) -> None:
        """A status from the sync worker (queued to the GUI thread by the bridge)."""
        self.status.set_sync(True, status, now=self.workspace.now())
        if status.last_error and status.last_error != self._sync_error and not status.running:
            self.status.show_error(status.last_error)  # once per new error; the tooltip keeps it
        self._sync_error = status.last_error

    def sync_now(self) -> None:
        """“Đồng bộ ngay” (menu Tệp): a round now, on the worker's thread."""
        if not self.sync_bridge.sync_now():
            self.status.show_error(self.tr("Máy này chưa được cấu hình máy chủ đồng bộ của thành phố "
                                           "(counter-app sync --configure)."))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.lock_overlay.isVisible():
            self.lock_overlay.setGeometry(self.rect())

    # ---- pages and devices -------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)
        if page is self.reception:
            self.reception.identify.focus_first() if self.reception.stack.currentIndex() == 0 else None
        elif page is self.dossiers:
            self.dossiers.refresh()
            self.dossiers.focus_search()
        elif page is self.catalog_page:
            self.search.focus_search()
        elif page is self.returns:
            self.returns.render()
        elif hasattr(page, "on_shown"):
            page.on_shown()

    def _add_extra_pages(self) -> None:
        """Feature pages and panels registered in :data:`ui.pages.EXTRA_PAGES`."""
        from PyQt6.QtWidgets import QDockWidget

        from .pages import EXTRA_PAGES

        view = self.view_menu
        for spec in EXTRA_PAGES:
            page = spec.load()(self.workspace, self.runner, self)
            setattr(self, spec.key, page)
            self.extra_pages.append(page)
            title = page.title()
            if spec.placement == "dock":
                dock = QDockWidget(title, self)
                dock.setObjectName(f"dock_{spec.key}")
                dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
                dock.setWidget(page)
                self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            else:
                self.tabs.insertTab(_tab_index(self.tabs, spec.shortcut), page,
                                    f"{title} ({spec.shortcut})" if spec.shortcut else title)
                if spec.shortcut:
                    view.addAction(self._action(title, [QKeySequence(spec.shortcut)],
                                                lambda _=False, p=page: self.show_page(p)))
            for action in getattr(page, "window_actions", lambda: [])():
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                self.addAction(action)

    def identity_page(self) -> QWidget:
        """The page a chip read (or the demo card's tap) is for: F3 while it verifies a receiver, else F2."""
        current = self.tabs.currentWidget()
        accepts = getattr(current, "accepts_identity", None)
        return current if callable(accepts) and accepts() else self.reception

    def return_dossier(self, code: str) -> None:
        """The detail's "Trả kết quả": F3 with that dossier open."""
        self.show_page(self.returns)
        self.returns.open_code(code)

    def focus_catalog_search(self) -> None:
        self.show_page(self.catalog_page)

    def probe_devices(self) -> None:
        """Ask each wired façade whether its device is there, off the GUI thread."""
        for indicator in self.device_indicators:
            if indicator.slot.probe is None:
                continue
            self.runner.background(lambda slot=indicator.slot: probe_slot(slot),
                                   on_done=lambda result, i=indicator: i.set_state(*result),
                                   on_error=lambda message, i=indicator: i.set_state("error", message))

    def on_scan(self, result) -> None:
        """A classified barcode scan (``devices.barcode.dispatch.ScanResult``, duck-typed).

        Card QR → the reception wizard's identify step; dossier code → its detail (F4);
        procedure code → the wizard's procedure step or the catalogue; else its message. First, a
        current page with ``accept_scan(result) -> bool`` may take the scan (True: nothing else happens).
        """
        if self.locked:  # nothing reaches the screens behind the lock
            return
        accept = getattr(self.tabs.currentWidget(), "accept_scan", None)
        if callable(accept) and accept(result):  # the current page took it (e.g. F7 files a result)
            return
        kind = getattr(getattr(result, "kind", None), "value", "")
        if kind == "card_qr" and result.card is not None and self.tabs.currentWidget() is self.returns:
            self.returns.accept_identity(result.card, IdentitySource.QR)
        elif kind == "card_qr" and result.card is not None:
            self.show_page(self.reception)
            self.reception.accept_identity(result.card, IdentitySource.QR)
        elif kind == "dossier" and result.dossier_code is not None and self.tabs.currentWidget() is self.returns:
            self.returns.open_code(result.dossier_code.format())
        elif kind == "dossier" and result.dossier_code is not None:
            code = result.dossier_code.format()
            self.show_page(self.dossiers)
            self.dossiers.query.setText(code)
            self.dossiers.open_code(code)
        elif kind == "procedure" and result.procedure_code:
            if self.tabs.currentWidget() is self.reception and self.reception.flow.step is Step.PROCEDURE:
                self.reception.choose_procedure(result.procedure_code)
            else:
                self.show_page(self.catalog_page)
                self.show_procedure(result.procedure_code)
        elif getattr(result, "message_vi", ""):
            self.status.show_error(result.message_vi)

    def _on_changes(self, changes) -> None:
        for page in self.extra_pages:
            if hasattr(page, "on_changes"):
                page.on_changes(changes)
        if changes.dossiers:
            self.dashboard.refresh()
            if self.tabs.currentWidget() is self.dossiers:
                self.dossiers.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        QApplication.instance().removeEventFilter(self.idle_guard)
        self.idle_guard.timer.stop()
        self.sync_timer.stop()
        self.sync_bridge.stop()  # waits a few seconds at most for a round in flight
        self.runner.shutdown()  # let a confirmed reception finish writing before the store closes
        if self.card_reader is not None:
            self.card_reader.close()
        super().closeEvent(event)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.quit_action = self._action(self.tr("&Thoát"), [QKeySequence("Ctrl+Q")], self.close)
        self.switch_action = self._action(self.tr("Đổi &cán bộ"), [], self.switch_officer)
        self.lock_action = self._action(self.tr("&Khóa màn hình"), [QKeySequence("Ctrl+L")], self.lock_now)
        self.sync_action = self._action(self.tr("Đồng bộ &ngay"), [QKeySequence("Ctrl+Shift+S")], self.sync_now)
        file_menu.addAction(self.switch_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.sync_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = self.menuBar().addMenu(self.tr("&Xem"))
        self.view_menu = view
        self.find_action = self._action(self.tr("&Tìm thủ tục"), [QKeySequence("Ctrl+F"), QKeySequence("F6")],
                                        self.focus_catalog_search)
        self.reception_action = self._action(self.tr("Tiếp &nhận hồ sơ"), [QKeySequence("F2")],
                                             lambda: self.show_page(self.reception))
        self.return_action = self._action(self.tr("T&rả kết quả"), [QKeySequence("F3")],
                                          lambda: self.show_page(self.returns))
        self.dossiers_action = self._action(self.tr("Tra cứu &hồ sơ"), [QKeySequence("F4")],
                                            lambda: self.show_page(self.dossiers))
        self.dashboard_action = self._action(self.tr("Tổng &quan"), [QKeySequence("F8")],
                                             lambda: self.show_page(self.dashboard))
        for action in (self.reception_action, self.return_action, self.dossiers_action, self.dashboard_action):
            view.addAction(action)
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
            self.status.show_error(error_text(exc))
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
            self.detail.show_due_error(error_text(exc))

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


def _tab_index(tabs: QTabWidget, shortcut: str) -> int:
    """Where a page keyed ``shortcut`` ("F7") goes so the tabs read in F-key order (last if none)."""
    def number(text: str) -> int | None:
        found = re.search(r"\(F(\d+)\)", text)
        return int(found.group(1)) if found else None

    key = number(f"({shortcut})")
    if key is not None:
        for i in range(tabs.count()):
            other = number(tabs.tabText(i))
            if other is not None and other > key:
                return i
    return tabs.count()
