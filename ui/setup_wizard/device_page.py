"""The devices page: settings per device family and a test button each (đọc thẻ, quét mã,
quét trang, in trang thử, ký thử) whose result line says what happened, in Vietnamese.

Each test runs on its own worker thread with a progress line and "Hủy (Esc)" (ui.widgets.busy):
cancelling abandons the wait at once — the device call may still finish in the background, and
its late result is dropped (neither shown nor kept for the review)."""

from __future__ import annotations

from PyQt6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                             QScrollArea, QSpinBox, QWidget)

from counter_app.domain.errors import CounterError
from counter_app.setup import Step

from ..widgets.busy import BusyIndicator
from .wizard import FlowPage
from .worker import Background
from ..labels import error_text


class OnePin:
    """The PIN typed on the page, given to the token once (a second ask means a wrong PIN: stop)."""

    def __init__(self, pin: str) -> None:
        self.pin: str | None = pin
        self.errors: list[str] = []

    def get_pin(self, *, token_label: str, attempt: int) -> str | None:
        pin, self.pin = self.pin, None
        return pin

    def show_error(self, message_vi: str) -> None:
        self.errors.append(message_vi)


class DevicesPage(FlowPage):
    step = Step.DEVICES

    def __init__(self, flow, background, parent=None) -> None:
        super().__init__(flow, background, parent)
        self.setTitle(self.tr("4. Thiết bị tại quầy"))
        self.setSubTitle(self.tr("Bấm “Kiểm tra” cạnh từng thiết bị. Thiết bị chưa có có thể bỏ qua và cấu hình sau."))
        dev = flow.draft.devices
        self.listing = Background(self)
        self.buttons: dict[str, QPushButton] = {}
        self.results: dict[str, QLabel] = {}
        self.busy: dict[str, BusyIndicator] = {}  # the progress line and "Hủy" of each test
        self.workers: list[Background] = []  # one thread per test run (an abandoned one may still run)
        self._runs: dict[str, int] = {}  # the current run of each test; an abandoned run's result is dropped
        inner = QWidget()
        self.grid = QGridLayout(inner)
        self._row = 0

        self.card_reader = self._edit(self.tr("Tên đầu đọc (trống = đầu đọc có thẻ)"), dev.card_reader)
        self.can = self._edit(self.tr("Số CAN trên thẻ (6 số, để đọc thử)"), "")
        self._group("idcard", self.tr("Đầu đọc thẻ căn cước"), self.tr("Đọc &thẻ"), [self.card_reader, self.can])

        self.barcode_mode = QComboBox()
        self.barcode_mode.setAccessibleName(self.tr("Chế độ máy quét mã"))
        self.barcode_mode.addItem(self.tr("Bàn phím (USB)"), "wedge")
        self.barcode_mode.addItem(self.tr("Cổng COM"), "serial")
        self.barcode_mode.setCurrentIndex(max(0, self.barcode_mode.findData(dev.barcode_mode)))
        self.barcode_port = QComboBox()
        self.barcode_port.setEditable(True)
        self.barcode_port.setAccessibleName(self.tr("Cổng (COM3, /dev/ttyACM0)"))
        self.barcode_port.lineEdit().setPlaceholderText(self.tr("Cổng (COM3, /dev/ttyACM0)"))
        self.barcode_port.setEditText(dev.barcode_port)
        self.barcode_baud = QSpinBox()
        self.barcode_baud.setRange(1200, 115200)
        self.barcode_baud.setValue(dev.barcode_baud)
        self.barcode_baud.setAccessibleName(self.tr("Tốc độ cổng (baud)"))
        self.barcode_test = self._edit(self.tr("Quét một mã vào ô này"), "")
        self._group("barcode", self.tr("Máy quét mã vạch / QR"), self.tr("Thử &quét mã"),
                    [self.barcode_mode, self.barcode_port, self.barcode_baud, self.barcode_test])

        self.scanner_device = self._edit(self.tr("Máy quét (trống = máy đầu tiên)"), dev.scanner_device)
        self._group("scanner", self.tr("Máy quét tài liệu"), self.tr("Quét thử &1 trang"), [self.scanner_device])

        self.printers: dict[str, QComboBox] = {}
        for key, label, mnemonic in (("printer_a4", self.tr("Máy in khổ A4"), self.tr("In thử A&4")),
                                     ("printer_a5", self.tr("Máy in khổ A5 (biên nhận)"), self.tr("In thử A&5")),
                                     ("printer_thermal", self.tr("Máy in nhiệt 80 mm (số thứ tự)"),
                                      self.tr("In thử &80 mm"))):
            combo = QComboBox()
            combo.setEditable(True)
            combo.setAccessibleName(label)
            combo.setEditText(getattr(dev, key))
            self.printers[key] = combo
            self._group(key, label, mnemonic, [combo])

        self.pkcs11_module = self._edit(self.tr("Thư viện PKCS#11 của hãng (.dll / .so)"), dev.pkcs11_module)
        self.token_label = self._edit(self.tr("Nhãn token (trống = token đầu tiên)"), flow.draft.token_label)
        self.pin = self._edit(self.tr("Mã PIN (chỉ để ký thử, không lưu)"), "")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self._group("signing", self.tr("Token chữ ký số"), self.tr("&Ký thử"),
                    [self.pkcs11_module, self.token_label, self.pin])

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.body.addWidget(scroll, 1)
        self.finish_layout(stretch=False)

    def _edit(self, placeholder: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        return edit

    def _group(self, key: str, title: str, button_text: str, fields: list[QWidget]) -> None:
        box = QGroupBox(title)
        row = QHBoxLayout(box)
        for f in fields:
            row.addWidget(f, 1)
        button = QPushButton(button_text)
        button.setAutoDefault(False)  # Enter stays "Tiếp"
        button.clicked.connect(lambda _=False, k=key: self.test(k))
        row.addWidget(button)
        result = QLabel(self.tr("Chưa kiểm tra."))
        result.setObjectName("CheckResult")
        result.setWordWrap(True)
        busy = BusyIndicator(self)
        self.buttons[key], self.results[key], self.busy[key] = button, result, busy
        self.grid.addWidget(box, self._row, 0)
        self.grid.addWidget(result, self._row + 1, 0)
        self.grid.addWidget(busy, self._row + 2, 0)
        self._row += 3

    def values(self) -> dict:
        out = {"card_reader": self.card_reader.text().strip(), "barcode_mode": self.barcode_mode.currentData(),
               "barcode_port": self.barcode_port.currentText().strip(), "barcode_baud": self.barcode_baud.value(),
               "scanner_device": self.scanner_device.text().strip(),
               "pkcs11_module": self.pkcs11_module.text().strip()}
        out.update({key: combo.currentText().strip() for key, combo in self.printers.items()})
        return out

    def initializePage(self) -> None:  # noqa: N802 (Qt name)
        # Its own worker: listing the queues never holds up "Tiếp" or a device test.
        self.listing.run(self._list_printers, self._fill_printers, lambda _message: None)

    @staticmethod
    def _list_printers() -> tuple[list[str], list[str]]:
        """(printer queues, serial ports) — either list empty when its package is missing."""
        import tempfile
        from pathlib import Path

        try:
            from printing.printers import Printers

            printers = [p.name for p in Printers(spool_dir=Path(tempfile.gettempdir()), defaults={}).list_printers()]
        except ImportError:
            printers = []
        try:
            from devices.barcode.facade import list_serial_ports

            ports = [p.device for p in list_serial_ports()]
        except ImportError:
            ports = []
        return printers, ports

    def _fill_printers(self, found: tuple[list[str], list[str]]) -> None:
        printers, ports = found
        for combo, names in [*((c, printers) for c in self.printers.values()), (self.barcode_port, ports)]:
            current = combo.currentText()
            combo.clear()
            combo.addItems(names)
            combo.setEditText(current)

    def test(self, key: str) -> None:
        result = self.results[key]
        if self.busy[key].busy:  # this test is running: its "Hủy" is next to it
            return
        try:
            self.apply()
        except CounterError as exc:
            result.setText("✗ " + error_text(exc))
            return
        kw, pin = {}, None
        if key == "idcard":
            kw = {"can": self.can.text().strip()}
        elif key == "barcode" and self.barcode_mode.currentData() == "wedge":
            kw = {"scanned_text": self.barcode_test.text()}
        elif key == "signing" and self.pin.text():
            pin = OnePin(self.pin.text())
            kw = {"pin_handler": pin}
        run = self._runs.get(key, 0) + 1
        self._runs[key] = run
        worker = Background(self)
        for done in [w for w in self.workers if not w.busy]:
            done.deleteLater()
        self.workers = [w for w in self.workers if w.busy] + [worker]
        result.setText(self.tr("Đang kiểm tra…"))
        self.busy[key].run(worker.run, lambda: self._test_device(key, run, kw), text=self.tr("Đang kiểm tra…"),
                           on_done=lambda c: self._show(key, c, pin), on_error=lambda m: self._show_error(key, m),
                           on_cancel=lambda: self._abandon(key))

    def _test_device(self, key: str, run: int, kw: dict):
        """Worker thread: the flow's device test. Abandoned meanwhile: the draft keeps what it had."""
        checks = self.flow.draft.checks
        before = checks.get(key)
        check = self.flow.test_device(key, **kw)
        if self._runs.get(key) != run and checks.get(key) is check:
            if before is None:
                checks.pop(key, None)
            else:
                checks[key] = before
        return check

    def _abandon(self, key: str) -> None:
        self._runs[key] = self._runs.get(key, 0) + 1
        label = self.results[key]
        label.setProperty("ok", False)
        label.setText(self.tr("Đã hủy kiểm tra. Thiết bị có thể vẫn đang xử lý lệnh cũ; kiểm tra lại khi sẵn sàng."))

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        if any(b.busy for b in self.busy.values()):
            self.show_error(self.tr("Đang kiểm tra thiết bị: chờ kết quả hoặc bấm Hủy (Esc)."))
            return False
        return super().validatePage()

    def _show(self, key: str, check, pin: OnePin | None = None) -> None:
        label = self.results[key]
        label.setProperty("ok", check.ok)
        message = pin.errors[-1] if pin is not None and pin.errors and not check.ok else check.message_vi
        label.setText(("✓ " if check.ok else "✗ ") + message)

    def _show_error(self, key: str, message: str) -> None:
        self.results[key].setProperty("ok", False)
        self.results[key].setText("✗ " + message)

    def apply(self) -> None:
        values = self.values()
        self.flow.set_signing(module=values.pop("pkcs11_module"), token_label=self.token_label.text())
        self.flow.set_devices(**values)
