"""Satisfaction ratings (đánh giá mức độ hài lòng), tied to the dossier, stage, officer and visit.

One rating per dossier per stage: the reception visit (*tiếp nhận*) and the return of results
(*trả kết quả*) may each be rated once. A rating is never deleted or replaced, so the counter
keeps exactly the ratings it sent to the city (one ``dossier.rating`` event each) and both
count the same. The scale (3 or 5 levels) is one setting, ``queue.rating_scale``
(:func:`rating_scale`); the labels are data in ``resources/rules/ratings.toml``. Counts are
kept on the three levels (:mod:`counter_app.domain.satisfaction`).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import satisfaction as sat
from ..domain.errors import ConfigurationError, ValidationError
from ..domain.status import DossierStatus
from ..resources import load_toml
from ..storage.models_lifecycle import RatingRow
from .dossiers import CounterContext, get_dossier_row
from .operations import Changes, OpResult, queue_event

RECEPTION, RETURN = "reception", "return"
STAGE_LABELS_VI = {RECEPTION: "tiếp nhận hồ sơ", RETURN: "trả kết quả"}


def rating_scale(cfg=None) -> int:
    """The number of rating levels asked (``queue.rating_scale``: 3 or 5), for every screen.

    ``cfg`` is a :class:`counter_app.config.Config`; by default the counter's configuration
    (with the agency's settings). A configuration that cannot be read gives the default."""
    from .. import config

    if cfg is None:
        try:
            cfg = config.load()
        except ConfigurationError:  # reported by diagnostics; the counter still asks on the default scale
            cfg = config.Config()
    scale = int(cfg.queue.rating_scale)
    if scale not in sat.SCALES:
        raise ValidationError(f"no rating scale {scale}", "Thang đánh giá chỉ có 3 hoặc 5 mức (queue.rating_scale).")
    return scale


def levels(scale: int | None = None) -> list[str]:
    """The level labels, best first, for ``scale`` (default: :func:`rating_scale`)."""
    key = str(scale or rating_scale())
    table = load_toml("rules", "ratings.toml")["levels"]
    if key not in table:
        raise ValidationError(f"no rating scale {key}", "Thang đánh giá chỉ có 3 hoặc 5 mức.")
    return list(table[key])


def three_level_label(scale: int, level: int) -> str:
    """The three-level label a rating counts under (Rất hài lòng / Hài lòng / Không hài lòng)."""
    return levels(3)[sat.to_three_levels(scale, level) - 1]


def stage_for(status: DossierStatus) -> str:
    """Which visit a rating belongs to: the return once results were handed over, else reception."""
    return RETURN if status is DossierStatus.RETURNED else RECEPTION


def record_rating(session: Session, *, code: str, level: int, ctx: CounterContext, now: datetime,
                  visit_id: str | None = None, scale: int | None = None) -> OpResult[int]:
    """Store one rating (1 = best) of the dossier's current stage; a second one of that stage is refused."""
    labels = levels(scale)
    if not 1 <= level <= len(labels):
        raise ValidationError(f"level {level} outside 1..{len(labels)}", "Mức đánh giá không hợp lệ.")
    row = get_dossier_row(session, code)
    stage = stage_for(DossierStatus(row.status))
    if session.scalar(select(RatingRow.id).where(RatingRow.dossier_code == code, RatingRow.stage == stage)):
        raise ValidationError("already rated at this stage",
                              f"Công dân đã đánh giá hồ sơ {code} ở bước {STAGE_LABELS_VI[stage]}; "
                              "mỗi bước chỉ đánh giá một lần.")
    session.add(RatingRow(dossier_code=code, scale=len(labels), level=level, at=now, officer=ctx.officer,
                          visit_id=visit_id, stage=stage))
    changes = Changes(dossiers={code})
    queue_event(session, changes, kind="dossier.rating", aggregate=code, at=now,
                payload={"level": level, "scale": len(labels), "stage": stage, "visit_id": visit_id,
                         "rated_officer": ctx.officer}, actor=ctx.officer)
    session.flush()
    return OpResult(level, changes)


def satisfaction(session: Session, *, start: datetime, end: datetime, officer: str | None = None) -> dict[str, int]:
    """Ratings given in a period per three-level label (every stage's rating counts once)."""
    q = select(RatingRow.scale, RatingRow.level).where(RatingRow.at >= start, RatingRow.at < end)
    if officer:
        q = q.where(RatingRow.officer == officer)
    counts: Counter[str] = Counter()
    for scale, level in session.execute(q):
        counts[three_level_label(scale, level)] += 1
    return dict(counts)


def satisfied_rate(counts: dict[str, int]) -> float | None:
    """(total − "không hài lòng" ratings) / total, as the 766 PAKN rate is defined (domain.md §4)."""
    total = sum(counts.values())
    if not total:
        return None
    unhappy = sum(n for label, n in counts.items() if "không hài lòng" in label.lower())
    return (total - unhappy) / total
