from datetime import timedelta

import pytest

from counter_app.security import approvals
from counter_app.security.audit import verify_chain
from counter_app.security.passwords import hash_password, verify_password
from counter_app.security.permissions import Action, PermissionDenied
from counter_app.security.signin import CounterSession, SecurityPolicy, SessionState, SignInError, check_password

from sec_data import NOW, PASSWORDS


def test_password_verifier():
    v = hash_password("dung-mat-khau", log2_n=10)
    assert v.startswith("scrypt$10$") and verify_password("dung-mat-khau", v)
    assert not verify_password("sai-mat-khau", v)
    assert not verify_password("x", "garbage") and not verify_password("x", "scrypt$a$b$c$d$e")
    assert hash_password("dung-mat-khau", log2_n=10) != v, "salted"


def test_offline_sign_in_within_validity_and_not_after(sec_store):
    sess = CounterSession()
    officer = sec_store.write(lambda s: sess.sign_in(s, username="canbo01", password=PASSWORDS["canbo01"],
                                                     now=NOW + timedelta(days=6, hours=23)))
    assert officer.full_name == "Nguyễn Thị Lan" and sess.state is SessionState.ACTIVE
    with pytest.raises(SignInError) as err:
        sec_store.write(lambda s: check_password(s, username="canbo01", password=PASSWORDS["canbo01"],
                                                 now=NOW + timedelta(days=7)))
    assert "ngoại tuyến" in err.value.message_vi


def test_unknown_user_and_lockout_after_n_failures(sec_store):
    with pytest.raises(SignInError) as err:
        sec_store.write(lambda s: check_password(s, username="ai-do", password="x", now=NOW))
    assert "chưa từng đăng nhập" in err.value.message_vi
    policy = SecurityPolicy(max_failures=3, lockout=timedelta(minutes=15))
    for i in range(3):
        with pytest.raises(SignInError):
            sec_store.write(lambda s: check_password(s, username="canbo01", password="sai", now=NOW, policy=policy))
    with pytest.raises(SignInError) as err:  # even the right password is refused while locked
        sec_store.write(lambda s: check_password(s, username="canbo01", password=PASSWORDS["canbo01"],
                                                 now=NOW + timedelta(minutes=14), policy=policy))
    assert "tạm khóa" in err.value.message_vi
    sec_store.write(lambda s: check_password(s, username="canbo01", password=PASSWORDS["canbo01"],
                                             now=NOW + timedelta(minutes=15), policy=policy))


def test_idle_lock_quick_unlock_and_switch_officer(sec_store):
    sess = CounterSession(SecurityPolicy(idle_lock=timedelta(minutes=10)))
    sec_store.write(lambda s: sess.sign_in(s, username="canbo01", password=PASSWORDS["canbo01"], now=NOW))
    assert sess.touch(NOW + timedelta(minutes=9)) is SessionState.ACTIVE
    assert sess.touch(NOW + timedelta(minutes=19)) is SessionState.LOCKED
    with pytest.raises(SignInError):
        sess.require_active()
    with pytest.raises(SignInError) as err:
        sec_store.write(lambda s: sess.unlock(s, username="lanhdao01", password=PASSWORDS["lanhdao01"],
                                              now=NOW + timedelta(minutes=20)))
    assert "Đổi cán bộ" in err.value.message_vi
    sec_store.write(lambda s: sess.unlock(s, username="canbo01", password=PASSWORDS["canbo01"],
                                          now=NOW + timedelta(minutes=20)))
    assert sess.require_active().username == "canbo01"
    sec_store.write(lambda s: sess.sign_in(s, username="lanhdao01", password=PASSWORDS["lanhdao01"],
                                           now=NOW + timedelta(minutes=21)))
    assert sess.require_active().username == "lanhdao01"
    with sec_store.read() as s:
        check = verify_chain(s)
        assert check.ok and check.entries == 5  # sign_in, screen_lock, screen_unlock, sign_out, sign_in


def test_four_eyes_approval_once_for_one_target(sec_store):
    approval = sec_store.write(lambda s: approvals.approve(
        s, action=Action.REFUSE_DOSSIER, target="000.00.01.H26-261127-0001", requested_by="canbo01",
        supervisor="lanhdao01", password=PASSWORDS["lanhdao01"], now=NOW))
    with pytest.raises(PermissionDenied):  # another target
        sec_store.write(lambda s: approvals.consume(s, approval_id=approval.id, action=Action.REFUSE_DOSSIER,
                                                    target="000.00.01.H26-261127-0002", by="canbo01", now=NOW))
    sec_store.write(lambda s: approvals.consume(s, approval_id=approval.id, action=Action.REFUSE_DOSSIER,
                                                target="000.00.01.H26-261127-0001", by="canbo01", now=NOW))
    with pytest.raises(PermissionDenied):  # used once
        sec_store.write(lambda s: approvals.consume(s, approval_id=approval.id, action=Action.REFUSE_DOSSIER,
                                                    target="000.00.01.H26-261127-0001", by="canbo01", now=NOW))


def test_self_approval_officer_approval_wrong_password_forged_and_expired_are_refused(sec_store):
    with pytest.raises(PermissionDenied) as err:
        sec_store.write(lambda s: approvals.approve(
            s, action=Action.REPRINT_RECEIPT, target="X", requested_by="lanhdao01", supervisor="lanhdao01",
            password=PASSWORDS["lanhdao01"], now=NOW))
    assert "tự phê duyệt" in err.value.message_vi
    with pytest.raises(PermissionDenied):  # an officer cannot approve
        sec_store.write(lambda s: approvals.approve(
            s, action=Action.REPRINT_RECEIPT, target="X", requested_by="lanhdao01", supervisor="canbo01",
            password=PASSWORDS["canbo01"], now=NOW))
    with pytest.raises(SignInError):
        sec_store.write(lambda s: approvals.approve(
            s, action=Action.REPRINT_RECEIPT, target="X", requested_by="canbo01", supervisor="lanhdao01",
            password="doan-bua", now=NOW))
    with pytest.raises(PermissionDenied):  # forged id
        sec_store.write(lambda s: approvals.consume(s, approval_id="00000000-0000-0000-0000-000000000000",
                                                    action=Action.REPRINT_RECEIPT, target="X", by="canbo01", now=NOW))
    a = sec_store.write(lambda s: approvals.approve(
        s, action=Action.CANCEL_DOSSIER, target="X", requested_by="lanhdao02", supervisor="lanhdao01",
        password=PASSWORDS["lanhdao01"], now=NOW))
    with pytest.raises(PermissionDenied):  # expired
        sec_store.write(lambda s: approvals.consume(s, approval_id=a.id, action=Action.CANCEL_DOSSIER, target="X",
                                                    by="lanhdao02", now=NOW + timedelta(minutes=6)))


def test_failed_attempts_are_audited_even_though_sign_in_fails(sec_store):
    for _ in range(2):
        with pytest.raises(SignInError):
            sec_store.write(lambda s: check_password(s, username="canbo01", password="sai", now=NOW))
    with sec_store.read() as s:
        from counter_app.storage.models_security import AuditEntryRow
        actions = [r.action for r in s.query(AuditEntryRow).order_by(AuditEntryRow.id)]
        assert actions == ["sign_in_failed", "sign_in_failed"] and verify_chain(s).ok
