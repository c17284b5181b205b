"""First-run setup (cài đặt lần đầu) of a counter: a headless state machine the wizard renders.

Steps: the city backend (URL, pinned certificate, the counter's token) → agency and counter
(from the backend, or typed for an offline start) → the first officer's sign-in → devices,
each with a test action → review and apply: the config TOML and the profile are written.

A real profile is usable only once set up (:func:`needs_setup`): the setup replaces any demo
identity, so the demo officers and their public passwords never live in a real profile.
"""

from __future__ import annotations

from .flow import SetupError, SetupFlow, Step
from .marker import mark_done, needs_setup

__all__ = ["SetupError", "SetupFlow", "Step", "mark_done", "needs_setup"]
