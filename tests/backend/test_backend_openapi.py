"""The committed OpenAPI document matches the app, and fuzzing it finds no server error."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from city_backend.testing import ADMIN_TOKEN

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "api" / "openapi.json"


def test_committed_openapi_is_up_to_date():
    out = subprocess.run([sys.executable, "-m", "city_backend.cli", "openapi"], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == json.loads(out), (
        "docs/api/openapi.json is stale: regenerate with `city-backend openapi > docs/api/openapi.json`")
    spec = json.loads(out)
    assert spec["info"]["version"].startswith("v1") and "/v1/events:push" in spec["paths"]


def test_served_openapi_is_the_committed_one(server):
    import httpx

    assert httpx.get(f"{server.url}/openapi.json").json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_schemathesis_finds_no_server_error_and_no_undocumented_answer(server, admin, agency):
    exe = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("schemathesis is not installed in the venv (pip install schemathesis): needed for API fuzzing")
    token = admin.counter(agency, "FUZZ")["token"]
    proc = subprocess.run(
        [exe, "run", f"{server.url}/openapi.json", "--no-color", "--phases", "coverage,fuzzing", "-n", "15",
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
         "-H", f"Authorization: Bearer {token}", "-H", f"X-Admin-Token: {ADMIN_TOKEN}", "--seed", "20261127"],
        capture_output=True, text=True, timeout=300)
    failures = proc.stdout.split("FAILURES")[-1] if "FAILURES" in proc.stdout else proc.stdout
    assert proc.returncode == 0, failures[:6000] + proc.stderr[-2000:]
    assert "passed" in proc.stdout and "failed" not in proc.stdout.split("SUMMARY")[-1].lower()
