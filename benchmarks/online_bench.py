"""Online benchmarks: ``rows(quick) -> [(name, value, unit, baseline, ratio)]``, baselines in the same run.

* ``lookup hash``: the PBKDF2 hash of the last 4 digits (counter side, once per dossier; server
  side, once per lookup) vs a plain salted SHA-256 — the deliberate cost per guess.
* ``lookup page``: rendering the result page vs rendering the empty form (the HTML work only).

Usage: ``.venv/bin/python benchmarks/online_bench.py [--quick]``
"""

from __future__ import annotations

import hashlib
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import median_us, print_table  # noqa: E402

from city_backend.public_html import form_page, result_page  # noqa: E402
from counter_app.services.online import lookup_hash  # noqa: E402


def rows(quick: bool) -> list[tuple]:
    n = 20 if quick else 200
    codes = [f"000.00.00.H26-261127-{i:04d}" for i in range(n)]
    slow = median_us(lambda c: lookup_hash(c, "001090123456"), codes)
    fast = median_us(lambda c: hashlib.sha256(f"qmc-lookup-v1:{c}:3456".encode()).hexdigest(), codes)
    at = datetime(2026, 11, 27, 9, 30)
    steps = [(at, "Được tiếp nhận"), (at, "Đang xử lý")]
    page = median_us(lambda c: result_page(code=c, status="Đang xử lý", due=at, steps=steps), codes)
    form = median_us(lambda _c: form_page(), codes)
    return [("online.lookup hash (PBKDF2 20k)", slow, "us/op", fast, slow / fast),
            ("online.lookup result page render", page, "us/op", form, page / form)]


if __name__ == "__main__":
    print_table(rows("--quick" in sys.argv))
