"""Moved to :mod:`devices.idcard.simulated.pace_card`; kept for the tests' imports."""

from devices.idcard.simulated.pace_card import OID_ECDH_GM_AES128, PARAM_IDS, card_access_for, handle_pace  # noqa: F401
