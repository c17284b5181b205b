"""Device checks of the setup that need no simulator process: a serial barcode scanner on a pty
(the officer scans; the check waits for one code), and clear failures when nothing answers."""

from __future__ import annotations

import os
import threading
import time
import tty

from counter_app.setup import devices


def test_serial_scanner_check_receives_one_code_from_the_port():
    master, slave = os.openpty()
    tty.setraw(slave)
    port = os.ttyname(slave)

    def scan_later() -> None:
        time.sleep(0.5)  # the officer presses the trigger once the check listens
        os.write(master, b"000.00.01.H26-261127-0042\r\n")
    threading.Thread(target=scan_later, daemon=True).start()
    try:
        check = devices.check_barcode(mode="serial", port=port, baud=9600, wait_s=5.0)
    finally:
        os.close(master)
        os.close(slave)
    assert check.ok, check.message_vi
    assert check.message_vi == "Đã nhận mã (25 ký tự, loại: mã số hồ sơ)." and check.detail == "kind=dossier"


def test_serial_scanner_that_sends_nothing_is_a_clear_failure():
    master, slave = os.openpty()
    try:
        check = devices.check_barcode(mode="serial", port=os.ttyname(slave), wait_s=0.5)
    finally:
        os.close(master)
        os.close(slave)
    assert not check.ok and "Không nhận được mã nào" in check.message_vi


def test_a_printer_check_without_a_printer_chosen_says_so(tmp_path):
    from datetime import datetime

    check = devices.check_printer(size_class="a5", printer="", spool_dir=tmp_path, now=datetime(2026, 11, 27, 8))
    assert not check.ok and check.device == "printer_a5"
    assert check.message_vi in ("Chọn máy in cho khổ giấy này trước khi in thử.",
                                "Máy này chưa có dịch vụ in. Báo cán bộ kỹ thuật.")


def test_a_broken_pkcs11_module_is_a_clear_failure(tmp_path):
    from datetime import datetime

    fake = tmp_path / "vendor-pkcs11.so"
    fake.write_bytes(b"not a library")
    check = devices.check_signing(module=str(fake), now=datetime(2026, 11, 27, 8))
    assert not check.ok and check.device == "signing" and "Không nạp được thư viện PKCS#11" in check.message_vi
