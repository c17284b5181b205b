"""The reception wizard (F2): renders ``counter_app.services.reception.ReceptionFlow``.

identify → procedure → checklist → outcome → (record on the writer thread) → done →
next citizen. Every rule is the flow's; this page only shows its step and passes the
officer's input on. Hooks for the other issues:

* :meth:`ReceptionPage.accept_identity` — a chip read / QR result (plain object);
* ``print_slip`` — a callable ``(ReceptionRecord, ReceptionFlow) -> object`` run on the
  pool after recording (the printing issue's dispatcher); ``None`` says "not connected".
  "In lại" on the done step calls it again with ``reason=`` and ``approval_id=`` keywords: a
  reprint of the receipt is four-eyes (a supervisor approves it first);
* :meth:`ReceptionPage.attach_scanner` — the document scanner the checklist scans with
  (default: the platform's, built on first use off the GUI thread). Pages scanned into the
  checklist are attached in the transaction that records the dossier.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QStackedWidget, QVBoxLayout,
                             QWidget)

from counter_app.domain.applicant import IdentitySource
from counter_app.domain.errors import CounterError
from counter_app.domain.personal_id import mask_id_number
from counter_app.services.dossiers import ReceptionRecord
from counter_app.services.reception import Outcome, ReceptionFlow, Step
from counter_app.services.reception_scans import PendingScans, record_with_scans

from ..formatting import appointment, money_vnd
from ..ops import OperationRunner
from ..workspace import Workspace
from .checklist_step import ChecklistStep
from .identity import IdentifyStep, applicant_from
from .outcome_step import DoneStep, OutcomeStep
from .procedure_step import ProcedureStep
from .scanning import LineScanner
from ..labels import error_text

PrintSlip = Callable[[ReceptionRecord, ReceptionFlow], object]
_PAGES = [Step.IDENTIFY, Step.PROCEDURE, Step.CHECKLIST, Step.OUTCOME, Step.DONE]


class ReceptionPage(QFrame):
    recorded = pyqtSignal(object)  # ReceptionRecord
    failed = pyqtSignal(str)

    def __init__(self, workspace: Workspace, runner: OperationRunner, *, print_slip: PrintSlip | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReceptionPage")
        self.workspace, self.runner, self.print_slip = workspace, runner, print_slip
        self.flow = ReceptionFlow()
        self.saving = False
        self.card_reader = None
        #: Set by the main window: does a chip read go to this page now (or to F3's receiver check)?
        self.is_identity_target: Callable[[], bool] = lambda: True
        self.scans = PendingScans()  # pages scanned into the checklist, attached when recorded
        self._lines = None  # devices.docscanner.line_pages.LinePages, made on the first scan
        self.line_scanner = LineScanner(runner, parent=self)

        self.steps = QLabel()
        self.steps.setObjectName("StepIndicator")
        self.steps.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("ApplicantBanner")
        self.banner.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("WarningBanner")
        self.warnings.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)

        self.identify = IdentifyStep()
        self.procedure = self._build_procedure_step()
        self.checklist = ChecklistStep()
        self.outcome = OutcomeStep()
        self.done = DoneStep()
        self.stack = QStackedWidget()
        for page in (self.identify, self.procedure, self.checklist, self.outcome, self.done):
            self.stack.addWidget(page)

        self.back_button = QPushButton(self.tr("← Quay lại (Esc)"))
        self.back_button.clicked.connect(self.back)
        self.restart_button = QPushButton(self.tr("Bắt đầu lại"))
        self.restart_button.clicked.connect(self.next_citizen)
        nav = QHBoxLayout()
        nav.addWidget(self.steps, 1)
        nav.addWidget(self.restart_button)
        nav.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(nav)
        layout.addWidget(self.banner)
        layout.addWidget(self.warnings)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)
        QShortcut(QKeySequence("Esc"), self, self.back, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.identify.identified.connect(self._identified)
        self.procedure.procedureChosen.connect(self.choose_procedure)
        self.search.failed.connect(self._show_error)
        self.checklist.proceed.connect(self._to_outcome)
        self.checklist.failed.connect(self._show_error)
        self.checklist.model.page_count = lambda position: self.scans.pages(position)
        self.checklist.feeChosen.connect(self.choose_fee)
        self.checklist.scanRequested.connect(self.scan_line)
        self.checklist.cancelScan.connect(self.line_scanner.cancel)
        self.line_scanner.started.connect(self.checklist.scan_started)
        self.line_scanner.progressed.connect(lambda _pos, page, fraction: self.checklist.scan_progress_at(
            page, fraction))
        self.line_scanner.finished.connect(self._scanned)
        self.outcome.decided.connect(self.decide)
        self.done.nextCitizen.connect(self.next_citizen)
        self.done.reprintRequested.connect(self.request_reprint)
        self._printed_record: ReceptionRecord | None = None  # the dossier whose slip "In lại" prints again
        self._render()

    def _build_procedure_step(self) -> QWidget:
        page = ProcedureStep(self.workspace.search)
        self.search = page.search
        page.starRequested.connect(self.toggle_favourite)
        return page

    @property
    def recent_buttons(self) -> list[QPushButton]:
        return self.procedure.recent_buttons

    @property
    def favourite_buttons(self) -> list[QPushButton]:
        return self.procedure.favourite_buttons

    # ---- rendering ---------------------------------------------------------------------

    def _render(self) -> None:
        step = self.flow.step
        self.stack.setCurrentIndex(_PAGES.index(step))
        names = [self.tr("1. Người nộp"), self.tr("2. Thủ tục"), self.tr("3. Thành phần"), self.tr("4. Kết quả"),
                 self.tr("5. Hoàn tất")]
        current = _PAGES.index(step)
        self.steps.setText("  ›  ".join(f"<b>{n}</b>" if i == current else n for i, n in enumerate(names)))
        self.back_button.setEnabled(step in (Step.PROCEDURE, Step.CHECKLIST, Step.OUTCOME) and not self.saving)
        self._render_banner()
        if step is Step.IDENTIFY:
            self.identify.focus_first()
        elif step is Step.PROCEDURE:
            self._fill_recent()
            self.search.focus_search()

    def _render_banner(self) -> None:
        a = self.flow.applicant
        self.banner.setVisible(a is not None)
        if a is not None:
            text = self.tr("Chủ hồ sơ: {name} · Số định danh {id}").format(
                name=a.full_name, id=mask_id_number(a.id_number))
            if a.source is IdentitySource.CHIP:
                text += self.tr(" · đã đọc chip")
            self.banner.setText(text)
        self.warnings.setText("\n".join(w.message_vi for w in self.flow.id_warnings))
        self.warnings.setVisible(bool(self.flow.id_warnings))

    def _fill_recent(self) -> None:
        try:
            favourites = self.workspace.favourite_procedures()
        except CounterError:
            favourites = []
        try:
            recent = self.workspace.recent_procedures()
        except CounterError:
            recent = []
        self.procedure.fill(favourites, recent)

    def toggle_favourite(self, code: str) -> None:
        """Star / unstar ``code`` for the signed-in officer (a write on the writer thread)."""
        self.runner.write(self.workspace.toggle_favourite_op(code), on_done=self._favourite_toggled,
                          on_error=self._show_error)

    def _favourite_toggled(self, _starred: bool) -> None:
        self._show_error("")
        self._fill_recent()
        self.search.refresh()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # ---- officer actions ---------------------------------------------------------------

    def accept_identity(self, identity: object, source: IdentitySource = IdentitySource.CHIP) -> None:
        """A chip or QR identity from a device; ignored unless the wizard waits for one."""
        if self.flow.step is Step.IDENTIFY:
            self.identify.accept_identity(identity, source)

    def attach_card_reader(self, bridge) -> None:
        """Wire a :class:`~ui.reception.card_reader.CardReaderBridge` (chip reads, card on/off)."""
        self.card_reader = bridge
        self.identify.chip_read = lambda can: bridge.present and bridge.read(can=can)
        bridge.identityRead.connect(self._chip_read)
        bridge.failed.connect(lambda message: self._show_error(message) if self.is_identity_target() else None)
        bridge.handler.progressed.connect(self._chip_progress)
        self.identify.cancel_read.clicked.connect(bridge.cancel)
        bridge.identityRead.connect(lambda _i: self.identify.show_status(""))
        bridge.failed.connect(lambda _m: self.identify.show_status(""))
        bridge.cardPresent.connect(self._card_present)
        bridge.handler.keyNeeded.connect(lambda _retry: self._show_error(self.tr(
            "Cần số định danh để đọc chip: nhập 12 chữ số (hoặc quét mã QR trên thẻ) rồi Enter."))
            if self.is_identity_target() else None)

    def _chip_progress(self, step: str, done: int, total: int) -> None:
        """The chip read's progress (file by file; the photo, DG2, is the long one)."""
        if self.flow.step is not Step.IDENTIFY or not self.is_identity_target():
            return
        if total:
            self.identify.show_status(self.tr("Đang đọc chip: {file} {percent}%").format(
                file=step, percent=done * 100 // total), cancellable=True)
        else:
            self.identify.show_status(self.tr("Đang đọc chip…"), cancellable=True)

    def _card_present(self, present: bool) -> None:
        if not present or not self.is_identity_target():
            return
        a = self.flow.applicant
        digits = "".join(ch for ch in self.identify.id_number.text() if ch.isdigit())
        if self.flow.step is Step.IDENTIFY and len(digits) == 12:
            self.card_reader.read(can=digits[-6:])
        elif self.flow.step is Step.IDENTIFY:
            self._show_error(self.tr("Thẻ đã đặt lên đầu đọc: nhập số định danh rồi Enter để đọc chip."))
        elif self.flow.step is Step.PROCEDURE and a is not None and a.source is IdentitySource.QR:
            self.card_reader.read(can=a.id_number[-6:])  # confirm the QR's data with the chip

    def _chip_read(self, identity: object) -> None:
        """The chip is authoritative: it identifies, or replaces a QR identity of the same person."""
        if not self.is_identity_target():
            return  # another page (F3's receiver check) takes this read
        a = self.flow.applicant
        if self.flow.step is Step.IDENTIFY:
            self._show_error("")
            self.identify.accept_identity(identity, IdentitySource.CHIP)
        elif (self.flow.step is Step.PROCEDURE and a is not None
              and a.id_number == str(getattr(identity, "id_number", ""))):
            try:  # stays on the procedure step; the focus stays where the officer types
                self.flow.identify(applicant_from(identity, IdentitySource.CHIP), contact=self.flow.contact)
            except CounterError as exc:
                self._show_error(error_text(exc))
                return
            self._render_banner()

    def _identified(self, applicant, contact) -> None:
        try:
            self.flow.identify(applicant, contact=contact)
        except CounterError as exc:
            self._show_error(error_text(exc))
            return
        self._show_error("")
        self._render()
        bridge = self.card_reader
        if bridge is not None and bridge.present and applicant.source is IdentitySource.QR:
            bridge.read(can=applicant.id_number[-6:])

    def choose_procedure(self, code: str) -> None:
        previous = self.flow.procedure.code if self.flow.procedure else None
        try:
            self.flow.choose_procedure(self.workspace.procedure(code))
        except CounterError as exc:
            self._show_error(error_text(exc))
            return
        if previous != code:
            self._clear_scans()  # another procedure: other checklist lines
        self._show_error("")
        self.checklist.set_flow(self.flow)
        self._render()
        self.checklist.table.setFocus()

    def choose_fee(self, amount_vnd: int) -> None:
        """The fee row the officer picked (the flow checks it)."""
        try:
            self.flow.set_fee(amount_vnd)
        except CounterError as exc:
            self._show_error(error_text(exc))

    def _to_outcome(self) -> None:
        if self._scanning():
            return
        try:
            self.flow.to_outcome()
        except CounterError as exc:
            self._show_error(error_text(exc))
            return
        self._show_error("")
        try:
            preview = self.workspace.due_preview(self.flow.procedure.limit)
            due = self.tr("Nếu tiếp nhận lúc này, hẹn trả: {when}").format(when=appointment(preview.due_at))
        except CounterError as exc:
            due = error_text(exc)
        if self.flow.procedure.fees:
            due += "\n" + self.tr("Phí, lệ phí: {amount}").format(amount=money_vnd(self.flow.fee_vnd))
        self.outcome.set_flow(self.flow, due)
        self._render()
        self.outcome.receive_button.setFocus() if self.flow.can_receive else self.outcome.reason.setFocus()

    def decide(self, outcome: Outcome, reason: str) -> None:
        if self.saving or self._scanning():
            return
        try:
            if outcome is Outcome.RECEIVE:
                self.flow.receive()
            elif outcome is Outcome.SUPPLEMENT:
                self.flow.request_supplement(reason)
            else:
                self.flow.refuse(reason)
        except CounterError as exc:
            self._show_error(error_text(exc))
            return
        self._show_error("")
        approval_id = None
        if outcome is Outcome.REFUSE:  # four-eyes: a supervisor approves the refusal now
            approval_id = self._approve_refusal(reason)
            if approval_id is None:
                self.flow.step, self.flow.outcome = Step.OUTCOME, None
                self._show_error(self.tr("Từ chối tiếp nhận cần lãnh đạo phê duyệt; hồ sơ chưa được ghi."))
                self._render()
                return
        self._set_saving(True)
        self.runner.write(self._record_op(approval_id), on_done=self._recorded,
                          on_error=self._record_failed)

    def _approve_refusal(self, reason: str) -> str | None:
        """The supervisor's approval of refusing this flow (``dossiers.refusal_target``), or None."""
        from counter_app.security.permissions import Action
        from counter_app.services.dossiers import refusal_target

        from .. import approval

        return approval.ask_approval(self, self.workspace, self.runner, action=Action.REFUSE_DOSSIER,
                                     target=refusal_target(self.flow), reason=reason)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.outcome.setEnabled(not saving)
        self.back_button.setEnabled(not saving and self.flow.step is not Step.DONE)

    def _recorded(self, result) -> None:
        self._set_saving(False)
        record: ReceptionRecord = result.value
        self.done.show_record(record, self.flow.outcome)
        self._render()
        self.done.next_button.setFocus()
        self.recorded.emit(record)
        self._printed_record = record if self.flow.outcome is Outcome.RECEIVE else None
        if self.print_slip is None:
            self.done.set_print_state(self.tr("Chưa kết nối máy in: phiếu chưa được in."))
            return
        self.done.set_print_state(self.tr("Đang in phiếu…"))
        flow = self.flow
        self.runner.background(lambda: self.print_slip(record, flow),
                               on_done=self._printed, on_error=self._print_failed)

    def _print_failed(self, message: str) -> None:
        self.done.set_print_state(self.tr("Chưa in được phiếu: {reason}").format(reason=message))
        self.done.set_reprint_allowed(self._printed_record is not None)

    def request_reprint(self) -> None:
        """"In lại": ask the reason when the receipt was printed already, then :meth:`reprint_slip`."""
        from ..print_hook import receipt_printed

        record, reason = self._printed_record, ""
        if record is None or self.print_slip is None:
            return
        if receipt_printed(self.workspace, record.code):
            reason, ok = QInputDialog.getText(self, self.tr("In lại giấy tiếp nhận"), self.tr(
                "Lý do in lại giấy tiếp nhận (ví dụ: in hỏng, kẹt giấy):"))
            if not ok:
                return
        self.reprint_slip(reason)

    def reprint_slip(self, reason: str = "") -> None:
        """Print the receipt again; a reprint needs the reason and a supervisor's approval first."""
        from counter_app.security.permissions import Action

        from .. import approval
        from ..print_hook import receipt_printed

        record, flow, approval_id = self._printed_record, self.flow, ""
        if record is None or self.print_slip is None:
            return
        if receipt_printed(self.workspace, record.code):
            if not reason.strip():  # the core's rule, checked before bothering a supervisor
                self._show_error(self.tr("In lại giấy tiếp nhận cần ghi lý do (ví dụ: in hỏng, kẹt giấy)."))
                return
            approval_id = approval.ask_approval(
                self, self.workspace, self.runner, action=Action.REPRINT_RECEIPT, target=record.code, reason=reason,
                target_label=self.tr("Giấy tiếp nhận của hồ sơ {code}").format(code=record.code))
            if approval_id is None:
                return
        self._show_error("")
        self.done.set_reprint_allowed(False)
        self.done.set_print_state(self.tr("Đang in lại phiếu…"))
        self.runner.background(lambda: self.print_slip(record, flow, reason=reason, approval_id=approval_id),
                               on_done=self._printed, on_error=self._print_failed)

    def _printed(self, outcome: object) -> None:
        """``outcome``: the printing package's PrintOutcome (duck-typed: ``job``, ``record.saved_pdf``)."""
        self.done.set_reprint_allowed(self._printed_record is not None)
        job = getattr(outcome, "job", None)
        if job is not None:
            self.done.set_print_state(self.tr("Đã gửi phiếu tới máy in {printer}.").format(printer=job.printer))
        else:
            saved = getattr(getattr(outcome, "record", None), "saved_pdf", "")
            self.done.set_print_state(self.tr("Chưa có máy in: đã lưu phiếu thành tệp PDF {path}.").format(
                path=saved))

    def _record_failed(self, message: str) -> None:
        # Nothing was stored (the transaction rolled back): let the officer decide again.
        self._set_saving(False)
        self.flow.step, self.flow.outcome = Step.OUTCOME, None
        self._show_error(message)
        self._render()

    def back(self) -> None:
        if self.line_scanner.busy:  # Esc while scanning cancels the scan
            self.line_scanner.cancel()
            return
        if self.flow.step is Step.IDENTIFY and self.card_reader is not None and self.card_reader.cancel():
            return  # Esc while the chip is read cancels the read
        if self.saving or self.flow.step not in (Step.PROCEDURE, Step.CHECKLIST, Step.OUTCOME):
            return
        self.flow.back()
        self._show_error("")
        self._render()

    def next_citizen(self) -> None:
        if self.saving:
            return
        self.flow = ReceptionFlow()
        self._printed_record = None
        self._clear_scans()
        self.identify.reset()
        self.search.query.clear()
        self.checklist.model.set_flow(None)
        self._show_error("")
        self._render()

    # ---- scanning into the checklist -------------------------------------------------

    def attach_scanner(self, scanner_factory, *, options=None, pages: int | None = None) -> None:
        """Scan with ``scanner_factory()`` (a ``DocumentScanner``, built on first use off the GUI thread)."""
        self.line_scanner.scanner_factory, self.line_scanner.scanner = scanner_factory, None
        self.line_scanner.options, self.line_scanner.pages = options, pages

    def scan_line(self, position: int) -> None:
        if self.flow.step is not Step.CHECKLIST or self.saving:
            return
        if self._lines is None:
            from devices.docscanner.line_pages import LinePages

            self._lines = LinePages(self.scans)
        title = next((line.name for line in self.flow.checklist if line.position == position), "")
        self._show_error("")
        self.line_scanner.start(position, self._lines, title=title)

    def _scanned(self, position: int, pages: int, message: str) -> None:
        self.checklist.scan_finished(position, pages, message)
        if message:
            self._show_error(message)

    def _scanning(self) -> bool:
        if self.line_scanner.busy:
            self._show_error(self.tr("Đang quét: chờ quét xong hoặc bấm Hủy quét (Esc) trước."))
        return self.line_scanner.busy

    def _clear_scans(self) -> None:
        if self.line_scanner.busy:
            self.line_scanner.cancel()
        # New holders: a scan still finishing writes into the old ones, never into the next dossier.
        self.scans, self._lines = PendingScans(), None
        self.checklist.clear_scan_state()

    def _record_op(self, approval_id: str | None = None):
        """Record the dossier and, in the same transaction, attach the checklist's scans."""
        return record_with_scans(self.workspace.record_reception_op(self.flow, approval_id), self.scans,
                                 data_root=self.workspace.profile.root, by=self.workspace.context.officer)
