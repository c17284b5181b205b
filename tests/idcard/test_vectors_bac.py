"""ICAO 9303-11 Appendix D worked examples (BAC key derivation, mutual authentication, 3DES SM).

Values from /work/shared/reference/icao-vectors.md §1–2 (sources DM, GM, ZI, FE, PM).
"""

from __future__ import annotations

import hashlib

import pytest

from devices.idcard import crypto
from devices.idcard.apdu import Command, Response
from devices.idcard.bac import BacTerminal, document_keys
from devices.idcard.errors import AccessDeniedError, CardProtocolError
from devices.idcard.mrz import MrzKey
from devices.idcard.sm import SecureMessaging

H = bytes.fromhex
D2_KEY = MrzKey("L898902C", "690806", "940623")


def test_d2_mrz_information_and_seed():
    assert D2_KEY.information == "L898902C<369080619406236"
    assert hashlib.sha1(D2_KEY.information.encode()).hexdigest().upper() == "239AB9CB282DAF66231DC5A4DF6BFBAEDF477565"
    assert crypto.bac_seed(D2_KEY.information) == H("239AB9CB282DAF66231DC5A4DF6BFBAE")


def test_d1_keys_from_seed_with_parity():
    seed = H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    assert hashlib.sha1(seed + H("00000001")).digest() == H("AB94FCEDF2664EDFB9B291F85D7F77F27F2F4A9D")
    assert crypto.adjust_parity(H("AB94FCEDF2664EDF")) == H("AB94FDECF2674FDF")
    assert crypto.adjust_parity(H("4D77089DCF131442")) == H("4C76089DCE131543")
    keys = document_keys(D2_KEY)
    assert keys.k_enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert keys.k_mac == H("7962D9ECE03D1ACD4C76089DCE131543")


def test_d2_long_document_number_seed():
    key = MrzKey("D23145890734", "340712", "950712")
    assert key.information == "D23145890734934071279507122"
    assert crypto.bac_seed(key.information) == H("B366AD857DDCA2B08C0E299811714730")


def _terminal() -> BacTerminal:
    return BacTerminal(D2_KEY, rnd_ifd=H("781723860C06C226"), k_ifd=H("0B795240CB7049B01C19B33E32804F0B"))


def test_d3_mutual_authentication_and_session_keys():
    t = _terminal()
    data = t.authenticate_data(H("4608F91988702212"))
    assert data == H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7")
    assert Command(0x00, 0x82, 0, 0, data, le=0x28).encode() == H("0082000028") + data + H("28")
    sm = t.session(H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449"))
    assert sm._enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert sm._mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert sm.ssc == H("887022120C06C226")


def test_d3_wrong_chip_cryptogram_is_access_denied():
    t = _terminal()
    t.authenticate_data(H("4608F91988702212"))
    bad = bytearray(H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449"))
    bad[3] ^= 1
    with pytest.raises(AccessDeniedError) as e:
        t.session(bytes(bad))
    assert "MRZ" in e.value.message_vi


def _sm() -> SecureMessaging:
    return SecureMessaging(H("979EC13B1CBFE9DCD01AB0FED307EAE5"), H("F1CB1F1FB5ADF208806B89DC579DC1F8"),
                           H("887022120C06C226"), cipher="3DES")


def test_d4_secure_messaging_transcript():
    sm = _sm()
    # D.4.1 SELECT EF.COM
    assert sm.wrap(Command(0x00, 0xA4, 0x02, 0x0C, H("011E"))) == H(
        "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    assert sm.ssc == H("887022120C06C227")
    r = sm.unwrap(Response.parse(H("990290008E08FA855A5D4C50A8ED9000")))
    assert (r.data, r.sw, sm.ssc) == (b"", 0x9000, H("887022120C06C228"))
    # D.4.2 READ BINARY, first four bytes
    assert sm.wrap(Command(0x00, 0xB0, 0x00, 0x00, le=4)) == H("0CB000000D9701048E08ED6705417E96BA5500")
    r = sm.unwrap(Response.parse(H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")))
    assert r.data == H("60145F01") and r.ok
    # D.4.3 READ BINARY, remaining 18 bytes
    assert sm.wrap(Command(0x00, 0xB0, 0x00, 0x04, le=0x12)) == H("0CB000040D9701128E082EA28A70F3C7B53500")
    r = sm.unwrap(Response.parse(H(
        "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000")))
    assert r.data == H("04303130365F36063034303030305C026175")
    assert sm.ssc == H("887022120C06C22C")


def test_d4_mac_inputs():
    sm = _sm()
    n = H("887022120C06C2270CA4020C800000008709016375432908C044F68000000000")
    assert crypto.retail_mac(H("F1CB1F1FB5ADF208806B89DC579DC1F8"), n) == H("BF8B92D635FF24F8")
    assert sm.mac(H("887022120C06C22C871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A99029000")) \
        == H("C8B2787EAEA07D74")


def test_d4_tampered_response_mac_is_rejected():
    sm = _sm()
    sm.wrap(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    with pytest.raises(CardProtocolError):
        sm.unwrap(Response.parse(H("990290008E08FA855A5D4C50A8EE9000")))


def test_padding_roundtrip_and_errors():
    assert crypto.pad(b"") == H("8000000000000000")
    assert crypto.unpad(crypto.pad(b"abc", 16)) == b"abc"
    with pytest.raises(ValueError):
        crypto.unpad(bytes(8))
