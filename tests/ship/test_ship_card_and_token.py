"""The wizard's card-reader and signing-token tests with the real stacks: a chip card on the
PC/SC simulator (pcscd + vpcd) and a SoftHSM token, driven in their own process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def test_wizard_reads_a_card_and_signs_a_test_file():
    for tool in ("pcscd", "softhsm2-util", "pkcs11-tool"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} missing: install pcscd vsmartcard-vpcd softhsm2 opensc (platform.md)")
    run = subprocess.run([sys.executable, str(HERE / "device_driver.py")], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["step"] == "devices"
    assert out["card_list"].startswith("✓ Thấy 2 đầu đọc thẻ") and "Nhập số CAN" in out["card_list"]
    assert out["card_wrong_can"].startswith("✗"), out["card_wrong_can"]
    number = out["id_number"]
    assert out["card_read"] == f"✓ Đọc thẻ thành công: số định danh {number[:3]}{'*' * 6}{number[-3:]}."
    assert number not in json.dumps({k: v for k, v in out.items() if k != "id_number"}, ensure_ascii=False)
    assert out["token_list"] == "✓ Thấy token: QMC-SETUP. Nhập mã PIN để ký thử."
    assert out["token_wrong_pin"].startswith("✗") and "PIN" in out["token_wrong_pin"]
    assert out["token_signed"].startswith("✓ Đã ký thử một tệp PDF; chữ ký hợp lệ (Phạm Thu Hà")
    assert out["config_module"] == "/usr/lib/softhsm/libsofthsm2.so"
    assert out["saved_token"] == ["/usr/lib/softhsm/libsofthsm2.so", "QMC-SETUP"]
