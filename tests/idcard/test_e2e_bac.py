"""End to end through the real PC/SC stack: pyscard → pcscd → vpcd → simulator (BAC, 3DES SM)."""

from __future__ import annotations

import time

import pytest

from devices.idcard import datagroups as dg
from devices.idcard.atr import announces_extended_length
from devices.idcard.bac import BacTerminal
from devices.idcard.mrz import MrzKey
from devices.idcard.session import CardSession

from . import cardfactory as cf
from .conftest import READER
from .simulator.card import Quirks, SimCard


def make_card(quirks: Quirks | None = None) -> tuple[SimCard, cf.Person]:  # BAC-only card
    p = cf.Person()
    image = cf.jpeg(20_000)
    files = {dg.EF_COM: cf.com(bytes([0x61, 0x75, 0x6D])), dg.dg_file_id(1): cf.dg1(p),
             dg.dg_file_id(2): cf.dg2(image), dg.dg_file_id(13): cf.dg13(p.dg13)}
    card = SimCard(files, mrz_key=MrzKey(p.document_number, p.dob, p.expiry), can=p.can, quirks=quirks)
    return card, p


def _connect():
    from smartcard.System import readers

    deadline = time.monotonic() + 5
    while True:
        r = [x for x in readers() if str(x) == READER][0]
        conn = r.createConnection()
        try:
            conn.connect()
            return conn
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _transport(conn):
    def send(data: bytes) -> bytes:
        resp, sw1, sw2 = conn.transmit(list(data))
        return bytes(resp) + bytes([sw1, sw2])
    return send


@pytest.mark.parametrize("quirks", [Quirks(), Quirks(max_block=160, extended_length=False, eof_6282=True)],
                         ids=["plain", "quirky"])
def test_bac_read_through_pyscard(card_slot, quirks):
    card, p = make_card(quirks)
    card_slot.insert(card)
    conn = _connect()
    try:
        atr = bytes(conn.getATR())
        assert announces_extended_length(atr) is quirks.extended_length
        s = CardSession(_transport(conn))
        s.select_applet()
        t = BacTerminal(MrzKey(p.document_number, p.dob, p.expiry))
        from devices.idcard.apdu import Command
        rnd = s.transmit(Command(0, 0x84, 0, 0, le=8))
        resp = s.transmit(Command(0, 0x82, 0, 0, t.authenticate_data(rnd.data), le=40))
        s.sm = t.session(resp.data)
        assert dg.parse_com(s.read_file(dg.EF_COM)) == [1, 2, 13]
        assert dg.parse_dg1(s.read_file(dg.dg_file_id(1))).document_number == "090123456"
        assert dg.parse_dg13_fields(s.read_file(dg.dg_file_id(13)))[2] == ["Nguyễn Văn An"]
        face = dg.parse_dg2(s.read_file(dg.dg_file_id(2)))
        assert face.format == "jpeg" and len(face.data) > 18_000
        if quirks.max_block:
            assert s.block == 160 and max(card.log.read_sizes) <= 160
        else:
            assert s.block == 223
    finally:
        conn.disconnect()
