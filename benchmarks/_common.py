"""Shared by the benchmark scripts: timing and the one table format (name, value, unit, baseline, ratio)."""

from __future__ import annotations

import statistics
import time


def median_us(fn, inputs) -> float:
    """Median wall time of ``fn(x)`` over ``inputs``, in microseconds."""
    samples = []
    for x in inputs:
        t0 = time.perf_counter()
        fn(x)
        samples.append((time.perf_counter() - t0) * 1e6)
    return statistics.median(samples)


def print_table(rows: list[tuple]) -> None:
    width = max([44, *(len(r[0]) for r in rows)])
    print(f"{'name':{width}} {'value':>12} {'unit':10} {'baseline':>12} {'ratio':>8}")
    for name, value, unit, base, ratio in rows:
        b = f"{base:12.2f}" if base is not None else f"{'—':>12}"
        r = f"{ratio:8.3f}" if ratio is not None else f"{'—':>8}"
        print(f"{name:{width}} {value:12.2f} {unit:10} {b} {r}")
