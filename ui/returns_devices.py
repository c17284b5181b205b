"""F3's devices: the chip card that verifies the receiver, and the authorisation scan.

:class:`ReturnDevices` is a part of :class:`ui.returns.ReturnPage` (a mixin: the page's own
state, widgets and flow). A chip read comes here only while the page is the main window's
identity page (``is_identity_target``): the card is read with the *owner's* access number
(the last 6 digits of the dossier's ID number), so only the owner's card opens, and the
identity verifies the owner with source CHIP. The written authorisation (văn bản ủy quyền) is
scanned with the reception checklist's cancellable :class:`~ui.reception.scanning.LineScanner`
(one "line", position 0); "Hủy (Esc)" on the progress line cancels at the scanner, and
nothing of a cancelled or failed scan is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from counter_app.domain.applicant import IdentitySource
from counter_app.services.returns import ReturnStep

from .reception.scanning import default_scanner


class ReturnDevices:
    """Card reader and document scanner for :class:`ui.returns.ReturnPage`."""

    def attach_card_reader(self, bridge) -> None:
        """Chip reads while verifying (source CHIP): the card on the reader is read with the owner's CAN
        (the last 6 digits of the dossier's ID number), so only the owner's own card opens."""
        self.card_reader = bridge
        bridge.identityRead.connect(self._chip_read)
        bridge.failed.connect(self._chip_failed)
        bridge.cardPresent.connect(self._card_present)
        bridge.handler.progressed.connect(self._chip_progress)
        bridge.handler.keyNeeded.connect(self._chip_key_refused)

    def accepts_identity(self) -> bool:
        """Waiting for the receiver's identity (the main window sends chip reads and card taps here)."""
        return self.flow is not None and self.flow.step is ReturnStep.VERIFY

    def _verifying(self) -> bool:
        return self.flow is not None and self.flow.step is ReturnStep.VERIFY and self.is_identity_target()

    def _card_present(self, present: bool) -> None:
        if present and self._verifying() and not self.saving:
            self._key_refused = False
            self.card_reader.read(can=self.flow.dossier.applicant_id_number[-6:])

    def _chip_progress(self, step: str, done: int, total: int) -> None:
        if not self._verifying() or self.auth_scanner.busy:
            return
        if not self.busy.busy:
            self.busy.begin(self.tr("Đang đọc chip…"))
        self.busy.set_progress(done / total if total else None,
                               self.tr("Đang đọc chip: {file}").format(file=step) if step else None)

    def _chip_read(self, identity: object) -> None:
        if not self.auth_scanner.busy:
            self.busy.finish()
        if self._verifying():
            self.accept_identity(identity, IdentitySource.CHIP)

    def _chip_failed(self, message: str) -> None:
        if not self.auth_scanner.busy:
            self.busy.finish()
        if self._verifying() and not self._key_refused:  # "not the owner's card" says more than "cancelled"
            self._show_error(message)
        self._key_refused = False

    def _chip_key_refused(self, retry: bool) -> None:
        if self._verifying():
            self._key_refused = True
            self._show_error(self.tr("Không mở được chip bằng số định danh của chủ hồ sơ: thẻ trên đầu đọc có thể "
                                     "không phải của chủ hồ sơ. Người nhận thay cần văn bản ủy quyền."))

    @property
    def scanner_factory(self) -> Callable[[], object]:
        return self.auth_scanner.scanner_factory

    @scanner_factory.setter
    def scanner_factory(self, factory: Callable[[], object] | None) -> None:
        """``factory()`` → a ``DocumentScanner`` (built on first use, off the GUI thread); None: the platform's."""
        if self.auth_scanner.busy:
            self.auth_scanner.cancel()
        self.auth_scanner.close()
        self.auth_scanner.scanner_factory = factory or default_scanner

    @property
    def scan_options(self):
        """``devices.docscanner.ScanOptions``; None: the first device's defaults."""
        return self.auth_scanner.options

    @scan_options.setter
    def scan_options(self, options) -> None:
        self.auth_scanner.options = options

    def attach_scanner(self, scanner_factory, *, options=None, pages: int | None = None) -> None:
        """The document scanner the authorisation is scanned with (the reception wizard's signature)."""
        self.scanner_factory = scanner_factory
        self.auth_scanner.options, self.auth_scanner.pages = options, pages

    def scan_authorisation(self) -> None:
        """Scan the authorisation (flatbed or feeder) as one PDF; "Hủy (Esc)" stops the scanner."""
        from devices.docscanner.line_pages import LinePages

        if self.flow is None or self.saving or self.auth_scanner.busy:
            return
        self.saving = True
        self._auth_pages, self._auth_code = LinePages(), self.flow.dossier.code
        self.authorisation_state.setText(self.tr("Đang quét văn bản ủy quyền…"))
        self.busy.begin(self.tr("Đang quét văn bản ủy quyền…"))
        self.render()
        self.auth_scanner.start(0, self._auth_pages, title="Văn bản ủy quyền")

    def _scan_progress(self, _position: int, index: int, fraction: float) -> None:
        self.busy.set_progress(fraction, self.tr("Đang quét trang {n}…").format(n=index + 1))

    def _cancel_device(self) -> None:
        if self.auth_scanner.busy:
            self.auth_scanner.cancel()
        elif self.card_reader is not None:
            self.card_reader.cancel()

    def _scanned(self, _position: int, pages: int, message: str) -> None:
        """The scan ended: keep the PDF with the dossier, or show why not (nothing kept after a cancel)."""
        self.busy.finish()
        built = self._auth_pages.scans.get(0) if self._auth_pages is not None else None
        self._auth_pages = None
        if self.flow is None or self.flow.dossier.code != self._auth_code:
            self.saving = False
            self.render()
            return
        if message or built is None or not pages:
            self._authorisation_failed(message or self.tr("Máy quét không trả về trang nào: đặt văn bản rồi quét lại."))
            return
        self.attach_authorisation(built.data, pages=built.pages, filename="uy-quyen.pdf", busy=True)
