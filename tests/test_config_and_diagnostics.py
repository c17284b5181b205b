"""Configuration file, logging with redaction, crash reports, diagnostics and the support bundle."""

from __future__ import annotations

import json
import logging
import re
import sys
import zipfile
from pathlib import Path

import pytest

from counter_app import config
from counter_app.cli import main
from counter_app.domain.errors import ConfigurationError

ROOT = Path(__file__).resolve().parents[1]


def test_every_key_is_documented():
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_0-9]+)` \|", doc, flags=re.M))
    assert documented == set(config.all_keys())


def test_init_writes_a_file_that_loads_back_to_the_defaults(tmp_path, capsys):
    path = tmp_path / "config.toml"
    assert main(["config", "init", "--file", str(path)]) == 0
    assert config.load(path) == config.Config()
    assert main(["config", "init", "--file", str(path)]) == 1, "never overwrites"
    assert main(["config", "check", "--file", str(path)]) == 0


@pytest.mark.parametrize("content,fragment", [
    ("[backend]\nurll = 'x'\n", "backend.urll"),
    ("[sync]\ninterval_seconds = 'soon'\n", "sync.interval_seconds"),
    ("[ui]\nlarge_type = 1\n", "ui.large_type"),
    ("[printerz]\n", "printerz"),
    ("[backend\n", "không đọc được"),
])
def test_bad_files_are_clear_errors(tmp_path, content, fragment):
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError) as err:
        config.load(path)
    assert fragment in err.value.message_vi
    assert main(["config", "check", "--file", str(path)]) == 2


def test_values_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[backend]\nurl = 'https://x.example'\ntimeout_seconds = 3\n[security]\nmax_failures = 3\n",
                    encoding="utf-8")
    cfg = config.load(path)
    assert cfg.backend.url == "https://x.example" and cfg.backend.timeout_seconds == 3.0
    assert cfg.security.max_failures == 3 and cfg.security.lockout_minutes == 15


def test_logs_and_crash_reports_are_redacted(tmp_path, monkeypatch):
    from counter_app.logsetup import install_crash_handler, setup

    path = setup(tmp_path / "logs")
    logging.getLogger("counter_app.test").warning("card %s read", "001090123456")
    seen = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_handler(tmp_path / "crash", on_crash=seen.append)
    try:
        raise RuntimeError("applicant 079301000001 broke it")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for h in logging.getLogger().handlers[:]:
        if getattr(h, "baseFilename", None) == str(path):
            h.close()
            logging.getLogger().removeHandler(h)
    text = path.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0]["message"] == "card [ẩn] read" and lines[0]["level"] == "WARNING"
    assert "001090123456" not in text
    [report] = seen
    assert "RuntimeError" in report.read_text(encoding="utf-8")
    assert "079301000001" not in report.read_text(encoding="utf-8")


def test_diagnostics_and_support_bundle_have_no_id_numbers(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    (data / "logs" / "counter.log").write_text("legacy line with 001090123456 and 0912345678\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "diagnostics"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["database"]["integrity"] == "ok" and info["database"]["revision"] == info["database"]["head"]
    assert info["audit"]["ok"] and info["disk"]["free_mb"] > 0
    bundle = tmp_path / "support.zip"
    assert main(["--data-dir", str(data), "diagnostics", "--bundle", str(bundle)]) == 0
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        content = "".join(zf.read(n).decode("utf-8") for n in names)
    assert {"diagnostics.json", "logs/counter.log"} <= set(names)
    assert "001090123456" not in content and "0912345678" not in content
