"""Chuyển hồ sơ (F7): the day's handoff batch, results coming back, due-soon dossiers.

Thin: the core decides what is in the batch (:func:`~counter_app.services.handoffs.batch_for_day`,
15:00 rule), what is due soon (:func:`~counter_app.services.late.due_soon`), files a scanned
result (:func:`~counter_app.services.results.file_scanned_result`, also from a scanner through
:meth:`HandoffPage.accept_scan`), extends a deadline once (:func:`~counter_app.services.late.extend`,
new date suggested by :func:`~counter_app.services.late.suggest_new_due`) and stops a dossier in
processing (:func:`~counter_app.services.stops.stop`). Four-eyes steps ask a supervisor through
:func:`ui.approval.ask_approval`; writes go through the runner; printing (the batch list and
control slips, the apology Mẫu 04, the stop notice Mẫu 05) runs on the pool and saves the PDF
when no printer is there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PyQt6.QtWidgets import (QAbstractItemView, QDialog, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                             QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from counter_app.domain.errors import CounterError
from counter_app.notify_delivery import notifier_for_profile
from counter_app.security.permissions import Action
from counter_app.services import handoffs, late, results, stops

from .approval import ask_approval
from .handoff_dialogs import ExtensionDialog, StopDialog
from .handoff_dialogs import short as _short
from .ops import OperationRunner
from .workspace import Workspace
from .labels import error_text, handoff_tag


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


class HandoffPage(QFrame):
    def __init__(self, workspace: Workspace, runner: OperationRunner, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.setObjectName("HandoffPage")
        self.workspace, self.runner = workspace, runner
        #: Builds the ``printing.printers.Printers`` façade (or None: PDFs only); replaced in tests.
        self.printers_factory: Callable[[], object] | None = None
        self.notifier: results.Notifier = notifier_for_profile(workspace.profile.root)
        self.lines: list[handoffs.BatchLine] = []
        self.warnings: list[late.DueWarning] = []
        self.last_print = None

        self.batch_heading = QLabel()
        self.batch_heading.setObjectName("PanelHeading")
        self.batch = _table([self.tr("Mã hồ sơ"), self.tr("Thủ tục"), self.tr("Nhận lúc"), self.tr("Hẹn trả"),
                             self.tr("Ghi chú")])
        self.batch.setAccessibleName(self.tr("Lô hồ sơ chuyển hôm nay"))
        self.to_unit = QLineEdit()
        self.to_unit.setAccessibleName(self.tr("Cơ quan, bộ phận nhận hồ sơ"))
        self.send = QPushButton(self.tr("Duyệt và chuyển"))
        self.send.clicked.connect(self.hand_off)
        self.result_code = QLineEdit()
        self.result_code.setObjectName("SearchBox")
        self.result_code.setPlaceholderText(self.tr("Quét mã vạch trên kết quả, hoặc nhập mã hồ sơ rồi Enter"))
        self.result_code.setAccessibleName(self.tr("Nhận kết quả"))
        self.result_code.returnPressed.connect(lambda: self.receive_result())
        self.due = _table([self.tr("Mã hồ sơ"), self.tr("Thủ tục"), self.tr("Hẹn trả"), self.tr("Tình trạng")])
        self.due.setAccessibleName(self.tr("Hồ sơ sắp đến hạn, quá hạn"))
        self.apologise_button = QPushButton(self.tr("Xin lỗi và gia hạn"))
        self.apologise_button.clicked.connect(lambda: self.apologise())
        self.stop_button = QPushButton(self.tr("Dừng giải quyết hồ sơ"))
        self.stop_button.setAccessibleName(self.tr("Dừng giải quyết hồ sơ và in thông báo (Mẫu 05)"))
        self.stop_button.clicked.connect(lambda: self.stop())
        self.message = QLabel()
        self.message.setObjectName("MutedText")
        self.message.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()

        send_row = QHBoxLayout()
        send_row.addWidget(QLabel(self.tr("Chuyển đến")))
        send_row.addWidget(self.to_unit, 1)
        send_row.addWidget(self.send)
        due_heading = QLabel(self.tr("Sắp đến hạn, quá hạn"))
        due_heading.setObjectName("PanelHeading")
        result_heading = QLabel(self.tr("Nhận kết quả từ cơ quan giải quyết"))
        result_heading.setObjectName("PanelHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for w in (self.batch_heading, self.batch):
            layout.addWidget(w)
        layout.addLayout(send_row)
        late_row = QHBoxLayout()
        late_row.addWidget(self.apologise_button)
        late_row.addWidget(self.stop_button)
        late_row.addStretch(1)
        for w in (result_heading, self.result_code, due_heading, self.due):
            layout.addWidget(w)
        layout.addLayout(late_row)
        for w in (self.message, self.error):
            layout.addWidget(w)

    def title(self) -> str:
        return self.tr("Chuyển hồ sơ")

    def on_shown(self) -> None:
        self.refresh()
        self.result_code.setFocus()

    def on_changes(self, changes) -> None:
        if getattr(changes, "dossiers", None) and self.isVisible():
            self.refresh()

    # ---- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        now, agency = self.workspace.now(), self.workspace.context.agency_code
        try:
            with self.workspace.store.read() as s:
                self.lines = handoffs.batch_for_day(s, agency_code=agency, day=now.date())
                self.warnings = late.due_soon(s, agency_code=agency, now=now)
        except CounterError as exc:
            self._error(error_text(exc))
            return
        day = now.date()
        self.batch_heading.setText(self.tr("Lô chuyển ngày {day}: {n} hồ sơ").format(
            day=f"{day:%d/%m/%Y}", n=len(self.lines)))
        _fill(self.batch, [[line.code, line.procedure_name, _short(line.received_at), _short(line.due_at),
                            handoff_tag(line, day)] for line in self.lines])
        if not self.to_unit.text().strip() and self.lines:
            self.to_unit.setText(self.lines[0].processing_agency)
        self.send.setEnabled(bool(self.lines))
        _fill(self.due, [[w.code, w.procedure_name, _short(w.due_at),
                          self.tr("Quá hạn") if w.overdue else self.tr("Sắp đến hạn")] for w in self.warnings])
        self.apologise_button.setEnabled(bool(self.warnings))

    # ---- the batch --------------------------------------------------------------------------

    def hand_off(self) -> None:
        lines, to_unit = list(self.lines), self.to_unit.text().strip()
        codes = [line.code for line in lines]
        if not codes:
            self._error(self.tr("Không có hồ sơ nào trong lô chuyển."))
            return
        if not to_unit:
            self._error(self.tr("Chọn cơ quan/bộ phận nhận hồ sơ."))
            return
        reason = self.tr("Lô chuyển {n} hồ sơ đến {unit}").format(n=len(codes), unit=to_unit)
        label = self.tr("Lô chuyển {n} hồ sơ ngày {day}").format(n=len(codes), day=f"{self.workspace.now():%d/%m}")
        approval_id = ask_approval(self, self.workspace, self.runner, action=Action.HANDOFF_BATCH,
                                   target=handoffs.batch_target(codes), reason=reason, target_label=label)
        if approval_id is None:
            return
        at, ctx = self.workspace.now(), self.workspace.context
        op = lambda s: handoffs.hand_off_batch(s, codes=codes, to_unit=to_unit, ctx=ctx,  # noqa: E731
                                               approval_id=approval_id, now=at)
        self.runner.write(op, on_done=lambda _r: self._print_batch(lines, to_unit, approval_id, at),
                          on_error=self._error)

    def _print_batch(self, lines, to_unit: str, approval_id: str, at: datetime) -> None:
        self._error("")
        self.message.setText(self.tr("Đã chuyển {n} hồ sơ đến {unit}. Đang in danh sách và phiếu kiểm soát…")
                             .format(n=len(lines), unit=to_unit))
        self.refresh()
        ws = self.workspace

        def job():
            from printing.batch import print_batch

            from counter_app.storage.models_security import ApprovalRow

            with ws.store.read() as s:
                approval = s.get(ApprovalRow, approval_id)
                supervisor = approval.approved_by if approval else ""
            return print_batch(store=ws.store, lines=lines, day=at.date(), to_unit=to_unit,
                               officer=ws.context.officer, now=at, spool_dir=ws.profile.root / "prints",
                               printers=self._printers(), approved_by=supervisor)
        self.runner.background(job, on_done=self._printed, on_error=self._error)

    def _printed(self, outcome) -> None:
        self.last_print = outcome
        self.message.setText(self.tr("Đã in danh sách hồ sơ chuyển và {n} phiếu kiểm soát.").format(
            n=len(outcome.slips)))

    # ---- results back -----------------------------------------------------------------------

    def receive_result(self, scanned: str | None = None) -> None:
        text = (scanned if scanned is not None else self.result_code.text()).strip()
        if not text:
            self._error(self.tr("Quét mã vạch trên kết quả hoặc nhập mã hồ sơ."))
            return
        at, ctx = self.workspace.now(), self.workspace.context
        self.runner.write(lambda s: results.file_scanned_result(s, scanned=text, ctx=ctx, now=at),
                          on_done=self._result_filed, on_error=self._result_refused)

    def accept_scan(self, result) -> bool:
        """A classified scan (``devices.barcode.dispatch.ScanResult``) while this page is shown:
        a dossier code files that dossier's result. ``False`` for anything else (the window decides)."""
        kind = getattr(getattr(result, "kind", None), "value", "")
        if kind != "dossier" or getattr(result, "dossier_code", None) is None:
            return False
        self.result_code.setText(result.dossier_code.format())
        self.receive_result()
        return True

    def _result_filed(self, result) -> None:
        notice: results.Notice = result.value
        self._error("")
        self.result_code.clear()
        self.result_code.setFocus()
        self.message.setText(self.tr("Đã nhận kết quả hồ sơ {code}: chờ trả cho công dân. Đã gửi thông báo.")
                             .format(code=notice.dossier_code))
        notifier = self.notifier
        self.runner.background(lambda: results.notify(notifier, notice))  # after the commit, never blocking
        self.refresh()

    def _result_refused(self, message: str) -> None:
        self.result_code.selectAll()  # the next scan replaces the wrong code
        self._error(message)

    # ---- late: apology and extension (Mẫu 04) -------------------------------------------------

    def apologise(self, new_due_at: datetime | None = None, reason: str | None = None) -> None:
        row = self.due.currentRow()
        if not 0 <= row < len(self.warnings):
            self._error(self.tr("Chọn một hồ sơ trong danh sách sắp đến hạn, quá hạn."))
            return
        warning = self.warnings[row]
        if new_due_at is None or reason is None:
            try:
                suggested = self.suggested_due(warning.code)
            except CounterError as exc:
                self._error(error_text(exc))
                return
            dialog = ExtensionDialog(warning.code, warning.due_at, suggested, self)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                new_due_at, reason = dialog.values()
            finally:
                dialog.deleteLater()
        if not reason.strip():  # the core's message, before bothering a supervisor
            self._error(self.tr("Ghi rõ lý do chậm trả kết quả (in trên văn bản xin lỗi)."))
            return
        code = warning.code
        label = self.tr("Hồ sơ {code}: hẹn trả kết quả mới {new}").format(code=code,
                                                                        new=f"{new_due_at:%H:%M ngày %d/%m/%Y}")
        approval_id = ask_approval(self, self.workspace, self.runner, action=Action.EXTEND_DEADLINE,
                                   target=late.extension_target(code, new_due_at), reason=reason, target_label=label)
        if approval_id is None:
            return
        at, ctx = self.workspace.now(), self.workspace.context
        op = lambda s: late.extend(s, code=code, new_due_at=new_due_at, reason=reason, ctx=ctx,  # noqa: E731
                                   approval_id=approval_id, now=at)
        self.runner.write(op, on_done=lambda _r: self._print_apology(code, at), on_error=self._error)

    def _print_apology(self, code: str, at: datetime) -> None:
        self._error("")
        self.refresh()
        ws = self.workspace

        def job():
            from printing.dispatch import print_form
            from printing.stored import stored_context

            with ws.store.read() as s:
                ctx = stored_context(s, code, form="apology", now=at)
            return print_form(store=ws.store, form="apology", ctx=ctx, officer=ws.context.officer, now=at,
                              spool_dir=ws.profile.root / "prints", printers=self._printers())

        def done(outcome) -> None:
            self.last_print = outcome
            self.message.setText(self.tr("Đã gia hạn hồ sơ {code} và in văn bản xin lỗi (Mẫu 04).").format(code=code))
        self.runner.background(job, on_done=done, on_error=self._error)

    def suggested_due(self, code: str) -> datetime:
        """The core's working-day suggestion for the new appointment (pre-filled in the dialog)."""
        with self.workspace.store.read() as s:
            return late.suggest_new_due(s, code=code, now=self.workspace.now())

    # ---- stop (dừng giải quyết, Mẫu 05) ---------------------------------------------------------

    def stop(self, code: str | None = None, reason: str | None = None) -> None:
        """Stop a dossier in processing: the selected one in the due list, or the code typed in the dialog."""
        if code is None or reason is None:
            row = self.due.currentRow()
            dialog = StopDialog(self.warnings[row].code if 0 <= row < len(self.warnings) else "", self)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                code, reason = dialog.values()
            finally:
                dialog.deleteLater()
        code = code.strip()
        if not code:
            self._error(self.tr("Nhập mã hồ sơ cần dừng giải quyết."))
            return
        if not reason.strip():  # the core's rule, before bothering a supervisor
            self._error(self.tr("Ghi rõ lý do dừng giải quyết hồ sơ (in trên Thông báo dừng giải quyết hồ sơ)."))
            return
        try:
            with self.workspace.store.read() as s:
                stops.check_stoppable(s, code)
        except CounterError as exc:
            self._error(error_text(exc))
            return
        approval_id = None
        if stops.needs_approval():
            approval_id = ask_approval(self, self.workspace, self.runner, action=stops.stop_action(), target=code,
                                       reason=reason)
            if approval_id is None:
                return
        at, ctx = self.workspace.now(), self.workspace.context
        op = lambda s: stops.stop(s, code=code, reason=reason, ctx=ctx, now=at,  # noqa: E731
                                  approval_id=approval_id)
        self.runner.write(op, on_done=lambda _r: self._print_stop(code, at), on_error=self._error)

    def _print_stop(self, code: str, at: datetime) -> None:
        self._error("")
        self.refresh()
        ws = self.workspace

        def job():
            from printing.dispatch import print_form
            from printing.stored import stored_context

            with ws.store.read() as s:
                ctx = stored_context(s, code, form=stops.NOTICE_FORM, now=at)
            if not stops.has_notice(ctx.dossier.legal_basis):
                return None
            return print_form(store=ws.store, form=stops.NOTICE_FORM, ctx=ctx, officer=ws.context.officer, now=at,
                              spool_dir=ws.profile.root / "prints", printers=self._printers())

        def done(outcome) -> None:
            self.last_print = outcome
            if outcome is None:
                self.message.setText(self.tr("Đã dừng giải quyết hồ sơ {code}. Căn cứ pháp lý của hồ sơ không có "
                                             "mẫu thông báo dừng: lập văn bản riêng.").format(code=code))
            else:
                self.message.setText(self.tr("Đã dừng giải quyết hồ sơ {code} và in thông báo (Mẫu 05).")
                                     .format(code=code))
        self.runner.background(job, on_done=done, on_error=self._error)

    # ---- helpers ------------------------------------------------------------------------------

    def _printers(self):
        if self.printers_factory is not None:
            return self.printers_factory()
        from printing.printers import Printers

        found = Printers(spool_dir=self.workspace.profile.root / "prints")
        return found if found.available() else None

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

