"""The queue as one counter works it (bàn gọi số) — headless; the queue panel renders it.

Online (the counter is registered with the city backend), the backend coordinates the
site: F5 asks it for the next ticket, and every change made here is pushed to it right
away (``queue_outbox`` → reconcile). When the backend cannot be reached the desk goes on
with the local queue (tickets keyed in from paper) and the changes wait in the outbox
until the next push: nothing is lost, nothing is applied twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.queue import Priority, QueueError, VisitState
from ..storage.db import Store
from ..sync.errors import ServerUnreachable
from ..sync.queue_client import QueueClient, push_visits
from . import queue
from .dossiers import CounterContext
from .queue import VisitView


class QueueDesk:
    def __init__(self, store: Store, context: Callable[[], CounterContext], *, now: Callable[[], datetime],
                 client: Callable[[], QueueClient | None] = lambda: None, areas: set[str] | None = None) -> None:
        self.store, self.context, self.now, self._client = store, context, now, client
        self.areas = areas or set()
        self.online: bool | None = None  # None until the first exchange with the coordinator

    # ---- reading ---------------------------------------------------------------

    def current(self) -> VisitView | None:
        with self.store.read() as s:
            return queue.current(s, counter=self.context().counter_code, day=self.now().date())

    def held(self) -> list[VisitView]:
        me = self.context().counter_code
        with self.store.read() as s:
            return [v for v in queue.visits(s, day=self.now().date(), states={VisitState.ON_HOLD})
                    if v.counter_code == me]

    def waiting(self) -> int:
        """Tickets waiting (the coordinator's count when online, else the local queue's)."""
        client = self._client()
        if client is not None:
            try:
                with client:
                    mine = self.areas
                    return sum(1 for t in client.tickets("waiting") if not mine or t["area"] in mine)
            except ServerUnreachable:
                self.online = False
        with self.store.read() as s:
            return len(queue.visits(s, day=self.now().date(), states={VisitState.WAITING}))

    # ---- acting ------------------------------------------------------------------

    def call_next(self) -> VisitView | None:
        """F5: finish the visit being served, then call who is next (site-wide when online)."""
        ctx, at = self.context(), self.now()
        client = self._client()
        if client is not None:
            try:
                with client:
                    self.store.write(lambda s: self._finish_active(s, ctx, at))
                    push_visits(self.store, client, now=self.now)
                    remote = client.call_next(sorted(self.areas))
                self.online = True
                if remote is None:
                    return None
                return self.store.write(lambda s: queue.adopt_call(s, remote, ctx=ctx, now=at).value)
            except ServerUnreachable:
                self.online = False
        return self.store.write(lambda s: queue.call_next(s, ctx=ctx, areas_served=self.areas or None,
                                                          now=at).value)

    def act(self, action: str, visit_id: str, **kw) -> VisitView:
        """``recall``, ``serve``, ``hold``, ``resume``, ``no_show``, ``finish`` or ``transfer`` (area= / counter=)."""
        fn = {"recall": queue.recall, "serve": queue.serve, "hold": queue.hold, "resume": queue.resume,
              "no_show": queue.no_show, "finish": queue.finish, "transfer": queue.transfer}[action]
        ctx, at = self.context(), self.now()
        visit = self.store.write(lambda s: fn(s, visit_id, ctx=ctx, now=at, **kw).value)
        self.sync()
        return visit

    def key_in_paper(self, number: str, area: str, priority: Priority = Priority.NONE) -> VisitView:
        ctx, at = self.context(), self.now()
        visit = self.store.write(lambda s: queue.key_in_paper(s, number=number, area=area, priority=priority,
                                                              ctx=ctx, now=at).value)
        self.sync()
        return visit

    def link_dossier(self, code: str, *, role: str) -> VisitView | None:
        """Tie a dossier received or returned now to the current visit (if a ticket was called)."""
        visit = self.current()
        if visit is None:
            return None
        ctx, at = self.context(), self.now()
        linked = self.store.write(lambda s: queue.link_dossier(s, visit.id, code, role=role, ctx=ctx, now=at).value)
        self.sync()
        return linked

    def sync(self) -> dict[str, int] | None:
        """Push the visit changes waiting in the outbox; None when offline or not registered."""
        client = self._client()
        if client is None:
            return None
        try:
            with client:
                counts = push_visits(self.store, client, now=self.now)
            self.online = True
            return counts
        except ServerUnreachable:
            self.online = False
            return None

    @staticmethod
    def _finish_active(s: Session, ctx: CounterContext, at: datetime) -> None:
        active = queue.current(s, counter=ctx.counter_code, day=at.date())
        if active is not None and active.state is VisitState.CALLED:
            raise QueueError("current ticket still called", f"Số {active.number} đang được gọi: bấm “Vắng mặt” "
                                                            "hoặc “Bắt đầu phục vụ” trước khi gọi số tiếp theo.")
        if active is not None:
            queue.finish(s, active.id, ctx=ctx, now=at)
