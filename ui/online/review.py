"""The right side of the online page: one online dossier under review.

Files (name, size, checklist line, the officer's verdict), the preview of the chosen file,
the checklist lines with what covers them, and the three decisions. It renders an
:class:`~counter_app.services.online_review.OnlineReview` and asks it to change; the page
does the I/O (downloads, previews, recording).
"""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QImage, QPixmap
from PyQt6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                             QListWidget, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout,
                             QWidget)

from counter_app.domain.errors import CounterError
from counter_app.domain.personal_id import mask_id_number
from counter_app.services.online_review import OnlineReview
from counter_app.services.reception import Outcome
from ..labels import error_text

NAME, SIZE, LINE, VERDICT = range(4)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


class ReviewPanel(QFrame):
    """Emits ``decided(outcome, reason)``; ``fileChosen(index)`` asks the page for a preview."""

    decided = pyqtSignal(object, str)
    fileChosen = pyqtSignal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OnlineReview")
        self.review: OnlineReview | None = None
        self.heading = QLabel()
        self.heading.setObjectName("PanelHeading")
        self.heading.setWordWrap(True)
        self.files = QTableWidget(0, 4)
        self.files.setObjectName("OnlineFiles")
        self.files.setHorizontalHeaderLabels([self.tr("Tệp đính kèm"), self.tr("Dung lượng"),
                                              self.tr("Thành phần hồ sơ"), self.tr("Kiểm tra")])
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().hide()
        self.files.setMinimumHeight(90)  # the window fits a 1366×768 screen (test_ui_xcb)
        header = self.files.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LINE, QHeaderView.ResizeMode.Stretch)
        for col in (SIZE, VERDICT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.files.currentCellChanged.connect(lambda row, *_: self.fileChosen.emit(row) if row >= 0 else None)
        self.accept_button = QPushButton(self.tr("Tệp đạt"))
        self.reject_button = QPushButton(self.tr("Tệp không đạt"))
        self.file_reason = QLineEdit()
        self.file_reason.setObjectName("OnlineFileReason")
        self.file_reason.setPlaceholderText(self.tr("Lý do tệp không đạt (ghi vào hồ sơ)"))
        self.accept_button.clicked.connect(lambda: self.tick_current(True))
        self.reject_button.clicked.connect(lambda: self.tick_current(False))
        self.preview = QLabel(self.tr("Chọn một tệp để xem trước."))
        self.preview.setObjectName("OnlinePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(180)
        self.lines = QListWidget()
        self.lines.setObjectName("OnlineChecklist")
        self.lines.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Lý do / giấy tờ cần bổ sung (bắt buộc khi từ chối)"))
        self.receive_button = QPushButton(self.tr("Tiếp nhận"))
        self.receive_button.setObjectName("PrimaryButton")
        self.supplement_button = QPushButton(self.tr("Yêu cầu bổ sung"))
        self.refuse_button = QPushButton(self.tr("Từ chối tiếp nhận"))
        for button, outcome in ((self.receive_button, Outcome.RECEIVE), (self.supplement_button, Outcome.SUPPLEMENT),
                                (self.refuse_button, Outcome.REFUSE)):
            button.clicked.connect(lambda _=False, o=outcome: self.decided.emit(o, self.reason.text().strip()))
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()

        ticks = QHBoxLayout()
        ticks.addWidget(self.accept_button)
        ticks.addWidget(self.reject_button)
        ticks.addWidget(self.file_reason, 1)
        decisions = QHBoxLayout()
        for b in (self.receive_button, self.supplement_button, self.refuse_button):
            decisions.addWidget(b)
        checklist = QVBoxLayout()
        checklist_title = QLabel(self.tr("Thành phần hồ sơ theo thủ tục"))
        checklist_title.setWordWrap(True)
        checklist.addWidget(checklist_title)
        checklist.addWidget(self.lines, 1)
        below = QHBoxLayout()
        below.addWidget(scroll, 3)
        below.addLayout(checklist, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.files, 1)
        layout.addLayout(ticks)
        layout.addLayout(below, 3)
        layout.addWidget(self.reason)
        layout.addLayout(decisions)
        layout.addWidget(self.error)
        self.show_review(None)

    # ---- rendering ------------------------------------------------------------------

    def show_review(self, review: OnlineReview | None) -> None:
        self.review = review
        self.show_error("")
        self.reason.clear()
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Chọn một tệp để xem trước."))
        self.file_reason.clear()
        for w in (self.files, self.accept_button, self.reject_button, self.file_reason, self.reason,
                  self.receive_button, self.supplement_button, self.refuse_button):
            w.setEnabled(review is not None)
        if review is None:
            self.heading.setText(self.tr("Chọn một hồ sơ trong danh sách bên trái."))
            self.files.setRowCount(0)
            self.lines.clear()
            return
        a = review.online.applicant
        self.heading.setText(self.tr("{procedure} — {name} ({id_number})").format(
            procedure=review.procedure.name, name=a.get("full_name", ""),
            id_number=mask_id_number(str(a.get("id_number", ""))) or "—"))
        self.files.setRowCount(len(review.files))
        for row, check in enumerate(review.files):
            self.files.setItem(row, NAME, QTableWidgetItem(check.file.name))
            self.files.setItem(row, SIZE, QTableWidgetItem(_size(check.file.size)))
            combo = QComboBox()
            combo.addItem(self.tr("— chọn thành phần —"), None)
            for line in review.lines():
                combo.addItem(f"{line.position + 1}. {line.name}", line.position)
            combo.setCurrentIndex(max(0, combo.findData(check.position)) if check.position is not None else 0)
            combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self._place(r, c.currentData()))
            self.files.setCellWidget(row, LINE, combo)
        self.render_checks()
        if review.files:
            self.files.selectRow(0)

    def render_checks(self) -> None:
        review = self.review
        if review is None:
            return
        for row, check in enumerate(review.files):
            if check.intact is False:
                text = self.tr("Tệp hỏng")
            elif check.accepted is None:
                text = self.tr("Chưa kiểm tra") if check.intact else self.tr("Đang tải…")
            else:
                text = self.tr("Đạt") if check.accepted else self.tr("Không đạt: {reason}").format(
                    reason=check.reason)
            self.files.setItem(row, VERDICT, QTableWidgetItem(text))
        self.lines.clear()
        for line in review.lines():
            mark = "✔" if line.covered else ("✘" if line.mandatory else "–")
            need = self.tr(" (bắt buộc)") if line.mandatory else ""
            files = ", ".join(line.files) or self.tr("không có tệp")
            self.lines.addItem(f"{mark} {line.position + 1}. {line.name}{need}: {files}")

    def set_preview(self, index: int, image: QImage | None) -> None:
        if self.files.currentRow() != index:
            return
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Không xem trước được loại tệp này; mở bằng phần mềm khác để kiểm tra."))
        else:
            self.preview.setText("")
            width = min(image.width(), max(120, self.scroll.viewport().width() - 8))
            self.preview.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # ---- the officer's checks --------------------------------------------------------

    def tick_current(self, accepted: bool) -> None:
        row = self.files.currentRow()
        if self.review is None or row < 0:
            return
        try:
            self.review.tick(row, accepted, self.file_reason.text())
        except CounterError as exc:
            self.show_error(error_text(exc))
            return
        self.file_reason.clear()
        self.show_error("")
        self.render_checks()
        if row + 1 < self.files.rowCount():
            self.files.selectRow(row + 1)

    def _place(self, row: int, position: int | None) -> None:
        if self.review is None:
            return
        try:
            self.review.place(row, position)
        except CounterError as exc:
            self.show_error(error_text(exc))
        self.render_checks()
