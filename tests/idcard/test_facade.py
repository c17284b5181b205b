"""The façade over the real PC/SC stack: reads, quirks, removal, key questions, events, service recovery."""

from __future__ import annotations

import threading
import time

import pytest

from devices.idcard import keys
from devices.idcard.csca import CscaStore
from devices.idcard.errors import AccessDeniedError, CardProtocolError, CardRemovedError, ReaderUnavailableError
from devices.idcard.facade import IdCardReader
from devices.idcard.handler import IdCardHandler
from devices.idcard.identity import PassiveAuth
from devices.idcard.readflow import ReadOptions

from .cards import make_card, shared_pki
from .conftest import READER
from .simulator.card import Quirks


class Recorder(IdCardHandler):
    def __init__(self, answers=()):
        self.events: list[tuple] = []
        self.answers = list(answers)
        self.asked: list[bool] = []
        self.lock = threading.Lock()

    def _add(self, *e):
        with self.lock:
            self.events.append(e)

    def readers_changed(self, readers):
        self._add("readers", tuple(readers))

    def card_inserted(self, reader):
        self._add("inserted", reader)

    def card_removed(self, reader):
        self._add("removed", reader)

    def service_lost(self):
        self._add("service_lost")

    def progress(self, step, done, total):
        self._add("progress", step, done, total)

    def ask_access_key(self, *, reader, retry):
        self.asked.append(retry)
        return self.answers.pop(0) if self.answers else None

    def wait_for(self, event, timeout=5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if any(e[: len(event)] == event for e in self.events):
                    return True
            time.sleep(0.02)
        return False


def mrz_key(p):
    return keys.from_mrz_fields(document_number=p.document_number, date_of_birth=p.dob, date_of_expiry=p.expiry)


@pytest.fixture
def reader(pcsc):
    handler = Recorder()
    r = IdCardReader(handler=handler, options=ReadOptions(csca=CscaStore([shared_pki().csca])), poll_interval=0.05)
    yield r
    r.close()


def test_available_and_readers(reader, card_slot):
    assert reader.available() is True
    assert READER in reader.readers()


def test_bac_read_verified(reader, card_slot):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    ident = reader.read(key=mrz_key(p))
    assert ident.access == "BAC" and ident.passive_auth is PassiveAuth.VERIFIED
    assert ident.id_number == "001090123456" and ident.full_name == "Nguyễn Văn An"
    assert ident.has_photo and len(ident.photo) > 18_000
    steps = [e[1] for e in reader.handler.events if e[0] == "progress"]
    assert steps.index("DG2") > steps.index("DG13") > steps.index("DG1")
    assert any(e[0] == "progress" and e[1] == "DG2" and 0 < e[2] < e[3] for e in reader.handler.events)


def test_untrusted_signer_without_csca(pcsc, card_slot):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    with IdCardReader(options=ReadOptions(csca=None)) as r:
        assert r.read(key=mrz_key(p)).passive_auth is PassiveAuth.UNTRUSTED_SIGNER


def test_tampered_dg13_fails_passive_auth(reader, card_slot):
    card, p = make_card(pace_curve=None, tamper_dg13=True)
    card_slot.insert(card)
    assert reader.read(key=mrz_key(p)).passive_auth is PassiveAuth.FAILED


@pytest.mark.parametrize("quirks", [Quirks(max_block=160), Quirks(extended_length=False),
                                    Quirks(eof_6282=True), Quirks(max_block=160, extended_length=False,
                                                                  eof_6282=True)],
                         ids=["max160", "noext", "eof6282", "all"])
def test_quirky_cards_read_fully(reader, card_slot, quirks):
    card, p = make_card(quirks, pace_curve=None)
    card_slot.insert(card)
    ident = reader.read(key=mrz_key(p))
    assert ident.passive_auth is PassiveAuth.VERIFIED and ident.has_photo
    if quirks.max_block:
        assert max(card.log.read_sizes) <= quirks.max_block


def test_extended_length_used_when_announced(reader, card_slot):
    card, p = make_card(Quirks(extended_length=True), pace_curve=None)
    card_slot.insert(card)
    reader.read(key=mrz_key(p))
    assert max(card.log.read_sizes) > 223


def test_wrong_mac_is_a_clear_error(reader, card_slot):
    card, p = make_card(Quirks(wrong_mac_at=3), pace_curve=None)
    card_slot.insert(card)
    with pytest.raises(CardProtocolError) as e:
        reader.read(key=mrz_key(p))
    assert "đọc lại" in e.value.message_vi


def test_card_pulled_mid_read_then_retry(reader, card_slot):
    card, p = make_card(Quirks(remove_after_reads=6), pace_curve=None)
    card_slot.insert(card)
    with pytest.raises(CardRemovedError) as e:
        reader.read(key=mrz_key(p))
    assert "đọc lại" in e.value.message_vi
    assert reader.handler.wait_for(("removed", READER))
    card.quirks.remove_after_reads = None
    card.log.reads = 0
    card_slot.insert(card)
    assert reader.handler.wait_for(("inserted", READER))
    assert reader.read(key=mrz_key(p)).id_number == "001090123456"


def test_wrong_mrz_is_access_denied(reader, card_slot):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    with pytest.raises(AccessDeniedError) as e:
        reader.read(key=keys.from_mrz_fields(document_number="090123457", date_of_birth=p.dob,
                                             date_of_expiry=p.expiry))
    assert "MRZ" in e.value.message_vi


def test_handler_is_asked_again_after_a_wrong_key(pcsc, card_slot):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    wrong = keys.from_mrz_fields(document_number="090123457", date_of_birth=p.dob, date_of_expiry=p.expiry)
    handler = Recorder(answers=[wrong, mrz_key(p)])
    with IdCardReader(handler=handler) as r:
        assert r.read().full_name == "Nguyễn Văn An"
    assert handler.asked == [False, True]


def test_off_worker_calls_are_refused(reader):
    with pytest.raises(RuntimeError, match="worker"):
        reader._list()


def test_service_restart_is_recovered(reader, pcsc, card_slot):
    assert reader.handler.wait_for(("readers", (READER, "Virtual PCD 00 01")))
    pcsc.stop()
    try:
        assert reader.handler.wait_for(("service_lost",))
        assert reader.available() is False
        with pytest.raises(ReaderUnavailableError) as e:
            reader.readers()
        assert "PC/SC" in e.value.message_vi
    finally:
        pcsc.start()
    card, p = make_card(pace_curve=None)
    pcsc.slot.insert(card)
    deadline = time.monotonic() + 5
    while READER not in (reader.readers() if reader.available() else []) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reader.read(key=mrz_key(p)).access == "BAC"
    pcsc.slot.remove()


@pytest.mark.parametrize("curve", ["brainpoolP256r1", "secp256r1"])
def test_pace_can_read(reader, card_slot, curve):
    card, p = make_card(pace_curve=curve)
    card_slot.insert(card)
    ident = reader.read(key=keys.from_can(p.can))
    assert ident.access == "PACE" and ident.passive_auth is PassiveAuth.VERIFIED
    assert ident.father_name == "Nguyễn Văn Bình"


def test_pace_quirky_card(reader, card_slot):
    card, p = make_card(Quirks(max_block=160, extended_length=False, eof_6282=True, card_access_p1=0x00))
    card_slot.insert(card)
    ident = reader.read(key=keys.from_id_number(p.id_number))
    assert ident.access == "PACE" and ident.has_photo and max(card.log.read_sizes) <= 160


def test_wrong_can_falls_back_to_bac_when_allowed(pcsc, card_slot):
    from devices.idcard.access import AccessPolicy
    from devices.idcard.keys import AccessKey

    card, p = make_card()
    card_slot.insert(card)
    key = AccessKey(can="000000", mrz=mrz_key(p).mrz)
    with IdCardReader(options=ReadOptions(policy=AccessPolicy(bac_fallback=True))) as r:
        assert r.read(key=key).access == "BAC"
    with IdCardReader(options=ReadOptions(policy=AccessPolicy(bac_fallback=False))) as r:
        with pytest.raises(AccessDeniedError) as e:
            r.read(key=key)
        assert "CAN" in e.value.message_vi
    with IdCardReader(options=ReadOptions(policy=AccessPolicy(pace_first=False))) as r:
        assert r.read(key=AccessKey(can=p.can, mrz=mrz_key(p).mrz)).access == "BAC"


def test_can_only_on_a_bac_only_card_asks_for_mrz(reader, card_slot):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    with pytest.raises(AccessDeniedError) as e:
        reader.read(key=keys.from_can(p.can))
    assert "MRZ" in e.value.message_vi


def test_pace_wrong_mac_and_removal(reader, card_slot):
    card, p = make_card(Quirks(wrong_mac_at=4))
    card_slot.insert(card)
    with pytest.raises(CardProtocolError):
        reader.read(key=keys.from_can(p.can))
    card, p = make_card(Quirks(remove_after_reads=8))
    card_slot.insert(card)
    with pytest.raises(CardRemovedError):
        reader.read(key=keys.from_can(p.can))


@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_active_authentication(reader, card_slot, kind):
    from devices.idcard.identity import ActiveAuth

    card, p = make_card(aa=kind)
    card_slot.insert(card)
    ident = reader.read(key=keys.from_can(p.can))
    assert ident.active_auth is ActiveAuth.PASSED and ident.passive_auth is PassiveAuth.VERIFIED
    card, p = make_card(Quirks(aa_clone=True), aa=kind)
    card_slot.insert(card)
    ident = reader.read(key=keys.from_can(p.can))
    assert ident.active_auth is ActiveAuth.FAILED and ident.passive_auth is PassiveAuth.FAILED


def test_card_held_by_another_program_is_a_clear_error(reader, card_slot):
    from smartcard import scard as sc

    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    _, ctx = sc.SCardEstablishContext(sc.SCARD_SCOPE_USER)
    hresult, hcard, _ = sc.SCardConnect(ctx, READER, sc.SCARD_SHARE_EXCLUSIVE, sc.SCARD_PROTOCOL_T1)
    assert hresult == sc.SCARD_S_SUCCESS
    try:
        with pytest.raises(ReaderUnavailableError) as e:
            reader.read(key=mrz_key(p))
        assert "chương trình khác" in e.value.message_vi
    finally:
        sc.SCardDisconnect(hcard, sc.SCARD_LEAVE_CARD)
        sc.SCardReleaseContext(ctx)
    assert reader.read(key=mrz_key(p)).access == "BAC"


def test_concurrent_requests_are_serialised_on_the_worker(reader, card_slot):
    card, p = make_card(pace_curve=None)
    card_slot.insert(card)
    futures = [reader.read_async(key=mrz_key(p)) for _ in range(3)]
    names = reader.readers()
    assert READER in names
    assert [f.result(30).id_number for f in futures] == ["001090123456"] * 3
