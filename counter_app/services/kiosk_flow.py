"""The ticket kiosk (máy lấy số tự động) — a headless flow, and the issuing it asks for.

CHOOSE_AREA → CHOOSE_PRIORITY (optional: elderly, disabled, pregnant, with small children;
"no" by default) → ISSUING → TICKET_SHOWN (number, area, how many wait ahead, time) →
CHOOSE_AREA again after ``reset_after`` or a touch. When issuing fails the flow shows ERROR:
a Vietnamese message saying what the citizen should do. A second tap while ISSUING is
ignored: one request, one ticket (each request carries a token; a stale answer is dropped).

:class:`KioskIssuer` does the work the window runs on a worker thread: the number comes from
the site's coordinator when the kiosk's profile is registered for sync, else from the local
queue (a single-counter site, as ``counter-app queue ticket``). A coordinated site's kiosk
never numbers tickets itself when the coordinator cannot be reached — its numbers would clash
with the ones the coordinator gives: the screen sends the citizen to the paper tickets the
counters key in (docs/queue.md). Then the ticket is printed (ESC/POS, the PDF printer
path, or only saved). A printing failure never loses the ticket: it is returned with
``print_failed`` and its PDF saved, and the screen shows the number big with a message.
"""

from __future__ import annotations

import enum
import itertools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .. import clock
from ..domain.queue import Priority, VisitState
from ..storage.db import Store
from . import queue
from .queue import Area

log = logging.getLogger(__name__)

#: What the citizen reads when no number could be issued.
ISSUE_FAILED_VI = ("Hiện chưa lấy được số thứ tự. Vui lòng nhận số tại quầy hướng dẫn "
                   "hoặc báo cán bộ của bộ phận một cửa.")
#: What the citizen reads when the number was issued but the ticket did not come out.
PRINT_FAILED_VI = ("Máy in phiếu đang gặp sự cố (hết giấy hoặc kẹt giấy). Số của Ông/Bà đã được ghi nhận: "
                   "vui lòng ghi nhớ số trên màn hình và báo cán bộ hướng dẫn.")


class KioskStep(enum.Enum):
    CHOOSE_AREA = "choose_area"
    CHOOSE_PRIORITY = "choose_priority"
    ISSUING = "issuing"
    TICKET_SHOWN = "ticket_shown"
    ERROR = "error"


@dataclass(frozen=True)
class IssueRequest:
    token: int
    area: Area
    priority: Priority


@dataclass(frozen=True)
class KioskTicket:
    """A ticket issued at the kiosk (a visit carries no personal data)."""

    number: str
    area: Area
    priority: Priority
    waiting: int  # tickets of the same area waiting ahead
    issued_at: datetime
    online: bool  # issued by the site's coordinator (else by the local queue)
    printed_via: str = ""  # "escpos" | "printer" | "saved"; "" when printing failed
    saved_pdf: Path | None = None
    print_failed: bool = False


class KioskFlow:
    def __init__(self, areas: Mapping[str, Area], priorities: Mapping[int, str], *, ask_priority: bool = True,
                 reset_after: timedelta = timedelta(seconds=20), now: Callable[[], datetime] = clock.now) -> None:
        self.areas = dict(areas)
        self.priorities = {Priority(k): v for k, v in priorities.items()}
        self.ask_priority, self.reset_after, self.now = ask_priority, reset_after, now
        self._tokens = itertools.count(1)
        self.step = KioskStep.CHOOSE_AREA
        self.area: Area | None = None
        self.priority = Priority.NONE
        self.ticket: KioskTicket | None = None
        self.error = ""
        self.pending: IssueRequest | None = None
        self._since = now()

    # ---- the citizen's taps --------------------------------------------------------------

    def area_at(self, index: int) -> Area | None:
        """The area of button ``index`` (1-based, the digit keys), None outside the list."""
        codes = list(self.areas)
        return self.areas[codes[index - 1]] if 1 <= index <= len(codes) else None

    def choose_area(self, code: str) -> IssueRequest | None:
        """An area was touched: ask the priority, or issue at once (``ask_priority`` off).
        Ignored (None) unless the area screen is showing."""
        if self.step is not KioskStep.CHOOSE_AREA or code not in self.areas:
            return None
        self.area, self.priority = self.areas[code], Priority.NONE
        if self.ask_priority:
            self._go(KioskStep.CHOOSE_PRIORITY)
            return None
        return self._issue()

    def choose_priority(self, priority: Priority | int = Priority.NONE) -> IssueRequest | None:
        """The priority class (``Priority.NONE``: "Không"); returns the request to run, None when ignored."""
        if self.step is not KioskStep.CHOOSE_PRIORITY:
            return None
        self.priority = Priority(priority)
        return self._issue()

    def back(self) -> bool:
        """Esc / "Quay lại": to the area screen, except while a number is being issued."""
        if self.step is KioskStep.ISSUING:
            return False
        self._reset()
        return True

    def touch(self) -> bool:
        """A touch on the ticket or error screen: the next citizen's turn."""
        if self.step not in (KioskStep.TICKET_SHOWN, KioskStep.ERROR):
            return False
        self._reset()
        return True

    def tick(self) -> bool:
        """Called by a timer: back to the area screen once the ticket, the error or an unanswered
        priority question has been shown for ``reset_after``. True when the step changed."""
        idle = self.step in (KioskStep.CHOOSE_PRIORITY, KioskStep.TICKET_SHOWN, KioskStep.ERROR)
        if idle and self.now() - self._since >= self.reset_after:
            self._reset()
            return True
        return False

    # ---- answers of the worker --------------------------------------------------------------

    def issued(self, token: int, ticket: KioskTicket) -> bool:
        if self.pending is None or token != self.pending.token:
            return False
        self.pending, self.ticket = None, ticket
        self.error = PRINT_FAILED_VI if ticket.print_failed else ""
        self._go(KioskStep.TICKET_SHOWN)
        return True

    def failed(self, token: int) -> bool:
        if self.pending is None or token != self.pending.token:
            return False
        self.pending, self.ticket, self.error = None, None, ISSUE_FAILED_VI
        self._go(KioskStep.ERROR)
        return True

    # ---- inside ---------------------------------------------------------------------------------

    def _issue(self) -> IssueRequest:
        assert self.area is not None
        self.pending = IssueRequest(next(self._tokens), self.area, self.priority)
        self._go(KioskStep.ISSUING)
        return self.pending

    def _go(self, step: KioskStep) -> None:
        self.step, self._since = step, self.now()

    def _reset(self) -> None:
        self.area, self.priority, self.ticket, self.error = None, Priority.NONE, None, ""
        self._go(KioskStep.CHOOSE_AREA)


class KioskIssuer:
    """Issue and print one ticket (blocking: the window runs it on a worker thread).

    ``client()`` → the coordinator's client when the profile is registered, else None;
    ``thermal()`` → an open python-escpos printer or None; ``printers``: the PDF printer path
    (None: the ticket PDF is only saved in ``spool_dir``)."""

    def __init__(self, store: Store, *, spool_dir: Path, client: Callable[[], object | None] = lambda: None,
                 thermal: Callable[[], object | None] = lambda: None, printers=None, printer: str | None = None,
                 now: Callable[[], datetime] = clock.now) -> None:
        self.store, self.spool_dir, self.client = store, spool_dir, client
        self.thermal, self.printers, self.printer, self.now = thermal, printers, printer, now

    def issue(self, area: Area, priority: Priority = Priority.NONE) -> KioskTicket:
        at, remote, client = self.now(), None, self.client()
        if client is not None:  # a coordinated site: only the coordinator numbers tickets
            with client:  # unreachable → raised: the screen sends the citizen to the paper tickets
                remote = client.issue(area.code, prefix=area.prefix, priority=int(priority))
        if remote is not None:
            number, waiting = remote["number"], int(remote["waiting_before"])
        else:
            visit = self.store.write(lambda s: queue.issue(s, area=area.code, priority=priority, now=at).value)
            with self.store.read() as s:
                ahead = queue.visits(s, day=at.date(), states={VisitState.WAITING})
            waiting = sum(1 for v in ahead if v.area == area.code and v.id != visit.id)
            number = visit.number
        return self._print(KioskTicket(number, area, priority, waiting, at, online=remote is not None))

    def _print(self, ticket: KioskTicket) -> KioskTicket:
        from dataclasses import replace

        from printing.queue_print import print_queue_ticket, queue_ticket

        fields = queue_ticket(number=ticket.number, area_name=ticket.area.name, issued_at=ticket.issued_at,
                              waiting=ticket.waiting)
        thermal = None
        try:
            thermal = self.thermal()
            done = print_queue_ticket(fields, now=ticket.issued_at, spool_dir=self.spool_dir, thermal=thermal,
                                      printers=None if thermal is not None else self.printers, printer=self.printer)
            return replace(ticket, printed_via=done.via, saved_pdf=done.saved_pdf)
        except Exception as exc:  # noqa: BLE001 — a jammed printer must not lose the number
            log.warning("kiosk: ticket %s not printed (%s)", ticket.number, type(exc).__name__)
            saved = getattr(exc, "saved_pdf", None)
            if saved is None:
                saved = print_queue_ticket(fields, now=ticket.issued_at, spool_dir=self.spool_dir).saved_pdf
            return replace(ticket, saved_pdf=saved, print_failed=True)
        finally:
            if thermal is not None:
                try:
                    thermal.close()
                except Exception:  # noqa: BLE001 — the ticket is out (or saved) already
                    log.warning("kiosk: thermal printer not closed cleanly")
