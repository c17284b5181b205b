"""``SetupWizard``: a QWizard whose pages render the steps of the core's :class:`SetupFlow`.

Each page's ``validatePage`` hands the typed values to the flow and moves it on; a refusal is
shown on the page in the core's Vietnamese and the page stays. Keyboard-first: Enter is
"Tiếp", every field has a mnemonic, device tests have buttons reachable by Tab.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from counter_app.domain.errors import CounterError
from counter_app.setup import SetupFlow, Step

from .worker import Background
from ..labels import error_text


class FlowPage(QWizardPage):
    """A page bound to one step of the flow, with an error line under its fields."""

    step: Step

    def __init__(self, flow: SetupFlow, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow, self.background = flow, background
        self.body = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("StepError")
        self.error.setWordWrap(True)
        self.error.hide()

    def finish_layout(self, *, stretch: bool = True) -> None:
        self.body.addWidget(self.error)
        if stretch:
            self.body.addStretch(1)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def apply(self) -> None:
        """Hand the page's values to the flow (raises the core's errors)."""

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        if self.background.busy:
            self.show_error(self.tr("Đang kiểm tra, chờ một chút…"))
            return False
        try:
            self.apply()
            if self.flow.step is self.step:
                self.flow.next()
        except CounterError as exc:
            self.show_error(error_text(exc))
            return False
        self.show_error("")
        return True

    def cleanupPage(self) -> None:  # noqa: N802 (Qt name) — "Quay lại"
        if self.flow.step is self.step:
            self.flow.back()


class SetupWizard(QWizard):
    def __init__(self, profile, parent: QWidget | None = None, *, flow: SetupFlow | None = None,
                 config_path: Path | None = None) -> None:
        super().__init__(parent)
        from .device_page import DevicesPage
        from .pages import AgencyPage, BackendPage, OfficerPage, ReviewPage

        self.setObjectName("SetupWizard")
        self.flow = flow or SetupFlow(profile, config_path=config_path)
        self.background = Background(self)
        self.setWindowTitle(self.tr("Cài đặt quầy lần đầu — Quầy Một cửa"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp (Enter)"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Thoát"))
        self.pages = {}
        for cls in (BackendPage, AgencyPage, OfficerPage, DevicesPage, ReviewPage):
            page = cls(self.flow, self.background)
            self.pages[page.step] = page
            self.addPage(page)
        self.setMinimumSize(720, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    def page_for(self, step: Step) -> FlowPage:
        return self.pages[step]
