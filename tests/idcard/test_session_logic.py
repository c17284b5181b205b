"""Pure logic with scripted transports: 61xx/6Cxx handling, block-size adaptation, key helpers, images."""

from __future__ import annotations

import io

import pytest

from devices.idcard import datagroups as dg
from devices.idcard import keys
from devices.idcard.apdu import Command
from devices.idcard.atr import announces_extended_length, historical_bytes
from devices.idcard.errors import CardDataError, CardProtocolError
from devices.idcard.session import CardSession

from . import cardfactory as cf
from .simulator.card import Quirks, SimCard


class PlainCard:
    """A tiny plain-text file card (no SM) with configurable misbehaviour."""

    def __init__(self, content: bytes, *, limit: int | None = None, use_6c: bool = False, chain61: bool = False):
        self.content, self.limit, self.use_6c, self.chain61 = content, limit, use_6c, chain61
        self.log: list[bytes] = []

    def __call__(self, data: bytes) -> bytes:
        self.log.append(data)
        ins = data[1]
        if ins == 0xA4:
            return b"\x90\x00"
        if ins == 0xC0:
            return self.pending + b"\x90\x00"
        offset, le = (data[2] << 8) | data[3], data[4] or 256
        if self.limit and le > self.limit:
            return (b"\x6c" + bytes([self.limit])) if self.use_6c else b"\x67\x00"
        chunk = self.content[offset:offset + le]
        if self.chain61 and len(chunk) > 10:
            self.pending = chunk[10:]
            return chunk[:10] + b"\x61" + bytes([len(chunk) - 10])
        return chunk + (b"\x62\x82" if len(chunk) < le else b"\x90\x00")


FILE = cf.dg13(cf.Person().dg13)


@pytest.mark.parametrize("kw,block", [({}, 223), ({"limit": 100}, 64), ({"limit": 100, "use_6c": True}, 100),
                                      ({"chain61": True}, 223)])
def test_read_file_adapts(kw, block):
    card = PlainCard(FILE, **kw)
    s = CardSession(card)
    assert s.read_file(0x010D) == FILE
    assert s.block == block
    if kw.get("chain61"):
        assert any(a[1] == 0xC0 for a in card.log)


def test_read_progress_reports_bytes():
    seen = []
    CardSession(PlainCard(FILE)).read_file(0x010D, name="DG13", progress=lambda *a: seen.append(a))
    assert seen[-1] == ("DG13", len(FILE), len(FILE)) and all(a[1] <= a[2] for a in seen)


def test_card_that_always_refuses_gives_protocol_error():
    with pytest.raises(CardProtocolError):
        CardSession(PlainCard(FILE, limit=8)).read_file(0x010D)


def test_garbage_and_short_answers():
    with pytest.raises(CardProtocolError):
        CardSession(lambda d: b"\x90").transmit(Command(0, 0xA4, 0, 0, b"\x01\x1e"))
    with pytest.raises(CardProtocolError):
        CardSession(lambda d: b"\x00\x00\x90\x00" if d[1] == 0xB0 else b"\x90\x00").read_file(0x011E)


def test_sim_card_atr_announces_extended_length():
    key = keys.from_id_number("001090123456", date_of_birth="900101", date_of_expiry="300101")
    card = SimCard({}, mrz_key=key.mrz, can=key.can)
    assert historical_bytes(card.atr)[:2] == b"\x80\x73" and announces_extended_length(card.atr)
    card.quirks = Quirks(extended_length=False)
    assert not announces_extended_length(card.atr)
    assert not announces_extended_length(bytes.fromhex("3B8F8001804F0CA000000306030001000000006A"))


def test_key_helpers():
    k = keys.from_cccd_qr("001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021")
    assert k.can == "123456" and k.mrz is None
    k = keys.from_id_number("001 090 123 456", date_of_birth="900101", date_of_expiry="300101")
    assert k.mrz.information.startswith("090123456")
    k = keys.from_mrz_text(cf.Person().mrz())
    assert k.mrz.document_number == "090123456"
    for bad in ("12345", "12345a", "1234567"):
        with pytest.raises(CardDataError):
            keys.from_can(bad)
    with pytest.raises(CardDataError):
        keys.from_cccd_qr("khong phai ma QR")
    with pytest.raises(CardDataError):
        keys.AccessKey()


def test_jpeg2000_face_to_pillow():
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 50), (200, 100, 50)).save(buf, "JPEG2000")
    face = dg.parse_dg2(cf.dg2(buf.getvalue()))
    assert face.format == "jpeg2000" and dg.face_to_pillow(face).size == (40, 50)
    jpeg = dg.parse_dg2(cf.dg2(cf.jpeg(2000)))
    assert jpeg.format == "jpeg" and dg.face_to_pillow(jpeg).size[0] >= 120
    with pytest.raises(CardDataError):
        dg.face_to_pillow(dg.FaceImage(b"\xff\xd8\xff garbage", "jpeg"))
