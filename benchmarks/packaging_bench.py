"""Packaging benchmark: start-up of the bundled ``counter-app`` vs the installed entry point.

Both run the same commands in a fresh process, measured in the same run: ``--help`` (start,
import every sub-command module) and ``print receipt --sample --out`` (a real job). The
baseline is ``.venv/bin/counter-app`` (the source tree's interpreter). A bundle that starts
much slower than the source (e.g. PyInstaller unpacking, missing bytecode) shows as a ratio
well above 1. No rows when no bundle is built (``bash scripts/bundle.sh``).

Usage: ``.venv/bin/python benchmarks/packaging_bench.py [--quick]``
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "dist" / "counter-app" / ("counter-app.exe" if sys.platform == "win32" else "counter-app")


def _median_s(cmd: list[str], n: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=120)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def rows(quick: bool) -> list[tuple]:
    source = shutil.which("counter-app", path=str(Path(sys.executable).parent)) or "counter-app"
    if not BUNDLED.exists():
        return []
    n = 2 if quick else 5
    out = []
    with tempfile.TemporaryDirectory(prefix="qmc-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("QMC_RESOURCES", "PYTHONPATH")}
        env.update(QT_QPA_PLATFORM="offscreen", QMC_DATA_DIR=str(Path(tmp) / "profile"))
        for name, args in (("--help", ["--help"]),
                           ("print receipt", ["print", "receipt", "--sample", "--out", str(Path(tmp) / "r.pdf")])):
            base = _median_s([source, *args], n, env)
            value = _median_s([str(BUNDLED), *args], n, env)
            out.append((f"bundle.cli {name}", round(value, 3), "s", round(base, 3), round(value / base, 2)))
    return out


if __name__ == "__main__":
    for row in rows("--quick" in sys.argv):
        print("\t".join(str(x) for x in row))
