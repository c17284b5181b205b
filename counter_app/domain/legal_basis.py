"""Legal bases (căn cứ pháp lý) that decide forms, code formats and deadline rules.

A dossier keeps the legal basis in force when it was received, for its whole life:
a dossier received under Circular 01/2018 is printed and timed by 01/2018 rules even
after Circular 03/2025 took effect. Effective dates live in ``resources/rules/legal_bases.toml``.
"""

from __future__ import annotations

import enum
from datetime import date


class LegalBasis(enum.Enum):
    """Which circular governs the one-stop forms and procedures of a dossier."""

    TT01_2018 = "tt01_2018"  # Thông tư 01/2018/TT-VPCP (Nghị định 61/2018, 107/2021)
    TT03_2025 = "tt03_2025"  # Thông tư 03/2025/TT-VPCP (Nghị định 118/2025)

    @property
    def title_vi(self) -> str:
        return {
            LegalBasis.TT01_2018: "Thông tư 01/2018/TT-VPCP",
            LegalBasis.TT03_2025: "Thông tư 03/2025/TT-VPCP",
        }[self]


def basis_for(received_on: date) -> LegalBasis:
    """The legal basis in force on ``received_on`` (from ``resources/rules/legal_bases.toml``)."""
    from ..resources import load_toml
    from .errors import ConfigurationError

    entries = sorted(load_toml("rules", "legal_bases.toml").get("basis", []), key=lambda e: e["effective_from"])
    chosen: LegalBasis | None = None
    for entry in entries:
        if entry["effective_from"] <= received_on:
            chosen = LegalBasis(entry["id"])
    if chosen is None:
        raise ConfigurationError(
            f"no legal basis in force on {received_on}",
            f"Không có căn cứ pháp lý nào áp dụng cho ngày {received_on:%d/%m/%Y}. Kiểm tra ngày tiếp nhận.",
        )
    return chosen
