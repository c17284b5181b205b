"""Moved to :mod:`devices.idcard.simulated.card` (the demo uses it too); kept for the tests' imports."""

from devices.idcard.simulated.card import CardLog, CardPulled, Quirks, SimCard, sw  # noqa: F401
