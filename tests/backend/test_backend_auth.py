"""Online sign-in and the server's re-check of four-eyes approvals, over real HTTP against PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from counter_app.security import approval_proof
from counter_app.security.permissions import FOUR_EYES, Action

PASSWORDS = {"canbo01": "mat-khau-can-bo", "lanhdao01": "mat-khau-lanh-dao", "lanhdao02": "mat-khau-lanh-dao-2",
             "quantri": "mat-khau-quan-tri"}
ROLES = {"canbo01": "officer", "lanhdao01": "supervisor", "lanhdao02": "supervisor", "quantri": "admin"}
AT = datetime(2026, 11, 27, 9, 15)


@pytest.fixture
def staffed(admin, agency, counter_client):
    """An agency with four officers whose passwords are set, and one counter of it."""
    for user, role in ROLES.items():
        admin.officer(agency, user, f"Cán bộ {user}", role)
        r = admin.http.put(f"/v1/admin/agencies/{agency}/officers/{user}/password", json={"password": PASSWORDS[user]})
        assert r.status_code == 204, r.text
    return counter_client("Q01")


def sign_in(client, username, password):
    return client.post("/v1/auth/signin", json={"username": username, "password": password})


def test_sign_in_answers_the_officer_and_role_and_refuses_wrong_passwords_alike(staffed, agency):
    ok = sign_in(staffed, "lanhdao01", PASSWORDS["lanhdao01"])
    assert ok.status_code == 200, ok.text
    assert {k: ok.json()[k] for k in ("agency_code", "username", "role")} == {
        "agency_code": agency, "username": "lanhdao01", "role": "supervisor"}
    wrong, unknown = sign_in(staffed, "lanhdao01", "sai-mat-khau"), sign_in(staffed, "khongco", "sai-mat-khau")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()  # no hint whether the username exists
    assert wrong.json()["message_vi"] == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_officers_of_another_agency_cannot_sign_in_at_this_counter(staffed, admin, counter_client):
    from backend_helpers import new_agency_code

    other = new_agency_code()
    admin.agency(other)
    foreign = counter_client("Q09", other)
    assert sign_in(foreign, "canbo01", PASSWORDS["canbo01"]).status_code == 401


def test_lockout_on_the_server_after_repeated_failures_and_admin_reset(staffed, admin, agency):
    codes = [sign_in(staffed, "canbo01", f"sai-{n}").status_code for n in range(5)]
    assert codes == [401, 401, 401, 401, 423]
    locked = sign_in(staffed, "canbo01", PASSWORDS["canbo01"])  # even the right password now
    assert locked.status_code == 423 and "tạm khóa" in locked.json()["message_vi"]
    r = admin.http.put(f"/v1/admin/agencies/{agency}/officers/canbo01/password", json={"password": "mat-khau-moi-1"})
    assert r.status_code == 204
    assert sign_in(staffed, "canbo01", PASSWORDS["canbo01"]).status_code == 401  # the old one is gone
    assert sign_in(staffed, "canbo01", "mat-khau-moi-1").status_code == 200


def test_setting_a_password_needs_the_admin_a_known_officer_and_8_characters(staffed, admin, agency, server):
    import httpx

    url = f"/v1/admin/agencies/{agency}/officers/canbo01/password"
    assert httpx.put(server.url + url, json={"password": "mat-khau-x"}).status_code == 403
    assert staffed.put(url, json={"password": "mat-khau-x"}).status_code == 403  # a counter token is no admin
    short = admin.http.put(url, json={"password": "ngan"})
    assert short.status_code == 422 and "8 ký tự" in short.json()["message_vi"]
    missing = admin.http.put(f"/v1/admin/agencies/{agency}/officers/khongco/password", json={"password": "x" * 9})
    assert missing.status_code == 404


# ---- four-eyes approvals re-checked on push ----------------------------------------------

_seq = iter(range(1, 10_000))


def _code(agency: str) -> str:
    return f"{agency}-261127-{next(_seq):04d}"


def _event(kind: str, code: str, payload: dict) -> dict:
    return {"event_id": str(uuid.uuid4()), "kind": kind, "aggregate": code, "created_at": AT.isoformat(),
            "payload": payload}


def _received(agency: str, code: str) -> dict:
    return _event("dossier.receive", code, {"code": code, "status": "received", "agency_code": agency})


def _claim(agency, action, target, *, requested_by="canbo01", approved_by="lanhdao01", password=None,
           at=AT - timedelta(minutes=1), approval_id=None):
    key = approval_proof.derive_key(agency_code=agency, username=approved_by,
                                    password=password or PASSWORDS.get(approved_by, "khong-co-mat-khau"))
    return approval_proof.claim_for(id=approval_id or str(uuid.uuid4()), action=action, target=target,
                                    requested_by=requested_by, approved_by=approved_by, approved_at=at,
                                    key=key).to_wire()


def _four_eyes(agency: str, action: Action, **claim) -> tuple[list[dict], dict]:
    """The events setting up a dossier, and the four-eyes event of ``action`` with its approval."""
    code = _code(agency)
    setup = [_received(agency, code)]
    if action is Action.REFUSE_DOSSIER:
        setup, kind, payload, target = [], "dossier.refuse", {"code": code, "status": "refused"}, "reception:x"
    elif action in (Action.CANCEL_DOSSIER, Action.WITHDRAW_DOSSIER):
        status = "cancelled" if action is Action.CANCEL_DOSSIER else "withdrawn"
        kind, payload, target = "dossier.status", {"code": code, "status": status}, code
    elif action is Action.HANDOFF_BATCH:
        kind, payload = "handoff.batch", {"codes": [code], "to_unit": "Phòng Tư pháp"}
        target = approval_proof.expected_target(kind, agency, payload)
    else:
        kind = {Action.EXTEND_DEADLINE: "dossier.extension", Action.REFUND_FEE: "fee.refund",
                Action.REPRINT_RECEIPT: "receipt.reprint"}[action]
        payload, target = {"code": code}, code
    event = _event(kind, agency if kind == "handoff.batch" else code, payload)
    if claim.get("omit"):
        return setup, event
    claim.setdefault("target", target)
    event["payload"]["approval"] = _claim(agency, action, **claim)
    return setup, event


def _results(client, setup: list[dict], events: list[dict]) -> list[tuple[str, str]]:
    r = client.post("/v1/events:push", json={"sent_at": AT.isoformat(), "events": [*setup, *events]})
    assert r.status_code == 200, r.text
    answers = r.json()["results"]
    assert all(a["result"] == "applied" for a in answers[:len(setup)]), answers[:len(setup)]
    return [(a["result"], a["reason_code"]) for a in answers[len(setup):]]


ACTIONS = sorted(FOUR_EYES, key=lambda a: a.value)


def test_authorisation_matrix_role_by_four_eyes_action(staffed, agency):
    """Requester role × action and approver role × action: every denial has its reason code."""
    cells, setup, events = [], [], []
    for action in ACTIONS:
        for requester in ("canbo01", "lanhdao02", "quantri"):
            s, e = _four_eyes(agency, action, requested_by=requester)
            cells.append((action, "requester", ROLES[requester]))
            setup += s
            events.append(e)
        for approver in ("canbo01", "quantri"):
            s, e = _four_eyes(agency, action, requested_by="lanhdao02", approved_by=approver)
            cells.append((action, "approver", ROLES[approver]))
            setup += s
            events.append(e)
    got = dict(zip(cells, _results(staffed, setup, events)))
    expected = {}
    for action in ACTIONS:
        expected[(action, "requester", "officer")] = ("applied", "")
        expected[(action, "requester", "supervisor")] = ("applied", "")
        expected[(action, "requester", "admin")] = ("rejected", "permission_denied")
        expected[(action, "approver", "officer")] = ("rejected", "approval_not_supervisor")
        expected[(action, "approver", "admin")] = ("rejected", "approval_not_supervisor")
    assert got == expected


def test_an_approval_forged_through_the_api_is_refused(staffed, agency):
    action = Action.CANCEL_DOSSIER
    setup, events = [], []
    for claim in ({"password": "doan-mat-khau"},  # HMAC under a guessed password
                  {"requested_by": "canbo01"}):  # a genuine one, then edited below
        s, e = _four_eyes(agency, action, **claim)
        setup += s
        events.append(e)
    events[1]["payload"]["approval"]["approved_at"] = (AT - timedelta(seconds=5)).isoformat()
    assert _results(staffed, setup, events) == [("rejected", "approval_forged")] * 2


def test_missing_self_unknown_mismatched_expired_and_reused_approvals_are_refused(staffed, agency):
    a = Action.CANCEL_DOSSIER
    reused = str(uuid.uuid4())
    cases = [
        ({"omit": True}, "approval_missing"),
        ({"requested_by": "lanhdao01", "approved_by": "lanhdao01"}, "self_approval"),
        ({"approved_by": "nguoila", "password": "mat-khau-bat-ky"}, "approval_unknown_officer"),
        ({"target": "000.00.01.H26-261127-9999"}, "approval_mismatch"),
        ({"at": AT - timedelta(minutes=30)}, "approval_expired"),
        ({"approval_id": reused}, ""),
        ({"approval_id": reused}, "approval_reused"),
    ]
    setup, events = [], []
    for claim, _ in cases:
        s, e = _four_eyes(agency, a, **claim)
        setup += s
        events.append(e)
    got = _results(staffed, setup, events)
    assert got == [("rejected", code) if code else ("applied", "") for _, code in cases]
    # A retried push of the applied event is a duplicate, not a reuse.
    assert _results(staffed, [], [events[5]]) == [("duplicate", "")]


def test_an_approval_given_for_another_action_does_not_pass(staffed, agency):
    setup, event = _four_eyes(agency, Action.WITHDRAW_DOSSIER)
    event["payload"]["approval"] = _claim(agency, Action.REFUND_FEE, event["aggregate"])
    assert _results(staffed, setup, [event]) == [("rejected", "approval_mismatch")]
