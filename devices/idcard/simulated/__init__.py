"""A simulated chip ID card (thẻ căn cước mô phỏng) for the demo profile and the tests.

The card side of ICAO 9303 — BAC, PACE-CAN (ECDH generic mapping), 3DES/AES secure
messaging, READ BINARY, active authentication, a real EF.SOD — answering APDUs in-process.
:func:`simulated_reader` gives the application's ``IdCardReader`` façade on a
:class:`SimulatedContext` (no PC/SC needed); the tests also speak it over the real
pcscd + vsmartcard-vpcd stack (``tests/idcard/simulator``).
"""

from __future__ import annotations

from .card import CardPulled, Quirks, SimCard
from .transport import READER, SimulatedConnection, SimulatedContext, SimulatedSlot

__all__ = ["CardPulled", "Quirks", "SimCard", "READER", "SimulatedConnection", "SimulatedContext", "SimulatedSlot",
           "make_card", "simulated_reader"]


def make_card(person=None, *, pki=None, pace_curve: str | None = "brainpoolP256r1", quirks: Quirks | None = None):
    """``(card, person, pki)``: a card of ``person`` (default: the demo citizen) with an EF.SOD signed under ``pki``."""
    from ..mrz import MrzKey
    from .files import Person, card_files, make_pki
    from .pace_card import card_access_for

    person = person or Person()
    pki = pki or make_pki()
    card = SimCard(card_files(person, pki), mrz_key=MrzKey(person.document_number, person.dob, person.expiry),
                   can=person.can, card_access=card_access_for(pace_curve) if pace_curve else None,
                   pace_curve=pace_curve or "brainpoolP256r1", quirks=quirks)
    return card, person, pki


def simulated_reader(slot: SimulatedSlot, *, handler=None, csca: list | None = None, with_pcsc: bool = True,
                     poll_interval: float = 0.3, read_photo: bool = True):
    """The ``IdCardReader`` façade on ``slot`` (plus the real PC/SC readers when ``with_pcsc`` and present).

    ``csca``: the list of certificates trusted for passive authentication (the demo PKI's
    CSCA); used as is, so a certificate appended later is trusted from then on.
    """
    from ..csca import CscaStore
    from ..facade import IdCardReader
    from ..readflow import ReadOptions

    def context():
        real = None
        if with_pcsc:
            try:
                from ..pcsc import PcscContext

                real = PcscContext()
            except ImportError:  # no pyscard / libpcsclite: the simulated reader alone
                real = None
        return SimulatedContext(slot, real=real)

    store = CscaStore(csca if csca is not None else [])
    return IdCardReader(handler=handler, options=ReadOptions(read_photo=read_photo, csca=store),
                        poll_interval=poll_interval, context_factory=context)
