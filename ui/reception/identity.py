"""Identify step (xác định người nộp hồ sơ): card QR scan, chip read, or typed identity.

Other parts plug in through :meth:`IdentifyStep.accept_identity`, which takes any plain
object with ``id_number``, ``full_name`` and optionally ``date_of_birth``, ``sex``
(``Sex`` or "Nam"/"Nữ") and ``place_of_residence``/``address`` — e.g. the chip reader's
``CitizenIdentity`` or the QR parser's ``CardQr``. The typed path is always there.
"""

from __future__ import annotations

import re
from datetime import date

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import (QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                             QVBoxLayout, QWidget)

from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.personal_id import Sex
from ..labels import error_text

_DATE = re.compile(r"^(\d{1,2})[/.\-]?(\d{1,2})[/.\-]?(\d{4})$")


def parse_typed_date(text: str) -> date | None:
    """``01/02/1990``, ``1.2.1990`` or ``01021990``; empty → ``None``; else ``ValidationError``."""
    t = text.strip()
    if not t:
        return None
    m = _DATE.match(t) if len(t) != 8 or not t.isdigit() else re.match(r"^(\d{2})(\d{2})(\d{4})$", t)
    try:
        if not m:
            raise ValueError(t)
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise ValidationError("bad date of birth", "Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 05/09/1990.") \
            from None


def _sex(value: object) -> Sex | None:
    if isinstance(value, Sex):
        return value
    text = str(value or "").strip().lower()
    return {"nam": Sex.MALE, "nữ": Sex.FEMALE, "nu": Sex.FEMALE, "male": Sex.MALE, "female": Sex.FEMALE}.get(text)


def applicant_from(identity: object, source: IdentitySource) -> Applicant:
    """An :class:`Applicant` from a chip/QR identity object (duck-typed, no device import)."""
    address = getattr(identity, "place_of_residence", "") or getattr(identity, "address", "") or ""
    return Applicant(ApplicantKind.INDIVIDUAL, str(getattr(identity, "full_name", "")).strip(),
                     id_number=str(getattr(identity, "id_number", "")),
                     date_of_birth=getattr(identity, "date_of_birth", None),
                     sex=_sex(getattr(identity, "sex", None)), address=address, source=source)


def _card_qr_parser():
    """The barcode issue's CCCD QR parser, if present (``None`` keeps the typed path only)."""
    try:
        from devices.barcode.cccd_qr import parse_card_qr
    except ImportError:
        return None
    return parse_card_qr


class IdentifyStep(QFrame):
    """Emits :attr:`identified` with the applicant and contact; errors stay on the step."""

    identified = pyqtSignal(object, object)  # Applicant, Contact
    #: Set by the wizard when a card reader is attached: ``chip_read(can) -> started``.
    chip_read = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WizardStep")
        self._parse_qr = _card_qr_parser()
        heading = QLabel(self.tr("Người nộp hồ sơ"))
        heading.setObjectName("PanelHeading")
        hint = QLabel(self.tr("Đặt thẻ căn cước lên đầu đọc, quét mã QR trên thẻ, hoặc nhập tay."))
        hint.setObjectName("MutedText")
        hint.setWordWrap(True)

        self.qr = QLineEdit()
        self.qr.setObjectName("QrInput")
        self.qr.setPlaceholderText(self.tr("Quét mã QR trên thẻ căn cước vào đây"))
        self.qr.setAccessibleName(self.tr("Mã QR trên thẻ"))
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(16)
        self.id_number.setPlaceholderText(self.tr("12 chữ số"))
        self.full_name = QLineEdit()
        self.dob = QLineEdit()
        self.dob.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.sex = QComboBox()
        self.sex.addItems(["", self.tr("Nam"), self.tr("Nữ")])
        self.sex.setMinimumWidth(120)
        self.sex.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("không bắt buộc"))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.qr_label = QLabel(self.tr("Mã &QR trên thẻ"))
        form.addRow(self.qr_label, self.qr)
        form.addRow(self.tr("Số định &danh cá nhân"), self.id_number)
        form.addRow(self.tr("&Họ và tên"), self.full_name)
        form.addRow(self.tr("Ngày &sinh"), self.dob)
        form.addRow(self.tr("&Giới tính"), self.sex)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Số điện &thoại"), self.phone)
        self.qr_label.setBuddy(self.qr)
        self.qr.setVisible(self._parse_qr is not None)
        self.qr_label.setVisible(self._parse_qr is not None)

        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.status = QLabel()  # a chip read in progress
        self.status.setObjectName("MutedText")
        self.cancel_read = QPushButton(self.tr("Hủy đọc thẻ (Esc)"))
        self.cancel_read.setAccessibleName(self.tr("Hủy đọc chip đang chạy"))
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.cancel_read)
        self.status.hide()
        self.cancel_read.hide()
        self.next_button = QPushButton(self.tr("Tiếp tục (Enter)"))
        self.next_button.setObjectName("PrimaryButton")
        self.next_button.clicked.connect(self.submit_typed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(status_row)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

        self.qr.returnPressed.connect(lambda: self.accept_qr_text(self.qr.text()))
        for edit in (self.id_number, self.full_name, self.dob, self.phone):
            edit.returnPressed.connect(self.submit_typed)

    @property
    def accepts_qr(self) -> bool:
        return self._parse_qr is not None

    def reset(self) -> None:
        for edit in (self.qr, self.id_number, self.full_name, self.dob, self.phone):
            edit.clear()
        self.sex.setCurrentIndex(0)
        self.show_error("")
        self.show_status("")
        self.focus_first()

    def focus_first(self) -> None:
        (self.qr if self.accepts_qr else self.id_number).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_status(self, text: str, *, cancellable: bool = False) -> None:
        """The chip read's progress line; ``cancellable`` shows “Hủy đọc thẻ (Esc)” beside it."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.cancel_read.setVisible(bool(text) and cancellable)

    # ---- the three ways in ---------------------------------------------------------

    def accept_qr_text(self, text: str) -> None:
        """A scanned (or pasted) card QR: parsed by ``devices.barcode``; no identity typed."""
        if self._parse_qr is None or not text.strip():
            return
        try:
            card = self._parse_qr(text)
        except CounterError as exc:
            self.qr.selectAll()
            self.show_error(error_text(exc))
            return
        self.qr.clear()
        self.accept_identity(card, IdentitySource.QR)

    def accept_identity(self, identity: object, source: IdentitySource = IdentitySource.CHIP) -> None:
        """A chip read or a QR: fill the form (for the record) and go on at once."""
        try:
            applicant = applicant_from(identity, source)
        except CounterError as exc:
            self.show_error(error_text(exc))
            return
        self.id_number.setText(applicant.id_number)
        self.full_name.setText(applicant.full_name)
        self.dob.setText(f"{applicant.date_of_birth:%d/%m/%Y}" if applicant.date_of_birth else "")
        self.sex.setCurrentIndex({Sex.MALE: 1, Sex.FEMALE: 2}.get(applicant.sex, 0))
        self.show_error("")
        self.identified.emit(applicant, Contact(phone=self.phone.text().strip(), address=applicant.address))

    def submit_typed(self) -> None:
        digits = "".join(ch for ch in self.id_number.text() if ch.isdigit())
        if self.chip_read is not None and not self.full_name.text().strip() and len(digits) == 12:
            # A card is on the reader: the ID number is enough, the chip gives the rest.
            if self.chip_read(digits[-6:]):
                self.show_error("")
                return
        try:
            applicant = Applicant(ApplicantKind.INDIVIDUAL, self.full_name.text().strip(),
                                  id_number=self.id_number.text(), date_of_birth=parse_typed_date(self.dob.text()),
                                  sex=(None, Sex.MALE, Sex.FEMALE)[self.sex.currentIndex()],
                                  source=IdentitySource.TYPED)
        except CounterError as exc:
            self.show_error(error_text(exc))
            return
        self.show_error("")
        self.identified.emit(applicant, Contact(phone=self.phone.text().strip()))
