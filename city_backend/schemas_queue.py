"""Wire format of the queue endpoints (``/v1/queue/…``)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, Field

from .schemas import Moment, Strict

AreaCode = Field(pattern=r"^[a-z0-9_-]{1,32}$", examples=["hotich"])
VisitId = Field(pattern=r"^[0-9a-fA-F-]{36}$", examples=["6f1c1d2e-6a57-4a4e-9d61-2f1f6d1f0a01"])
TicketNumber = Field(pattern=r"^[A-Z]{0,3}-?[0-9]{1,4}$", examples=["A027"])


class VisitStateName(str, Enum):
    waiting = "waiting"
    called = "called"
    serving = "serving"
    on_hold = "on_hold"
    done = "done"
    no_show = "no_show"


class TicketIn(Strict):
    """A kiosk's request for a ticket."""

    area: str = AreaCode
    prefix: str = Field(default="", pattern=r"^[A-Z]{0,3}$", examples=["A"])
    priority: int = Field(default=0, ge=0, le=4)


class TicketOut(BaseModel):
    id: str
    day: date
    number: str
    area: str
    priority: int
    state: VisitStateName
    counter_code: str | None
    issued_at: datetime
    called_at: datetime | None
    recalls: int
    paper: bool
    waiting_before: int = 0  # tickets of the same area ahead of this one when issued


class CallNextIn(Strict):
    areas: list[Annotated[str, AreaCode]] = Field(default_factory=list, max_length=20)  # empty = every area


class CallNextOut(BaseModel):
    ticket: TicketOut | None


class Action(str, Enum):
    recall = "recall"
    serve = "serve"
    hold = "hold"
    resume = "resume"
    no_show = "no_show"
    transfer = "transfer"
    done = "done"


class ActionIn(Strict):
    action: Action
    area: str | None = Field(default=None, pattern=r"^[a-z0-9_-]{1,32}$")  # transfer: the new area
    counter_code: str | None = Field(default=None, pattern=r"^[0-9A-Za-z._-]{1,32}$")  # transfer: one counter


class CallOut(BaseModel):
    seq: int
    ticket_id: str
    number: str
    area: str
    counter_code: str
    recall: bool
    at: datetime


class CallsOut(BaseModel):
    calls: list[CallOut]
    last_seq: int  # pass as ``after`` in the next long-poll
    server_time: datetime


class VisitEventIn(Strict):
    """A visit change made at a counter (online right away, or reconciled after an offline spell)."""

    event_id: str = VisitId
    kind: str = Field(pattern=r"^[a-z_]{1,32}$")
    visit_id: str = VisitId
    day: date
    number: str = TicketNumber
    area: str = AreaCode
    priority: int = Field(ge=0, le=4)
    state: VisitStateName
    counter_code: str | None = Field(default=None, pattern=r"^[0-9A-Za-z._-]{1,32}$")
    issued_at: Moment
    paper: bool = False
    recalls: int = Field(default=0, ge=0, le=1000)
    at: Moment


class ReconcileIn(Strict):
    events: list[VisitEventIn] = Field(max_length=500)


class ReconcileResult(BaseModel):
    event_id: str
    result: str  # applied | duplicate | rejected
    reason_code: str = ""
    reason_vi: str = ""


class ReconcileOut(BaseModel):
    results: list[ReconcileResult]


class CounterKpisOut(BaseModel):
    counter_code: str
    served: int
    no_shows: int
    mean_service_seconds: float | None


class RatingCount(BaseModel):
    level: int  # on the three levels: 1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng
    count: int


class QueueKpisOut(BaseModel):
    """The site's queue indicators of a day (every counter, every kiosk)."""

    agency_code: str
    day: date
    issued: int
    served: int
    no_shows: int
    waiting: int  # still waiting now (or at the end of a past day)
    mean_wait_seconds: float | None  # issue -> first call, of the called tickets
    max_wait_seconds: float | None
    mean_service_seconds: float | None  # time being served (holds excluded), of the visits done
    per_counter: list[CounterKpisOut]
    ratings: list[RatingCount]
