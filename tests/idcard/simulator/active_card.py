"""Moved to :mod:`devices.idcard.simulated.active_card`; kept for the tests' imports."""

from devices.idcard.simulated.active_card import sign_challenge  # noqa: F401
