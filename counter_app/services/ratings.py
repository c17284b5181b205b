"""Satisfaction ratings (đánh giá mức độ hài lòng), tied to the dossier, officer and visit."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..resources import load_toml
from ..storage.models_lifecycle import RatingRow
from .dossiers import CounterContext, get_dossier_row
from .operations import Changes, OpResult, queue_event


def levels(scale: int | None = None) -> list[str]:
    """The level labels, best first, for ``scale`` (default: the configured one)."""
    rules = load_toml("rules", "ratings.toml")
    key = str(scale or rules["scale"])
    if key not in rules["levels"]:
        raise ValidationError(f"no rating scale {key}", "Thang đánh giá chỉ có 3 hoặc 5 mức.")
    return list(rules["levels"][key])


def record_rating(session: Session, *, code: str, level: int, ctx: CounterContext, now: datetime,
                  visit_id: str | None = None, scale: int | None = None) -> OpResult[int]:
    """Store one rating (1 = best). The dossier must exist; one rating per dossier (the last one counts)."""
    labels = levels(scale)
    if not 1 <= level <= len(labels):
        raise ValidationError(f"level {level} outside 1..{len(labels)}", "Mức đánh giá không hợp lệ.")
    get_dossier_row(session, code)
    session.query(RatingRow).filter(RatingRow.dossier_code == code).delete()
    session.add(RatingRow(dossier_code=code, scale=len(labels), level=level, at=now, officer=ctx.officer,
                          visit_id=visit_id))
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="dossier.rating", aggregate=code, at=now,
                payload={"level": level, "scale": len(labels), "visit_id": visit_id, "rated_officer": ctx.officer})
    session.flush()
    return OpResult(level, changes)


def satisfaction(session: Session, *, start: datetime, end: datetime, officer: str | None = None) -> dict[str, int]:
    """Counts per level label in a period (e.g. for the 766 satisfaction rate)."""
    q = select(RatingRow).where(RatingRow.at >= start, RatingRow.at < end)
    if officer:
        q = q.where(RatingRow.officer == officer)
    counts: Counter[str] = Counter()
    for r in session.scalars(q):
        counts[levels(r.scale)[r.level - 1]] += 1
    return dict(counts)


def satisfied_rate(counts: dict[str, int]) -> float | None:
    """(total − "không hài lòng" ratings) / total, as the 766 PAKN rate is defined (domain.md §4)."""
    total = sum(counts.values())
    if not total:
        return None
    unhappy = sum(n for label, n in counts.items() if "không hài lòng" in label.lower())
    return (total - unhappy) / total
