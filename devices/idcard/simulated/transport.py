"""A card reader without PC/SC: the simulated card answers APDUs in-process.

:class:`SimulatedContext` has the interface of :class:`devices.idcard.pcsc.PcscContext`
(``list_readers``, ``presence``, ``connect``, ``ensure``, ``release``), so the façade's worker
drives it exactly as it drives a real reader — polling, insert/remove events, secure
messaging. ``real`` (optional) is a real PC/SC context whose readers are listed too: a demo
counter with a real reader plugged in uses both. :class:`SimulatedSlot` is the reader's
slot: ``insert(card)`` puts a card on it ("tap"), ``remove()`` takes it off; both are safe
from any thread.
"""

from __future__ import annotations

import threading

from ..errors import NoCardError, removed
from .card import CardPulled, SimCard

READER = "Đầu đọc thẻ mô phỏng (demo)"


class SimulatedSlot:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._card: SimCard | None = None

    @property
    def card(self) -> SimCard | None:
        with self._lock:
            return self._card

    def insert(self, card: SimCard) -> None:
        card.reset()
        with self._lock:
            self._card = card

    def remove(self) -> None:
        with self._lock:
            self._card = None


class SimulatedConnection:
    def __init__(self, slot: SimulatedSlot, card: SimCard) -> None:
        self._slot, self._card = slot, card

    @property
    def atr(self) -> bytes:
        return self._card.atr

    def transmit(self, data: bytes) -> bytes:
        if self._slot.card is not self._card:
            raise removed()
        try:
            return self._card.process(bytes(data))
        except CardPulled:
            self._slot.remove()
            raise removed() from None

    def close(self) -> None:
        self._card.reset()  # like SCARD_RESET_CARD: the chip forgets the session keys


class SimulatedContext:
    """The simulated reader, first, then the readers of ``real`` (a PcscContext) when it answers."""

    def __init__(self, slot: SimulatedSlot, *, real=None) -> None:
        self.slot, self.real = slot, real

    @property
    def established(self) -> bool:
        return True

    def ensure(self) -> None:
        pass

    def release(self) -> None:
        if self.real is not None:
            self.real.release()

    def _real_readers(self) -> list[str]:
        if self.real is None:
            return []
        try:
            return self.real.list_readers()
        except Exception:  # noqa: BLE001 — no PC/SC service: the simulated reader still works
            return []

    def list_readers(self) -> list[str]:
        return [READER] + self._real_readers()

    def presence(self, readers: list[str]) -> dict[str, bool]:
        found = {r: self.slot.card is not None for r in readers if r == READER}
        others = [r for r in readers if r != READER]
        if others and self.real is not None:
            try:
                found.update(self.real.presence(others))
            except Exception:  # noqa: BLE001
                found.update({r: False for r in others})
        return found

    def connect(self, reader: str):
        if reader != READER:
            return self.real.connect(reader)
        card = self.slot.card
        if card is None:
            raise NoCardError("no card on the simulated reader",
                              "Chưa có thẻ trên đầu đọc mô phỏng. Bấm “Đặt thẻ mô phỏng” (Ctrl+Shift+T).")
        card.reset()
        return SimulatedConnection(self.slot, card)
