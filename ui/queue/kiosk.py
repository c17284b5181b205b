"""The ticket kiosk (máy lấy số tự động): a full-screen touch window at the entrance.

Renders ``counter_app.services.kiosk_flow``: one large button per service area (the digit
keys 1..9 pick one too), the priority question ("Không" by default), then the number in
big type with the area, how many wait ahead and the time; back to the areas after a few
seconds or a touch (Esc goes back). Issuing and printing run on a worker thread
(:class:`ui.ops.OperationRunner`): the screen never freezes, and a second tap while a number
is being issued does nothing. A printer failure still shows the number, with a message.

Start: ``python -m ui.queue.kiosk [--data-dir DIR] [--windowed]`` (``counter-app kiosk``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtGui import QFont
from PyQt6.QtWidgets import (QApplication, QGridLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout,
                             QWidget)

from counter_app.domain.queue import Priority
from counter_app.services import queue
from counter_app.services.kiosk_flow import KioskFlow, KioskIssuer, KioskStep
from counter_app.storage.db import Store

from ..ops import OperationRunner
from ..theme import Brand

RESET_SECONDS = 20
_PAGES = {KioskStep.CHOOSE_AREA: 0, KioskStep.CHOOSE_PRIORITY: 1, KioskStep.ISSUING: 2,
          KioskStep.TICKET_SHOWN: 3, KioskStep.ERROR: 4}


def _label(text: str = "", size: int = 24, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setFont(QFont(label.font().family(), size, QFont.Weight.Bold if bold else QFont.Weight.Normal))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setObjectName(name)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return label


def _button(text: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys go to the window (digits, Esc)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    button.clicked.connect(slot)
    return button


class KioskWindow(QWidget):
    def __init__(self, store: Store, issuer: KioskIssuer, *, flow: KioskFlow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self.setWindowTitle(self.tr("Máy lấy số thứ tự"))
        c = Brand.load().colors  # brand colours (resources/brand/brand.toml), big type of its own
        self.setStyleSheet(
            f"#KioskWindow {{ background: {c['window']}; }} QLabel {{ color: {c['ink']}; }}"
            f"#KioskHeader {{ background: {c['primary']}; color: {c['on_primary']}; padding: 16px; }}"
            f"#KioskNumber {{ color: {c['primary']}; }} #KioskWarning {{ color: {c['error']}; }}"
            f"#KioskWindow QPushButton {{ background: {c['primary']}; color: {c['on_primary']}; font-size: 30px;"
            f" font-weight: bold; border-radius: 14px; padding: 18px; min-height: 72px; }}"
            f"#KioskWindow QPushButton:pressed {{ background: {c['primary_dark']}; }}"
            f"#KioskWindow QPushButton#KioskDefault {{ background: {c['accent']}; color: {c['accent_ink']}; }}"
            f"#KioskWindow QPushButton#KioskBack {{ background: {c['muted']}; min-height: 60px; font-size: 22px; }}")
        self.store, self.issuer = store, issuer
        self.flow = flow or KioskFlow(queue.areas(), queue.priority_labels(),
                                      reset_after=timedelta(seconds=RESET_SECONDS))
        self.runner = OperationRunner(store, self)
        self.issues = 0  # requests handed to the worker (a double tap never makes two)
        header = _label(self.tr("LẤY SỐ THỨ TỰ"), 40, True, "KioskHeader")
        self.stack = QStackedWidget()
        for page in (self._areas_page(), self._priority_page(), self._issuing_page(), self._ticket_page(),
                     self._error_page()):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 24)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.render()

    # ---- pages ------------------------------------------------------------------------------

    def _areas_page(self) -> QWidget:
        page, grid = QWidget(), QGridLayout()
        grid.setSpacing(20)
        self.area_buttons: dict[str, QPushButton] = {}
        for i, area in enumerate(self.flow.areas.values()):
            button = _button(f"{i + 1}.  {area.name}", lambda _c=False, code=area.code: self.choose_area(code))
            grid.addWidget(button, i // 2, i % 2)
            self.area_buttons[area.code] = button
        box = QVBoxLayout(page)
        box.setContentsMargins(48, 24, 48, 0)
        box.setSpacing(20)
        box.addWidget(_label(self.tr("Mời Ông/Bà chạm vào lĩnh vực cần giải quyết"), 28))
        box.addLayout(grid, 1)
        box.addWidget(_label(self.tr("Người cao tuổi, người khuyết tật, phụ nữ mang thai và người đi cùng con nhỏ "
                                     "được phục vụ ưu tiên."), 18))
        return page

    def _priority_page(self) -> QWidget:
        page, grid = QWidget(), QGridLayout()
        grid.setSpacing(20)
        self.priority_buttons: dict[Priority, QPushButton] = {}
        choices = [(Priority.NONE, self.tr("Không"))] + [
            (p, name) for p, name in self.flow.priorities.items() if p is not Priority.NONE]
        for i, (priority, name) in enumerate(choices):
            button = _button(f"{i + 1}.  {name}", lambda _c=False, p=priority: self.choose_priority(p))
            if priority is Priority.NONE:
                button.setObjectName("KioskDefault")
            grid.addWidget(button, 0 if i == 0 else 1 + (i - 1) // 2, 0 if i == 0 else (i - 1) % 2,
                           1, 2 if i == 0 else 1)
            self.priority_buttons[priority] = button
        back = _button(self.tr("Quay lại (Esc)"), self.back)
        back.setObjectName("KioskBack")
        back.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chosen_area = _label(size=30, bold=True)
        box = QVBoxLayout(page)
        box.setContentsMargins(48, 24, 48, 0)
        box.setSpacing(20)
        box.addWidget(self.chosen_area)
        box.addWidget(_label(self.tr("Ông/Bà có thuộc diện được phục vụ ưu tiên không?"), 26))
        box.addLayout(grid, 1)
        box.addWidget(back)
        return page

    def _issuing_page(self) -> QWidget:
        page = QWidget()
        QVBoxLayout(page).addWidget(_label(self.tr("Đang cấp số, vui lòng chờ trong giây lát…"), 32))
        return page

    def _ticket_page(self) -> QWidget:
        page = QWidget()
        self.number = _label(size=120, bold=True, name="KioskNumber")
        self.area_line, self.waiting_line = _label(size=32, bold=True), _label(size=26)
        self.time_line, self.print_line = _label(size=22), _label(size=24, bold=True, name="KioskWarning")
        box = QVBoxLayout(page)
        box.setContentsMargins(48, 8, 48, 0)
        box.addWidget(_label(self.tr("Số thứ tự của Ông/Bà"), 30))
        for w in (self.number, self.area_line, self.waiting_line, self.time_line, self.print_line):
            box.addWidget(w)
        box.addWidget(_label(self.tr("Vui lòng chờ đến khi số được gọi trên màn hình. Chạm để tiếp tục."), 20))
        return page

    def _error_page(self) -> QWidget:
        page = QWidget()
        self.error = _label(size=30, bold=True, name="KioskWarning")
        box = QVBoxLayout(page)
        box.setContentsMargins(48, 24, 48, 0)
        box.addWidget(self.error, 1)
        box.addWidget(_label(self.tr("Chạm vào màn hình để quay lại."), 22))
        return page

    # ---- the citizen ------------------------------------------------------------------------------

    def choose_area(self, code: str) -> None:
        self._start(self.flow.choose_area(code))

    def choose_priority(self, priority: Priority = Priority.NONE) -> None:
        self._start(self.flow.choose_priority(priority))

    def back(self) -> None:
        if self.flow.back():
            self.render()

    def touch(self) -> None:
        if self.flow.touch():
            self.render()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        key, step = event.key(), self.flow.step
        digit = key - Qt.Key.Key_0 if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 else 0
        if key == Qt.Key.Key_Escape:
            self.back()
        elif step in (KioskStep.TICKET_SHOWN, KioskStep.ERROR):
            self.touch()
        elif step is KioskStep.CHOOSE_AREA and digit and (area := self.flow.area_at(digit)) is not None:
            self.choose_area(area.code)
        elif step is KioskStep.CHOOSE_PRIORITY and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose_priority(Priority.NONE)
        elif step is KioskStep.CHOOSE_PRIORITY and digit and digit <= len(self.priority_buttons):
            self.choose_priority(list(self.priority_buttons)[digit - 1])
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.touch()
        super().mousePressEvent(event)

    # ---- the worker -------------------------------------------------------------------------------

    def _start(self, request) -> None:
        self.render()
        if request is None:
            return
        self.issues += 1
        self.runner.background(lambda: self.issuer.issue(request.area, request.priority),
                               on_done=lambda ticket: self._answered(self.flow.issued(request.token, ticket)),
                               on_error=lambda _message: self._answered(self.flow.failed(request.token)))

    def _answered(self, changed: bool) -> None:
        if changed:
            self.render()

    def _tick(self) -> None:
        if self.flow.tick():
            self.render()

    def render(self) -> None:
        flow = self.flow
        self.stack.setCurrentIndex(_PAGES[flow.step])
        self.chosen_area.setText(flow.area.name if flow.area else "")
        ticket = flow.ticket
        if flow.step is KioskStep.TICKET_SHOWN and ticket is not None:
            self.number.setText(ticket.number)
            self.number.setAccessibleName(self.tr("Số thứ tự {n}").format(n=ticket.number))
            self.area_line.setText(ticket.area.name)
            self.waiting_line.setText(self.tr("Số người đang chờ trước Ông/Bà: {n}").format(n=ticket.waiting))
            self.time_line.setText(self.tr("Lấy số lúc {t}").format(t=f"{ticket.issued_at:%H:%M %d/%m/%Y}"))
            self.print_line.setText(self.tr(
                "Máy in phiếu đang gặp sự cố (hết giấy hoặc kẹt giấy). Số của Ông/Bà đã được ghi nhận: vui lòng "
                "ghi nhớ số trên màn hình và báo cán bộ hướng dẫn.") if ticket.print_failed else "")
        self.error.setText(self.tr("Hiện chưa lấy được số thứ tự. Vui lòng nhận số tại quầy hướng dẫn hoặc báo "
                                   "cán bộ của bộ phận một cửa.") if flow.step is KioskStep.ERROR else "")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.timer.stop()
        self.runner.shutdown()
        super().closeEvent(event)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="counter-app kiosk", description="Máy lấy số thứ tự của điểm một cửa.")
    p.add_argument("--data-dir", help="hồ sơ của máy lấy số (đăng ký đồng bộ: số do máy chủ điều phối cấp)")
    p.add_argument("--windowed", action="store_true", help="chạy trong cửa sổ thay vì toàn màn hình")
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from counter_app import config
    from counter_app.profile import Profile
    from counter_app.sync.queue_client import queue_client_for
    from printing.escpos_ticket import open_printer
    from printing.printers import Printers

    from ..i18n import install_language, language_from_env

    install_language(app, language_from_env())
    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    spool = profile.root / "prints"
    try:
        thermal_setting = config.load().devices.printer_thermal
    except Exception:  # noqa: BLE001 — a broken config file must not keep the kiosk dark: PDF path
        thermal_setting = ""
    issuer = KioskIssuer(store, spool_dir=spool, client=lambda: queue_client_for(store),
                         thermal=lambda: open_printer(thermal_setting), printers=Printers(spool_dir=spool))
    kiosk = KioskWindow(store, issuer)
    kiosk.showMaximized() if args.windowed else kiosk.showFullScreen()
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
