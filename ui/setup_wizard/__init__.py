"""The first-run setup wizard (cài đặt quầy lần đầu), rendering :class:`counter_app.setup.SetupFlow`.

``counter-app`` shows it before the sign-in window when the profile is not set up
(:func:`counter_app.setup.needs_setup`). Import it lazily: it pulls in the device packages.
"""

from __future__ import annotations


def run_first_setup(profile, parent=None) -> bool:
    """Show the wizard modally; True when the setup was applied (False: the officer quit)."""
    from PyQt6.QtCore import QEvent
    from PyQt6.QtWidgets import QApplication

    from .wizard import SetupWizard

    wizard = SetupWizard(profile, parent)
    try:
        return wizard.exec() == SetupWizard.DialogCode.Accepted
    finally:
        wizard.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def ensure_set_up(profile) -> bool:
    """``counter-app`` start: a new real profile gets the wizard first. False when the officer
    left it (nothing was written); True when the profile is (now) set up or is a demo."""
    from counter_app.setup.marker import needs_setup

    return not needs_setup(profile) or run_first_setup(profile)
