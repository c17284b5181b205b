"""The tests' side of the ICAO card simulator: the private pcscd + vpcd stack (``stack``, ``vpcd``).

The card itself (BAC, PACE, secure messaging, active authentication) lives in
:mod:`devices.idcard.simulated`, which the demo profile uses without PC/SC; ``card``,
``card_sm``, ``pace_card`` and ``active_card`` here re-export it."""
