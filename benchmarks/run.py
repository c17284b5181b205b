"""Benchmarks: prints one table (name, value, unit, baseline, ratio).

Each row is compared with a baseline measured in the same run on the same machine:

* ``calendar.due_at``: our calendar vs a naive reference that walks minute by minute
  through the same holidays and working periods (the obvious implementation).
* ``catalog.search``: the FTS5 query on the unaccented column vs a ``LIKE '%…%'`` scan of
  the same column, on a synthetic catalog of ``--rows`` procedures (default 200 000;
  ``--rows 1000000`` for the 1 M target; building it takes a while).

Every ``benchmarks/<area>_bench.py`` adds its rows through ``rows(quick)`` (printing,
ID card, barcode, scanning, sync…), each with its own same-run baseline.

Usage: ``.venv/bin/python benchmarks/run.py [--rows N] [--quick] [--only AREA ...]``
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import median_us, print_table  # noqa: E402
from counter_app.calendar import WorkingCalendar, load_schedule  # noqa: E402
from counter_app.domain.legal_basis import LegalBasis  # noqa: E402
from counter_app.domain.time_limit import TimeLimit  # noqa: E402


def naive_due(cal: WorkingCalendar, received: datetime, minutes: int) -> datetime:
    """Reference: step one minute at a time (what the optimised calendar must agree with)."""
    t = cal.counting_start(received)
    left = minutes
    while left:
        if cal.working_time_between(t, t + timedelta(minutes=1)) == timedelta(minutes=1):
            left -= 1
        t += timedelta(minutes=1)
    return t


def bench_calendar(quick: bool) -> list[tuple]:
    cal = WorkingCalendar(load_schedule(LegalBasis.TT03_2025))
    rng = random.Random(7)
    start = datetime(2026, 1, 1, 7, 0)
    inputs = [start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60)) for _ in range(30 if quick else 200)]
    limit = TimeLimit.working_days(5)
    for x in inputs[:20]:  # correctness before speed
        assert cal.due_at(x, limit) == naive_due(cal, x, 5 * 8 * 60), x
    ours = median_us(lambda x: cal.due_at(x, limit), inputs)
    base = median_us(lambda x: naive_due(cal, x, 5 * 8 * 60), inputs[:10 if quick else 30])
    long_ours = median_us(lambda x: cal.due_at(x, TimeLimit.working_days(60)), inputs)
    return [("calendar.due_at 5 working days", ours, "µs/call", base, ours / base),
            ("calendar.due_at 60 working days", long_ours, "µs/call", None, None)]


def bench_catalog(rows: int, quick: bool) -> list[tuple]:
    from sqlalchemy import text

    from counter_app.domain.text import fold
    from counter_app.services import catalog
    from counter_app.storage.db import Store

    tmp = Path(tempfile.mkdtemp(prefix="qmc-bench-"))
    store = Store.open(tmp / "bench.sqlite")
    procedures, _ = catalog.read_catalog_file(catalog.demo_catalog_path())
    names = [p.name for p in procedures]
    fields = [p.field for p in procedures]
    rng = random.Random(11)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        batch = []
        for i in range(rows):
            name = f"{rng.choice(names)} — biến thể {i}"
            field = rng.choice(fields)
            batch.append({"code": f"9.{i:07d}", "name": name, "field": field,
                          "st": f"9.{i:07d} {fold(name)} {fold(field)}"})
            if len(batch) == 20000 or i == rows - 1:
                conn.execute(text(
                    "INSERT INTO procedure (code, version, name, field, level, processing_agency, limit_kind, "
                    "limit_value, result_type, legal_basis_text, published_by, is_demo, active, keywords, "
                    "search_text) VALUES (:code, 1, :name, :field, 'xa', '', 'working_days', 1, '', '', '', 1, 1, "
                    "'', :st)"), batch)
                batch = []
    build_s = time.perf_counter() - t0
    common = ["ho tich", "khai sinh", "chung thuc ban sao", "dang ky ket hon", "tro cap xa hoi"]
    rare = [f"bien the {rng.randrange(rows)}" for _ in range(5)]
    out = []
    with store.read() as s:

        def like_scan(q):
            """Baseline: the obvious LIKE '%word%' scan of the same column, first 20 matches."""
            clauses = " AND ".join(f"search_text LIKE :w{i}" for i in range(len(q.split())))
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(q.split())}
            return s.execute(text(f"SELECT code, name FROM procedure WHERE {clauses} LIMIT 20"), params).all()

        for label, queries in (("common words", common), ("rare words", rare)):
            ours = median_us(lambda q: catalog.search(s, q, limit=20), queries * (2 if quick else 6))
            base = median_us(like_scan, queries * (1 if quick else 3))
            out.append((f"catalog.search {label}, {rows:,} rows", ours / 1000, "ms/query", base / 1000, ours / base))
    store.close()
    return out + [(f"catalog build {rows:,} rows", build_s, "s", None, None)]


FAILED: list[str] = []


def area_rows(quick: bool, only: list[str] | None) -> list[tuple]:
    """Rows of every ``*_bench.py`` beside this file (or just the ``only`` areas)."""
    import importlib.util

    out = []
    for path in sorted(Path(__file__).parent.glob("*_bench.py")):
        area = path.stem.removesuffix("_bench")
        if only and area not in only:
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{area}", path)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            out += module.rows(quick)
        except Exception as exc:  # one broken area must not hide the others' numbers
            print(f"benchmark area {area!r} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            FAILED.append(area)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--quick", action="store_true", help="fewer samples (smoke run)")
    ap.add_argument("--only", nargs="*", help="areas to run: core, printing, idcard, barcode, scanning, sync…")
    args = ap.parse_args()
    rows = []
    if not args.only or "core" in args.only:
        rows += bench_calendar(args.quick) + bench_catalog(args.rows, args.quick)
    areas = [a for a in args.only if a != "core"] if args.only else None
    if areas is None or areas:
        rows += area_rows(args.quick, areas)
    print_table(rows)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
