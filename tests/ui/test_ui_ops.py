"""The operation runner: writes on one writer thread, answers on the GUI thread, GUI stays live."""

from __future__ import annotations

import threading
import time

import pytest
from PyQt6.QtCore import QElapsedTimer, QTimer
from sqlalchemy import select

from counter_app.domain.errors import ValidationError
from counter_app.services.operations import Changes, OpResult
from counter_app.storage.models import SettingRow
from ui.ops import OperationRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qapp, workspace):
    r = OperationRunner(workspace.store)
    yield r
    r.shutdown()


def test_writes_run_off_the_gui_thread_in_order_and_answer_on_it(qtbot, runner, workspace):
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []
    answered: list[tuple[object, int]] = []

    def op(n):
        def fn(s):
            seen.append(("write", threading.get_ident()))
            s.merge(SettingRow(key=f"test_{n}", value=str(n)))
            return n
        return fn

    for n in range(5):
        runner.write(op(n), on_done=lambda v: answered.append((v, threading.get_ident())))
    assert runner.busy
    assert runner.wait_idle()
    assert [v for v, _ in answered] == [0, 1, 2, 3, 4]
    assert all(t == gui for _, t in answered)
    writer_threads = {t for _, t in seen}
    assert len(writer_threads) == 1 and gui not in writer_threads
    with workspace.store.read() as s:
        assert s.scalar(select(SettingRow.value).where(SettingRow.key == "test_4")) == "4"


def test_a_failed_write_is_rolled_back_and_reported_in_vietnamese(qtbot, runner, workspace):
    errors: list[str] = []

    def fn(s):
        s.merge(SettingRow(key="half_done", value="x"))
        raise ValidationError("bad", "Dữ liệu không hợp lệ.")

    runner.write(fn, on_done=lambda _v: pytest.fail("must not succeed"), on_error=errors.append)
    assert runner.wait_idle()
    assert errors == ["Dữ liệu không hợp lệ."]
    with workspace.store.read() as s:
        assert s.get(SettingRow, "half_done") is None


def test_unexpected_errors_become_a_generic_message(qtbot, runner):
    errors: list[str] = []
    runner.write(lambda s: 1 / 0, on_error=errors.append)
    runner.background(lambda: {}["missing"], on_error=errors.append)
    assert runner.wait_idle()
    assert len(errors) == 2 and all("lỗi không mong đợi" in e for e in errors)


def test_changes_are_broadcast(qtbot, runner):
    with qtbot.waitSignal(runner.changed, timeout=3000) as sig:
        runner.write(lambda s: OpResult("ok", Changes(dossiers={"X-1"})))
    assert sig.args[0].dossiers == {"X-1"}


def test_the_event_loop_stays_responsive_during_a_slow_write(qtbot, runner):
    """A 400 ms write: a 10 ms GUI timer keeps firing (a write on the GUI thread would stop it 400 ms)."""
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    done: list[object] = []
    runner.write(lambda s: time.sleep(0.4) or "slow", on_done=done.append)
    runner.background(lambda: time.sleep(0.3) or "read", on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=3000)
    timer.stop()
    assert sorted(done) == ["read", "slow"]
    assert len(gaps) >= 20
    assert max(gaps) < 250, f"GUI blocked for {max(gaps)} ms"
