"""Stopping a dossier in processing (dừng giải quyết hồ sơ, status 8 *Dừng xử lý*) and its notice.

The processing body stops a dossier it cannot finish (for example the citizen asked in writing,
or the matter is no longer in its competence); the counter records it with the reason and
gives the citizen the *Thông báo dừng giải quyết hồ sơ* (Mẫu số 05 of Thông tư 03/2025/TT-VPCP,
domain.md §1.1; Thông tư 01/2018 has no such form). The move itself is
:func:`~counter_app.services.dossiers.change_status` — the transition table (domain.md §4), the
history row and the ``dossier.status`` outbox event — so the role table decides, as for every
move, whether a supervisor's approval (four-eyes) is needed: :func:`needs_approval`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.legal_basis import LegalBasis
from ..domain.status import TRANSITIONS, DossierStatus
from ..resources import resource_path
from ..security import permissions
from ..security.permissions import Action
from . import dossiers
from .dossiers import CounterContext, get_dossier_row
from .operations import OpResult

#: Where a stop can happen: the states the transition table lets move to "Dừng xử lý".
STOPPABLE: frozenset[DossierStatus] = frozenset(s for s, to in TRANSITIONS.items() if DossierStatus.STOPPED in to)

#: The printed form's key (``resources/forms/<basis>/stop.toml``).
NOTICE_FORM = "stop"


def stop_action() -> Action:
    """The action the role table checks for a stop (the one :func:`change_status` requires)."""
    return dossiers._STATUS_ACTION.get(DossierStatus.STOPPED, Action.RECEIVE_DOSSIER)  # noqa: SLF001


def needs_approval() -> bool:
    """Whether the role table makes a stop four-eyes (the screen then asks a supervisor first)."""
    return permissions.needs_approval(stop_action())


def has_notice(basis: LegalBasis) -> bool:
    """Whether the dossier's legal basis has a stop notice form (TT 03/2025 does, TT 01/2018 does not)."""
    return resource_path("forms", basis.value, f"{NOTICE_FORM}.toml").exists()


def check_stoppable(session: Session, code: str) -> DossierStatus:
    """The dossier's status if it may be stopped; else a Vietnamese :class:`ValidationError`."""
    status = DossierStatus(get_dossier_row(session, code).status)
    if status not in STOPPABLE:
        allowed = ", ".join(sorted(s.label_vi.lower() for s in STOPPABLE))
        raise ValidationError(f"cannot stop a dossier in status {status.value}",
                              f"Hồ sơ {code} đang ở trạng thái “{status.label_vi}”: chỉ dừng giải quyết hồ sơ "
                              f"đang trong quá trình giải quyết ({allowed}).")
    return status


def stop(session: Session, *, code: str, reason: str, ctx: CounterContext, now: datetime,
         approval_id: str | None = None) -> OpResult[DossierStatus]:
    """Stop processing ``code`` (status 8) with ``reason``, which the notice (Mẫu 05) prints.

    ``approval_id`` is a supervisor's approval of :func:`stop_action` for this code, needed only
    when :func:`needs_approval` says so. Refused (nothing changes): no reason, a dossier that is
    not in processing, an unknown code, a missing or wrong approval."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("no stop reason",
                              "Ghi rõ lý do dừng giải quyết hồ sơ (in trên Thông báo dừng giải quyết hồ sơ).")
    check_stoppable(session, code)
    return dossiers.change_status(session, code, DossierStatus.STOPPED, ctx=ctx, now=now, reason=reason,
                                  approval_id=approval_id)


def stop_reason(session: Session, code: str) -> str:
    """The reason of the dossier's latest stop ("" if it was never stopped)."""
    row = get_dossier_row(session, code)
    reasons = [h.reason for h in row.history if h.to_status == DossierStatus.STOPPED.value]
    return reasons[-1] if reasons else ""
