"""Sign-in window (đăng nhập) and switching officer, rendered over ``signin.CounterSession``.

The officer types a username and password and presses Enter. With a city backend
configured the check is online first (:mod:`counter_app.security.online_signin`); when the
backend is out of reach it falls back to the cached verifier, and the window then stays
open once more to say so (the next Enter continues). Lockout, expiry and wrong-password
messages are the core's ``message_vi``.
"""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from typing import TYPE_CHECKING

from counter_app.domain.errors import CounterError
from .labels import error_text

if TYPE_CHECKING:  # not at run time: the sign-in window shows before SQLAlchemy loads (ui.startup)
    from counter_app.security.signin import Officer

    from .workspace import Workspace

#: The demo officer signed in by ``QMC_DEMO_AUTO_SIGNIN=1`` (docs/demo.md).
DEMO_OFFICER = ("canbo01", "demo-canbo01")


class SignInDialog(QDialog):
    """Username + password; ``officer`` is set once :meth:`Workspace.sign_in` succeeded."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, switching: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("SignInDialog")
        self.workspace = workspace
        self.officer: Officer | None = None
        ident = workspace.identity
        self.setWindowTitle(self.tr("Đổi cán bộ") if switching else self.tr("Đăng nhập — Quầy Một cửa"))
        heading = QLabel(self.tr("Đổi cán bộ tại quầy") if switching else self.tr("Đăng nhập"))
        heading.setObjectName("PanelHeading")
        where = QLabel(" · ".join(filter(None, (ident.agency_name, ident.counter_name or ident.counter_code))))
        where.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Tên đăng nhập"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.small_print = QLabel(self._small_print())
        self.small_print.setObjectName("FactLabel")
        self.small_print.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Đăng nhập (Enter)"))
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Hủy") if switching else self.tr("Thoát"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.username.returnPressed.connect(self.password.setFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.small_print)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def _small_print(self) -> str:
        try:
            configured, _status = self.workspace.sync_status()
        except CounterError:
            configured = False
        if configured:
            return self.tr("Đăng nhập trực tuyến với hệ thống của thành phố; khi mất mạng, đăng nhập ngoại tuyến "
                           "bằng thông tin đã lưu trên máy này.")
        return self.tr("Chưa cấu hình máy chủ: đăng nhập ngoại tuyến bằng thông tin đã lưu trên máy này.")

    def submit(self) -> None:
        if self.officer is not None:  # the offline notice was read: continue
            self.accept()
            return
        if not self.username.text().strip():
            self.show_error(self.tr("Nhập tên đăng nhập."))
            self.username.setFocus()
            return
        try:
            self.officer = self.workspace.sign_in(self.username.text(), self.password.text())
        except CounterError as exc:
            self.show_error(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        notice = "\n\n".join(filter(None, (getattr(self.workspace, "audit_alert", str)(),
                                            getattr(self.workspace, "sign_in_notice", ""))))
        if notice:  # a broken audit chain, or signed in offline: say so before going on
            self.show_error("")
            self.small_print.setText(notice)
            self.small_print.setObjectName("StepWarning")
            self.username.setEnabled(False)
            self.password.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tiếp tục (Enter)"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
