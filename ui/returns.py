"""Return of results (trả kết quả), F3: renders ``counter_app.services.returns.ReturnFlow``.

find (scan the receipt's barcode or type the code) → verify the receiver (the owner by the
card's QR, a chip read or the typed ID number; or an authorised person with the written
authorisation attached) → confirm → recorded (status 10) on the writer thread → next.
Every rule (resolved only, owner's number must match, authorisation required, fees paid)
is the flow's. Fees still owed are collected here ("Thu phí": method and receipt number,
``fees.collect``). The authorisation is scanned (cancellable, ``ui.returns_devices``) or
chosen as a file and kept with the dossier (``return_authorisation``) before "Người được ủy
quyền nhận" is enabled. After the return the result slip (Phiếu trả kết quả) is printed the
receipt's way (``ui.result_print``; PDF saved when there is no printer, the print recorded)
and the citizen is asked for a rating (``ratings.levels()`` → ``record_rating``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                             QPushButton, QVBoxLayout, QWidget)

from counter_app.domain.applicant import IdentitySource
from counter_app.domain.errors import CounterError
from counter_app.domain.personal_id import mask_id_number
from counter_app.services import ratings
from counter_app.services.fees import PaymentMethod
from counter_app.services.returns import ReturnFlow, ReturnStep

from .formatting import money_vnd
from .ops import OperationRunner
from .reception.scanning import LineScanner
from .returns_devices import ReturnDevices
from .widgets.busy import BusyIndicator
from .workspace import Workspace
from .labels import error_text


class ReturnPage(ReturnDevices, QFrame):
    returned = pyqtSignal(str)  # dossier code

    def __init__(self, workspace: Workspace, runner: OperationRunner, parent: QWidget | None = None, *,
                 print_result: Callable[[ReturnFlow], object] | None = None,
                 scanner_factory: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        self.workspace, self.runner = workspace, runner
        self.print_result = print_result  # ui.result_print.result_printer(workspace); None: no printing
        # The authorisation scan: the reception checklist's cancellable scanner (one "line", position 0).
        self.auth_scanner = LineScanner(runner, parent=self)
        self.auth_scanner.progressed.connect(self._scan_progress)
        self.auth_scanner.finished.connect(self._scanned)
        self._auth_pages = None  # devices.docscanner.line_pages.LinePages of the scan in progress
        self._auth_code = ""
        if scanner_factory is not None:
            self.scanner_factory = scanner_factory
        self.card_reader = None  # ui.reception.card_reader.CardReaderBridge, when one is attached
        self._key_refused = False  # the owner's access number did not open the card on the reader
        #: Set by the main window: is this page the one a chip read goes to now?
        self.is_identity_target: Callable[[], bool] = lambda: True
        self.flow: ReturnFlow | None = None
        self.saving = False
        self.authorisation: str = ""  # sha256 of the authorisation kept with the dossier ("" = none yet)
        heading = QLabel(self.tr("Trả kết quả"))
        heading.setObjectName("PanelHeading")
        self.receipt = QLineEdit()
        self.receipt.setObjectName("SearchBox")
        self.receipt.setPlaceholderText(self.tr("Quét mã vạch trên giấy tiếp nhận, hoặc nhập mã hồ sơ"))
        self.receipt.setAccessibleName(self.tr("Mã hồ sơ"))
        self.dossier = QLabel()
        self.dossier.setObjectName("ApplicantBanner")
        self.dossier.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)

        self.owner_id = QLineEdit()
        self.owner_id.setPlaceholderText(self.tr("Quét mã QR trên thẻ của người nhận, hoặc nhập số định danh"))
        self.owner_button = QPushButton(self.tr("Chủ hồ sơ nhận (Enter)"))
        self.owner_button.setObjectName("PrimaryButton")
        self.proxy_name, self.proxy_id = QLineEdit(), QLineEdit()
        self.scan_authorisation_button = QPushButton(self.tr("Quét văn bản ủy quyền"))
        self.file_authorisation_button = QPushButton(self.tr("Chọn tệp văn bản ủy quyền…"))
        self.authorisation_state = QLabel(self.tr("Chưa có văn bản ủy quyền."))
        self.authorisation_state.setObjectName("MutedText")
        self.authorisation_state.setWordWrap(True)
        authorisation_row = QHBoxLayout()
        authorisation_row.addWidget(self.scan_authorisation_button)
        authorisation_row.addWidget(self.file_authorisation_button)
        authorisation_row.addStretch(1)
        self.busy = BusyIndicator(self)  # the scan (cancel via the scanner façade) or the chip read
        self.busy.cancelRequested.connect(self._cancel_device)
        self.proxy_button = QPushButton(self.tr("Người được ủy quyền nhận"))
        verify = QFormLayout()
        verify.addRow(self.tr("Chủ hồ sơ"), self.owner_id)
        verify.addRow("", self.owner_button)
        verify.addRow(self.tr("Người được ủy quyền"), self.proxy_name)
        verify.addRow(self.tr("Số định danh người nhận"), self.proxy_id)
        verify.addRow(self.tr("Văn bản ủy quyền"), authorisation_row)
        state_box = QVBoxLayout()  # the progress line under the state, no gap while hidden
        state_box.setContentsMargins(0, 0, 0, 0)
        state_box.addWidget(self.authorisation_state)
        state_box.addWidget(self.busy)
        verify.addRow("", state_box)
        verify.addRow("", self.proxy_button)
        self.verify_box = QFrame()
        self.verify_box.setLayout(verify)

        # Fees still owed (phí, lệ phí): collected before the return.
        self.fee_due = QLabel()
        self.fee_due.setObjectName("StepError")
        self.fee_method = QComboBox()
        for method, label in ((PaymentMethod.CASH, self.tr("Tiền mặt")),
                              (PaymentMethod.TRANSFER, self.tr("Chuyển khoản")),
                              (PaymentMethod.QR, self.tr("Quét mã QR"))):
            self.fee_method.addItem(label, method)
        self.fee_receipt = QLineEdit()
        self.fee_receipt.setAccessibleName(self.tr("Số biên lai"))
        self.fee_button = QPushButton(self.tr("Thu phí"))
        fee_form = QFormLayout()
        fee_form.addRow(self.fee_due)
        fee_form.addRow(self.tr("Hình thức nộp"), self.fee_method)
        fee_form.addRow(self.tr("Số biên lai"), self.fee_receipt)
        fee_form.addRow("", self.fee_button)
        self.fee_box = QFrame()
        self.fee_box.setLayout(fee_form)
        # Rating prompt (đánh giá mức độ hài lòng) after the return.
        self.rating_box = QFrame()
        rating_row = QHBoxLayout(self.rating_box)
        rating_row.addWidget(QLabel(self.tr("Mời công dân đánh giá:")))
        self.rating_buttons: list[QPushButton] = []
        for level, label in enumerate(ratings.levels(ratings.rating_scale()), start=1):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, n=level: self.rate(n))
            rating_row.addWidget(button)
            self.rating_buttons.append(button)
        self.rated: int | None = None

        self.print_state = QLabel()
        self.print_state.setObjectName("MutedText")
        self.print_state.setWordWrap(True)
        self.confirm_label = QLabel()
        self.confirm_label.setObjectName("DueLine")
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Xác nhận đã trả kết quả (Enter)"))
        self.confirm_button.setObjectName("PrimaryButton")
        self.confirm_button.setDefault(True)
        self.next_button = QPushButton(self.tr("Hồ sơ tiếp theo"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.confirm_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading)
        layout.addWidget(self.receipt)
        layout.addWidget(self.dossier)
        layout.addWidget(self.error)
        layout.addWidget(self.fee_box)
        layout.addWidget(self.verify_box)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.print_state)
        layout.addWidget(self.rating_box)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.receipt.returnPressed.connect(lambda: self.open_code(self.receipt.text()))
        self.owner_id.returnPressed.connect(self.owner_receives)
        self.owner_button.clicked.connect(self.owner_receives)
        self.proxy_button.clicked.connect(self.proxy_receives)
        self.confirm_button.clicked.connect(self.confirm)
        self.next_button.clicked.connect(self.reset)
        self.fee_button.clicked.connect(self.collect_fee)
        self.fee_receipt.returnPressed.connect(self.collect_fee)
        self.scan_authorisation_button.clicked.connect(self.scan_authorisation)
        self.file_authorisation_button.clicked.connect(self.choose_authorisation_file)
        self.reset()

    # ---- rendering ---------------------------------------------------------------------

    def render(self) -> None:
        step = self.flow.step if self.flow else None
        self.dossier.setVisible(self.flow is not None)
        if self.flow is not None:
            d = self.flow.dossier
            self.dossier.setText(self.tr("Hồ sơ {code} · {name} · {id}").format(
                code=d.code, name=d.applicant_name, id=mask_id_number(d.applicant_id_number)))
        self.verify_box.setVisible(step is ReturnStep.VERIFY)
        self.confirm_label.setVisible(step in (ReturnStep.CONFIRM, ReturnStep.DONE))
        self.confirm_button.setVisible(step is ReturnStep.CONFIRM)
        self.confirm_button.setEnabled(not self.saving)
        self.next_button.setVisible(step is ReturnStep.DONE)
        owed = self.flow.dossier.fee_outstanding_vnd if self.flow else 0
        self.fee_box.setVisible(bool(owed) and step is not ReturnStep.DONE)
        self.fee_due.setText(self.tr("Còn phải nộp phí, lệ phí: {amount}").format(amount=money_vnd(owed)))
        self.fee_button.setEnabled(not self.saving)
        self.proxy_button.setEnabled(bool(self.authorisation) and not self.saving)
        for button in (self.scan_authorisation_button, self.file_authorisation_button):
            button.setEnabled(not self.saving)
        self.print_state.setVisible(step is ReturnStep.DONE and bool(self.print_state.text()))
        self.rating_box.setVisible(step is ReturnStep.DONE and not self.saving and self.rated is None)
        if step is ReturnStep.CONFIRM:
            self.confirm_label.setText(self.tr("Trả kết quả cho: {name}").format(name=self.flow.receiver_name))
            self.confirm_button.setFocus()
        elif step is ReturnStep.VERIFY:
            self.owner_id.setFocus()
        elif step is ReturnStep.DONE:
            self.next_button.setFocus()
        else:
            self.receipt.setFocus()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def reset(self) -> None:
        self.flow, self.rated, self.authorisation = None, None, ""
        for edit in (self.receipt, self.owner_id, self.proxy_name, self.proxy_id, self.fee_receipt):
            edit.clear()
        self.authorisation_state.setText(self.tr("Chưa có văn bản ủy quyền."))
        self.print_state.clear()
        self._show_error("")
        self.render()

    # ---- officer actions -----------------------------------------------------------------

    def _attempt(self, action) -> bool:
        try:
            action()
        except CounterError as exc:
            self._show_error(error_text(exc))
            return False
        self._show_error("")
        self.render()
        return True

    def open_code(self, code: str) -> None:
        if self.saving or not code.strip():
            return
        self.receipt.setText(code.strip())

        def load() -> None:
            self.flow = self.workspace.load_for_return(code)
        if not self._attempt(load):
            self.receipt.selectAll()  # the next scan replaces the wrong code

    def accept_identity(self, identity: object, source: IdentitySource) -> None:
        """A card QR / chip read while verifying: the owner's check, no typing."""
        if self.flow is not None and self.flow.step is ReturnStep.VERIFY:
            self._attempt(lambda: self.flow.verify_owner(id_number=str(getattr(identity, "id_number", "")),
                                                         source=source))

    def owner_receives(self) -> None:
        if self.flow is not None:
            self._attempt(lambda: self.flow.verify_owner(id_number=self.owner_id.text(),
                                                         source=IdentitySource.TYPED))

    def proxy_receives(self) -> None:
        if self.flow is not None:
            self._attempt(lambda: self.flow.verify_authorised(
                name=self.proxy_name.text(), id_number=self.proxy_id.text(), source=IdentitySource.TYPED,
                authorisation_attached=bool(self.authorisation)))

    # ---- the authorisation (văn bản ủy quyền) ----------------------------------------------

    def choose_authorisation_file(self) -> None:
        if self.flow is None or self.saving:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp văn bản ủy quyền"), "",
                                              self.tr("Tệp quét (*.pdf *.jpg *.jpeg *.png)"))
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            self._show_error(self.tr("Không đọc được tệp {name}.").format(name=path.name))
            return
        self.attach_authorisation(data, pages=1, filename=path.name)

    def attach_authorisation(self, data: bytes, *, pages: int, filename: str, busy: bool = False) -> None:
        """Keep ``data`` with the dossier (writer thread); "Người được ủy quyền nhận" is enabled after."""
        if self.flow is None or (self.saving and not busy):
            return
        self.saving = True
        self.render()
        op = self.workspace.attach_return_authorisation_op(self.flow.dossier.code, data, pages=pages,
                                                           filename=filename)
        self.runner.write(op, on_done=self._authorisation_kept, on_error=self._authorisation_failed)

    def _authorisation_kept(self, result) -> None:
        self.saving = False
        self.authorisation = result.value.sha256
        self.authorisation_state.setText(self.tr("Đã lưu văn bản ủy quyền vào hồ sơ ({pages} trang).").format(
            pages=max(1, result.value.pages)))
        self._show_error("")
        self.render()

    def _authorisation_failed(self, message: str) -> None:
        self.saving = False
        self.authorisation_state.setText(self.tr("Chưa có văn bản ủy quyền."))
        self._show_error(message)
        self.render()

    def confirm(self) -> None:
        if self.flow is None or self.saving or not self._attempt(self.flow.confirm):
            return
        self.saving = True
        self.render()
        self.runner.write(self.workspace.record_return_op(self.flow), on_done=self._recorded,
                          on_error=self._failed)

    def _recorded(self, result) -> None:
        self.saving = False
        self.confirm_label.setText(self.tr("Đã trả kết quả hồ sơ {code}.").format(code=result.value))
        self.render()
        self.returned.emit(result.value)
        self._print_result()

    def _print_result(self) -> None:
        """The result slip, on the pool, once the return is stored (a print failure keeps the return)."""
        if self.print_result is None:
            self.print_state.setText(self.tr("Chưa kết nối máy in: phiếu trả kết quả chưa được in."))
            self.render()
            return
        self.print_state.setText(self.tr("Đang in phiếu trả kết quả…"))
        self.render()
        flow, printer = self.flow, self.print_result
        self.runner.background(lambda: printer(flow), on_done=self._result_printed, on_error=lambda m: (
            self.print_state.setText(self.tr("Chưa in được phiếu trả kết quả: {error}").format(error=m)),
            self.render()))

    def _result_printed(self, outcome) -> None:
        job = getattr(outcome, "job", None)
        if job is not None:
            self.print_state.setText(self.tr("Đã gửi phiếu trả kết quả tới máy in {printer}.").format(
                printer=job.printer))
        else:
            saved = getattr(getattr(outcome, "record", None), "saved_pdf", "")
            self.print_state.setText(self.tr("Chưa có máy in: đã lưu phiếu trả kết quả thành tệp PDF {path}.")
                                     .format(path=saved))
        self.render()

    def _failed(self, message: str) -> None:
        # Nothing stored (rolled back): back to the confirmation.
        self.saving = False
        self.flow.step = ReturnStep.CONFIRM
        self._show_error(message)
        self.render()

    def collect_fee(self) -> None:
        """"Thu phí": what is owed, by the chosen method, with the receipt number."""
        if self.flow is None or self.saving or not self.flow.dossier.fee_outstanding_vnd:
            return
        self.saving = True
        self.render()
        op = self.workspace.collect_fee_op(self.flow.dossier.code, amount_vnd=self.flow.dossier.fee_outstanding_vnd,
                                           method=self.fee_method.currentData(), receipt_no=self.fee_receipt.text())
        self.runner.write(op, on_done=self._fee_collected, on_error=self._fee_failed)

    def _fee_collected(self, result) -> None:
        self.saving = False
        self.flow.dossier = replace(self.flow.dossier, fee_outstanding_vnd=result.value)
        self._show_error("")
        self.render()

    def _fee_failed(self, message: str) -> None:
        self.saving = False
        self._show_error(message)
        self.render()

    def rate(self, level: int) -> None:
        if self.flow is None or self.flow.step is not ReturnStep.DONE or self.rated is not None:
            return
        code = self.flow.dossier.code
        self.runner.write(self.workspace.rating_op(code, level), on_done=self._rated, on_error=self._show_error)

    def _rated(self, result) -> None:
        self.rated = result.value
        self.confirm_label.setText(self.tr("Cảm ơn công dân đã đánh giá."))
        self.render()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.flow is not None:
            if self.flow.step is ReturnStep.CONFIRM:
                self.confirm()
                return
            if self.flow.step is ReturnStep.DONE:
                self.reset()
                return
        super().keyPressEvent(event)

