"""One dossier: facts, checklist as received, timeline, and the status moves allowed now."""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QLabel, QListWidget, QPushButton, QScrollArea,
                             QVBoxLayout, QWidget)

from counter_app.domain.status import DossierStatus
from counter_app.services.queries import DossierDetail

from ..formatting import money_vnd

#: Moves that need a reason typed by the officer (the core refuses them without one).
NEEDS_REASON = {DossierStatus.STOPPED, DossierStatus.WITHDRAWN, DossierStatus.CANCELLED,
                DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REFUSED}


def _when(at) -> str:
    return format(at, "%H:%M %d/%m/%Y") if at else "—"


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DossierDetailPanel(QFrame):
    statusRequested = pyqtSignal(str, object)  # code, DossierStatus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPanel")
        self.detail: DossierDetail | None = None
        self.title = _value()
        self.title.setObjectName("ProcedureTitle")
        self.status, self.procedure, self.applicant = _value(), _value(), _value()
        self.phone, self.received, self.due, self.fee, self.reason = _value(), _value(), _value(), _value(), _value()
        form = QFormLayout()
        for caption, label in ((self.tr("Trạng thái"), self.status), (self.tr("Thủ tục"), self.procedure),
                               (self.tr("Chủ hồ sơ"), self.applicant), (self.tr("Điện thoại"), self.phone),
                               (self.tr("Tiếp nhận"), self.received), (self.tr("Hẹn trả"), self.due),
                               (self.tr("Phí, lệ phí"), self.fee), (self.tr("Ghi chú"), self.reason)):
            cap = QLabel(caption)
            cap.setObjectName("FactLabel")
            form.addRow(cap, label)
        self.components = QListWidget()
        self.components.setObjectName("DetailList")
        self.components.setWordWrap(True)
        self.components.setMinimumHeight(90)
        self.timeline = QListWidget()
        self.timeline.setObjectName("DetailList")
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(90)
        self.setMinimumWidth(360)
        self.actions_box = QGridLayout()
        self.action_buttons: dict[DossierStatus, QPushButton] = {}
        self.empty = QLabel(self.tr("Chọn một hồ sơ trong danh sách để xem chi tiết."))
        self.empty.setObjectName("EmptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.title)
        col.addLayout(form)
        for heading, widget in ((self.tr("Thành phần đã nhận"), self.components),
                                (self.tr("Quá trình xử lý"), self.timeline)):
            h = QLabel(heading)
            h.setObjectName("PanelHeading")
            col.addWidget(h)
            col.addWidget(widget)
        self.actions_heading = QLabel(self.tr("Chuyển trạng thái"))
        self.actions_heading.setObjectName("PanelHeading")
        col.addWidget(self.actions_heading)
        col.addLayout(self.actions_box)
        col.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll)
        self.show_detail(None)

    def show_detail(self, detail: DossierDetail | None) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.scroll.setVisible(detail is not None)
        if detail is None:
            return
        s = detail.summary
        self.title.setText(s.code)
        overdue = self.tr(" — QUÁ HẠN") if s.overdue else ""
        self.status.setText(s.status.label_vi + overdue)
        self.procedure.setText(" — ".join((s.procedure_code, s.procedure_name)))
        self.applicant.setText(" · ".join(filter(None, (s.applicant_name, s.id_number_masked))))
        self.phone.setText(detail.contact_phone or "—")
        self.received.setText(_when(s.received_at))
        self.due.setText(_when(s.due_at))
        self.fee.setText(money_vnd(detail.fee_vnd))
        self.reason.setText(detail.reason or "—")
        self.components.clear()
        for c in detail.components:
            self.components.addItem(self.tr("{name}: {o} chính, {c} sao").format(
                name=c.name, o=c.originals, c=c.copies))
        self.timeline.clear()
        for e in detail.timeline:
            reason = f" — {e.reason}" if e.reason else ""
            self.timeline.addItem(f"{e.at:%H:%M %d/%m/%Y}  {e.text_vi} ({e.officer}){reason}")
        for button in self.action_buttons.values():
            self.actions_box.removeWidget(button)
            button.hide()  # deleteLater runs later: never let an old button show meanwhile
            button.deleteLater()
        self.action_buttons.clear()
        for i, target in enumerate(detail.next_statuses):
            button = QPushButton(target.label_vi)
            button.setToolTip(self.tr("Chuyển hồ sơ sang “{status}”").format(status=target.label_vi))
            button.clicked.connect(lambda _c=False, t=target: self.statusRequested.emit(s.code, t))
            self.actions_box.addWidget(button, i // 2, i % 2)
            self.action_buttons[target] = button
        self.actions_heading.setVisible(bool(detail.next_statuses))
