"""Questions to the officer during signing go through a handler (the UI implements it with a dialog).

The PIN is asked for each signing session and never stored — not in settings, not in logs.
"""

from __future__ import annotations

import os
from typing import Protocol


class PinHandler(Protocol):
    def get_pin(self, *, token_label: str, attempt: int) -> str | None:
        """The PIN for ``token_label``; ``None`` when the officer cancels. ``attempt`` starts at 1."""

    def show_error(self, message_vi: str) -> None:
        ...


class EnvPinHandler:
    """For the command line and scripts: the PIN comes from an environment variable."""

    def __init__(self, variable: str) -> None:
        self.variable = variable

    def get_pin(self, *, token_label: str, attempt: int) -> str | None:
        if attempt > 1:
            return None  # the variable will not change: do not burn token retries
        return os.environ.get(self.variable) or None

    def show_error(self, message_vi: str) -> None:
        pass
