"""The first-run setup state machine without Qt: validation in Vietnamese, nothing written
before ``finish``, then the config TOML and a profile with no demo officers."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app import config
from counter_app.domain.errors import CounterError
from counter_app.profile import DEMO_OFFICERS, Profile
from counter_app.security.signin import CounterSession, SignInError
from counter_app.setup import SetupError, SetupFlow, Step, needs_setup
from counter_app.storage.models import OfficerRow, SettingRow
from counter_app.storage.models_security import CachedCredentialRow

NOW = datetime(2026, 11, 27, 8, 0)
PASSWORD = "mat-khau-quan-tri-1"


def _flow(tmp_path, profile=None, **kw) -> SetupFlow:
    return SetupFlow(profile or Profile(tmp_path / "profile"), config_path=tmp_path / "config.toml",
                     now=lambda: NOW, **kw)


def _offline_to_review(flow: SetupFlow) -> None:
    flow.work_offline()
    assert flow.next() is Step.AGENCY
    flow.set_agency(agency_code="000.22.33.h26", agency_name="UBND phường Hoàn Kiếm", counter_code="Q02",
                    counter_name="Quầy số 2")
    assert flow.next() is Step.OFFICER
    flow.sign_in_officer(username="QuanTri.HK", full_name="Phạm Thu Hà", password=PASSWORD, password_again=PASSWORD)
    assert flow.next() is Step.DEVICES
    flow.set_devices(barcode_mode="serial", barcode_port="/dev/ttyACM0", printer_a5="QMC_PDF")
    assert flow.next() is Step.REVIEW


def test_each_step_refuses_bad_input_in_vietnamese_and_keeps_what_was_typed(tmp_path):
    flow = _flow(tmp_path)
    with pytest.raises(SetupError) as err:
        flow.next()
    assert "ngoại tuyến" in err.value.message_vi and flow.step is Step.BACKEND
    with pytest.raises(SetupError) as err:
        flow.work_offline("http://motcua.hanoi.example")
    assert "https" in err.value.message_vi
    flow.work_offline()
    flow.next()
    with pytest.raises(CounterError) as err:
        flow.set_agency(agency_code="H26", agency_name="x", counter_code="Q01", counter_name="y")
    assert "000.00.01.H26" in err.value.message_vi
    with pytest.raises(SetupError):
        flow.set_agency(agency_code="000.00.02.H26", agency_name="x", counter_code="Q 01", counter_name="y")
    with pytest.raises(CounterError):
        flow.next()  # nothing valid chosen yet
    flow.set_agency(agency_code="000.00.02.H26", agency_name="Phường A", counter_code="Q01", counter_name="Quầy 1")
    flow.next()
    for kw, fragment in (({"username": "Cán bộ", "password": PASSWORD}, "Tên đăng nhập"),
                         ({"username": "admin", "password": "ngan", "full_name": "A"}, "ít nhất 8"),
                         ({"username": "admin", "password": PASSWORD, "password_again": "khac-han-nhe",
                           "full_name": "A"}, "không khớp"),
                         ({"username": "admin", "password": PASSWORD}, "họ và tên")):
        with pytest.raises(SetupError) as err:
            flow.sign_in_officer(**kw)
        assert fragment in err.value.message_vi
    with pytest.raises(SetupError):
        flow.next()
    assert flow.back() is Step.AGENCY and flow.draft.agency_name == "Phường A"
    for values, fragment in (({"barcode_mode": "bluetooth"}, "cổng COM"), ({"barcode_mode": "serial"}, "Chọn cổng"),
                             ({"barcode_baud": "nhanh"}, "devices.barcode_baud")):
        with pytest.raises(SetupError) as err:
            flow.set_devices(**values)
        assert fragment in err.value.message_vi
    assert not (tmp_path / "config.toml").exists() and not (tmp_path / "profile").exists(), "nothing written yet"


def test_offline_setup_writes_the_config_and_a_profile_without_demo_officers(tmp_path):
    flow = _flow(tmp_path)
    assert needs_setup(flow.profile)
    _offline_to_review(flow)
    path = flow.finish()
    assert flow.step is Step.DONE and not needs_setup(flow.profile)
    cfg = config.load(path)
    assert (cfg.counter.agency_code, cfg.counter.counter_code) == ("000.22.33.H26", "Q02")
    assert (cfg.devices.barcode_mode, cfg.devices.barcode_port, cfg.devices.printer_a5) == \
        ("serial", "/dev/ttyACM0", "QMC_PDF")
    assert cfg.backend.url == ""
    store = flow.profile.open_store()  # what the app does next: must not seed the demo identity
    try:
        with store.read() as s:
            officers = s.scalars(select(OfficerRow.username)).all()
            creds = s.scalars(select(CachedCredentialRow.username)).all()
            assert officers == ["quantri.hk"] and creds == ["quantri.hk"]
            assert s.get(SettingRow, "demo") is None and s.get(SettingRow, "agency_code").value == "000.22.33.H26"
        session = CounterSession()
        officer = store.write(lambda s: session.sign_in(s, username="quantri.hk", password=PASSWORD, now=NOW))
        assert officer.full_name == "Phạm Thu Hà" and officer.role.value == "admin"
        with pytest.raises(SignInError):
            store.write(lambda s: CounterSession().sign_in(s, username="canbo01", password="demo-canbo01", now=NOW))
    finally:
        store.close()


def test_setup_over_a_demo_seeded_profile_removes_the_demo_officers_and_passwords(tmp_path):
    profile = Profile(tmp_path / "profile")
    profile.open_store().close()  # e.g. a command run before the setup seeded the demo identity
    flow = _flow(tmp_path, profile)
    _offline_to_review(flow)
    flow.finish()
    store = profile.open_store()
    try:
        with store.read() as s:
            demo = {u for u, _n, _r in DEMO_OFFICERS}
            assert not demo & set(s.scalars(select(OfficerRow.username)))
            assert not demo & set(s.scalars(select(CachedCredentialRow.username)))
    finally:
        store.close()


def test_only_a_new_real_profile_needs_setup(tmp_path):
    assert not needs_setup(Profile(tmp_path / "d", demo=True))
    assert needs_setup(Profile(tmp_path / "r"))
    existing = Profile(tmp_path / "older-install")
    existing.open_store().close()  # a profile from before the setup existed keeps starting as it did
    assert not needs_setup(existing)
