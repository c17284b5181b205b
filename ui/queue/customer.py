"""The customer-facing screen (màn hình phía công dân): renders ``counter_app.services.customer_flow``.

A frameless window for the second monitor (or a tablet-style window): the officer's name,
photo and counter number; the dossier summary, masked, for the citizen to confirm; then
the rating buttons (3 levels by default, 5 with ``queue.rating_scale = 5``). The rating is
stored on the writer thread with the dossier, the officer and the visit, synced with the
other outbox events, and counted by the indicators.
"""

from __future__ import annotations

from dataclasses import replace

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtGui import QGuiApplication, QPixmap
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from counter_app.services import queue, ratings
from counter_app.services.customer_flow import (CustomerFlow, CustomerStep, OfficerCard, dossier_card,
                                                officer_photo)

from ..formatting import money_vnd
from ..theme import Brand
from ..ops import OperationRunner
from ..workspace import Workspace

THANKS_MS = 5000


class CustomerScreen(QWidget):
    def __init__(self, workspace: Workspace, runner: OperationRunner, *, scale: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("CustomerScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the officer keeps the keyboard
        self.setWindowTitle(self.tr("Quầy Một cửa — Màn hình công dân"))
        self.workspace, self.runner = workspace, runner
        self.flow = CustomerFlow(scale=scale)
        self.photo = QLabel()
        self.photo.setFixedSize(160, 200)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        c = Brand.load().colors  # brand colours (resources/brand/brand.toml)
        self.photo.setStyleSheet(f"background: {c['primary_dark']}; color: {c['on_primary']}; font-size: 56px;"
                                 "font-weight: bold; border-radius: 8px;")
        self.officer = QLabel()
        self.officer.setObjectName("PanelHeading")
        self.officer.setStyleSheet("font-size: 28px;")
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size: 28px;")
        self.ticket = QLabel()
        self.ticket.setObjectName("TileNumber")
        self.ticket.setStyleSheet("font-size: 48px; font-weight: bold;")
        header = QHBoxLayout()
        header.addWidget(self.photo)
        names = QVBoxLayout()
        for w in (self.officer, self.counter, self.ticket):
            names.addWidget(w)
        header.addLayout(names, 1)

        self.stack = QStackedWidget()
        self.welcome_text = QLabel(self.tr("Xin kính chào Ông/Bà. Cán bộ đang phục vụ Ông/Bà tại quầy."))
        self.welcome_text.setWordWrap(True)
        self.welcome_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_text.setStyleSheet("font-size: 28px;")
        self.setStyleSheet("#CustomerScreen QPushButton { font-size: 22px; } "
                           "#CustomerScreen QLabel { font-size: 20px; }")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_button = QPushButton(self.tr("Thông tin đúng — Xác nhận"))
        self.confirm_button.setObjectName("PrimaryButton")
        confirm = QWidget()
        cl = QVBoxLayout(confirm)
        cl.addWidget(QLabel(self.tr("Ông/Bà vui lòng kiểm tra thông tin hồ sơ:")))
        cl.addWidget(self.summary)
        cl.addWidget(self.confirm_button)
        rate = QWidget()
        rl = QVBoxLayout(rate)
        rl.addWidget(QLabel(self.tr("Ông/Bà có hài lòng với sự phục vụ của cán bộ không?")))
        row = QHBoxLayout()
        self.rating_buttons: list[QPushButton] = []
        for level, label in enumerate(self.flow.labels, start=1):
            button = QPushButton(label)
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _c=False, n=level: self.rate(n))
            row.addWidget(button)
            self.rating_buttons.append(button)
        rl.addLayout(row)
        self.thanks = QLabel(self.tr("Cảm ơn Ông/Bà đã đánh giá!"))
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.hide()
        for w in (self.welcome_text, confirm, rate, self.thanks):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        self.confirm_button.clicked.connect(self.confirm)
        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(THANKS_MS)
        self.reset_timer.timeout.connect(self.reset)
        self._welcome(None)

    # ---- fed by the queue panel -----------------------------------------------------------

    def welcome(self, visit: queue.VisitView | None) -> None:
        self._welcome(visit)

    def show_dossier(self, detail) -> None:
        """``detail``: ``queries.DossierDetail`` of a dossier received or returned for this citizen."""
        s = detail.summary
        card = dossier_card(code=s.code, procedure_name=s.procedure_name, applicant_name=s.applicant_name,
                            id_number="", phone=detail.contact_phone, due_at=s.due_at, fee_vnd=detail.fee_vnd)
        self.flow.show_dossier(replace(card, id_number=s.id_number_masked))  # masked by the query already
        self.render()

    def show_on_second_screen(self) -> None:
        primary = QGuiApplication.primaryScreen()
        target = next((sc for sc in QGuiApplication.screens() if sc is not primary), None)
        if target is not None:
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(900, 600)
            self.show()

    # ---- the citizen's taps -----------------------------------------------------------------

    def confirm(self) -> None:
        self.flow.confirm()
        self.render()

    def rate(self, level: int) -> None:
        choice = self.flow.rate(level)
        at, ctx = self.workspace.now(), self.workspace.context
        self.runner.write(lambda s: ratings.record_rating(s, code=choice.dossier_code, level=choice.level, ctx=ctx,
                                                          now=at, visit_id=choice.visit_id, scale=choice.scale),
                          on_error=self._failed)
        self.render()
        self.reset_timer.start()

    def reset(self) -> None:
        self.flow.reset()
        self.render()

    # ---- rendering ----------------------------------------------------------------------------

    def _welcome(self, visit: queue.VisitView | None) -> None:
        ident = self.workspace.identity
        card = OfficerCard(ident.officer_username, ident.officer_name, ident.counter_code, ident.counter_name,
                           officer_photo(self.workspace.profile.root / "officer_photos", ident.officer_username))
        self.flow.welcome(card, ticket_number=visit.number if visit else "", visit_id=visit.id if visit else None)
        self.officer.setText(self.tr("Cán bộ: {name}").format(name=card.full_name or card.username))
        self.counter.setText(card.counter_name or card.counter_code)
        if card.photo is not None:
            self.photo.setPixmap(QPixmap(str(card.photo)).scaled(
                self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        else:
            initials = "".join(p[0] for p in (card.full_name or card.username).split()[-2:]).upper()
            self.photo.setText(initials)
        self.render()

    def render(self) -> None:
        step = self.flow.step
        self.ticket.setText(self.tr("Số {n}").format(n=self.flow.ticket_number) if self.flow.ticket_number else "")
        index = {CustomerStep.IDLE: 0, CustomerStep.WELCOME: 0, CustomerStep.CONFIRM: 1, CustomerStep.RATE: 2,
                 CustomerStep.THANKS: 3}[step]
        self.stack.setCurrentIndex(index)
        if step is CustomerStep.CONFIRM:
            lines = []
            for d in self.flow.dossiers:
                lines += [self.tr("Mã hồ sơ: {code}").format(code=d.code), d.procedure_name,
                          self.tr("Người nộp: {name}").format(name=d.applicant)]
                if d.id_number:
                    lines.append(self.tr("Số định danh: {n}").format(n=d.id_number))
                if d.due_at:
                    lines.append(self.tr("Ngày hẹn trả: {d}").format(d=f"{d.due_at:%H:%M %d/%m/%Y}"))
                if d.fee_vnd:
                    lines.append(self.tr("Phí, lệ phí: {fee}").format(fee=money_vnd(d.fee_vnd)))
            self.summary.setText("\n".join(lines))

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
