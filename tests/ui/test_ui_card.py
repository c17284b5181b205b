"""The reception wizard with a real chip read: private pcscd + vpcd + the ID-card tests' card simulator.

Runs ``card_driver.py`` in a subprocess (libpcsclite binds to one pcscd socket per process).
A missing PC/SC stack fails the test with the stack's message; it is never skipped.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

DRIVER = Path(__file__).with_name("card_driver.py")


def test_card_on_the_reader_identifies_from_the_chip(template_profile, tmp_path):
    run = subprocess.run([sys.executable, str(DRIVER), str(template_profile), str(tmp_path)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    print({k: out.get(k) for k in ("read_ms", "max_gap_ms", "inputs")})
    assert out["indicator"] is True  # the status bar's card reader: "sẵn sàng"
    assert out["present"] and out["focus_on_id"] and out["identified"]
    # Typed ID number + Enter: name, date of birth and sex come from the chip (PACE, CAN = last 6 digits).
    assert out["source"] == "chip" and out["name"] == "Nguyễn Văn An"
    assert "001******456" in out["banner"] and "đã đọc chip" in out["banner"]
    assert out["stored"] == ["received", "chip", "Nguyễn Văn An"]
    assert out["inputs"] == 7  # ID number, Enter, search, Enter, Ctrl+Enter, Enter (receive), Enter (next)
    # A read cancelled with Esc: stopped, nothing identified, the number kept, the reason shown.
    assert out["cancel_shown"] and out["cancelled"] and out["cancel_hidden"], out
    assert out["cancel_step"] == "identify" and out["cancel_kept_number"] == "001090123456"
    assert "Đã hủy đọc thẻ" in out["cancel_error"]
    # The GUI kept running while the chip was read on the reader's worker thread: a read on the
    # GUI thread would freeze it for the whole read (read_ms), far above the limit.
    assert out["read_ms"] > 500, out
    assert out["max_gap_ms"] is not None and out["max_gap_ms"] < 250, out
    # A QR scan with the card on the reader: identified at once, then confirmed by the chip.
    assert out["qr_step"] == "procedure" and out["qr_upgraded"] and "đã đọc chip" in out["qr_banner"]
