"""Fees in the dossier detail (F4): the dossier's payments and "Hoàn phí" / "Hủy biên lai".

:class:`PaymentsBox` lists each collection (receipt number, amount, method, what was refunded
or cancelled of it). :class:`FeeActions` asks the amount (a refund) and the reason, checks the
receipt with the core before bothering a supervisor, asks the supervisor's four-eyes approval
of exactly the dossier, the receipt and the amount (:func:`counter_app.services.fees.refund_target`
/ ``cancel_target``), then refunds or cancels on the writer thread (hoàn phí, lệ phí; hủy biên lai thu).
"""

from __future__ import annotations

from dataclasses import dataclass

from PyQt6.QtCore import QCoreApplication, QObject, Qt, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import select

from counter_app.domain.errors import CounterError
from counter_app.security.permissions import Action
from counter_app.services import fees
from counter_app.storage.models_lifecycle import PaymentRow

from ..approval import ask_approval
from ..formatting import money_vnd
from ..labels import error_text


@dataclass(frozen=True)
class PaymentLine:
    """One collection of a dossier and what is left of it."""

    receipt_no: str
    amount_vnd: int
    method: str
    refunded_vnd: int
    cancelled: bool

    @property
    def left_vnd(self) -> int:
        return 0 if self.cancelled else self.amount_vnd - self.refunded_vnd


def payment_lines(workspace, code: str) -> list[PaymentLine]:
    """The dossier's collections, oldest first (a short read)."""
    with workspace.store.read() as s:
        rows = list(s.scalars(select(PaymentRow).where(PaymentRow.dossier_code == code).order_by(PaymentRow.id)))
        back = [r for r in rows if r.kind != "collect"]
        return [PaymentLine(r.receipt_no, r.amount_vnd, r.method,
                            sum(b.amount_vnd for b in back if b.ref_payment_id == r.id and b.kind == "refund"),
                            any(b.ref_payment_id == r.id and b.kind == "cancel" for b in back))
                for r in rows if r.kind == "collect"]


def line_text(line: PaymentLine) -> str:
    method = {"cash": QCoreApplication.translate("PaymentsBox", "Tiền mặt"),
              "transfer": QCoreApplication.translate("PaymentsBox", "Chuyển khoản"),
              "qr": QCoreApplication.translate("PaymentsBox", "Quét mã QR")}.get(line.method, line.method)
    text = QCoreApplication.translate("PaymentsBox", "Biên lai {receipt}: {amount}, {method}").format(
        receipt=line.receipt_no, amount=money_vnd(line.amount_vnd), method=method)
    if line.cancelled:
        return text + QCoreApplication.translate("PaymentsBox", " — đã hủy biên lai")
    if line.refunded_vnd:
        refunded = QCoreApplication.translate("PaymentsBox", " — đã hoàn {amount}")
        return text + refunded.format(amount=money_vnd(line.refunded_vnd))
    return text


class PaymentsBox(QWidget):
    """The payments of the dossier shown, with the refund and cancel buttons for the chosen one."""

    refundRequested = pyqtSignal(str)  # receipt number
    cancelRequested = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[PaymentLine] = []
        self.list = QListWidget()
        self.list.setObjectName("DetailList")
        self.list.setMaximumHeight(96)
        self.refund_button = QPushButton(self.tr("Hoàn phí"))
        self.refund_button.setToolTip(self.tr("Hoàn phí, lệ phí theo biên lai đã chọn: cần lý do và lãnh đạo "
                                              "phê duyệt số tiền"))
        self.cancel_button = QPushButton(self.tr("Hủy biên lai"))
        self.cancel_button.setToolTip(self.tr("Hủy biên lai thu nhầm: cần lý do và lãnh đạo phê duyệt"))
        self.refund_button.clicked.connect(lambda: self._emit(self.refundRequested))
        self.cancel_button.clicked.connect(lambda: self._emit(self.cancelRequested))
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QHBoxLayout()
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def show_lines(self, lines: list[PaymentLine]) -> None:
        self.lines = list(lines)
        self.list.clear()
        for line in self.lines:
            item = QListWidgetItem(line_text(line))
            item.setData(Qt.ItemDataRole.UserRole, line.receipt_no)
            self.list.addItem(item)
        if self.lines:
            self.list.setCurrentRow(0)
        self._enable()

    def current(self) -> PaymentLine | None:
        row = self.list.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _enable(self) -> None:
        line = self.current()
        self.refund_button.setEnabled(line is not None and line.left_vnd > 0)
        self.cancel_button.setEnabled(line is not None and not line.cancelled and not line.refunded_vnd)

    def _emit(self, signal) -> None:
        line = self.current()
        if line is not None:
            signal.emit(line.receipt_no)


class FeeActions(QObject):
    """Refund and cancellation for the F4 page (``page``: ``workspace``, ``runner``, ``open_code``,
    ``_error``, ``summary``)."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        page.detail.payments_loader = lambda code: payment_lines(page.workspace, code)
        page.detail.payments.refundRequested.connect(self.request_refund)
        page.detail.payments.cancelRequested.connect(self.request_cancel)

    def _code(self) -> str:
        return self.page.detail.detail.summary.code

    def request_refund(self, receipt_no: str) -> None:
        line = next((x for x in self.page.detail.payments.lines if x.receipt_no == receipt_no), None)
        if line is None:
            return
        amount, ok = QInputDialog.getInt(self.page, self.tr("Hoàn phí"), self.tr("Số tiền hoàn theo biên lai {receipt} "
                                         "(đồng):").format(receipt=receipt_no), line.left_vnd, 1, line.left_vnd)
        if not ok:
            return
        reason, ok = QInputDialog.getText(self.page, self.tr("Hoàn phí"), self.tr("Lý do hoàn phí:"))
        if ok:
            self.reverse("refund", self._code(), receipt_no, reason, amount)

    def request_cancel(self, receipt_no: str) -> None:
        reason, ok = QInputDialog.getText(self.page, self.tr("Hủy biên lai"), self.tr("Lý do hủy biên lai {receipt}:")
                                          .format(receipt=receipt_no))
        if ok:
            self.reverse("cancel", self._code(), receipt_no, reason)

    def reverse(self, kind: str, code: str, receipt_no: str, reason: str, amount_vnd: int | None = None) -> None:
        """Refund (``kind="refund"``) or cancel one receipt: checks, four-eyes, then the write."""
        page = self.page
        if not reason.strip():  # the core's rule, before bothering a supervisor
            page._error(self.tr("Ghi rõ lý do hoàn phí.") if kind == "refund"
                        else self.tr("Ghi rõ lý do hủy biên lai."))
            return
        try:
            with page.workspace.store.read() as s:
                payment, amount_vnd = fees.reversal(s, kind=kind, code=code, receipt_no=receipt_no,
                                                    amount_vnd=amount_vnd)
                receipt_no = payment.receipt_no
        except CounterError as exc:
            page._error(error_text(exc))
            return
        target = (fees.refund_target if kind == "refund" else fees.cancel_target)(code, receipt_no, amount_vnd)
        approval_id = ask_approval(page, page.workspace, page.runner, action=Action.REFUND_FEE, target=target,
                                   reason=reason)
        if approval_id is None:
            return
        ctx, at = page.workspace.context, page.workspace.now()
        if kind == "refund":
            op = lambda s: fees.refund(s, code=code, receipt_no=receipt_no, amount_vnd=amount_vnd,  # noqa: E731
                                       reason=reason, ctx=ctx, approval_id=approval_id, now=at)
            done = self.tr("Đã hoàn {amount} theo biên lai {receipt} của hồ sơ {code}.")
        else:
            op = lambda s: fees.cancel(s, code=code, receipt_no=receipt_no, reason=reason,  # noqa: E731
                                       ctx=ctx, approval_id=approval_id, now=at)
            done = self.tr("Đã hủy biên lai {receipt} ({amount}) của hồ sơ {code}.")
        page._error("")

        def finished(_result) -> None:
            page.open_code(code)
            page.summary.setText(done.format(amount=money_vnd(amount_vnd), receipt=receipt_no, code=code))
        page.runner.write(op, on_done=finished, on_error=page._error)
