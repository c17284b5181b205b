"""The dossier (hồ sơ thủ tục hành chính) and its history."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from .applicant import Applicant, Contact, Submitter
from .legal_basis import LegalBasis
from .status import DossierStatus, check_transition


class Channel(enum.IntEnum):
    """KenhThucHien: how the dossier was submitted."""

    IN_PERSON = 1  # trực tiếp
    ONLINE = 2  # trực tuyến
    POSTAL = 3  # bưu chính công ích


class HandoffResult(enum.Enum):
    """Result tag of a step on the control slip (Phiếu kiểm soát)."""

    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn


@dataclass(slots=True)
class ReceivedComponent:
    """A checklist line as received: how many originals/copies the citizen handed in."""

    name: str
    required_originals: int
    required_copies: int
    mandatory: bool
    originals: int = 0
    copies: int = 0
    position: int = 0

    @property
    def present(self) -> bool:
        return self.originals + self.copies > 0

    @property
    def complete(self) -> bool:
        """Enough originals, and enough copies (an original stands in for a missing copy)."""
        if self.originals < self.required_originals:
            return False
        spare = self.originals - self.required_originals
        return self.copies + spare >= self.required_copies


@dataclass(frozen=True, slots=True)
class StatusChange:
    from_status: DossierStatus
    to_status: DossierStatus
    at: datetime
    officer: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Handoff:
    """One move of the dossier between units (a row of the Phiếu kiểm soát)."""

    seq: int
    from_unit: str
    to_unit: str
    given_by: str
    given_at: datetime
    received_by: str = ""
    received_at: datetime | None = None
    step_due_at: datetime | None = None
    result: HandoffResult | None = None
    note: str = ""


@dataclass(slots=True)
class Dossier:
    code: str
    procedure_code: str
    procedure_name: str
    applicant: Applicant
    submitter: Submitter
    contact: Contact
    channel: Channel
    legal_basis: LegalBasis
    received_at: datetime
    status: DossierStatus = DossierStatus.DRAFT
    counting_start: datetime | None = None  # thời điểm bắt đầu tính thời hạn
    due_at: datetime | None = None  # ngày hẹn trả kết quả
    components: list[ReceivedComponent] = field(default_factory=list)
    fee_vnd: int = 0
    history: list[StatusChange] = field(default_factory=list)
    handoffs: list[Handoff] = field(default_factory=list)

    def move_to(self, target: DossierStatus, *, at: datetime, officer: str, reason: str = "") -> StatusChange:
        """Change status through the transition table; returns the recorded change."""
        check_transition(self.status, target)
        change = StatusChange(self.status, target, at, officer, reason)
        self.status = target
        self.history.append(change)
        return change
