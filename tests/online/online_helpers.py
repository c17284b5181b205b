"""Helpers of the online tests: push a dossier's events the way a counter's outbox does."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import httpx

from counter_app.services.online import lookup_hash

LOOKUP_PER_MINUTE, LOOKUP_BURST = 6, 8
LOOKUP_CODE_FAILURES = 20  # wrong answers for one code before it is locked (more than the other tests make)
PORTAL_TOKEN = "portal-test-token"
ID_NUMBER = "001090123456"  # digits 3456
NAME, ADDRESS = "Nguyễn Văn Bình", "Số 7 phố Hàng Bạc, phường Hoàn Kiếm"
TODAY = (datetime.utcnow() + timedelta(hours=7)).replace(microsecond=0)


def new_agency_code() -> str:
    h = uuid.uuid4().hex.upper()
    return f"{h[:3]}.{h[3:5]}.{h[5:7]}.O{h[7:9]}"


def event(kind: str, code: str, at: datetime, **payload) -> dict:
    return {"event_id": str(uuid.uuid4()), "kind": kind, "aggregate": code, "created_at": at.isoformat(),
            "payload": {"code": code, **payload}}


def push(client: httpx.Client, *events: dict) -> list[dict]:
    r = client.post("/v1/events:push", json={"sent_at": datetime.now().isoformat(), "events": list(events)})
    r.raise_for_status()
    results = r.json()["results"]
    assert all(x["result"] == "applied" for x in results), results
    return results


def seed_dossier(client: httpx.Client, agency: str, seq: int, *, id_number: str = ID_NUMBER) -> str:
    """A dossier received two days ago, then in processing: its events as the counter pushes them."""
    code = f"{agency}-{TODAY:%y%m%d}-{seq:04d}"
    received, due = TODAY - timedelta(days=2), TODAY + timedelta(days=5)
    push(client,
         event("dossier.receive", code, received, status="received", national_status=2, procedure_code="1.004873",
               channel=1, received_at=received.isoformat(), due_at=due.replace(hour=16, minute=0).isoformat(),
               agency_code=agency, lookup_hash=lookup_hash(code, id_number)),
         event("dossier.status", code, received + timedelta(hours=3), status="processing", national_status=4))
    return code
