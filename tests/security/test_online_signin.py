"""Online sign-in against the real city backend, the cached verifier it leaves, and the offline fallback."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from city_backend.testing import free_port
from counter_app.domain.organisation import Role
from counter_app.security import online_signin
from counter_app.security.signin import CounterSession, SecurityPolicy, SignInError, cache_credential
from counter_app.storage.models import AgencyRow, OfficerRow
from counter_app.sync import state

from sec_data import NOW

POLICY = SecurityPolicy(offline_validity=timedelta(days=2))


@pytest.fixture
def linked(demo_store, admin, server):
    """The demo store registered as a counter of a fresh agency on the real backend."""
    h = uuid.uuid4().hex.upper()
    agency = f"{h[6:9]}.{h[:2]}.{h[2:4]}.S{h[4:6]}"  # a fresh valid code: tests share one server database
    admin.agency(agency)
    admin.officer(agency, "canbo07", "Vũ Minh Châu", "supervisor")
    admin.http.put(f"/v1/admin/agencies/{agency}/officers/canbo07/password",
                   json={"password": "mat-khau-truc-tuyen"}).raise_for_status()
    token = admin.counter(agency, "Q01")["token"]

    def link(s):
        s.add(AgencyRow(code=agency, name="Cơ quan thử nghiệm", level="commune"))
        s.flush()
        s.add(OfficerRow(username="canbo07", full_name="Tên cũ", role="officer", agency_code=agency))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, token)
    demo_store.write(link)
    return demo_store, agency


def _sign_in(store, counter, password, *, at=NOW, user="canbo07"):
    return online_signin.sign_in(store, counter, username=user, password=password, now=at,
                                 client=online_signin.default_client(store))


def _cut_link(store):
    store.write(lambda s: state.put(s, state.SERVER_URL, f"http://127.0.0.1:{free_port()}"))


def test_online_sign_in_refreshes_the_role_and_caches_a_verifier_for_offline_use(linked):
    store, _agency = linked
    counter = CounterSession(POLICY)
    out = _sign_in(store, counter, "mat-khau-truc-tuyen")
    assert out.online and out.notice_vi == ""
    assert (out.officer.full_name, out.officer.role) == ("Vũ Minh Châu", Role.SUPERVISOR)  # the server's word
    with store.read() as s:
        assert s.query(OfficerRow).filter_by(username="canbo07").one().role == "supervisor"
    _cut_link(store)
    later = _sign_in(store, CounterSession(POLICY), "mat-khau-truc-tuyen", at=NOW + timedelta(days=1))
    assert not later.online
    assert "Không kết nối được" in later.notice_vi and "ngoại tuyến" in later.notice_vi
    with pytest.raises(SignInError) as err:  # after the validity window
        _sign_in(store, CounterSession(POLICY), "mat-khau-truc-tuyen", at=NOW + timedelta(days=2, minutes=1))
    assert "quá thời hạn" in err.value.message_vi and "Không kết nối được" in err.value.message_vi


def test_the_server_decides_even_when_an_old_local_verifier_matches(linked):
    store, _agency = linked
    store.write(lambda s: cache_credential(s, username="canbo07", password="mat-khau-cu-da-doi", now=NOW,
                                           policy=POLICY))
    with pytest.raises(SignInError) as err:
        _sign_in(store, CounterSession(POLICY), "mat-khau-cu-da-doi")
    assert err.value.message_vi == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_lockout_on_the_server_reaches_the_counter(linked):
    store, _agency = linked
    for n in range(4):
        with pytest.raises(SignInError):
            _sign_in(store, CounterSession(POLICY), f"sai-{n}")
    with pytest.raises(SignInError) as err:
        _sign_in(store, CounterSession(POLICY), "sai-5")
    assert "tạm khóa" in err.value.message_vi
    with pytest.raises(SignInError):  # the right password does not help while locked
        _sign_in(store, CounterSession(POLICY), "mat-khau-truc-tuyen")


def test_dead_link_without_a_cached_verifier_says_both_why(linked):
    store, _agency = linked
    _cut_link(store)
    with pytest.raises(SignInError) as err:
        _sign_in(store, CounterSession(POLICY), "mat-khau-truc-tuyen")
    assert "Không kết nối được" in err.value.message_vi and "chưa từng đăng nhập trực tuyến" in err.value.message_vi


def test_the_workspace_signs_in_online_and_tells_when_it_fell_back(linked, demo_profile):
    from ui.workspace import Workspace

    store, _agency = linked
    ws = Workspace(demo_profile, store, now=lambda: NOW)
    assert ws.sign_in("canbo07", "mat-khau-truc-tuyen").role is Role.SUPERVISOR
    assert ws.sign_in_notice == "" and ws.context.officer == "canbo07" and ws.context.role is Role.SUPERVISOR
    _cut_link(store)
    ws.sign_in("canbo07", "mat-khau-truc-tuyen")
    assert "ngoại tuyến" in ws.sign_in_notice


def test_a_supervisor_new_to_this_counter_can_approve_once_the_backend_checked_the_password(linked):
    from counter_app.security import approvals
    from counter_app.security.permissions import Action

    store, _agency = linked
    client = online_signin.default_client(store)

    def approve(password):
        return store.write(lambda s: approvals.approve(s, action=Action.CANCEL_DOSSIER, target="X-1",
                                                       requested_by="canbo01", supervisor="canbo07",
                                                       password=password, now=NOW)).id
    with pytest.raises(SignInError):  # never signed in here: no verifier to check offline
        approve("mat-khau-truc-tuyen")
    with pytest.raises(SignInError) as err:
        online_signin.refresh_credential(store, username="canbo07", password="sai-mat-khau", now=NOW,
                                         client=client, policy=POLICY)
    assert err.value.message_vi == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert online_signin.refresh_credential(store, username="canbo07", password="mat-khau-truc-tuyen", now=NOW,
                                            client=client, policy=POLICY)
    assert approve("mat-khau-truc-tuyen")  # the server said supervisor; the verifier is cached now
    _cut_link(store)
    assert not online_signin.refresh_credential(store, username="canbo07", password="x", now=NOW,
                                                client=online_signin.default_client(store), policy=POLICY)
