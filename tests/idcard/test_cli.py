"""``counter-app idcard`` through the installed entry point (subprocess) and in-process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from counter_app.cli import main

from .cards import make_card, shared_pki
from .conftest import READER

KEYS = {"id_number", "full_name", "date_of_birth", "sex", "nationality", "ethnicity", "religion", "place_of_origin",
        "place_of_residence", "identifying_marks", "issue_date", "expiry_date", "father_name", "mother_name",
        "spouse_name", "old_id_number", "has_photo", "passive_auth", "access"}


def _exe() -> str:
    exe = shutil.which("counter-app", path=str(Path(sys.executable).parent))
    assert exe, "counter-app entry point not installed in the venv"
    return exe


@pytest.fixture
def data_dir(tmp_path, cli_officer):
    csca = tmp_path / "csca.der"
    csca.write_bytes(shared_pki().csca.public_bytes(serialization.Encoding.DER))
    assert main(["--data-dir", str(tmp_path / "data"), "idcard", "csca", "import", str(csca),
                 *cli_officer("quantri")]) == 0
    return tmp_path / "data"


def test_readers_subprocess(pcsc):
    out = subprocess.run([_exe(), "idcard", "readers"], capture_output=True, text=True, env=pcsc.env(), timeout=60)
    assert out.returncode == 0, out.stderr
    assert READER in out.stdout.splitlines()


def test_read_can_json_subprocess(pcsc, card_slot, data_dir):
    card, p = make_card()
    card_slot.insert(card)
    out = subprocess.run([_exe(), "--data-dir", str(data_dir), "idcard", "read", "--can", p.can, "--json"],
                         capture_output=True, text=True, env=pcsc.env(), timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == KEYS
    assert data["id_number"] == "001090123456" and data["full_name"] == "Nguyễn Văn An"
    assert data["date_of_birth"] == "1990-01-01" and data["sex"] == "Nam" and data["access"] == "PACE"
    assert data["passive_auth"] == "verified" and data["has_photo"] is True
    assert data["mother_name"] == "Trần Thị Cúc" and data["old_id_number"] == "012345678"


def test_read_mrz_in_process(pcsc, card_slot, data_dir, capsys, tmp_path):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    photo = tmp_path / "face.jpg"
    rc = main(["--data-dir", str(data_dir), "idcard", "read", "--mrz-doc", p.document_number, "--dob", p.dob,
               "--expiry", p.expiry, "--json", "--photo-out", str(photo)])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    assert data["access"] == "BAC" and data["expiry_date"] == "2030-01-01"
    assert photo.read_bytes()[:3] == b"\xff\xd8\xff"


def test_untrusted_without_csca_and_tampered_fails(pcsc, card_slot, tmp_path, capsys):
    card, p = make_card()
    card_slot.insert(card)
    assert main(["--data-dir", str(tmp_path), "idcard", "read", "--can", p.can, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["passive_auth"] == "untrusted_signer"
    card, p = make_card(tamper_dg13=True)
    card_slot.insert(card)
    assert main(["--data-dir", str(tmp_path), "idcard", "read", "--can", p.can]) == 0
    assert "THẤT BẠI" in capsys.readouterr().out


@pytest.mark.parametrize("args,needle", [
    (["--can", "12345"], "6 chữ số"),
    (["--mrz-doc", "090123456", "--dob", "900101"], "--expiry"),
    (["--can", "000000", "--no-bac-fallback"], "CAN"),
    (["--can", "123456", "--reader", "Đầu đọc không có"], "đầu đọc"),
    (["--mrz", "IDVNM0901"], "3 dòng"),
])
def test_failures_are_one_line_nonzero(pcsc, card_slot, tmp_path, args, needle, capsys):
    card, _ = make_card()
    card_slot.insert(card)
    assert main(["--data-dir", str(tmp_path), "idcard", "read", *args]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi:") and needle in lines[0]


def test_no_card_is_a_clear_error(pcsc, card_slot, tmp_path):
    out = subprocess.run([_exe(), "--data-dir", str(tmp_path), "idcard", "read", "--can", "123456"],
                         capture_output=True, text=True, env=pcsc.env(), timeout=60)
    assert out.returncode == 2 and "Đặt thẻ" in out.stderr
