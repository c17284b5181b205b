"""Return of results (trả kết quả) as a headless state machine, and its record.

find the dossier (receipt barcode or search) → verify the receiver → confirm → status 10.
The receiver is the owner — checked by the ID number read from the chip or the card's QR
against the applicant's — or an authorised person (người được ủy quyền) whose written
authorisation is attached (scanned). Fees still owed block the return until paid.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.applicant import IdentitySource
from ..domain.errors import ValidationError
from ..domain.personal_id import normalise_id_number, parse_id_number
from ..domain.status import DossierStatus
from .dossiers import CounterContext, change_status, get_dossier_row
from .operations import OpResult


class ReturnError(ValidationError):
    code = "return"


class ReturnStep(enum.Enum):
    VERIFY = "verify"
    CONFIRM = "confirm"
    DONE = "done"


class ReceiverKind(enum.Enum):
    OWNER = "owner"  # chủ hồ sơ
    AUTHORISED = "authorised"  # người được ủy quyền


@dataclass(frozen=True)
class DossierToReturn:
    """What the flow needs to know of the stored dossier (plain data)."""

    code: str
    status: DossierStatus
    applicant_name: str
    applicant_id_number: str
    fee_outstanding_vnd: int = 0


@dataclass
class ReturnFlow:
    dossier: DossierToReturn
    step: ReturnStep = ReturnStep.VERIFY
    receiver_kind: ReceiverKind | None = None
    receiver_name: str = ""
    receiver_id_number: str = ""
    identified_by: IdentitySource | None = None

    def __post_init__(self) -> None:
        if self.dossier.status is not DossierStatus.RESOLVED:
            raise ReturnError(
                f"dossier {self.dossier.code} is {self.dossier.status.value}, not resolved",
                f"Hồ sơ {self.dossier.code} đang ở trạng thái “{self.dossier.status.label_vi}”, chưa có kết quả "
                "để trả. Kiểm tra lại mã trên giấy hẹn.",
            )

    def verify_owner(self, *, id_number: str, source: IdentitySource) -> None:
        """The owner came: the ID number from the chip/QR (or typed) must be the applicant's."""
        self._expect(ReturnStep.VERIFY)
        number = parse_id_number(id_number).number
        if number != normalise_id_number(self.dossier.applicant_id_number):
            raise ReturnError("receiver is not the owner",
                              "Số định danh trên thẻ không khớp với chủ hồ sơ. Nếu người nhận được ủy quyền, "
                              "chọn “Người được ủy quyền” và quét giấy ủy quyền.")
        self.receiver_kind, self.receiver_name = ReceiverKind.OWNER, self.dossier.applicant_name
        self.receiver_id_number, self.identified_by = number, source
        self.step = ReturnStep.CONFIRM

    def verify_authorised(self, *, name: str, id_number: str, source: IdentitySource,
                          authorisation_attached: bool) -> None:
        """An authorised person came: identified, and the authorisation scanned and attached."""
        self._expect(ReturnStep.VERIFY)
        if not name.strip():
            raise ReturnError("no receiver name", "Nhập họ tên người nhận.")
        number = parse_id_number(id_number).number
        if not authorisation_attached:
            raise ReturnError("authorisation not attached",
                              "Người nhận thay phải có văn bản ủy quyền: quét văn bản ủy quyền vào hồ sơ trước.")
        self.receiver_kind, self.receiver_name = ReceiverKind.AUTHORISED, name.strip()
        self.receiver_id_number, self.identified_by = number, source
        self.step = ReturnStep.CONFIRM

    def confirm(self) -> None:
        self._expect(ReturnStep.CONFIRM)
        if self.dossier.fee_outstanding_vnd > 0:
            amount = f"{self.dossier.fee_outstanding_vnd:,}".replace(",", ".")
            raise ReturnError("fees outstanding",
                              f"Hồ sơ còn nợ phí, lệ phí {amount} đồng. Thu phí trước khi trả kết quả.")
        self.step = ReturnStep.DONE

    def _expect(self, step: ReturnStep) -> None:
        if self.step is not step:
            raise ReturnError(f"not at step {step.value}", "Thao tác này không thực hiện được ở bước hiện tại.")


def load_for_return(session: Session, code: str, *, fee_outstanding_vnd: int = 0) -> ReturnFlow:
    row = get_dossier_row(session, code)
    return ReturnFlow(DossierToReturn(row.code, DossierStatus(row.status), row.applicant_name,
                                      row.applicant_id_number, fee_outstanding_vnd))


def record_return(session: Session, flow: ReturnFlow, *, ctx: CounterContext, now: datetime) -> OpResult[str]:
    """Status 10 (Đã trả kết quả), with who received and how they were identified."""
    if flow.step is not ReturnStep.DONE:
        raise ReturnError("return not confirmed", "Chưa xác nhận trả kết quả.")
    who = "chủ hồ sơ" if flow.receiver_kind is ReceiverKind.OWNER else "người được ủy quyền"
    reason = f"Trả cho {who}; xác minh bằng {flow.identified_by.value}"
    result = change_status(session, flow.dossier.code, DossierStatus.RETURNED, ctx=ctx, now=now, reason=reason)
    return OpResult(flow.dossier.code, result.changes)
