"""Serial barcode scanners (đầu đọc mã vạch qua cổng COM / USB-CDC) on their own worker thread.

All traffic with the port runs on one dedicated thread (pyserial objects are not shared).
The thread opens the configured port, assembles UTF-8 frames (``frames.py``) and hands
each scan to ``on_scan``; when the scanner is unplugged it reports ``DISCONNECTED`` and
reopens the port every ``reconnect_s`` until it is back. Callbacks run on the worker
thread: the UI must hop to its own thread (a queued Qt signal).

Scanned text is personal data (a card's QR): it is never logged.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .errors import ScannerPortError
from .frames import Frame, FrameAssembler

BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)

log = logging.getLogger(__name__)


class PortState(enum.Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # unplugged or not present yet: retrying
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class SerialConfig:
    port: str  # "COM3", "/dev/ttyACM0"
    baudrate: int = 9600
    terminators: bytes = b"\r\n"
    idle_flush_s: float | None = None  # scanners with no suffix: a pause ends the frame
    reconnect_s: float = 1.0
    read_timeout_s: float = 0.05

    def __post_init__(self) -> None:
        if not self.port.strip():
            raise ScannerPortError("no serial port configured",
                                   "Chưa chọn cổng COM của đầu đọc mã vạch. Chọn cổng trong phần cài đặt thiết bị.")
        if self.baudrate not in BAUDRATES:
            raise ScannerPortError(
                f"unsupported baud rate {self.baudrate}",
                f"Tốc độ cổng {self.baudrate} không hợp lệ. Chọn một trong: "
                f"{', '.join(map(str, BAUDRATES))} (thường là 9600 hoặc 115200, xem sách hướng dẫn đầu đọc).")
        if not self.terminators:
            raise ScannerPortError("no frame terminator", "Chưa cấu hình ký tự kết thúc mã (CR/LF).")


def state_message_vi(state: PortState, port: str) -> str:
    return {
        PortState.CONNECTING: f"Đang kết nối đầu đọc mã vạch ở cổng {port}…",
        PortState.CONNECTED: f"Đầu đọc mã vạch ở cổng {port} đã sẵn sàng.",
        PortState.DISCONNECTED: f"Mất kết nối đầu đọc mã vạch ở cổng {port}. Kiểm tra dây cắm; "
                                "máy sẽ tự kết nối lại khi cắm lại đầu đọc.",
        PortState.STOPPED: "Đã dừng đầu đọc mã vạch qua cổng COM.",
    }[state]


class SerialScanner:
    """The worker: ``start()``, then scans arrive on ``on_scan(Frame)``; ``stop()`` ends it."""

    def __init__(self, config: SerialConfig, *, on_scan: Callable[[Frame], None],
                 on_state: Callable[[PortState], None] | None = None) -> None:
        self.config = config
        self._on_scan = on_scan
        self._on_state = on_state or (lambda state: None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = PortState.STOPPED
        self.connects = 0  # how many times the port was opened (1 + reconnects)

    def start(self) -> None:
        if self._thread and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"barcode-serial-{self.config.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)
        self._thread = None

    def _set(self, state: PortState) -> None:
        if state is not self.state:
            self.state = state
            log.info("serial scanner %s: %s", self.config.port, state.value)
            self._on_state(state)

    def _run(self) -> None:
        import serial

        try:
            while not self._stop.is_set():
                self._set(PortState.CONNECTING)
                try:
                    port = serial.Serial(self.config.port, self.config.baudrate, timeout=self.config.read_timeout_s)
                except (serial.SerialException, OSError, ValueError):
                    self._set(PortState.DISCONNECTED)
                    self._stop.wait(self.config.reconnect_s)
                    continue
                self.connects += 1
                self._set(PortState.CONNECTED)
                try:
                    self._read_loop(port)
                except (serial.SerialException, OSError):
                    self._set(PortState.DISCONNECTED)  # unplugged: reopen after a pause
                    self._stop.wait(self.config.reconnect_s)
                finally:
                    try:
                        port.close()
                    except (serial.SerialException, OSError):
                        pass
        finally:
            self._set(PortState.STOPPED)

    def _read_loop(self, port) -> None:
        frames = FrameAssembler(terminators=self.config.terminators)
        last_data = time.monotonic()
        while not self._stop.is_set():
            data = port.read(max(1, port.in_waiting))
            now = time.monotonic()
            if data:
                last_data = now
                self._emit(frames.feed(data))
            elif self.config.idle_flush_s is not None and frames.pending \
                    and now - last_data >= self.config.idle_flush_s:
                self._emit(frames.flush())

    def _emit(self, frames: list[Frame]) -> None:
        for frame in frames:
            try:
                self._on_scan(frame)
            except Exception:  # a failing consumer must not kill the device thread
                log.exception("barcode scan consumer failed (scan content not logged)")
