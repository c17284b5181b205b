"""Device checks of the first-run setup and the diagnostics page (kiểm tra thiết bị).

Each check does the real thing once — read a card, take a scanned code, scan a page, print a
test page, sign a test file — and answers a :class:`DeviceCheck` with a Vietnamese sentence
for the officer. A check never raises: a missing library, a missing device or a device error
is a failed check that says what to do. No personal data goes into a result (an ID number
read from a card is masked). The device packages are imported lazily: a counter without one
of them still starts.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..domain.errors import CounterError

log = logging.getLogger(__name__)

#: Form size → (config key, paper size name of ``printing.printers``).
PRINTER_SIZES = {"a4": ("printer_a4", "A4"), "a5": ("printer_a5", "A5"), "thermal": ("printer_thermal", "80mm")}


@dataclass(frozen=True)
class DeviceCheck:
    device: str  # "idcard" | "barcode" | "scanner" | "printer_a4" | "printer_a5" | "printer_thermal" | "signing"
    ok: bool
    message_vi: str
    detail: str = ""  # technical, English, no personal data (support bundle)


def _guarded(device: str, fn: Callable[[], DeviceCheck]) -> DeviceCheck:
    try:
        return fn()
    except CounterError as exc:
        log.info("device check %s failed: %s", device, exc.code)
        return DeviceCheck(device, False, exc.message_vi, f"{exc.code}: {exc}")
    except ImportError as exc:
        return DeviceCheck(device, False, "Phần mềm cho thiết bị này chưa được cài vào ứng dụng. Báo cán bộ kỹ thuật.",
                           f"import: {exc.name}")
    except Exception as exc:  # noqa: BLE001 — a driver raises anything; the check must answer
        log.warning("device check %s: unexpected %s", device, type(exc).__name__)
        return DeviceCheck(device, False, "Thiết bị báo lỗi không rõ. Kiểm tra kết nối và nguồn điện rồi thử lại.",
                           type(exc).__name__)


def check_card_reader(*, reader: str = "", can: str = "", options=None, timeout: float = 60.0) -> DeviceCheck:
    """List the PC/SC readers; with the card's CAN, read the card too (ID number shown masked)."""
    def run() -> DeviceCheck:
        from devices.idcard.facade import IdCardReader
        from devices.idcard.keys import from_can

        from ..domain.personal_id import mask_id_number

        kw = {"options": options} if options is not None else {}
        with IdCardReader(poll_interval=0.05, **kw) as card_reader:
            if not card_reader.available():
                return DeviceCheck("idcard", False, "Dịch vụ thẻ thông minh (PC/SC) của máy chưa chạy. "
                                   "Cắm đầu đọc thẻ; nếu vẫn lỗi, báo cán bộ kỹ thuật.", "pcsc unavailable")
            readers = card_reader.readers()
            if not readers:
                return DeviceCheck("idcard", False, "Chưa thấy đầu đọc thẻ nào. Cắm đầu đọc thẻ vào máy rồi thử lại.",
                                   "no reader")
            if not can:
                return DeviceCheck("idcard", True, f"Thấy {len(readers)} đầu đọc thẻ: {', '.join(readers)}. "
                                   "Nhập số CAN trên thẻ để đọc thử.", f"readers={len(readers)}")
            identity = card_reader.read(reader=reader or None, key=from_can(can), timeout=timeout)
            masked = mask_id_number(identity.id_number)
            return DeviceCheck("idcard", True, f"Đọc thẻ thành công: số định danh {masked}.",
                               f"apdus={card_reader.last_apdu_count}")
    return _guarded("idcard", run)


def check_barcode(*, mode: str, scanned_text: str = "", port: str = "", baud: int = 9600,
                  wait_s: float = 10.0) -> DeviceCheck:
    """Wedge mode: classify what the officer scanned into the test field. Serial mode: open the
    port and wait up to ``wait_s`` for one code."""
    def run() -> DeviceCheck:
        from devices.barcode.dispatch import ScanSource, classify_scan

        text = scanned_text
        if mode == "serial":
            text = _one_serial_code(port, baud, wait_s)
            if text is None:
                return DeviceCheck("barcode", False, f"Không nhận được mã nào từ cổng {port} trong {wait_s:.0f} giây. "
                                   "Kiểm tra cổng và tốc độ (baud), rồi quét lại.", "serial timeout")
        elif mode != "wedge":
            return DeviceCheck("barcode", False, "Chế độ máy quét mã phải là “bàn phím” hoặc “cổng COM”.", mode)
        if not text.strip():
            return DeviceCheck("barcode", False, "Chưa nhận được mã. Đặt con trỏ vào ô thử rồi quét một mã bất kỳ.",
                               "empty")
        result = classify_scan(text.strip(), source=ScanSource.SERIAL if mode == "serial" else ScanSource.WEDGE)
        kind = _KINDS_VI.get(result.kind.value, "mã khác")
        return DeviceCheck("barcode", True, f"Đã nhận mã ({len(text.strip())} ký tự, loại: {kind}).",
                           f"kind={result.kind.value}")
    return _guarded("barcode", run)


_KINDS_VI = {"dossier": "mã số hồ sơ", "card_qr": "mã QR trên thẻ căn cước", "procedure": "mã thủ tục hành chính"}


def _one_serial_code(port: str, baud: int, wait_s: float) -> str | None:
    import threading

    from devices.barcode.facade import start_serial
    from devices.barcode.serial_scanner import SerialConfig

    got: list[str] = []
    arrived = threading.Event()

    class Handler:
        def scan(self, result) -> None:
            got.append(result.text)
            arrived.set()

        def status(self, state, message_vi: str) -> None:
            pass

    scanner = start_serial(SerialConfig(port=port, baudrate=baud), handler=Handler())
    try:
        arrived.wait(wait_s)
    finally:
        scanner.stop()
    return got[0] if got else None


def check_scanner(*, device: str = "", backend=None) -> DeviceCheck:
    """Scan one page (grey, 150 dpi) on ``device`` (default: the first one found)."""
    def run() -> DeviceCheck:
        from devices.docscanner.facade import DocumentScanner
        from devices.docscanner.options import ScanOptions

        with DocumentScanner(backend) as scanner:
            if not scanner.available():
                return DeviceCheck("scanner", False, "Máy này chưa có phần mềm điều khiển máy quét (SANE/TWAIN). "
                                   "Báo cán bộ kỹ thuật.", "no backend")
            names = [d.name for d in scanner.devices()]
            if not names or (device and device not in names):
                return DeviceCheck("scanner", False, "Không thấy máy quét tài liệu. Bật máy quét, kiểm tra cáp "
                                   "rồi thử lại.", f"devices={len(names)}")
            result = scanner.scan(options=ScanOptions(device=device or names[0], resolution=150), pages=1,
                                  timeout=120)
            if not result.pages:
                return DeviceCheck("scanner", False, "Máy quét không trả về trang nào. Đặt giấy vào máy rồi thử lại.",
                                   "no page")
            image = result.pages[0].image
            return DeviceCheck("scanner", True, f"Đã quét thử 1 trang ({image.width}×{image.height} điểm ảnh) trên "
                               f"{device or names[0]}.", f"size={image.width}x{image.height}")
    return _guarded("scanner", run)


def test_page_pdf(*, size: str, printer: str, now: datetime) -> bytes:
    """A one-page test sheet (trang in thử) in the form size ``size`` ("A4", "A5", "80mm")."""
    from reportlab.lib.pagesizes import A4, A5
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from printing.fonts import FONT, register_fonts

    register_fonts()
    page = {"A4": A4, "A5": A5}.get(size, (80 * mm, 110 * mm))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page)
    c.setFont(FONT["bold"], 12)
    y = page[1] - 15 * mm
    for line in ("Quầy Một cửa — trang in thử", f"Máy in: {printer}", f"Khổ giấy: {size}", f"{now:%d/%m/%Y %H:%M}"):
        c.drawString(6 * mm, y, line)
        c.setFont(FONT["regular"], 10)
        y -= 7 * mm
    c.rect(4 * mm, 4 * mm, page[0] - 8 * mm, page[1] - 8 * mm)
    c.showPage()
    c.save()
    return buf.getvalue()


def check_printer(*, size_class: str, printer: str, spool_dir, now: datetime, backend=None) -> DeviceCheck:
    """Print a test page of the form size ``size_class`` ("a4", "a5", "thermal") on ``printer``."""
    key, size = PRINTER_SIZES[size_class]

    def run() -> DeviceCheck:
        from printing.printers import JobState, Printers

        printers = Printers(spool_dir=spool_dir, backend=backend, defaults={})
        if not printers.available():
            return DeviceCheck(key, False, "Máy này chưa có dịch vụ in. Báo cán bộ kỹ thuật.", "no print system")
        if not printer:
            return DeviceCheck(key, False, "Chọn máy in cho khổ giấy này trước khi in thử.", "no printer chosen")
        job = printers.print_pdf(pdf=test_page_pdf(size=size, printer=printer, now=now), page=size,
                                 label=f"in-thu-{size_class}", now=now, printer=printer)
        if job.state is JobState.DONE:
            return DeviceCheck(key, True, f"Đã in trang thử khổ {size} trên “{printer}”. Kiểm tra tờ giấy vừa in.",
                               f"job={job.job_id}")
        return DeviceCheck(key, False, f"Lệnh in thử đang chờ trên “{printer}” ({job.state.value}). Kiểm tra máy in "
                           "(giấy, nguồn, kết nối).", f"state={job.state.value}")
    return _guarded(key, run)


def check_signing(*, module: str, token_label: str = "", key_label: str = "", pin_handler=None,
                  now: datetime) -> DeviceCheck:
    """Sign a test PDF with the token and check the signature is intact and valid."""
    def run() -> DeviceCheck:
        from devices.signing.pades import validate
        from devices.signing.token import SigningToken, TokenConfig

        if not module:
            return DeviceCheck("signing", False, "Chọn tệp thư viện PKCS#11 của hãng chữ ký số trước.", "no module")
        token = SigningToken(TokenConfig(module, token_label or None, key_label=key_label or None))
        try:
            if pin_handler is None:
                labels = [label.strip() for label in token.token_labels() if label.strip()]
                if not labels:
                    return DeviceCheck("signing", False, "Chưa thấy token chữ ký số. Cắm token vào máy rồi thử lại.",
                                       "no token")
                return DeviceCheck("signing", True, f"Thấy token: {', '.join(labels)}. Nhập mã PIN để ký thử.",
                                   f"tokens={len(labels)}")
            signed = token.sign_pdf(test_page_pdf(size="A4", printer="—", now=now), handler=pin_handler,
                                    reason="Ký thử khi cài đặt quầy")
        finally:
            token.close()
        checks = validate(signed, trust_roots=[])
        if checks and checks[0].intact and checks[0].valid:
            return DeviceCheck("signing", True, f"Đã ký thử một tệp PDF; chữ ký hợp lệ ({checks[0].signer}).",
                               f"signatures={len(checks)}")
        return DeviceCheck("signing", False, "Đã ký nhưng chữ ký không kiểm tra được. Báo cán bộ kỹ thuật.",
                           "signature invalid")
    return _guarded("signing", run)
