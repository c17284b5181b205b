"""Dossier search (F4): one box for code / name / ID number / phone, status and period filters.

The search runs on the operation runner's pool ~250 ms after typing pauses (a filter change at
once), and an answer overtaken by a newer search is dropped (:mod:`ui.dossiers.filters`): the
window never waits on a name search over thousands of dossiers. The period is a preset or a
date range (từ ngày … đến ngày).

Results on the left (ID numbers masked), the chosen dossier on the right. Status moves go
through the operation runner; a move that needs a reason asks for it first. "In lại giấy tiếp
nhận" asks for the reason and a supervisor's approval (four-eyes), then prints on the pool.
"""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                             QLineEdit, QSplitter, QTableView, QVBoxLayout, QWidget)

from counter_app.domain.errors import CounterError
from counter_app.domain.status import DossierStatus
from counter_app.services.queries import DossierQuery

from counter_app.security.permissions import Action

from ..approval import ask_approval
from ..print_hook import receipt_printed, receipt_reprinter
from ..ops import OperationRunner
from ..workspace import Workspace
from .detail import NEEDS_REASON, DossierDetailPanel
from .fee_actions import FeeActions
from .filters import PeriodFilter, SearchRunner
from .thumbnails import ThumbnailLoader
from .results import APPLICANT, CODE_ROLE, PROCEDURE, DossierResultModel
from ..labels import error_text, status_label

#: Moves the core makes four-eyes (``change_status(..., approval_id=…)``): a supervisor approves first.
FOUR_EYES_MOVES = {DossierStatus.CANCELLED: Action.CANCEL_DOSSIER, DossierStatus.WITHDRAWN: Action.WITHDRAW_DOSSIER,
                   DossierStatus.REFUSED: Action.REFUSE_DOSSIER}


class DossierSearchPage(QFrame):
    def __init__(self, workspace: Workspace, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DossierPage")
        self.workspace, self.runner = workspace, runner
        self.query = QLineEdit()
        self.query.setObjectName("SearchBox")
        self.query.setPlaceholderText(self.tr("Mã hồ sơ, họ tên, số định danh hoặc số điện thoại"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Tìm hồ sơ"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Mọi trạng thái"), None)
        for st in DossierStatus:
            self.status.addItem(status_label(st), st)
        self.dates = PeriodFilter(lambda: self.workspace.now().date())
        self.period = self.dates.period  # the presets
        self.searches = SearchRunner(runner, self)
        self.searches.found.connect(self._show_rows)
        self.searches.failed.connect(self._error)
        self._open_first_when_found = False
        self._opened_during = 0  # the newest search started when the shown dossier was opened
        self.summary = QLabel()
        self.summary.setObjectName("MutedText")
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()

        self.model = DossierResultModel(self)
        self.table = QTableView()
        self.table.setObjectName("DossierResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(APPLICANT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PROCEDURE, 160)
        self.detail = DossierDetailPanel(thumbnails=ThumbnailLoader(workspace, runner, parent=self))

        filters = QHBoxLayout()
        filters.addWidget(self.query, 3)
        filters.addWidget(self.status, 1)
        period_row = QHBoxLayout()  # the period on its own line: the search box keeps its width
        period_row.addWidget(self.dates)
        period_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(period_row)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.error)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.query.textChanged.connect(lambda _text: self.refresh(debounce=True))
        self.query.returnPressed.connect(self._open_first)
        self.status.currentIndexChanged.connect(self.refresh)
        self.dates.changed.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.open_row(cur.row()))
        self.detail.statusRequested.connect(self.request_status)
        self.detail.reprintRequested.connect(self.request_reprint)
        self.fees = FeeActions(self)  # "Hoàn phí" / "Hủy biên lai" of a payment in the detail
        self.printers_factory = None  # the receipt reprint's Printers façade; None: the system's printers
        self._reprinter = None

    def focus_search(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def current_query(self) -> DossierQuery:
        start, end = self.dates.range()
        return DossierQuery.from_text(self.query.text(), status=self.status.currentData(),
                                      received_from=start, received_to=end)

    @property
    def searching(self) -> bool:
        """A search is waiting for typing to pause or for its answer."""
        return self.searches.busy

    def refresh(self, *_args, debounce: bool = False) -> None:
        """Search again with the box and the filters, on the pool (``debounce``: once typing pauses)."""
        problem = self.dates.problem()
        if problem:
            self._error(problem)
            return
        query, workspace = self.current_query(), self.workspace
        search = lambda: workspace.search_dossiers(query)  # noqa: E731 (pool thread)
        self.searches.later(search) if debounce else self.searches.now(search)

    def _show_rows(self, rows) -> None:
        """The latest search's rows (GUI thread); the dossier shown stays open if it is still listed."""
        shown = self.detail.detail.summary.code if self.detail.detail else None
        self._error("")
        self.model.set_rows(rows)
        self.summary.setText(self.tr("{n} hồ sơ").format(n=len(rows)) if rows else self.tr("Không có hồ sơ nào."))
        codes = [r.code for r in rows]
        if self._open_first_when_found and not self.searches.busy:
            self._open_first_when_found = False
            self._open_first()
        elif shown in codes:
            self.table.selectRow(codes.index(shown))
            self.open_code(shown)
        elif self._opened_during < self.searches.answered:  # opened before this search: it no longer matches
            self.detail.show_detail(None)

    def _open_first(self) -> None:
        if self.searches.busy:  # Enter before the list caught up with the typing: open when it has
            self._open_first_when_found = True
            self.refresh()
            return
        if self.model.rowCount():
            self.table.selectRow(0)
            self.open_row(0)

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_code(self.model.index(row, 0).data(CODE_ROLE))

    def open_code(self, code: str) -> None:
        self._opened_during = self.searches.started  # a search already on its way does not close it
        try:
            self.detail.show_record(self.workspace.dossier_record(code))
        except CounterError as exc:
            self._error(error_text(exc))

    def request_status(self, code: str, target: DossierStatus) -> None:
        reason = ""
        if target in NEEDS_REASON:
            reason, ok = QInputDialog.getText(self, self.tr("Lý do"), self.tr("Lý do chuyển sang “{status}”:")
                                              .format(status=status_label(target)))
            if not ok:
                return
        self.change_status(code, target, reason)

    def change_status(self, code: str, target: DossierStatus, reason: str = "") -> None:
        approval_id = None
        action = FOUR_EYES_MOVES.get(target)
        if action is not None:
            if target in NEEDS_REASON and not reason.strip():  # the core's message, before bothering a supervisor
                self._error(self.tr("Cần ghi lý do khi chuyển hồ sơ sang “{status}”.").format(
                    status=status_label(target)))
                return
            approval_id = ask_approval(self, self.workspace, self.runner, action=action, target=code, reason=reason)
            if approval_id is None:
                return
        self.runner.write(self.workspace.change_status_op(code, target, reason=reason, approval_id=approval_id),
                          on_done=lambda _r: self.refresh(), on_error=self._error)

    def request_reprint(self, code: str) -> None:
        reason = ""
        if receipt_printed(self.workspace, code):
            reason, ok = QInputDialog.getText(self, self.tr("In lại giấy tiếp nhận"), self.tr(
                "Lý do in lại giấy tiếp nhận hồ sơ {code} (ví dụ: bản giao công dân bị mất, in hỏng):").format(
                code=code))
            if not ok:
                return
        self.reprint_receipt(code, reason)

    def reprint_receipt(self, code: str, reason: str = "") -> None:
        """Print the receipt again: a reprint needs the reason and a supervisor's approval first."""
        if self._reprinter is None:
            self._reprinter = receipt_reprinter(self.workspace, printers_factory=self.printers_factory)
        if self._reprinter is None:
            self._error(self.tr("Chưa cài đặt phần in biểu mẫu: không in được giấy tiếp nhận."))
            return
        approval_id = ""
        if receipt_printed(self.workspace, code):
            if not reason.strip():  # the core's rule, checked before bothering a supervisor
                self._error(self.tr("In lại giấy tiếp nhận cần ghi lý do (ví dụ: bản giao công dân bị mất)."))
                return
            approval_id = ask_approval(self, self.workspace, self.runner, action=Action.REPRINT_RECEIPT, target=code,
                                       reason=reason, target_label=self.tr("Giấy tiếp nhận của hồ sơ {code}")
                                       .format(code=code))
            if approval_id is None:
                return
        reprint = self._reprinter
        self._error("")
        self.runner.background(lambda: reprint(code, reason, approval_id),
                               on_done=lambda outcome: self._reprinted(code, outcome), on_error=self._error)

    def _reprinted(self, code: str, outcome) -> None:
        """``outcome``: printing's PrintOutcome (duck-typed: ``job``, ``record.saved_pdf``)."""
        job = getattr(outcome, "job", None)
        if job is not None:
            text = self.tr("Đã gửi giấy tiếp nhận hồ sơ {code} tới máy in {printer}.").format(
                code=code, printer=job.printer)
        else:
            text = self.tr("Chưa có máy in: đã lưu giấy tiếp nhận hồ sơ {code} thành tệp PDF {path}.").format(
                code=code, path=outcome.record.saved_pdf)
        self.open_code(code)
        self.summary.setText(text)

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
