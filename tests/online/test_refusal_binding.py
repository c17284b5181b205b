"""A refusal approval is bound to its dossier on the real city server: an approval given for dossier A
(its code, its procedure, its online submission, its envelope) is refused on dossier B, and still
passes on A. Over HTTP against PostgreSQL, with proofs signed as a counter signs them."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime, timedelta

import httpx
import pytest

from counter_app.security import approval_proof
from counter_app.security.permissions import Action

from online_helpers import PORTAL_TOKEN, new_agency_code

PASSWORDS = {"canbo01": "mat-khau-can-bo", "lanhdao01": "mat-khau-lanh-dao"}
AT = datetime(2026, 11, 27, 10, 15)
PROC, OTHER_PROC = "1.004873", "1.001612"
_seq = iter(range(1, 10_000))


@pytest.fixture
def agency(online_admin) -> str:
    code = new_agency_code()
    online_admin.agency(code)
    for user, role in (("canbo01", "officer"), ("lanhdao01", "supervisor")):
        online_admin.officer(code, user, f"Cán bộ {user}", role)
        r = online_admin.http.put(f"/v1/admin/agencies/{code}/officers/{user}/password",
                                  json={"password": PASSWORDS[user]})
        assert r.status_code == 204, r.text
    return code


@pytest.fixture
def client(online_server, online_admin, agency):
    reg = online_admin.counter(agency, "Q01")
    with httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {reg['token']}"},
                      timeout=10) as c:
        yield c


def _claim(agency: str, target: str) -> dict:
    key = approval_proof.derive_key(agency_code=agency, username="lanhdao01", password=PASSWORDS["lanhdao01"])
    return approval_proof.claim_for(id=str(uuid.uuid4()), action=Action.REFUSE_DOSSIER, target=target,
                                    requested_by="canbo01", approved_by="lanhdao01",
                                    approved_at=AT - timedelta(minutes=1), key=key).to_wire()


def _refusal(agency: str, approval: dict, *, procedure: str = PROC, channel: int = 1,
             code: str | None = None) -> dict:
    """A refusal at reception as the counter pushes it (the event creates the city's copy)."""
    code = code or f"{agency}-261127-{next(_seq):04d}"
    return {"event_id": str(uuid.uuid4()), "kind": "dossier.refuse", "aggregate": code, "created_at": AT.isoformat(),
            "payload": {"code": code, "status": "refused", "agency_code": agency, "procedure_code": procedure,
                        "channel": channel, "approval": approval}}


def _push(client: httpx.Client, *events: dict) -> list[tuple[str, str]]:
    r = client.post("/v1/events:push", json={"sent_at": AT.isoformat(), "events": list(events)})
    assert r.status_code == 200, r.text
    return [(a["result"], a["reason_code"]) for a in r.json()["results"]]


def _submit(url: str, agency: str) -> str:
    body = {"agency_code": agency, "procedure_code": PROC, "applicant": {"full_name": "Trần Thị Lan"},
            "files": [{"name": "to-khai.pdf", "component": 0,
                       "content_base64": base64.b64encode(b"%PDF-1.4 " + uuid.uuid4().bytes).decode()}]}
    r = httpx.post(f"{url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": PORTAL_TOKEN}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_an_approval_for_dossier_a_replayed_on_dossier_b_is_refused(client, agency):
    a_code = f"{agency}-261127-{next(_seq):04d}"
    for_a = _claim(agency, a_code)  # a supervisor approved refusing the resumed dossier A
    assert _push(client, _refusal(agency, for_a)) == [("rejected", "approval_mismatch")]  # replayed on B
    assert _push(client, _refusal(agency, for_a, code=a_code)) == [("applied", "")]  # still good for A


def test_a_reception_approval_fits_its_procedure_only(client, agency):
    target = f"reception:{PROC}:0123456789abcdef"
    assert _push(client, _refusal(agency, _claim(agency, target), procedure=OTHER_PROC)) == [
        ("rejected", "approval_mismatch")]
    assert _push(client, _refusal(agency, _claim(agency, target), procedure=PROC)) == [("applied", "")]
    no_procedure = _refusal(agency, _claim(agency, target))
    del no_procedure["payload"]["procedure_code"]  # a made-up event naming no procedure
    assert _push(client, no_procedure) == [("rejected", "approval_mismatch")]


def test_an_online_submissions_approval_fits_only_the_dossier_that_takes_it(client, agency, online_server):
    submission = _submit(online_server.url, agency)
    approval = _claim(agency, submission)
    assert _push(client, _refusal(agency, approval, channel=1)) == [("rejected", "approval_mismatch")]  # a desk one
    assert _push(client, _refusal(agency, approval, channel=2, procedure=OTHER_PROC)) == [
        ("rejected", "approval_mismatch")]
    c_code = f"{agency}-261127-{next(_seq):04d}"
    assert client.post(f"/v1/counter/online-dossiers/{submission}/take",
                       json={"dossier_code": c_code}).status_code == 200
    # Taken under C: another dossier cannot be refused with an approval for that submission...
    assert _push(client, _refusal(agency, _claim(agency, submission), channel=2)) == [
        ("rejected", "approval_mismatch")]
    assert _push(client, _refusal(agency, approval, channel=2, code=c_code)) == [("applied", "")]  # ...C can
    unknown = _claim(agency, str(uuid.uuid4()))  # a submission this server never had
    assert _push(client, _refusal(agency, unknown, channel=2)) == [("rejected", "approval_mismatch")]


def test_a_postal_approval_fits_a_postal_dossier(client, agency):
    approval = _claim(agency, "RR473124829GB")
    assert _push(client, _refusal(agency, approval, channel=1)) == [("rejected", "approval_mismatch")]
    assert _push(client, _refusal(agency, approval, channel=3)) == [("applied", "")]
