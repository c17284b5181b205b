"""The barcode façade (đầu đọc mã vạch, mã QR): what this PC can do, and the parts to use.

Features check :func:`available` and disable themselves when a part is missing, so a
counter without a serial scanner or without poppler still starts.
"""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .dispatch import ScanResult
    from .serial_scanner import PortState, SerialConfig, SerialScanner


@dataclass(frozen=True, slots=True)
class SerialPortInfo:
    device: str  # "COM3", "/dev/ttyACM0"
    description: str


@dataclass(frozen=True, slots=True)
class BarcodeAvailability:
    keyboard_wedge: bool  # always: the Qt filter needs nothing else
    serial: bool  # pyserial installed
    image_decoding: bool  # zxing-cpp installed
    pdf_decoding: bool  # zxing-cpp + poppler's pdftoppm
    serial_ports: tuple[SerialPortInfo, ...] = ()

    @property
    def problems_vi(self) -> list[str]:
        out = []
        if not self.serial:
            out.append("Thiếu thư viện pyserial: không dùng được đầu đọc mã vạch qua cổng COM.")
        if not self.image_decoding:
            out.append("Thiếu thư viện zxing-cpp: không đọc được mã trên ảnh quét.")
        elif not self.pdf_decoding:
            out.append("Thiếu poppler-utils (pdftoppm): không đọc được mã trên tệp PDF.")
        return out


def list_serial_ports() -> list[SerialPortInfo]:
    if importlib.util.find_spec("serial") is None:
        return []
    from serial.tools import list_ports

    return [SerialPortInfo(p.device, p.description or "") for p in sorted(list_ports.comports())]


def available() -> BarcodeAvailability:
    serial = importlib.util.find_spec("serial") is not None
    zxing = importlib.util.find_spec("zxingcpp") is not None
    return BarcodeAvailability(
        keyboard_wedge=True,
        serial=serial,
        image_decoding=zxing,
        pdf_decoding=zxing and shutil.which("pdftoppm") is not None,
        serial_ports=tuple(list_serial_ports()),
    )


class ScanHandler(Protocol):
    """What the UI implements to receive scans (called on the device worker thread)."""

    def scan(self, result: ScanResult) -> None: ...

    def status(self, state: PortState, message_vi: str) -> None: ...


def start_serial(config: SerialConfig, *, handler: ScanHandler) -> SerialScanner:
    """Start a serial scanner whose frames arrive at ``handler`` already classified.

    Catalog/store look-ups are left to the UI (it owns the sessions): call
    ``classify_scan(result.text, session=…)`` again there if needed.
    """
    from .dispatch import ScanSource, classify_scan
    from .serial_scanner import SerialScanner, state_message_vi

    scanner = SerialScanner(
        config,
        on_scan=lambda frame: handler.scan(classify_scan(frame.text, source=ScanSource.SERIAL)),
        on_state=lambda state: handler.status(state, state_message_vi(state, config.port)),
    )
    scanner.start()
    return scanner
