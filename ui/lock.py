"""Idle lock (khóa màn hình khi không thao tác): an opaque overlay over the whole window.

:class:`IdleGuard` watches keyboard and mouse activity anywhere in the application and
feeds :meth:`Workspace.touch`; a timer checks the idle time of the core's policy. When the
session locks, :class:`LockOverlay` hides the screen (personal data stays hidden); only the
same officer unlocks it with their password, or another officer signs in ("Đổi cán bộ").
"""

from __future__ import annotations

from PyQt6.QtCore import QEvent, QObject, Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.errors import CounterError
from counter_app.security.signin import SessionState

from .formatting import role_name
from .workspace import Workspace
from .labels import error_text

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}
CHECK_MS = 15_000


class IdleGuard(QObject):
    """Application event filter + timer; emits :attr:`locked` when the session locks."""

    locked = pyqtSignal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None, *, check_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(check_ms)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _ACTIVITY and self.workspace.session.state is SessionState.ACTIVE:
            if self.workspace.touch() is SessionState.LOCKED:  # came back after the idle time
                self.locked.emit()
        return False

    def check(self) -> None:
        if self.workspace.idle_expired() and self.workspace.touch() is SessionState.LOCKED:
            self.locked.emit()


class LockOverlay(QFrame):
    """Covers its parent; quick unlock by the same officer, or switch officer."""

    unlocked = pyqtSignal()
    switchRequested = pyqtSignal()

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("LockOverlay")
        self.setAutoFillBackground(True)
        self.workspace = workspace
        self.who = QLabel()
        self.who.setObjectName("PanelHeading")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("Màn hình đã khóa do không thao tác. Nhập mật khẩu để tiếp tục."))
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("Mở khóa (Enter)"))
        self.unlock_button.setObjectName("PrimaryButton")
        self.switch_button = QPushButton(self.tr("Đổi cán bộ"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.unlock_button)
        box = QFrame()
        box.setObjectName("DetailPanel")
        box.setMaximumWidth(480)
        col = QVBoxLayout(box)
        for w in (self.who, note, self.password, self.error):
            col.addWidget(w)
        col.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.switch_button.clicked.connect(self.switchRequested)
        self.hide()

    def show_locked(self) -> None:
        officer = self.workspace.session.officer
        if officer is not None:
            self.who.setText(self.tr("{name} ({role})").format(name=officer.full_name, role=role_name(officer.role)))
        self.error.clear()
        self.password.clear()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def unlock(self) -> None:
        try:
            self.workspace.unlock(self.password.text())
        except CounterError as exc:
            self.error.setText(error_text(exc))
            self.password.clear()
            return
        self.hide()
        self.unlocked.emit()
