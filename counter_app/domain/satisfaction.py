"""Satisfaction levels (mức độ hài lòng) counted on one three-level scale.

The counter asks on three levels (Rất hài lòng / Hài lòng / Không hài lòng, the provincial
one-door report's choices, domain.md §4) or, when configured, on five (adds Bình thường and
Rất không hài lòng). Indicators and queue KPIs count on the three levels, so ratings given
on either scale add up:

* five-level 1 Rất hài lòng → 1; 2 Hài lòng and 3 Bình thường → 2 Hài lòng;
  4 Không hài lòng and 5 Rất không hài lòng → 3 Không hài lòng.

"Bình thường" is not "không hài lòng": the Decision 766 rate subtracts only the unsatisfied
ratings ((total − không hài lòng) / total), so a neutral rating counts as satisfied there
too. This mapping is the app's choice (UNCONFIRMED against the DVCQG), see docs/indicators.md.
Pure: no storage, no Qt.
"""

from __future__ import annotations

#: Level on the three-level scale (1 = best) for each level of a scale.
_TO_THREE: dict[int, tuple[int, ...]] = {3: (1, 2, 3), 5: (1, 2, 2, 3, 3)}

VERY_SATISFIED, SATISFIED, UNSATISFIED = 1, 2, 3
SCALES = tuple(_TO_THREE)


def to_three_levels(scale: int, level: int) -> int:
    """``level`` (1 = best) given on ``scale`` as a level of the three-level scale."""
    try:
        mapping = _TO_THREE[scale]
    except KeyError:
        raise ValueError(f"no rating scale {scale}") from None
    if not 1 <= level <= len(mapping):
        raise ValueError(f"level {level} outside 1..{scale}")
    return mapping[level - 1]


def satisfied_share(counts: dict[int, int]) -> float | None:
    """(total − unsatisfied) / total over three-level counts; None without ratings."""
    total = sum(counts.values())
    return (total - counts.get(UNSATISFIED, 0)) / total if total else None
