"""A non-blocking update notice (thông báo phiên bản mới): a banner inside a window, never a
modal dialog, never mid-shift. The policy is the core's (:func:`counter_app.updates.notice`);
the app never downloads or installs anything.

Use :func:`attach` in the sign-in window (``attach(self, Moment.BEFORE_SIGN_IN,
profile_root=workspace.profile.root)``: a file read, the store need not be open) and at
sign-out / closing (``Moment.SIGN_OUT`` / ``END_OF_SHIFT``): it shows the announcement the last
check kept, and only when the policy has something to say.
"""

from __future__ import annotations

from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app.updates import Advice, Announcement, Moment, cached_announcement, last_announcement, notice


class UpdateBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UpdateBanner")
        self.advice = Advice.NONE
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Đã hiểu"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        self.hide()

    def show_for(self, announcement: Announcement | None, moment: Moment) -> Advice:
        """Show the notice for ``moment`` if the policy says so; returns the advice."""
        self.advice, message = notice(announcement, moment=moment)
        self.setProperty("required", self.advice is Advice.REQUIRED)
        self.text.setText(message)
        self.setAccessibleName(message)
        self.setVisible(bool(message))
        return self.advice


def attach(host: QWidget, moment: Moment, *, profile_root=None, store=None) -> UpdateBanner:
    """Add a banner at the top of ``host``'s layout, filled from the last announcement kept in
    ``profile_root/update.json`` (no store needed: the sign-in window) or in ``store``."""
    banner = UpdateBanner(host)
    if profile_root is not None:
        announcement = cached_announcement(profile_root)
    else:
        with store.read() as s:
            announcement = last_announcement(s)
    banner.show_for(announcement, moment)
    layout = host.layout()
    if layout is not None and hasattr(layout, "insertWidget"):
        layout.insertWidget(0, banner)
    return banner
