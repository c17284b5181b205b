"""Device and sync indicators for the status bar.

Each device family plugs in as a :class:`DeviceSlot`: a name and a *probe*, a callable
returning the family's façade (anything with ``available() -> bool``), or ``None`` while
that family's code is not wired. Probing runs off the GUI thread (a SANE or PC/SC
start-up can take seconds); until a façade says otherwise the indicator honestly
reads "chưa kết nối". Clicking an indicator shows what is known (its diagnostics).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import QMessageBox, QWidget

from .elided_label import ElidedLabel


@dataclass
class DeviceSlot:
    key: str  # "idcard", "barcode", "scanner", "printer"
    name: str  # translated display name

    def __post_init__(self) -> None:
        self.short = self.short or self.name
    probe: Callable[[], object] | None = None  # returns a façade with available()
    short: str = ""  # translated short name for the status bar (defaults to name)


class DeviceIndicator(ElidedLabel):
    """``● Đầu đọc thẻ: sẵn sàng`` — the dot's colour comes from the style sheet (property ``state``)."""

    clicked = pyqtSignal(str)

    def __init__(self, slot: DeviceSlot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.state = ""
        self.detail = ""
        self.setObjectName("DeviceIndicator")
        self.set_state("absent" if slot.probe is None else "checking")

    def set_state(self, state: str, detail: str = "") -> None:
        """``ready`` / ``absent`` (not connected) / ``checking`` / ``error``."""
        self.state, self.detail = state, detail
        text = {
            "ready": self.tr("sẵn sàng"),
            "absent": self.tr("chưa kết nối"),
            "checking": self.tr("đang kiểm tra…"),
            "error": self.tr("lỗi"),
        }[state]
        # Short on screen (the colour of the dot says the state), whole in the tooltip and for
        # screen readers: "Đầu đọc thẻ: chưa kết nối".
        self.status_text = self.tr("{device}: {state}").format(device=self.slot.name, state=text)
        self.setText(self.tr("● {device}").format(device=self.slot.short))
        self.setProperty("state", state)
        self.setToolTip("\n".join(filter(None, (self.status_text, detail))))
        self.setAccessibleName(self.status_text)
        self.style().unpolish(self)
        self.style().polish(self)

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        """At large type only the dot and "…" must fit; the full text is in the tooltip."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        hint.setWidth(min(hint.width(), self.fontMetrics().horizontalAdvance("● …") + margins.left()
                          + margins.right()))
        return hint

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().mouseReleaseEvent(event)
        self.clicked.emit(self.slot.key)

    def show_diagnostics(self) -> None:
        """The diagnostics page (F12) on this device when the window has one, else a short note."""
        window = self.window()
        page = getattr(window, "diagnostics", None)
        if page is not None and hasattr(window, "show_page"):
            window.show_page(page)
            page.focus_device(self.slot.key)
            return
        if self.slot.probe is None:
            body = self.tr("Phần mềm cho thiết bị này chưa được cài vào ứng dụng. "
                           "Có thể tiếp tục làm việc bằng cách nhập tay.")
        else:
            body = self.detail or self.text()
        QMessageBox.information(self, self.slot.name, body)


def probe_slot(slot: DeviceSlot) -> tuple[str, str]:
    """Run on a worker thread: build the façade and ask ``available()``."""
    facade = slot.probe() if slot.probe else None
    if facade is None:
        return "absent", ""
    try:
        ok = bool(facade.available())
    finally:
        close = getattr(facade, "close", None)
        if callable(close):
            close()
    return ("ready", "") if ok else ("absent", "")


def default_slots() -> list[DeviceSlot]:
    """The four families. The document scanner and the printers have façades in the tree; the
    card reader's and the barcode scanner's slots are left for their issues to wire."""
    from PyQt6.QtCore import QCoreApplication

    def scanner():
        try:
            from devices.docscanner.facade import DocumentScanner
        except ImportError:
            return None
        return DocumentScanner()

    def printers():
        try:
            from printing.printers import Printers
        except ImportError:
            return None
        return Printers(spool_dir=Path(tempfile.gettempdir()))  # probing only: nothing is written

    return [
        DeviceSlot("idcard", QCoreApplication.translate("DeviceIndicator", "Đầu đọc thẻ"),
                   short=QCoreApplication.translate("DeviceIndicator", "Thẻ")),
        DeviceSlot("barcode", QCoreApplication.translate("DeviceIndicator", "Máy quét mã"),
                   short=QCoreApplication.translate("DeviceIndicator", "Mã vạch")),
        DeviceSlot("scanner", QCoreApplication.translate("DeviceIndicator", "Máy quét tài liệu"), scanner,
                   short=QCoreApplication.translate("DeviceIndicator", "Máy quét")),
        DeviceSlot("printer", QCoreApplication.translate("DeviceIndicator", "Máy in"), printers),
    ]
