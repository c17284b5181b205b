"""The scanner worker: one thread, jobs in order, and a driver stuck in C never blocks closing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from devices.docscanner.facade import ScannerWorker


def test_jobs_run_in_order_on_one_thread_and_errors_reach_the_caller():
    worker = ScannerWorker()
    seen: list[tuple[int, bool]] = []
    futures = [worker.submit(lambda i=i: seen.append((i, worker.on_worker_thread())) or i) for i in range(5)]
    assert [f.result(5) for f in futures] == [0, 1, 2, 3, 4]
    assert seen == [(i, True) for i in range(5)] and not worker.on_worker_thread()
    with pytest.raises(ZeroDivisionError):
        worker.submit(lambda: 1 / 0).result(5)
    assert worker.shutdown(timeout=5)
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)


def test_a_stuck_driver_does_not_block_shutdown_nor_the_process_exit():
    release = threading.Event()
    worker = ScannerWorker()
    worker.submit(release.wait)  # a driver call that never returns by itself
    started = time.monotonic()
    assert worker.shutdown(timeout=0.3) is False
    assert time.monotonic() - started < 3
    release.set()
    # The same in a real process: it must exit although the scanner thread is still inside the driver.
    code = textwrap.dedent("""
        import threading
        from devices.docscanner.facade import ScannerWorker
        w = ScannerWorker()
        w.submit(threading.Event().wait)
        w.shutdown(timeout=0.2)
        print("closed")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.strip() == "closed", done.stderr
