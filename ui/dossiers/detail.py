"""One dossier: facts, checklist as received, its files with thumbnails, the timeline (statuses,
handoffs, prints, scans) and the actions allowed now (status moves; "Trả kết quả" when resolved;
"In lại giấy tiếp nhận" for a received dossier, four-eyes) and the fees paid, with refund and
cancellation of a receipt (:mod:`ui.dossiers.fee_actions`)."""

from __future__ import annotations

from PyQt6.QtCore import QSize, Qt, pyqtSignal
from PyQt6.QtGui import QIcon, QImage, QPixmap
from PyQt6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QLabel, QListView, QListWidget, QListWidgetItem,
                             QPushButton, QScrollArea, QVBoxLayout, QWidget)

from counter_app.domain.status import DossierStatus
from counter_app.services.queries import DossierDetail

from ..formatting import money_vnd
from .fee_actions import PaymentsBox
from ..labels import status_label, timeline_text

#: Moves that need a reason typed by the officer (the core refuses them without one).
NEEDS_REASON = {DossierStatus.STOPPED, DossierStatus.WITHDRAWN, DossierStatus.CANCELLED,
                DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REFUSED}

#: States of a dossier received at the counter whose receipt may be printed again (with an approval).
REPRINT_STATES = {DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.AWAITING_PAYMENT,
                  DossierStatus.RESOLVED}

SHA_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_SIZE = 120


def _when(at) -> str:
    return format(at, "%H:%M %d/%m/%Y") if at else "—"


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DossierDetailPanel(QFrame):
    statusRequested = pyqtSignal(str, object)  # code, DossierStatus
    returnRequested = pyqtSignal(str)  # code: hand the resolved dossier to F3
    reprintRequested = pyqtSignal(str)  # code: print the receipt again (reason + supervisor's approval)

    def __init__(self, parent: QWidget | None = None, *, thumbnails=None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPanel")
        self.detail: DossierDetail | None = None
        self.thumbnails = thumbnails  # ui.dossiers.thumbnails.ThumbnailLoader; None: names only
        if thumbnails is not None:
            thumbnails.ready.connect(self._thumbnail_ready)
        self.files = QListWidget()
        self.files.setObjectName("DetailList")
        self.files.setViewMode(QListView.ViewMode.IconMode)
        self.files.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.files.setResizeMode(QListView.ResizeMode.Adjust)
        self.files.setMovement(QListView.Movement.Static)
        self.files.setWordWrap(True)
        self.files.setGridSize(QSize(THUMB_SIZE + 60, THUMB_SIZE + 72))  # room for a two-line caption
        self.files.setMinimumHeight(THUMB_SIZE + 84)
        self.return_button = QPushButton(self.tr("Trả kết quả (F3)"))
        self.return_button.clicked.connect(
            lambda: self.detail is not None and self.returnRequested.emit(self.detail.summary.code))
        self.reprint_button = QPushButton(self.tr("In lại giấy tiếp nhận"))
        self.reprint_button.setToolTip(self.tr("In lại giấy tiếp nhận hồ sơ: cần ghi lý do và lãnh đạo phê duyệt"))
        self.reprint_button.clicked.connect(
            lambda: self.detail is not None and self.reprintRequested.emit(self.detail.summary.code))
        self.payments = PaymentsBox()
        self.payments_loader = None  # code -> [fee_actions.PaymentLine]; None: no payments shown
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
        self.payments_heading = QLabel(self.tr("Các khoản đã thu"))
        self.payments_heading.setObjectName("PanelHeading")
        col.addWidget(self.payments_heading)
        col.addWidget(self.payments)
        self.files_heading = QLabel(self.tr("Tệp số hóa"))
        for heading, widget in ((self.tr("Thành phần đã nhận"), self.components), (self.files_heading, self.files),
                                (self.tr("Quá trình xử lý"), self.timeline)):
            h = heading if isinstance(heading, QLabel) else QLabel(heading)
            h.setObjectName("PanelHeading")
            col.addWidget(h)
            col.addWidget(widget)
        self.actions_heading = QLabel(self.tr("Thao tác"))
        self.actions_heading.setObjectName("PanelHeading")
        col.addWidget(self.actions_heading)
        col.addWidget(self.return_button)
        col.addWidget(self.reprint_button)
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

    def show_record(self, record) -> None:
        """A ``dossier_record.DossierRecord``: the detail, and its files with thumbnails."""
        self.show_detail(record.detail if record is not None else None)
        if record is not None:
            self.show_files(record.attachments)

    def show_files(self, attachments) -> None:
        self.files.clear()
        for info, label in attachments:
            pages = self.tr(" ({n} trang)").format(n=info.pages) if info.pages else ""
            item = QListWidgetItem(f"{label}{pages}")
            item.setData(SHA_ROLE, info.sha256)
            item.setToolTip(info.original_filename or label)
            image = self.thumbnails.request(info) if self.thumbnails is not None else None
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.files.addItem(item)
        self.files.setVisible(bool(attachments))
        self.files_heading.setVisible(bool(attachments))

    def _thumbnail_ready(self, sha: str, image: QImage) -> None:
        if image.isNull():
            return
        for i in range(self.files.count()):
            item = self.files.item(i)
            if item.data(SHA_ROLE) == sha:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def show_detail(self, detail: DossierDetail | None) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.scroll.setVisible(detail is not None)
        if detail is None:
            return
        self.show_files(())
        s = detail.summary
        self.title.setText(s.code)
        overdue = self.tr(" — QUÁ HẠN") if s.overdue else ""
        self.status.setText(status_label(s.status) + overdue)
        self.procedure.setText(" — ".join((s.procedure_code, s.procedure_name)))
        self.applicant.setText(" · ".join(filter(None, (s.applicant_name, s.id_number_masked))))
        self.phone.setText(detail.contact_phone or "—")
        self.received.setText(_when(s.received_at))
        self.due.setText(_when(s.due_at))
        self.fee.setText(money_vnd(detail.fee_vnd))
        self.reason.setText(detail.reason or "—")
        lines = self.payments_loader(s.code) if self.payments_loader is not None else []
        self.payments.show_lines(lines)
        self.payments.setVisible(bool(lines))
        self.payments_heading.setVisible(bool(lines))
        self.components.clear()
        for c in detail.components:
            self.components.addItem(self.tr("{name}: {o} chính, {c} sao").format(
                name=c.name, o=c.originals, c=c.copies))
        self.timeline.clear()
        for e in detail.timeline:
            reason = f" — {e.reason}" if e.reason else ""
            item = QListWidgetItem(f"{e.at:%H:%M %d/%m/%Y}  {timeline_text(e)} ({e.officer}){reason}")
            item.setData(Qt.ItemDataRole.UserRole, e.kind)  # status | handoff | print | scan
            self.timeline.addItem(item)
        for button in self.action_buttons.values():
            self.actions_box.removeWidget(button)
            button.hide()  # deleteLater runs later: never let an old button show meanwhile
            button.deleteLater()
        self.action_buttons.clear()
        # Status 10 only through F3 (the receiver is verified there): its button is "Trả kết quả".
        moves = [target for target in detail.next_statuses if target is not DossierStatus.RETURNED]
        for i, target in enumerate(moves):
            button = QPushButton(status_label(target))
            button.setToolTip(self.tr("Chuyển hồ sơ sang “{status}”").format(status=status_label(target)))
            button.clicked.connect(lambda _c=False, t=target: self.statusRequested.emit(s.code, t))
            self.actions_box.addWidget(button, i // 2, i % 2)
            self.action_buttons[target] = button
        can_return = s.status is DossierStatus.RESOLVED
        self.return_button.setVisible(can_return)
        can_reprint = s.status in REPRINT_STATES
        self.reprint_button.setVisible(can_reprint)
        self.actions_heading.setVisible(bool(moves) or can_return or can_reprint)
