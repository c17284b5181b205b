"""Simulated devices for ``counter-app --demo``: try every flow without hardware.

* **Chip ID card** — the ICAO card simulator (``devices.idcard.simulated``) on an in-process
  reader, listed beside any real PC/SC reader. "Đặt thẻ mô phỏng" (Ctrl+Shift+T, menu Demo)
  puts the demo citizen's card on it and reads it: the identity fills without typing (F2), or
  the owner is verified by chip (F3, while it verifies the receiver). The
  demo supplies the card's access number, as a reader with a CAN/MRZ camera would; its
  EF.SOD is signed by a throw-away CSCA that only this demo trusts.
* **Document scanner** — the real SANE/TWAIN device when one answers (the SANE ``test``
  device included), else the sample-image scanner (``devices.docscanner.sample_backend``);
  for the reception checklist and F3's authorisation scan.
* **Printer** — unchanged: with no printer the forms are saved as PDF in the profile's
  ``prints`` folder (``ui.print_hook``), which for a demo profile is its throw-away folder.

Everything is imported lazily, when the demo window is built.
"""

from __future__ import annotations

import threading

from PyQt6.QtCore import QObject
from PyQt6.QtGui import QAction, QKeySequence

TAP_KEY = "Ctrl+Shift+T"


class DemoCard:
    """The demo citizen's simulated card and the reader slot it is tapped on (thread-safe)."""

    def __init__(self) -> None:
        from devices.idcard.simulated import SimulatedSlot

        self.slot = SimulatedSlot()
        self.trusted: list = []  # the demo CSCA, once the card is made
        self._lock = threading.Lock()
        self._made = None

    def ensure(self):
        """``(card, person)``; made once (≈0.15 s of key generation and signing), on first need."""
        from devices.idcard.simulated import make_card

        with self._lock:
            if self._made is None:
                card, person, pki = make_card()
                self.trusted.append(pki.csca)
                self._made = (card, person)
            return self._made

    def reader_factory(self, *, with_pcsc: bool = True):
        """``factory(handler) -> IdCardReader`` on the simulated reader (and the real PC/SC readers)."""
        from devices.idcard.simulated import simulated_reader

        def factory(handler):
            threading.Thread(target=self.ensure, name="demo-card", daemon=True).start()  # ready before a tap
            return simulated_reader(self.slot, handler=handler, csca=self.trusted, with_pcsc=with_pcsc)

        return factory

    def tap(self) -> str:
        """Put the card on the reader; returns its access number (CAN)."""
        card, person = self.ensure()
        self.slot.insert(card)
        return person.can

    def lift(self) -> None:
        self.slot.remove()

    @property
    def on_reader(self) -> bool:
        return self.slot.card is not None


def demo_scanner():
    """A real scanner when one answers, else the sample scanner. Runs off the GUI thread (first scan)."""
    from devices.docscanner import DocumentScanner
    from devices.docscanner.facade import default_backend
    from devices.docscanner.sample_backend import SampleBackend

    backend = default_backend()
    try:
        present = backend.available() and bool(backend.devices())
    except Exception:  # noqa: BLE001 — a scanner library that fails to list devices: use the sample
        present = False
    return DocumentScanner(backend if present else SampleBackend())


class DemoDevices(QObject):
    """Wires the simulated devices into a main window (menu "Demo", the wizard's scanner)."""

    def __init__(self, parent: QObject | None = None, *, with_pcsc: bool = True) -> None:
        """``with_pcsc=False``: the simulated reader only (tests: libpcsclite binds to one pcscd per process)."""
        super().__init__(parent)
        self.card = DemoCard()
        self.with_pcsc = with_pcsc
        self.window = None

    def card_reader_factory(self):
        return self.card.reader_factory(with_pcsc=self.with_pcsc)

    def install(self, window) -> None:
        self.window = window
        window.reception.attach_scanner(demo_scanner)
        window.returns.attach_scanner(demo_scanner)  # F3's "Quét văn bản ủy quyền" too
        menu = window.menuBar().addMenu(self.tr("&Demo"))
        self.tap_action = QAction(self.tr("Đặt thẻ căn cước mô phỏng lên đầu đọc"), window)
        self.tap_action.setShortcut(QKeySequence(TAP_KEY))
        self.tap_action.triggered.connect(self.tap)
        self.lift_action = QAction(self.tr("Lấy thẻ mô phỏng ra"), window)
        self.lift_action.triggered.connect(self.card.lift)
        for action in (self.tap_action, self.lift_action):
            menu.addAction(action)
            window.addAction(action)  # the shortcut works with the menu bar hidden too

    def tap(self) -> None:
        """"Tap" the demo card: on the reader, and read at once with its access number."""
        can = self.card.tap()
        window = self.window
        bridge = getattr(window, "card_reader", None) if window is not None else None
        if bridge is None:
            return
        target = window.identity_page()  # F3 while it verifies the receiver, else the reception wizard
        if window.tabs.currentWidget() is not target:
            window.show_page(target)
        bridge.read(can=can)


def install_demo_devices(window, devices: DemoDevices) -> DemoDevices:
    """Call after building the demo's main window with ``card_reader_factory=devices.card_reader_factory()``."""
    devices.setParent(window)
    devices.install(window)
    return devices

