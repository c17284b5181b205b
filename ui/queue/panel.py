"""The counter's queue panel, docked on the right: renders ``counter_app.services.queue_desk.QueueDesk``.

Current ticket in large type; "Gọi số tiếp theo (F5)", recall, serve, no-show, hold/resume,
transfer (area or counter), done; a paper ticket keyed in when the coordinator cannot be
reached. Every action runs off the GUI thread (network and store) and answers here; a
dossier received or returned while a ticket is current is tied to that visit and shown to
the citizen on the customer-facing screen.
"""

from __future__ import annotations

from PyQt6.QtCore import QSize, QTimer
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import (QComboBox, QDockWidget, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                             QScrollArea, QVBoxLayout, QWidget)

from counter_app import config
from counter_app.domain.errors import CounterError
from counter_app.domain.queue import Priority, VisitState
from counter_app.domain.status import DossierStatus
from counter_app.services import queue
from counter_app.services.queue_desk import QueueDesk
from counter_app.sync.queue_client import queue_client_for

from ..ops import OperationRunner
from ..workspace import Workspace
from ..labels import visit_state_label


PANEL_WIDTH = 250


def _queue_config() -> config.QueueConfig:
    try:
        return config.load().queue
    except CounterError:  # a broken file is reported by diagnostics; the queue works on defaults
        return config.QueueConfig()


class QueuePanel(QFrame):
    def __init__(self, workspace: Workspace, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QueuePanel")
        self.workspace, self.runner = workspace, runner
        self.settings = _queue_config()
        areas = {a.strip() for a in self.settings.areas.split(",") if a.strip()}
        self.desk = QueueDesk(workspace.store, lambda: workspace.context, now=workspace.now, areas=areas,
                              client=lambda: queue_client_for(workspace.store))
        self.visit: queue.VisitView | None = None
        self.customer = None  # ui.queue.customer.CustomerScreen, opened on demand

        self.number = QLabel("—")
        self.number.setObjectName("TileNumber")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.link = QLabel()
        self.held = QLabel()
        self.waiting = QLabel()
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.call_button = QPushButton(self.tr("Gọi số tiếp theo (F5)"))
        self.call_button.setObjectName("PrimaryButton")
        self.buttons = {name: QPushButton(text) for name, text in (
            ("recall", self.tr("Gọi lại")), ("serve", self.tr("Bắt đầu phục vụ")), ("no_show", self.tr("Vắng mặt")),
            ("hold", self.tr("Tạm dừng")), ("resume", self.tr("Tiếp tục")), ("finish", self.tr("Xong")))}
        grid = QGridLayout()  # one column: the dock is narrow
        for i, (name, button) in enumerate(self.buttons.items()):
            grid.addWidget(button, i, 0)
            button.clicked.connect(lambda _c=False, n=name: self.act(n))
        self.area_box = QComboBox()
        for area in queue.areas().values():
            self.area_box.addItem(area.name, area.code)
        self.counter_box = QLineEdit()
        self.counter_box.setPlaceholderText(self.tr("hoặc quầy (Q02)"))
        self.transfer_button = QPushButton(self.tr("Chuyển"))
        transfer = QVBoxLayout()
        transfer.addWidget(self.area_box)
        to_counter = QHBoxLayout()
        to_counter.addWidget(self.counter_box, 1)
        to_counter.addWidget(self.transfer_button)
        transfer.addLayout(to_counter)
        self.paper = QLineEdit()
        self.paper.setPlaceholderText(self.tr("Số trên phiếu giấy (A027)"))
        self.paper.setAccessibleName(self.tr("Số phiếu giấy"))
        self.paper_button = QPushButton(self.tr("Nhập phiếu giấy"))
        self.priority_box = QComboBox()  # names are data (resources/rules/queue.toml)
        for level, label in sorted(queue.priority_labels().items()):
            self.priority_box.addItem(label, level)
        paper = QVBoxLayout()
        paper.addWidget(self.paper)
        paper.addWidget(self.priority_box)
        paper.addWidget(self.paper_button)
        self.customer_button = QPushButton(self.tr("Màn hình công dân"))

        transfer_label = QLabel(self.tr("Chuyển sang khu vực / quầy:"))
        paper_label = QLabel(self.tr("Mất kết nối? Nhập số trên phiếu giấy:"))
        for label in (transfer_label, paper_label, self.link):
            label.setWordWrap(True)
        # Scrolled, so the dock never widens the window past a counter screen at the largest type.
        inner = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 12, 12, 12)
        for w in (self.number, self.state, self.held, self.waiting, self.link, self.error, self.call_button):
            layout.addWidget(w)
        layout.addLayout(grid)
        layout.addWidget(transfer_label)
        layout.addLayout(transfer)
        layout.addWidget(paper_label)
        layout.addLayout(paper)
        layout.addWidget(self.customer_button)
        layout.addStretch(1)

        self.call_action = QAction(self.tr("Gọi số tiếp theo"), self)
        self.call_action.setShortcut(QKeySequence("F5"))
        self.call_action.triggered.connect(self.call_next)
        self.call_button.clicked.connect(self.call_next)
        self.transfer_button.clicked.connect(self.transfer)
        self.paper_button.clicked.connect(self.key_in_paper)
        self.paper.returnPressed.connect(self.key_in_paper)
        self.customer_button.clicked.connect(self.open_customer_screen)
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(15_000)
        self.sync_timer.timeout.connect(self.refresh)
        self.render(self.desk.current())
        if self.settings.customer_screen:
            QTimer.singleShot(0, self.open_customer_screen)
        QTimer.singleShot(0, lambda: self._show_dock(self.settings.panel))  # once the window has docked it

    def _show_dock(self, visible: bool = True) -> None:
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None and dock.isVisible() != visible:
            dock.setVisible(visible)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Narrow by default: the reception and search pages keep their room (the officer may widen it)."""
        return QSize(PANEL_WIDTH, super().sizeHint().height())

    # ---- the main-window protocol (ui.pages) ---------------------------------------------

    def title(self) -> str:
        return self.tr("Hàng chờ")

    def window_actions(self) -> list[QAction]:
        return [self.call_action]

    def on_changes(self, changes) -> None:
        """Dossiers received or returned while a ticket is current belong to that visit."""
        if self.visit is None or not self.visit.state.active:
            return
        for code in sorted(changes.dossiers):
            try:
                detail = self.workspace.dossier_detail(code)
            except CounterError:
                continue
            role = "returned" if detail.summary.status is DossierStatus.RETURNED else "received"
            if code not in self.visit.dossier_codes:
                self._run(lambda c=code, r=role: self.desk.link_dossier(c, role=r))
            if self.customer is not None:
                self.customer.show_dossier(detail)

    # ---- actions ---------------------------------------------------------------------------

    def call_next(self) -> None:
        self._show_dock()
        self._run(self.desk.call_next, nobody=True)

    def act(self, name: str) -> None:
        if self.visit is None and name != "resume":
            self._show_error(self.tr("Chưa có số nào đang được phục vụ tại quầy."))
            return
        if name == "resume":
            held = self.desk.held()
            if not held:
                self._show_error(self.tr("Không có số nào đang tạm dừng."))
                return
            self._run(lambda: self.desk.act("resume", held[0].id))
            return
        self._run(lambda v=self.visit: self.desk.act(name, v.id))

    def transfer(self) -> None:
        if self.visit is None:
            self._show_error(self.tr("Chưa có số nào đang được phục vụ tại quầy."))
            return
        counter = self.counter_box.text().strip().upper()
        target = {"counter": counter} if counter else {"area": self.area_box.currentData()}
        self._run(lambda v=self.visit: self.desk.act("transfer", v.id, **target))

    def key_in_paper(self) -> None:
        number, area = self.paper.text(), self.area_box.currentData()
        priority = Priority(self.priority_box.currentData())
        self._run(lambda: self.desk.key_in_paper(number, area, priority), clear_paper=True)

    def refresh(self) -> None:
        self._run(lambda: (self.desk.sync(), self.desk.current())[1])

    def count_waiting(self) -> None:
        """How many wait (the coordinator's count when online), off the GUI thread."""
        self.runner.background(self.desk.waiting, on_done=lambda n: self.waiting.setText(
            self.tr("Đang chờ: {n}").format(n=n)), on_error=lambda _m: self.waiting.setText(""))

    # ---- rendering ---------------------------------------------------------------------------

    def _run(self, fn, *, nobody: bool = False, clear_paper: bool = False) -> None:
        self.call_button.setEnabled(False)

        def done(visit) -> None:
            self.call_button.setEnabled(True)
            self.error.hide()
            if clear_paper:
                self.paper.clear()
            if visit is None and nobody:
                self._show_error(self.tr("Không còn ai đang chờ."))
            at_desk = visit is not None and visit.state in (VisitState.CALLED, VisitState.SERVING)
            self.render(visit if at_desk else self.desk.current())
            self.count_waiting()

        def failed(message: str) -> None:
            self.call_button.setEnabled(True)
            self._show_error(message)
        self.runner.background(fn, on_done=done, on_error=failed)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def render(self, visit: queue.VisitView | None) -> None:
        previous, self.visit = self.visit, visit
        self.number.setText(visit.number if visit else "—")
        self.number.setAccessibleName(self.tr("Số đang phục vụ: {n}").format(n=visit.number if visit else "—"))
        self.state.setText(self.tr("Trạng thái: {s}").format(s=visit_state_label(visit.state)) if visit else
                           self.tr("Chưa gọi số nào."))
        online = {True: self.tr("Đang kết nối điều phối hàng chờ"), False: self.tr("Mất kết nối: làm việc ngoại tuyến"),
                  None: ""}[self.desk.online]
        self.link.setText(online)
        held = [v.number for v in self.desk.held()]
        self.held.setText(self.tr("Đang tạm dừng: {numbers}").format(numbers=", ".join(held)) if held else "")
        state = visit.state if visit else None
        allowed = {"recall": state is VisitState.CALLED, "serve": state is VisitState.CALLED,
                   "no_show": state is VisitState.CALLED, "hold": state is VisitState.SERVING,
                   "finish": state is VisitState.SERVING, "resume": bool(held)}
        for name, button in self.buttons.items():
            button.setEnabled(allowed[name])
        self.transfer_button.setEnabled(state is not None)
        if self.desk.online is not None and not self.sync_timer.isActive():
            self.sync_timer.start()
        if self.customer is not None and visit is not None and (previous is None or previous.id != visit.id):
            self.customer.welcome(visit)

    def open_customer_screen(self) -> None:
        from .customer import CustomerScreen

        if self.customer is None:
            self.customer = CustomerScreen(self.workspace, self.runner, scale=self.settings.rating_scale)
        self.customer.show_on_second_screen()
        if self.visit is not None:
            self.customer.welcome(self.visit)
