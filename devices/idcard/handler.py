"""The handler interface: how the ID-card worker talks to the officer (the UI implements it).

Called from the worker thread; a Qt implementation forwards to the GUI thread with signals and
blocks in ``ask_access_key`` until the officer answers (like Electrum's hardware-wallet handlers).
"""

from __future__ import annotations

from .keys import AccessKey


class IdCardHandler:
    """Null implementation: ignores events and never has a key. Subclass and override."""

    def readers_changed(self, readers: list[str]) -> None:
        """The list of connected readers changed (also after the PC/SC service came back)."""

    def card_inserted(self, reader: str) -> None:
        """A card was placed on ``reader``."""

    def card_removed(self, reader: str) -> None:
        """The card left ``reader``."""

    def service_lost(self) -> None:
        """The PC/SC service stopped (or the last reader was unplugged); the worker keeps retrying."""

    def progress(self, step: str, done: int, total: int) -> None:
        """Reading ``step`` ("access", "DG2"…): ``done`` of ``total`` bytes (0/0 = step started)."""

    def ask_access_key(self, *, reader: str, retry: bool) -> AccessKey | None:
        """Ask for the CAN (or MRZ lines); ``retry`` after a refused key. None cancels the read."""
        return None
