"""Thin PC/SC layer over pyscard's ``smartcard.scard`` — used ONLY from the device worker thread.

Maps PC/SC status codes to the project's errors: a lost service (pcscd restarted, Windows'
smart-card service stopped after the last reader was unplugged) releases the context so the
worker re-establishes it; a vanished card becomes CardRemovedError.
"""

from __future__ import annotations

import logging
import time

from smartcard import scard as sc

from .errors import CardRemovedError, NoCardError, ReaderUnavailableError, protocol, removed

log = logging.getLogger(__name__)

_SERVICE_GONE = {sc.SCARD_E_NO_SERVICE, sc.SCARD_E_SERVICE_STOPPED, sc.SCARD_E_INVALID_HANDLE}
_CARD_GONE = {sc.SCARD_W_REMOVED_CARD, sc.SCARD_E_NO_SMARTCARD, sc.SCARD_W_UNPOWERED_CARD,
              sc.SCARD_W_RESET_CARD}
_NO_READERS = sc.SCARD_E_NO_READERS_AVAILABLE
_STATUS_PRESENT = 0x0004  # SCARD_PRESENT of SCardStatus (not exported by pyscard)


class ServiceLost(Exception):
    """The PC/SC service went away; the context must be re-established."""


def _code(hresult: int) -> int:
    return hresult & 0xFFFFFFFF


class PcscContext:
    def __init__(self) -> None:
        self._ctx = None

    @property
    def established(self) -> bool:
        return self._ctx is not None

    def ensure(self) -> None:
        if self._ctx is not None:
            return
        hresult, ctx = sc.SCardEstablishContext(sc.SCARD_SCOPE_USER)
        if hresult != sc.SCARD_S_SUCCESS:
            raise ServiceLost(sc.SCardGetErrorMessage(hresult))
        self._ctx = ctx

    def release(self) -> None:
        if self._ctx is not None:
            try:
                sc.SCardReleaseContext(self._ctx)
            except Exception:  # the service is already gone: nothing to release
                pass
            self._ctx = None

    def _check(self, hresult: int) -> None:
        if _code(hresult) in _SERVICE_GONE:
            self.release()
            raise ServiceLost(sc.SCardGetErrorMessage(hresult))

    def list_readers(self) -> list[str]:
        self.ensure()
        hresult, readers = sc.SCardListReaders(self._ctx, [])
        if _code(hresult) == _NO_READERS or (hresult == sc.SCARD_S_SUCCESS and not readers):
            return []
        self._check(hresult)
        if hresult != sc.SCARD_S_SUCCESS:
            self.release()
            raise ServiceLost(sc.SCardGetErrorMessage(hresult))
        return list(readers)

    def presence(self, readers: list[str]) -> dict[str, bool]:
        """Which readers hold a card right now (no waiting)."""
        if not readers:
            return {}
        self.ensure()
        hresult, states = sc.SCardGetStatusChange(self._ctx, 0, [(r, sc.SCARD_STATE_UNAWARE) for r in readers])
        if hresult not in (sc.SCARD_S_SUCCESS, sc.SCARD_E_TIMEOUT):
            self._check(hresult)
            self.release()
            raise ServiceLost(sc.SCardGetErrorMessage(hresult))
        return {name: bool(state & sc.SCARD_STATE_PRESENT) and not state & sc.SCARD_STATE_MUTE
                for name, state, _atr in states}

    def connect(self, reader: str) -> "CardConnection":
        """Exclusive connection: no other application talks to the card during our read."""
        self.ensure()
        hresult, hcard, proto = sc.SCardConnect(self._ctx, reader, sc.SCARD_SHARE_EXCLUSIVE,
                                                sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1)
        if hresult != sc.SCARD_S_SUCCESS:
            self._check(hresult)
            if _code(hresult) in _CARD_GONE:
                raise NoCardError("no card on the reader", "Chưa có thẻ trên đầu đọc. Đặt thẻ căn cước lên đầu đọc.")
            if _code(hresult) in (sc.SCARD_E_UNKNOWN_READER, sc.SCARD_E_READER_UNAVAILABLE):
                raise ReaderUnavailableError("reader gone", "Đầu đọc thẻ vừa bị rút hoặc không sẵn sàng. "
                                             "Cắm lại đầu đọc rồi thử lại.")
            if _code(hresult) == sc.SCARD_E_SHARING_VIOLATION:
                raise ReaderUnavailableError("card in use", "Một chương trình khác đang dùng thẻ. Đóng chương "
                                             "trình đó rồi đọc lại.")
            raise protocol(f"connect {sc.SCardGetErrorMessage(hresult)}")
        return CardConnection(self, hcard, proto)


class CardConnection:
    def __init__(self, ctx: PcscContext, hcard, proto: int) -> None:
        self._ctx, self._hcard = ctx, hcard
        self._pci = sc.SCARD_PCI_T0 if proto == sc.SCARD_PROTOCOL_T0 else sc.SCARD_PCI_T1

    @property
    def atr(self) -> bytes:
        hresult, _reader, _state, _proto, atr = sc.SCardStatus(self._hcard)
        if hresult != sc.SCARD_S_SUCCESS:
            raise removed()
        return bytes(atr)

    def transmit(self, data: bytes) -> bytes:
        hresult, response = sc.SCardTransmit(self._hcard, self._pci, list(data))
        if hresult == sc.SCARD_S_SUCCESS and len(response) >= 2:
            return bytes(response)
        if hresult == sc.SCARD_S_SUCCESS:  # some drivers answer "nothing" when the card vanished
            if self._gone_soon():
                raise removed()
            raise protocol("response without status word")
        self._ctx._check(hresult)
        if _code(hresult) in _CARD_GONE or not self._card_present():
            raise removed()
        raise protocol(f"transmit {sc.SCardGetErrorMessage(hresult)}")

    def _gone_soon(self, wait: float = 1.0) -> bool:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not self._card_present():
                return True
            time.sleep(0.02)
        return False

    def _card_present(self) -> bool:
        hresult, _reader, state, _proto, _atr = sc.SCardStatus(self._hcard)
        return hresult == sc.SCARD_S_SUCCESS and bool(state & _STATUS_PRESENT)

    def close(self) -> None:
        """Disconnect and reset the card: the chip forgets the secure-messaging keys."""
        try:
            sc.SCardDisconnect(self._hcard, sc.SCARD_RESET_CARD)
        except Exception:
            log.debug("disconnect after card loss")


__all__ = ["PcscContext", "CardConnection", "ServiceLost", "CardRemovedError"]
