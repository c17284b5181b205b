"""Serial scanners over a real pseudo-terminal pair (no mock): frames, unplug, reconnect."""

from __future__ import annotations

import os
import queue
import time
import tty
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.barcode.frames import Frame, FrameAssembler
from devices.barcode.serial_scanner import PortState, SerialConfig, SerialScanner, state_message_vi

QR = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021"


class Pty:
    """A scanner "plugged in" at a stable path (a symlink, like /dev/serial/by-id/…)."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = self.slave = None

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        if self.link.is_symlink():
            self.link.unlink()
        self.link.symlink_to(os.ttyname(self.slave))

    def unplug(self) -> None:
        self.link.unlink()
        os.close(self.master)
        os.close(self.slave)
        self.master = self.slave = None

    def send(self, data: bytes) -> None:
        os.write(self.master, data)


@pytest.fixture
def pty_port(tmp_path: Path):
    p = Pty(tmp_path / "ttyScanner")
    p.plug()
    yield p
    if p.master is not None:
        p.unplug()


@pytest.fixture
def run_scanner():
    made: list[SerialScanner] = []

    def start(config: SerialConfig):
        scans: queue.Queue[Frame] = queue.Queue()
        states: queue.Queue[PortState] = queue.Queue()
        s = SerialScanner(config, on_scan=scans.put, on_state=states.put)
        s.start()
        made.append(s)
        return s, scans, states

    yield start
    for s in made:
        s.stop()


def wait_state(states: queue.Queue, wanted: PortState, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if states.get(timeout=0.1) is wanted:
                return
        except queue.Empty:
            pass
    raise AssertionError(f"scanner never reached {wanted}")


def test_frames_split_across_reads(pty_port, run_scanner):
    scanner, scans, states = run_scanner(SerialConfig(str(pty_port.link), 115200, reconnect_s=0.1))
    wait_state(states, PortState.CONNECTED)
    data = (QR + "\r\n").encode() + b"000.00.01.H26-261127-0001\r\n"
    cut = QR.encode().index("ễ".encode()) + 1  # inside a multi-byte letter
    for part in (data[:cut], data[cut:cut + 7], data[cut + 7:]):
        pty_port.send(part)
        time.sleep(0.03)
    assert scans.get(timeout=3) == Frame(QR)
    assert scans.get(timeout=3) == Frame("000.00.01.H26-261127-0001")
    assert scans.empty()


def test_unplug_and_reconnect(pty_port, run_scanner):
    scanner, scans, states = run_scanner(SerialConfig(str(pty_port.link), reconnect_s=0.1))
    wait_state(states, PortState.CONNECTED)
    pty_port.send(b"1.001193\r")
    assert scans.get(timeout=3).text == "1.001193"
    pty_port.unplug()
    wait_state(states, PortState.DISCONNECTED)
    time.sleep(0.3)  # a few failed reopen attempts while unplugged
    pty_port.plug()
    wait_state(states, PortState.CONNECTED)
    pty_port.send(b"2.000635\n")
    assert scans.get(timeout=3).text == "2.000635"
    assert scanner.connects == 2


def test_missing_port_retries_until_plugged(tmp_path, run_scanner):
    late = Pty(tmp_path / "ttyLate")
    scanner, scans, states = run_scanner(SerialConfig(str(late.link), reconnect_s=0.1))
    wait_state(states, PortState.DISCONNECTED)
    late.plug()
    try:
        wait_state(states, PortState.CONNECTED)
        late.send("Trần Thị Bích\r\n".encode())
        assert scans.get(timeout=3).text == "Trần Thị Bích"
    finally:
        scanner.stop()
        late.unplug()
    assert scanner.state is PortState.STOPPED


def test_scanner_without_suffix_flushes_after_a_pause(pty_port, run_scanner):
    scanner, scans, states = run_scanner(
        SerialConfig(str(pty_port.link), terminators=b"\r", idle_flush_s=0.15, reconnect_s=0.1))
    wait_state(states, PortState.CONNECTED)
    pty_port.send(b"000.00.01.H26-261127-0002")
    assert scans.get(timeout=3).text == "000.00.01.H26-261127-0002"


def test_a_failing_consumer_does_not_kill_the_worker(pty_port):
    got = []

    def consumer(frame):
        got.append(frame)
        if len(got) == 1:
            raise RuntimeError("boom")

    states: queue.Queue[PortState] = queue.Queue()
    s = SerialScanner(SerialConfig(str(pty_port.link), reconnect_s=0.1), on_scan=consumer, on_state=states.put)
    s.start()
    try:
        wait_state(states, PortState.CONNECTED)  # pyserial clears the input buffer when it opens
        pty_port.send(b"A12345\r\nB12345\r\n")
        end = time.monotonic() + 3
        while len(got) < 2 and time.monotonic() < end:
            time.sleep(0.02)
        assert [f.text for f in got] == ["A12345", "B12345"]
    finally:
        s.stop()


def test_state_messages_are_vietnamese():
    assert "Kiểm tra dây cắm" in state_message_vi(PortState.DISCONNECTED, "COM3")


def test_invalid_utf8_is_replaced_not_lost():
    frames = FrameAssembler().feed(b"ab\xff\xfecd\r\n\xef\xbb\xbfxyz\n")
    assert frames[0] == Frame("ab\ufffd\ufffdcd", valid_utf8=False)
    assert frames[1] == Frame("xyz")


def test_overlong_frames_are_dropped():
    fa = FrameAssembler(max_frame=10)
    assert fa.feed(b"x" * 25 + b"\r\nok\r\n") == [Frame("ok")]
    assert fa.dropped == 1


@settings(deadline=None)
@given(st.lists(st.text(st.characters(blacklist_characters="\r\n", codec="utf-8"), min_size=1), max_size=5),
       st.lists(st.integers(1, 50), max_size=20))
def test_any_split_gives_the_same_frames(texts, cuts):
    data = b"".join(t.encode() + b"\r\n" for t in texts)
    fa, out, pos = FrameAssembler(), [], 0
    for c in cuts + [len(data)]:
        out += fa.feed(data[pos:pos + c])
        pos += c
    out += fa.feed(data[pos:])
    assert [f.text for f in out] == [t.removeprefix("\ufeff") for t in texts if t.removeprefix("\ufeff")]


def test_facade_start_serial_hands_classified_scans_to_the_handler(pty_port):
    from devices.barcode import ScanKind, start_serial

    class Handler:
        def __init__(self) -> None:
            self.scans: queue.Queue = queue.Queue()
            self.states: queue.Queue = queue.Queue()

        def scan(self, result) -> None:
            self.scans.put(result)

        def status(self, state, message_vi) -> None:
            self.states.put(state)
            assert message_vi

    handler = Handler()
    scanner = start_serial(SerialConfig(str(pty_port.link), reconnect_s=0.1), handler=handler)
    try:
        wait_state(handler.states, PortState.CONNECTED)
        pty_port.send((QR + "\r\n").encode())
        result = handler.scans.get(timeout=3)
        assert result.kind is ScanKind.CARD_QR and result.name_trusted and result.can == "123456"
    finally:
        scanner.stop()
