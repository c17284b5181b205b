"""Diagnostics page (F12, chẩn đoán): versions, devices with a "Kiểm tra" each, recent errors,
sync state, disk space, database integrity and the audit chain; "Xuất gói hỗ trợ" writes the
support bundle (logs and diagnostics, personal data redacted) for the help desk.

Everything is computed by the core (:mod:`counter_app.diagnostics`, the setup's device checks)
off the GUI thread; this page only renders it.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from PyQt6.QtWidgets import (QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                             QScrollArea, QVBoxLayout, QWidget)

from counter_app.domain.errors import CounterError

from .widgets.busy import BusyIndicator
from .labels import english, error_text

DEVICE_KEYS = ("idcard", "barcode", "scanner", "printer_a4", "printer_a5", "printer_thermal", "signing")


class DiagnosticsPage(QWidget):
    def __init__(self, workspace, runner, window=None) -> None:
        super().__init__()
        self.setObjectName("DiagnosticsPage")
        self.workspace, self.runner, self.main_window = workspace, runner, window
        self.info: dict = {}
        self.checks: dict = {}
        names = {"idcard": self.tr("Đầu đọc thẻ căn cước"), "barcode": self.tr("Máy quét mã vạch / QR"),
                 "scanner": self.tr("Máy quét tài liệu"), "printer_a4": self.tr("Máy in A4"),
                 "printer_a5": self.tr("Máy in A5"), "printer_thermal": self.tr("Máy in nhiệt 80 mm"),
                 "signing": self.tr("Token chữ ký số")}
        self.refresh_button = QPushButton(self.tr("&Làm mới"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("&Xuất gói hỗ trợ…"))
        self.export_button.clicked.connect(self._ask_export)
        self.update_button = QPushButton(self.tr("Kiểm tra &phiên bản mới"))
        self.update_button.clicked.connect(self.check_update)
        self.update_state = QLabel()
        self.update_state.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        top.addWidget(self.update_button)
        top.addStretch(1)
        self.summary = QLabel(self.tr("Đang thu thập thông tin…"))
        self.summary.setObjectName("DiagnosticsSummary")
        self.summary.setWordWrap(True)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        devices = QGroupBox(self.tr("Thiết bị"))
        grid = QGridLayout(devices)
        self.device_state: dict[str, QLabel] = {}
        self.device_buttons: dict[str, QPushButton] = {}
        self.device_busy: dict[str, BusyIndicator] = {}
        self.barcode_text = QLineEdit()
        self.barcode_text.setPlaceholderText(self.tr("Quét một mã vào đây rồi bấm Kiểm tra"))
        self.barcode_text.setAccessibleName(self.tr("Ô thử máy quét mã"))
        for row, key in enumerate(DEVICE_KEYS):
            grid.addWidget(QLabel(names[key]), row, 0)
            state = QLabel(self.tr("Chưa kiểm tra."))
            state.setObjectName("CheckResult")
            state.setWordWrap(True)
            grid.addWidget(state, row, 1)
            if key == "barcode":
                grid.addWidget(self.barcode_text, row, 2)
            button = QPushButton(self.tr("Kiểm tra"))
            button.setAccessibleName(self.tr("Kiểm tra {device}").format(device=names[key]))
            button.clicked.connect(lambda _=False, k=key: self.check_device(k))
            grid.addWidget(button, row, 3)
            busy = BusyIndicator(self)  # progress and "Hủy": a cancelled check's late result is dropped
            grid.addWidget(busy, row, 4)
            self.device_state[key], self.device_buttons[key], self.device_busy[key] = state, button, busy
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addLayout(top)
        body.addWidget(self.export_result)
        body.addWidget(self.update_state)
        self.export_result.hide()  # shown once they have something to say: no blank gap under the buttons
        self.update_state.hide()
        body.addWidget(self.summary)
        body.addWidget(devices)
        body.addWidget(QLabel(self.tr("Lỗi gần đây")))
        body.addWidget(self.errors)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def title(self) -> str:
        return self.tr("Chẩn đoán")

    def on_shown(self) -> None:
        if not self.info:
            self.refresh()

    # -- collecting ----------------------------------------------------------------------------
    def _config(self):
        from counter_app import config
        from counter_app.setup.profile_setup import agency_settings

        with self.workspace.store.read() as s:
            doc = agency_settings(s)
        return config.with_agency_settings(config.load(), doc)

    def _token(self):
        try:
            from devices.signing.token import load_token_config

            with self.workspace.store.read() as s:
                return load_token_config(s)
        except (ImportError, CounterError):
            return None

    def refresh(self) -> None:
        from counter_app.diagnostics import collect

        profile = self.workspace.profile
        self.summary.setText(self.tr("Đang thu thập thông tin…"))
        self.runner.background(lambda: collect(self.workspace.store, data_dir=Path(profile.root)),
                               on_done=self._show_info, on_error=self.summary.setText)

    def _show_info(self, info: dict) -> None:
        self.info = info
        db, audit, sync, disk = info["database"], info["audit"], info["sync"], info["disk"]
        ok, bad = self.tr("tốt"), self.tr("LỖI")
        chain = ok if audit["ok"] else self.tr("{bad} từ mục {first}").format(bad=bad, first=audit["first_broken"])
        lines = [
            self.tr("Phiên bản ứng dụng {app} · Python {py} · {platform}").format(
                app=info["app"], py=info["python"], platform=info["platform"]),
            self.tr("Cơ sở dữ liệu: {state} (phiên bản lược đồ {rev}{enc})").format(
                state=ok if db["integrity"] == "ok" else f"{bad}: {db['integrity']}", rev=db["revision"],
                enc=self.tr(", mã hóa") if db["encrypted"] else ""),
            self.tr("Chuỗi nhật ký kiểm toán: {state} ({n} mục)").format(
                state=chain, n=audit["entries"]),
            self.tr("Đồng bộ: {online} · chờ gửi {events} sự kiện, {uploads} tệp · "
                    "lần thành công gần nhất {last}").format(
                online=self.tr("trực tuyến") if sync.get("online") else self.tr("ngoại tuyến"),
                events=sync["waiting_events"], uploads=sync.get("waiting_uploads", 0),
                last=sync.get("last_success") or "—"),
            self.tr("Ổ đĩa: còn trống {free} MB / {total} MB").format(free=disk["free_mb"], total=disk["total_mb"]),
            self.tr("Thư viện: {packages}").format(packages=", ".join(f"{k} {v}" for k, v in info["packages"].items())),
        ]
        if sync.get("last_error"):
            lines.append(self.tr("Lỗi đồng bộ gần nhất: {error}").format(error=sync["last_error"]))
        self.summary.setText("\n".join(lines))
        errors = info.get("last_errors") or []
        self.errors.setText("\n".join(self._error_line(e) for e in errors)
                            or self.tr("Không có lỗi nào được ghi gần đây."))

    def _error_line(self, entry: dict) -> str:
        """One recent error: the officer's Vietnamese message when the log kept one, the English
        technical line after it as the help desk's detail (both redacted)."""
        at = str(entry.get("at", ""))
        try:
            at = f"{datetime.fromisoformat(at):%H:%M:%S %d/%m}"
        except ValueError:
            pass
        level = {"WARNING": self.tr("Cảnh báo"), "ERROR": self.tr("Lỗi"), "CRITICAL": self.tr("Lỗi nghiêm trọng")}.get(
            entry.get("level", ""), entry.get("level", ""))
        detail = f"{entry.get('logger', '')}: {entry.get('message', '')}"
        if entry.get("message_vi") and not english():  # in English the technical line says it
            return self.tr("{at} {level}: {message}\n    chi tiết kỹ thuật — {detail}").format(
                at=at, level=level, message=entry["message_vi"], detail=detail)
        return self.tr("{at} {level} (lỗi kỹ thuật, chi tiết cho bộ phận hỗ trợ) — {detail}").format(
            at=at, level=level, detail=detail)

    # -- devices -----------------------------------------------------------------------------------
    def check_device(self, key: str) -> None:
        from counter_app.diagnostics import check_devices

        label = self.device_state[key]
        if self.device_busy[key].busy:  # this check is running: its "Hủy" is next to it
            return
        label.setText(self.tr("Đang kiểm tra…"))
        try:
            cfg = self._config()
        except CounterError as exc:
            label.setText("✗ " + error_text(exc))
            return
        token, text = self._token() if key == "signing" else None, self.barcode_text.text()
        spool = Path(self.workspace.profile.root) / "print-tests"
        self.device_busy[key].run(
            self.runner.background,
            lambda: check_devices(cfg, spool_dir=spool, token=token, only=key, barcode_text=text),
            text=self.tr("Đang kiểm tra…"), on_done=lambda found: self._show_check(key, found[key]),
            on_error=lambda message: label.setText("✗ " + message),
            on_cancel=lambda: label.setText(self.tr("Đã hủy kiểm tra. Thiết bị có thể vẫn đang xử lý lệnh cũ.")))

    def _show_check(self, key: str, check) -> None:
        self.checks[key] = check
        label = self.device_state[key]
        label.setProperty("ok", check.ok)
        label.setText(("✓ " if check.ok else "✗ ") + check.message_vi)

    def focus_device(self, key: str) -> None:
        """From a status-bar indicator: that device's row, its check started."""
        key = {"printer": "printer_a5"}.get(key, key)
        if key in self.device_buttons:
            self.device_buttons[key].setFocus()
            self.check_device(key)

    # -- update check (the app never updates itself) ----------------------------------------------
    def check_update(self) -> None:
        from counter_app.updates import check_store

        self.update_state.setText(self.tr("Đang hỏi hệ thống của thành phố…"))
        self.update_state.show()
        root = self.workspace.profile.root
        self.runner.background(lambda: check_store(self.workspace.store, profile_root=root), on_done=self._show_update,
                               on_error=self.update_state.setText)

    def _show_update(self, announcement) -> None:
        from counter_app import __version__

        if announcement is None:
            self.update_state.setText(self.tr("Không có phiên bản mới được công bố (máy đang dùng {v}, hoặc chưa "
                                              "cấu hình máy chủ).").format(v=__version__))
            return
        self.update_state.setText(self.tr("Phiên bản mới nhất được công bố: {latest} (máy đang dùng {v}). Cán bộ kỹ "
                                          "thuật cài đặt ngoài giờ tiếp nhận; ứng dụng không tự cập nhật.").format(
            latest=announcement.latest, v=__version__))

    # -- support bundle ----------------------------------------------------------------------------
    def _ask_export(self) -> None:
        default = Path.home() / f"goi-ho-tro-{datetime.now():%Y%m%d-%H%M}.zip"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất gói hỗ trợ"), str(default), "ZIP (*.zip)")
        if path:
            self.export_bundle(Path(path))

    def export_bundle(self, path: Path) -> Path:
        """Write the support bundle (runs here: a zip of text files, quick)."""
        from counter_app.diagnostics import support_bundle

        info = dict(self.info)
        info["device_checks"] = {k: asdict(c) for k, c in self.checks.items()}
        written = support_bundle(path, diagnostics=info, log_dir=self.workspace.profile.log_dir)
        self.export_result.setText(self.tr("Đã xuất gói hỗ trợ (đã ẩn dữ liệu cá nhân): {path}").format(path=written))
        self.export_result.show()
        return written
