"""Helpers of the lifecycle tests (a plain module next to them)."""

from __future__ import annotations

from datetime import datetime


def refuse(desk, approve, at: datetime, code: str = "1.004873", **kw):
    """Record a refusal at reception (từ chối tiếp nhận, four-eyes) with a supervisor's approval of
    ``dossiers.refusal_target``; returns the ReceptionRecord."""
    from counter_app.security.permissions import Action
    from counter_app.services import dossiers

    flow = desk.flow(code, **kw)
    flow.refuse("Không thuộc thẩm quyền")
    approval = approve(Action.REFUSE_DOSSIER, dossiers.refusal_target(flow), at=at)
    return desk.store.write(lambda s: dossiers.record_reception(s, flow, ctx=desk.ctx, allocator=desk.alloc,
                                                                now=at, approval_id=approval)).value
