"""The reception flow (tiếp nhận hồ sơ) as a headless state machine.

identify applicant → choose procedure → checklist → outcome. The flow holds no
database and no clock: the UI drives it, and :mod:`counter_app.services.dossiers`
records the outcome in one transaction. Rules enforced here (Decree 61/2018 Art. 18,
kept by Decree 118/2025 — see domain.md §3.1):

* a dossier is *received* only when every mandatory component is complete;
* a supplement request (Mẫu 02) lists what is missing, and is allowed **once** at reception;
* a refusal (Mẫu 03) needs a reason.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..domain.applicant import Applicant, ApplicantKind, Contact, Submitter
from ..domain.dossier import Channel, ReceivedComponent
from ..domain.errors import ValidationError
from ..domain.personal_id import IdWarning, parse_id_number
from ..domain.procedure import Procedure


class Step(enum.Enum):
    IDENTIFY = "identify"
    PROCEDURE = "procedure"
    CHECKLIST = "checklist"
    OUTCOME = "outcome"
    DONE = "done"


class Outcome(enum.Enum):
    RECEIVE = "receive"  # Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    SUPPLEMENT = "supplement"  # Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
    REFUSE = "refuse"  # Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ


class FlowError(ValidationError):
    code = "flow"


_ORDER = [Step.IDENTIFY, Step.PROCEDURE, Step.CHECKLIST, Step.OUTCOME, Step.DONE]


@dataclass
class ReceptionFlow:
    """One citizen's dossier at the counter. ``resume_of``: the code of a dossier that got a
    supplement request earlier and is now brought back complete."""

    channel: Channel = Channel.IN_PERSON
    resume_of: str | None = None
    prior_supplements: int = 0
    step: Step = Step.IDENTIFY
    applicant: Applicant | None = None
    submitter: Submitter | None = None
    contact: Contact = field(default_factory=Contact)
    id_warnings: tuple[IdWarning, ...] = ()
    procedure: Procedure | None = None
    checklist: list[ReceivedComponent] = field(default_factory=list)
    outcome: Outcome | None = None
    reason: str = ""
    supplement_items: list[str] = field(default_factory=list)
    fee_vnd: int = 0  # phí, lệ phí chosen by the officer (fee rows are alternatives)

    # -- steps -------------------------------------------------------------------------
    def _expect(self, *steps: Step) -> None:
        if self.step not in steps:
            raise FlowError(
                f"action not allowed at step {self.step.value}",
                "Thao tác này không thực hiện được ở bước hiện tại. Quay lại đúng bước rồi thử lại.",
            )

    def identify(self, applicant: Applicant, *, submitter: Submitter | None = None,
                 contact: Contact | None = None) -> tuple[IdWarning, ...]:
        """Set the owner (and the person at the counter). Returns ID-number warnings to show."""
        self._expect(Step.IDENTIFY, Step.PROCEDURE)
        self.applicant = applicant
        self.submitter = submitter or Submitter.same_as(applicant)
        self.contact = contact or Contact(address=applicant.address)
        if applicant.kind is ApplicantKind.INDIVIDUAL:
            info = parse_id_number(applicant.id_number, date_of_birth=applicant.date_of_birth, sex=applicant.sex)
            self.id_warnings = info.warnings
        else:
            self.id_warnings = ()
        self.step = Step.PROCEDURE
        return self.id_warnings

    def choose_procedure(self, procedure: Procedure) -> None:
        self._expect(Step.PROCEDURE, Step.CHECKLIST)
        if not procedure.components:
            raise FlowError(
                f"procedure {procedure.code} has no components",
                f"Thủ tục “{procedure.name}” chưa có danh mục thành phần hồ sơ. Đồng bộ lại danh mục.",
            )
        if self.procedure is None or self.procedure.code != procedure.code:
            self.checklist = [
                ReceivedComponent(c.name, c.originals, c.copies, c.mandatory, position=c.position)
                for c in procedure.components
            ]
        if self.procedure is None or self.procedure.code != procedure.code:
            self.fee_vnd = procedure.default_fee_vnd
        self.procedure = procedure
        self.step = Step.CHECKLIST

    def set_count(self, position: int, *, originals: int, copies: int = 0) -> None:
        """Record what the citizen handed in for checklist line ``position``."""
        self._expect(Step.CHECKLIST, Step.OUTCOME)
        if originals < 0 or copies < 0:
            raise FlowError("negative count", "Số bản chính / bản sao không thể âm.")
        line = self._line(position)
        line.originals, line.copies = originals, copies
        if self.step is Step.OUTCOME:
            self.step = Step.CHECKLIST

    def set_fee(self, amount_vnd: int) -> None:
        """The fee to collect, as the officer chose it from the procedure's fee options."""
        self._expect(Step.CHECKLIST, Step.OUTCOME)
        if amount_vnd < 0:
            raise FlowError("negative fee", "Số tiền phí, lệ phí không thể âm.")
        self.fee_vnd = int(amount_vnd)

    def mark_all_complete(self) -> None:
        """Tick every line with exactly the required counts (the common, fast path)."""
        self._expect(Step.CHECKLIST)
        for line in self.checklist:
            line.originals, line.copies = line.required_originals, line.required_copies

    def _line(self, position: int) -> ReceivedComponent:
        for line in self.checklist:
            if line.position == position:
                return line
        raise FlowError(f"no checklist line {position}", "Không có thành phần hồ sơ này trong danh mục.")

    def to_outcome(self) -> None:
        self._expect(Step.CHECKLIST)
        self.step = Step.OUTCOME

    def back(self) -> None:
        """One step back (not after the outcome is decided)."""
        self._expect(Step.PROCEDURE, Step.CHECKLIST, Step.OUTCOME)
        self.step = _ORDER[_ORDER.index(self.step) - 1]

    # -- outcome -------------------------------------------------------------------------
    @property
    def missing(self) -> list[ReceivedComponent]:
        """Mandatory lines not complete: what a supplement request must list."""
        return [line for line in self.checklist if line.mandatory and not line.complete]

    @property
    def can_receive(self) -> bool:
        return self.procedure is not None and not self.missing

    @property
    def can_request_supplement(self) -> bool:
        return self.prior_supplements == 0

    def receive(self) -> None:
        self._expect(Step.OUTCOME)
        if not self.can_receive:
            names = "; ".join(line.name for line in self.missing)
            raise FlowError(
                f"{len(self.missing)} mandatory component(s) incomplete",
                f"Chưa đủ thành phần hồ sơ bắt buộc: {names}. Yêu cầu bổ sung (Mẫu 02) hoặc từ chối.",
            )
        self._decide(Outcome.RECEIVE, "")

    def request_supplement(self, reason: str = "", *, extra_items: list[str] | None = None) -> None:
        self._expect(Step.OUTCOME)
        if not self.can_request_supplement:
            raise FlowError(
                "a supplement was already requested at reception",
                "Hồ sơ này đã được hướng dẫn bổ sung một lần. Theo quy định chỉ yêu cầu bổ sung một lần "
                "khi tiếp nhận: tiếp nhận nếu đã đủ, hoặc từ chối và ghi rõ lý do.",
            )
        items = [line.name for line in self.missing] + [i.strip() for i in (extra_items or []) if i.strip()]
        if not items:
            raise FlowError(
                "nothing to supplement",
                "Hồ sơ đã đủ thành phần; không có nội dung nào cần yêu cầu bổ sung. Hãy tiếp nhận hồ sơ.",
            )
        self.supplement_items = items
        self._decide(Outcome.SUPPLEMENT, reason.strip())

    def refuse(self, reason: str) -> None:
        self._expect(Step.OUTCOME)
        if not reason or not reason.strip():
            raise FlowError("refusal without a reason",
                            "Từ chối tiếp nhận phải ghi rõ lý do cụ thể (in trên Phiếu từ chối, Mẫu 03).")
        self._decide(Outcome.REFUSE, reason.strip())

    def _decide(self, outcome: Outcome, reason: str) -> None:
        if self.applicant is None or self.procedure is None:
            raise FlowError("flow incomplete", "Chưa xác định người nộp hoặc thủ tục.")
        self.outcome, self.reason = outcome, reason
        self.step = Step.DONE
