"""The city re-checks a fee refund or cancellation against the sum the supervisor approved
(PostgreSQL, the real server): the approval must name the dossier, the receipt and the amount."""

from __future__ import annotations

import pytest
from test_backend_auth import PASSWORDS, ROLES, _claim, _code, _event, _received, _results  # noqa: F401

from counter_app.security.permissions import Action
from counter_app.services.fees import cancel_target, refund_target


@pytest.fixture
def staffed(admin, agency, counter_client):
    for user, role in ROLES.items():
        admin.officer(agency, user, f"Cán bộ {user}", role)
        r = admin.http.put(f"/v1/admin/agencies/{agency}/officers/{user}/password", json={"password": PASSWORDS[user]})
        assert r.status_code == 204, r.text
    return counter_client("Q01")


def _fee_event(agency, kind, *, receipt="BL-0006", amount=15000, approved_target=None):
    code = _code(agency)
    payload = {"amount_vnd": amount, "method": "cash", "receipt_no": receipt}
    target = (refund_target if kind == "fee.refund" else cancel_target)(code, receipt, amount)
    payload["approval"] = _claim(agency, Action.REFUND_FEE, approved_target(code) if approved_target else target)
    return [_received(agency, code)], _event(kind, code, payload)


def test_the_city_applies_a_refund_and_a_cancellation_approved_for_their_sum(staffed, agency):
    setup_r, refund = _fee_event(agency, "fee.refund")
    setup_c, cancel = _fee_event(agency, "fee.cancel", receipt="BL-0007", amount=3000)
    assert _results(staffed, setup_r + setup_c, [refund, cancel]) == [("applied", ""), ("applied", "")]


def test_an_approval_of_the_dossier_or_of_another_sum_is_rejected(staffed, agency):
    setup_a, dossier_only = _fee_event(agency, "fee.refund", approved_target=lambda code: code)
    setup_b, other_sum = _fee_event(agency, "fee.refund",
                                    approved_target=lambda code: refund_target(code, "BL-0006", 1000))
    setup_c, refund_as_cancel = _fee_event(agency, "fee.cancel",
                                           approved_target=lambda code: refund_target(code, "BL-0006", 15000))
    assert _results(staffed, setup_a + setup_b + setup_c, [dossier_only, other_sum, refund_as_cancel]) == [
        ("rejected", "approval_mismatch")] * 3
