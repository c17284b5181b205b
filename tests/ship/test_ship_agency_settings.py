"""Per-agency settings served by the backend, kept by the counter and merged over its TOML
(the agency's keys win; keys outside the agency's sections are refused)."""

from __future__ import annotations

import json

import pytest

from counter_app import config
from counter_app.cli import main
from counter_app.domain.errors import ConfigurationError
from counter_app.profile import Profile
from counter_app.sync import state


def test_merge_rules():
    base = config.Config()
    merged = config.with_agency_settings(base, {"sync": {"interval_seconds": 60}, "security": {"max_failures": 3}})
    assert merged.sync.interval_seconds == 60 and merged.security.max_failures == 3
    assert merged.backend == base.backend and merged.devices == base.devices
    for doc, fragment in (({"devices": {"printer_a5": "X"}}, "devices.printer_a5"),
                          ({"sync": {"interval_seconds": "60"}}, "sync.interval_seconds"),
                          ({"sync": {"nope": 1}}, "sync.nope")):
        with pytest.raises(ConfigurationError) as err:
            config.with_agency_settings(base, doc)
        assert fragment in err.value.message_vi
    assert "counter.lookup_url_pattern" in config.agency_keys() and "backend.url" not in config.agency_keys()


def test_counter_fetches_keeps_and_applies_its_agency_settings(tmp_path, server, admin, agency, registered, capsys,
                                                              cli_officer):
    from qmc_testing import server_officer

    r = admin.http.put(f"/v1/admin/agencies/{agency}/settings",
                       json={"settings": {"sync": {"interval_seconds": 90}, "security": {"idle_lock_minutes": 3}}})
    assert r.status_code == 200, r.text
    data = tmp_path / "data"
    store = Profile(data).open_store()

    def register(s) -> None:
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, registered["token"])
    store.write(register)
    store.close()
    local = tmp_path / "config.toml"
    local.write_text("[sync]\ninterval_seconds = 15\nwarn_offline_hours = 12\n", encoding="utf-8")
    server_officer(admin, agency, "quantri", "admin")  # a registered counter signs in online first
    assert main(["--data-dir", str(data), "config", "agency", "--file", str(local), *cli_officer("quantri")]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["sync"]["interval_seconds"] == 90, "the agency's value wins"
    assert shown["sync"]["warn_offline_hours"] == 12, "the local file's other values stay"
    assert shown["security"]["idle_lock_minutes"] == 3
    # Kept beside the config file: every config.load() of the app runs with them.
    assert config.agency_path(local).exists()
    loaded = config.load(local)
    assert (loaded.sync.interval_seconds, loaded.sync.warn_offline_hours) == (90, 12)


def test_an_unusable_agency_document_is_ignored(tmp_path):
    local = tmp_path / "config.toml"
    local.write_text("[sync]\ninterval_seconds = 15\n", encoding="utf-8")
    config.agency_path(local).write_text('{"backend": {"url": "https://evil.example"}}', encoding="utf-8")
    assert config.load(local).sync.interval_seconds == 15 and config.load(local).backend.url == ""
    config.agency_path(local).write_text("{not json", encoding="utf-8")
    assert config.load(local).sync.interval_seconds == 15
    with pytest.raises(ConfigurationError):
        config.save_agency_settings({"devices": {"printer_a4": "X"}}, local)


def test_without_a_sync_registration_the_command_says_so(tmp_path, capsys, cli_officer):
    assert main(["--data-dir", str(tmp_path / "d"), "config", "agency", *cli_officer("quantri")]) == 2
    assert "chưa được cấu hình đồng bộ" in capsys.readouterr().err


def test_diagnostics_command_checks_the_configured_devices(tmp_path, capsys, monkeypatch, cups_server,
                                                           sane_config_dir):
    from devices.docscanner import sane_backend

    sane_backend.reset()
    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    cfg = tmp_path / "config.toml"
    cfg.write_text('[devices]\nscanner_device = "test:1"\nprinter_a5 = "QMC_PDF"\nprinter_a4 = "QMC_REJECTING"\n',
                   encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(cfg))
    assert main(["--data-dir", str(tmp_path / "d"), "diagnostics", "--devices"]) == 0
    out, err = capsys.readouterr()
    checks = json.loads(out)["device_checks"]
    assert checks["scanner"]["ok"] and checks["printer_a5"]["ok"] and not checks["printer_a4"]["ok"]
    assert not checks["signing"]["ok"] and "PKCS#11" in checks["signing"]["message_vi"]
    assert "✓ scanner: Đã quét thử 1 trang" in err and "✗ printer_a4" in err
