"""Moved to :mod:`devices.idcard.simulated.card_sm`; kept for the tests' imports."""

from devices.idcard.simulated.card_sm import CardSecureMessaging, SmFailure  # noqa: F401
