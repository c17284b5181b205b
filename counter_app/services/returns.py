"""Return of results (trả kết quả) as a headless state machine, and its record.

find the dossier (receipt barcode or search) → verify the receiver → confirm → status 10.
The receiver is the owner — checked by the ID number read from the chip or the card's QR
against the applicant's — or an authorised person (người được ủy quyền) whose written
authorisation is attached (scanned). Fees still owed block the return until paid.

:func:`record_return` re-checks both inside its transaction from the store (the authorisation
kept with the dossier, the fees owed computed by ``fees.outstanding_vnd``), whatever the flow
was told, and stores who received (:class:`~counter_app.storage.models_returns.ReturnReceiverRow`:
name and ID number in the encrypted database, masked in lists and logs).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.applicant import IdentitySource
from ..domain.errors import ValidationError
from ..domain.personal_id import mask_id_number, normalise_id_number, parse_id_number
from ..domain.status import DossierStatus
from ..storage.models import AttachmentRow
from ..storage.models_returns import ReturnReceiverRow
from .dossiers import CounterContext, change_status, get_dossier_row
from .operations import OpResult
from .return_authorisation import AUTHORISATION_POSITION


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
        _refuse_if_owed(self.dossier.fee_outstanding_vnd)
        self.step = ReturnStep.DONE

    @property
    def receiver_masked(self) -> str:
        """Who receives, for lists and logs: masked name and ID number."""
        from .customer_flow import mask_name

        return f"{mask_name(self.receiver_name)} ({mask_id_number(self.receiver_id_number)})"

    def _expect(self, step: ReturnStep) -> None:
        if self.step is not step:
            raise ReturnError(f"not at step {step.value}", "Thao tác này không thực hiện được ở bước hiện tại.")


def _refuse_if_owed(owed_vnd: int) -> None:
    if owed_vnd > 0:
        amount = f"{owed_vnd:,}".replace(",", ".")
        raise ReturnError("fees outstanding",
                          f"Hồ sơ còn nợ phí, lệ phí {amount} đồng. Thu phí trước khi trả kết quả.")


def load_for_return(session: Session, code: str, *, fee_outstanding_vnd: int | None = None) -> ReturnFlow:
    """The flow for a stored dossier; the fees owed are computed from the store unless given."""
    from .fees import outstanding_vnd

    row = get_dossier_row(session, code)
    owed = outstanding_vnd(session, row.code) if fee_outstanding_vnd is None else fee_outstanding_vnd
    return ReturnFlow(DossierToReturn(row.code, DossierStatus(row.status), row.applicant_name,
                                      row.applicant_id_number, owed))


def _authorisation(session: Session, code: str) -> str:
    """The SHA-256 of the latest authorisation kept with the dossier, "" if none."""
    return session.scalar(select(AttachmentRow.sha256).where(
        AttachmentRow.dossier_code == code, AttachmentRow.component_position == AUTHORISATION_POSITION)
        .order_by(AttachmentRow.id.desc()).limit(1)) or ""


def record_return(session: Session, flow: ReturnFlow, *, ctx: CounterContext, now: datetime) -> OpResult[str]:
    """Status 10 (Đã trả kết quả), with who received and how they were identified.

    Re-checked here, in the transaction, from the store (not from what the flow was told): the
    receiver was verified; an authorised person's authorisation (văn bản ủy quyền) is kept with
    the dossier; no fee is owed (``fees.outstanding_vnd``). Refused with a Vietnamese message,
    nothing written."""
    from .fees import outstanding_vnd

    if flow.step is not ReturnStep.DONE or flow.receiver_kind is None or flow.identified_by is None:
        raise ReturnError("return not confirmed", "Chưa xác nhận trả kết quả.")
    code = flow.dossier.code
    get_dossier_row(session, code)
    authorisation = _authorisation(session, code)
    if flow.receiver_kind is ReceiverKind.AUTHORISED and not authorisation:
        raise ReturnError("authorisation not attached",
                          "Người nhận thay phải có văn bản ủy quyền: quét văn bản ủy quyền vào hồ sơ trước.")
    if not flow.receiver_name.strip() or not flow.receiver_id_number:
        raise ReturnError("receiver unknown", "Chưa có họ tên và số định danh của người nhận kết quả.")
    _refuse_if_owed(outstanding_vnd(session, code))
    owner = flow.receiver_kind is ReceiverKind.OWNER
    reason = (f"Trả cho {'chủ hồ sơ' if owner else 'người được ủy quyền'}; "
              f"xác minh bằng {flow.identified_by.value}")  # no name, no number: the history is listed
    result = change_status(session, code, DossierStatus.RETURNED, ctx=ctx, now=now, reason=reason)
    session.add(ReturnReceiverRow(
        dossier_code=code, receiver_kind=flow.receiver_kind.value, receiver_name=flow.receiver_name.strip(),
        receiver_id_number=normalise_id_number(flow.receiver_id_number), identified_by=flow.identified_by.value,
        authorisation_sha256="" if owner else authorisation, at=now, officer=ctx.officer))
    session.flush()
    return OpResult(code, result.changes)


def receiver_of(session: Session, code: str) -> ReturnReceiverRow | None:
    """Who received the result of ``code`` (None before the return)."""
    return session.scalar(select(ReturnReceiverRow).where(ReturnReceiverRow.dossier_code == code))
