"""“Hồ sơ trực tuyến” (F9): online dossiers waiting for this agency, checked and decided here.

The list comes from the city server through the sync client (off the GUI thread); offline,
the page says so and keeps the last list. Opening a dossier downloads each file (SHA-256
checked) and renders its preview on the pool; the officer ticks every file and places it on
the checklist; the decision runs the same reception rules as at the desk (a refusal asks a
supervisor first), is recorded through the writer thread, and the form goes to the citizen
as PDF through the notifier. The “Hồ sơ bưu chính” buttons open the postal dialogs.
"""

from __future__ import annotations

from datetime import datetime

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton,
                             QSplitter, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from counter_app.clock import ICT
from counter_app.domain.errors import CounterError
from counter_app.domain.personal_id import mask_id_number
from counter_app.security.permissions import Action
from counter_app.services import channels, online_desk
from counter_app.services.online import OnlineDossier
from counter_app.services.online_review import OnlineReview
from counter_app.services.reception import Outcome

from ..approval import ask_approval
from ..ops import OperationRunner
from ..workspace import Workspace
from .preview import render_preview
from .review import ReviewPanel
from ..labels import error_text


def _submitted(iso: str) -> str:
    """The server's ISO time as the counter writes times ("09:40 27/11/2026", Vietnam time)."""
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso[:16].replace("T", " ")
    return f"{at.astimezone(ICT) if at.tzinfo else at:%H:%M %d/%m/%Y}"


class OnlinePage(QFrame):
    def __init__(self, workspace: Workspace, runner: OperationRunner, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.setObjectName("OnlinePage")
        self.workspace, self.runner = workspace, runner
        self.notifier = online_desk.default_notifier(workspace.profile.root)
        self.dossiers: list[OnlineDossier] = []
        self.review: OnlineReview | None = None
        self.contents: dict[int, bytes] = {}
        self.previews: dict[int, object] = {}
        self.loading = False
        self.last_after: online_desk.AfterReception | None = None  # what happened after the last decision

        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.setToolTip(self.tr("Tải lại danh sách hồ sơ trực tuyến chờ tiếp nhận"))
        self.refresh_button.clicked.connect(self.refresh)
        self.postal_button = QToolButton()
        self.postal_button.setText(self.tr("Hồ sơ bưu chính"))
        self.postal_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        postal_menu = QMenu(self.postal_button)
        postal_menu.addAction(self.tr("Tiếp nhận hồ sơ qua bưu chính…"), self.open_postal)
        postal_menu.addAction(self.tr("Gửi kết quả qua bưu chính…"), self.open_postal_return)
        self.postal_button.setMenu(postal_menu)
        self.status = QLabel()
        self.status.setObjectName("MutedText")
        self.status.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("StepError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("OnlineWaiting")
        self.table.setHorizontalHeaderLabels([self.tr("Nộp lúc"), self.tr("Thủ tục"), self.tr("Người nộp"),
                                              self.tr("Số định danh"), self.tr("Tệp")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, *_: self.open(row) if row >= 0 else None)
        self.panel = ReviewPanel()
        self.panel.fileChosen.connect(self._show_preview)
        self.panel.decided.connect(self.decide)

        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.postal_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 860])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def title(self) -> str:
        return self.tr("Hồ sơ trực tuyến")

    def on_shown(self) -> None:
        self.refresh()

    # ---- the waiting list ---------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Đang tải danh sách từ hệ thống của thành phố…"))
        store, now = self.workspace.store, self.workspace.now
        self.runner.background(lambda: online_desk.fetch_waiting(store, now=now()), on_done=self._listed,
                               on_error=self._offline)

    def _listed(self, dossiers: list[OnlineDossier]) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.show_message("")
        self._render_list(dossiers)

    def _render_list(self, dossiers: list[OnlineDossier]) -> None:
        self.dossiers = dossiers
        self.status.setText(self.tr("{n} hồ sơ trực tuyến đang chờ tiếp nhận.").format(n=len(dossiers)))
        self.table.blockSignals(True)
        self.table.setRowCount(len(dossiers))
        for row, d in enumerate(dossiers):
            cells = (_submitted(d.submitted_at), d.procedure_code, str(d.applicant.get("full_name", "")),
                     mask_id_number(str(d.applicant.get("id_number", ""))) or "—", str(len(d.files)))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        if self.review is not None and self.review.online.id not in {d.id for d in dossiers}:
            self._close_review()

    def _offline(self, message: str) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Không tải được danh sách hồ sơ trực tuyến."))
        self.show_message(message)

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # ---- one dossier -----------------------------------------------------------------------

    def open(self, row: int) -> None:
        if not 0 <= row < len(self.dossiers):
            return
        online = self.dossiers[row]
        try:
            review = OnlineReview(online, self.workspace.procedure(online.procedure_code))
        except CounterError as exc:
            self._close_review()
            self.show_message(error_text(exc))
            return
        self.show_message("")
        self.review, self.contents, self.previews = review, {}, {}
        self.panel.show_review(review)
        store = self.workspace.store
        for index, check in enumerate(review.files):
            def load(f=check.file):
                data = online_desk.fetch_file(store, f)
                return data, render_preview(data)
            self.runner.background(load, on_done=lambda r, i=index, rv=review: self._arrived(rv, i, *r),
                                   on_error=lambda m, i=index, rv=review: self._failed(rv, i, m))

    def _arrived(self, review: OnlineReview, index: int, data: bytes, image) -> None:
        if review is not self.review:
            return  # another dossier was opened meanwhile
        review.content_arrived(index, data)
        self.contents[index], self.previews[index] = data, image
        self.panel.render_checks()
        self._show_preview(self.panel.files.currentRow())

    def _failed(self, review: OnlineReview, index: int, message: str) -> None:
        if review is self.review:
            self.panel.show_error(message)

    def _show_preview(self, index: int) -> None:
        if index in self.contents:
            self.panel.set_preview(index, self.previews.get(index))

    def _close_review(self) -> None:
        self.review = None
        self.panel.show_review(None)

    # ---- the decision ----------------------------------------------------------------------

    def decide(self, outcome: Outcome, reason: str) -> None:
        review = self.review
        if review is None:
            return
        try:
            flow = review.to_outcome()
            if outcome is Outcome.RECEIVE:
                flow.receive()
            elif outcome is Outcome.SUPPLEMENT:
                flow.request_supplement(reason)
            else:
                flow.refuse(reason)
        except CounterError as exc:
            self.panel.show_error(error_text(exc))
            return
        approval_id = None
        if outcome is Outcome.REFUSE:
            approval_id = ask_approval(self, self.workspace, self.runner, action=Action.REFUSE_DOSSIER,
                                       target=review.online.id, reason=reason)
            if approval_id is None:
                return
        ws, online = self.workspace, review.online
        at, ctx, allocator = ws.now(), ws.context, ws.allocator
        files, data_root = review.decisions(), ws.profile.root  # accepted files become the dossier's attachments
        op = lambda s: channels.receive_online(s, flow, online, ctx=ctx, allocator=allocator, now=at,  # noqa: E731
                                               approval_id=approval_id, files=files, data_root=data_root)
        self.panel.setEnabled(False)
        self.runner.write(op, on_done=lambda result: self._recorded(online, outcome, result.value),
                          on_error=self._not_recorded)

    def _not_recorded(self, message: str) -> None:
        self.panel.setEnabled(True)
        self.panel.show_error(message)

    def _recorded(self, online: OnlineDossier, outcome: Outcome, record) -> None:
        self.panel.setEnabled(True)
        self._close_review()
        self._render_list([d for d in self.dossiers if d.id != online.id])
        self.status.setText(self.tr("Đã ghi hồ sơ {code}; đang gửi phiếu cho công dân…").format(code=record.code))
        store, notifier, now = self.workspace.store, self.notifier, self.workspace.now
        self.runner.background(
            lambda: online_desk.after_reception(store, online, record.code, outcome, notifier=notifier, now=now),
            on_done=self._sent, on_error=self.show_message)

    def _sent(self, after: online_desk.AfterReception) -> None:
        self.last_after = after
        if after.notified:
            self.status.setText(self.tr("Hồ sơ {code}: đã gửi phiếu (PDF) cho công dân.").format(code=after.code))
        self.show_message(after.message_vi)

    # ---- postal ------------------------------------------------------------------------------

    def open_postal(self) -> None:
        from .postal import PostalDialog

        dialog = PostalDialog(self.workspace, self.runner, parent=self)
        try:
            if dialog.exec() and dialog.record is not None:
                self.print_postal_form(dialog.record, dialog.flow)
        finally:
            dialog.deleteLater()

    def print_postal_form(self, record, flow) -> None:
        """The form of the decision, printed (or saved as PDF) to go back to the citizen by post."""
        from ..print_hook import slip_printer

        self.status.setText(self.tr("Đã ghi hồ sơ bưu chính {code}.").format(code=record.code))
        print_slip = slip_printer(self.workspace)
        if print_slip is not None:
            self.runner.background(lambda: print_slip(record, flow), on_error=self.show_message)

    def open_postal_return(self) -> None:
        from .postal import PostalReturnDialog

        dialog = PostalReturnDialog(self.workspace, self.runner, parent=self)
        try:
            if dialog.exec() and dialog.sent is not None:
                self.status.setText(self.tr("Đã ghi nhận gửi kết quả hồ sơ {code} qua bưu chính.").format(
                    code=dialog.sent.dossier_code))
        finally:
            dialog.deleteLater()
