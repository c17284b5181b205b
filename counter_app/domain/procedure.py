"""Administrative procedures (thủ tục hành chính) as published in the catalog."""

from __future__ import annotations

from dataclasses import dataclass, field

from .legal_basis import LegalBasis
from .time_limit import TimeLimit


@dataclass(frozen=True, slots=True)
class Component:
    """A document of the dossier (thành phần hồ sơ) with required counts."""

    name: str
    originals: int = 1  # bản chính
    copies: int = 0  # bản sao
    mandatory: bool = True
    note: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class Fee:
    """A fee or charge (phí, lệ phí) in VND."""

    name: str
    amount_vnd: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class Procedure:
    """A procedure; ``code`` is opaque (``1.001193``, ``2.001218.000.00.00.H38``…)."""

    code: str
    name: str
    field: str  # lĩnh vực
    processing_agency: str
    limit: TimeLimit
    components: tuple[Component, ...] = ()
    fees: tuple[Fee, ...] = ()
    result_type: str = ""
    legal_basis_text: str = ""  # căn cứ pháp lý of the procedure itself
    published_by: str = ""  # the decision that published it
    level: str = "xa"
    version: int = 1
    form_version: LegalBasis | None = None  # None: decided by the dossier's receipt date
    is_demo: bool = False
    keywords: tuple[str, ...] = field(default_factory=tuple)

    @property
    def mandatory_components(self) -> tuple[Component, ...]:
        return tuple(c for c in self.components if c.mandatory)

    @property
    def default_fee_vnd(self) -> int:
        """The first fee option's amount. Fee rows are *alternatives* or unit prices (on time vs
        late, paper vs online, per page), never to be added up: the officer picks at reception."""
        return self.fees[0].amount_vnd if self.fees else 0
