"""The customer-facing screen's flow (màn hình phía công dân) — a headless state machine.

IDLE → WELCOME (officer's name, photo, counter number; ticket number when called) →
CONFIRM (the dossier summary, masked, for the citizen to check) → RATE (three levels by
default, five when ``queue.rating_scale`` = 5) → THANKS → IDLE. The rating chosen is
returned as a :class:`RatingChoice` tied to the dossier, the officer and the visit; the
screen hands it to :func:`counter_app.services.ratings.record_rating`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.personal_id import mask_id_number
from . import ratings
from .results import mask_phone


class CustomerStep(enum.Enum):
    IDLE = "idle"
    WELCOME = "welcome"
    CONFIRM = "confirm"
    RATE = "rate"
    THANKS = "thanks"


@dataclass(frozen=True)
class OfficerCard:
    username: str
    full_name: str
    counter_code: str
    counter_name: str
    photo: Path | None = None


@dataclass(frozen=True)
class DossierCard:
    """What the citizen confirms: nothing a person standing behind could misuse."""

    code: str
    procedure_name: str
    applicant: str  # "Nguyễn T. Lan"
    id_number: str  # "001******456"
    phone: str  # "091****678"
    due_at: datetime | None
    fee_vnd: int


@dataclass(frozen=True)
class RatingChoice:
    dossier_code: str
    level: int  # 1 = best
    scale: int
    officer: str
    visit_id: str | None


def mask_name(full_name: str) -> str:
    """"Nguyễn Thị Lan" → "Nguyễn T. Lan": family and given name, middle names as initials."""
    parts = full_name.split()
    if len(parts) <= 2:
        return " ".join(parts)
    return " ".join([parts[0], *(p[0] + "." for p in parts[1:-1]), parts[-1]])


def dossier_card(*, code: str, procedure_name: str, applicant_name: str, id_number: str, phone: str,
                 due_at: datetime | None, fee_vnd: int) -> DossierCard:
    return DossierCard(code, procedure_name, mask_name(applicant_name),
                       mask_id_number(id_number) if id_number else "", mask_phone(phone) if phone else "",
                       due_at, fee_vnd)


def officer_photo(photos_dir: Path, username: str) -> Path | None:
    """``<profile>/officer_photos/<username>.png|jpg`` when the site has put one there."""
    return next((p for ext in ("png", "jpg", "jpeg") if (p := photos_dir / f"{username}.{ext}").is_file()), None)


class CustomerFlow:
    def __init__(self, *, scale: int = 3) -> None:
        self.labels = ratings.levels(scale)  # raises ValidationError for a scale other than 3 or 5
        self.scale = len(self.labels)
        self.step = CustomerStep.IDLE
        self.officer: OfficerCard | None = None
        self.ticket_number = ""
        self.visit_id: str | None = None
        self.dossiers: list[DossierCard] = []
        self.rated: list[RatingChoice] = []

    def welcome(self, officer: OfficerCard, *, ticket_number: str = "", visit_id: str | None = None) -> None:
        """A citizen is called to this counter (or the officer signs in): show who serves them."""
        self.officer, self.ticket_number, self.visit_id = officer, ticket_number, visit_id
        self.dossiers, self.rated = [], []
        self.step = CustomerStep.WELCOME

    def show_dossier(self, card: DossierCard) -> bool:
        """Ask the citizen to confirm ``card``; False (nothing changes) when it was rated already or is
        being rated (a later change of the same dossier, e.g. the rating itself, does not ask again)."""
        if self.officer is None:
            raise ValidationError("no officer", "Chưa có cán bộ phục vụ tại quầy.")
        if any(r.dossier_code == card.code for r in self.rated) or (
                self.step is CustomerStep.RATE and self.dossiers and self.dossiers[-1].code == card.code):
            return False
        self.dossiers = [d for d in self.dossiers if d.code != card.code] + [card]
        self.step = CustomerStep.CONFIRM
        return True

    def confirm(self) -> None:
        """The citizen has checked the summary: ask for the rating."""
        if self.step is not CustomerStep.CONFIRM:
            raise ValidationError(f"confirm at {self.step.value}", "Chưa có hồ sơ để xác nhận.")
        self.step = CustomerStep.RATE

    def rate(self, level: int) -> RatingChoice:
        if self.step is not CustomerStep.RATE or not self.dossiers or self.officer is None:
            raise ValidationError(f"rate at {self.step.value}", "Chưa đến bước đánh giá.")
        if not 1 <= level <= self.scale:
            raise ValidationError(f"level {level} outside 1..{self.scale}", "Mức đánh giá không hợp lệ.")
        choice = RatingChoice(self.dossiers[-1].code, level, self.scale, self.officer.username, self.visit_id)
        self.rated.append(choice)
        self.step = CustomerStep.THANKS
        return choice

    def reset(self) -> None:
        """Back to the idle screen (after the thanks, or when the visit ends)."""
        self.step = CustomerStep.IDLE if self.officer is None else CustomerStep.WELCOME
        self.ticket_number, self.visit_id, self.dossiers = "", None, []  # ``rated`` stays: asked once
