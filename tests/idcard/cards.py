"""Ready-made simulated cards: the Vietnamese test citizen with a real SOD from a test CSCA."""

from __future__ import annotations

import functools

from devices.idcard import datagroups as dg
from devices.idcard.mrz import MrzKey

from . import cardfactory as cf
from . import pki as tp
from .simulator.card import Quirks, SimCard


@functools.cache
def shared_pki() -> tp.Pki:
    return tp.make_pki()


@functools.cache
def photo() -> bytes:
    return cf.jpeg(20_000)


@functools.cache
def aa_key(kind: str):
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    return rsa.generate_private_key(65537, 1024) if kind == "rsa" else ec.generate_private_key(ec.SECP256R1())


def dg15(kind: str) -> bytes:
    from cryptography.hazmat.primitives import serialization

    spki = aa_key(kind).public_key().public_bytes(serialization.Encoding.DER,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    return cf.T(0x6F, spki)


def card_files(person: cf.Person, *, tamper_dg13: bool = False, aa: str | None = None) -> dict[int, bytes]:
    dgs = {1: cf.dg1(person), 13: cf.dg13(person.dg13), 2: cf.dg2(photo())}
    if aa:
        dgs[15] = dg15(aa)
    sod = tp.make_sod(dgs, shared_pki())
    if tamper_dg13:
        dgs[13] = cf.dg13({**person.dg13, 9: "Địa chỉ đã bị sửa"})
    files = {dg.dg_file_id(n): data for n, data in dgs.items()}
    files[dg.EF_COM] = cf.com(bytes([0x61, 0x75, 0x6D] + ([0x6F] if aa else [])))
    files[dg.EF_SOD] = sod
    return files


def make_card(quirks: Quirks | None = None, *, pace_curve: str | None = "brainpoolP256r1",
              tamper_dg13: bool = False, person: cf.Person | None = None, aa: str | None = None
              ) -> tuple[SimCard, cf.Person]:
    p = person or cf.Person()
    card_access = None
    if pace_curve is not None:
        from .simulator.pace_card import card_access_for

        card_access = card_access_for(pace_curve)
    card = SimCard(card_files(p, tamper_dg13=tamper_dg13, aa=aa),
                   mrz_key=MrzKey(p.document_number, p.dob, p.expiry), can=p.can, card_access=card_access,
                   pace_curve=pace_curve or "brainpoolP256r1", quirks=quirks, aa_key=aa_key(aa) if aa else None)
    return card, p
