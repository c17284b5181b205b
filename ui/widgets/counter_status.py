"""The status bar: who is at the counter, where, and whether data is being synchronised."""

from __future__ import annotations

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from ..formatting import role_name
from ..workspace import CounterIdentity
from .elided_label import ElidedLabel

ERROR_SHOWN_MS = 20_000


class CounterStatusBar(QStatusBar):
    """Permanent: officer and role, counter, agency code, sync state. Temporary: one error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.error = QLabel()
        self.error.setObjectName("StatusError")
        # A long message must not widen the window: it is cut, the tooltip has it whole.
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error.hide()
        # Counter and agency code are short and always shown whole; the long ones may be cut.
        self.officer, self.counter, self.agency = ElidedLabel(), QLabel(), QLabel()
        # Honest: there is no sync layer yet (its own issue); say so rather than pretend.
        self.sync = ElidedLabel(self.tr("Ngoại tuyến — chưa cấu hình máy chủ đồng bộ"))
        self.sync.setObjectName("SyncState")
        self.addWidget(self.error, 1)
        for label in (self.officer, self.counter, self.agency, self.sync):
            self.addPermanentWidget(label, 1 if label is self.sync else 0)
        # The officer's name keeps its width while there is room (shrinking, elided, only when there
        # is not); the sync state takes what is left, its start ("Ngoại tuyến…", the count) first.
        self.officer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.sync.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.timeout.connect(self.clear_error)

    def add_devices(self, indicators: list[QWidget]) -> None:
        """Device indicators go left of the officer / counter / sync labels."""
        for i, indicator in enumerate(indicators):
            self.insertPermanentWidget(1 + i, indicator)  # index 0 is the (temporary) error label

    def set_identity(self, ident: CounterIdentity) -> None:
        # Short enough for 1280 px beside the four device indicators: no "Cán bộ:" prefix (the role
        # says it), the agency as its code (the header names it); the tooltips say it in full.
        self.officer.setText(self.tr("{name} ({role})").format(
            name=ident.officer_name, role=role_name(ident.officer_role)))
        self.officer.setToolTip(self.tr("Cán bộ đăng nhập: {name} ({role})").format(
            name=ident.officer_name, role=role_name(ident.officer_role)))
        counter = ident.counter_name or ident.counter_code
        self.counter.setText(self.tr("{counter} ({code})").format(counter=counter, code=ident.counter_code)
                             if ident.counter_name else counter)
        self.agency.setText(ident.agency_code)
        self.agency.setToolTip(self.tr("Mã cơ quan: {code}").format(code=ident.agency_code))

    def set_sync(self, configured: bool, state, *, now=None) -> None:
        """``state`` is ``counter_app.sync.state.SyncStatus``: online, offline since, items waiting."""
        if not configured:
            text = self.tr("Ngoại tuyến — chưa cấu hình máy chủ đồng bộ")
        elif state.offline_since is not None:
            text = self.tr("Ngoại tuyến từ {at}").format(at=format(state.offline_since, "%H:%M %d/%m"))
        elif state.last_error:  # reached the server, but the round failed (e.g. a revoked counter token)
            text = self.tr("Lỗi đồng bộ")
        elif state.online:
            text = self.tr("Trực tuyến")
        else:
            text = self.tr("Chưa đồng bộ lần nào")
        waiting = state.waiting_events + state.waiting_uploads if configured else 0
        if waiting:  # the count first: it must stay readable when the label is elided
            text = self.tr("{n} mục chờ gửi · ").format(n=waiting) + text
        self.sync.setText(text)
        # The sync layer keeps the officer's (Vietnamese) message of the last failed round.
        self.sync.setToolTip(self.tr("{state}\nLỗi gần nhất: {error}").format(state=text, error=state.last_error)
                             if state.last_error else text)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setToolTip(message)
        self.error.show()
        self._error_timer.start(ERROR_SHOWN_MS)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
