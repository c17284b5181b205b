"""ICAO 9303-11 Appendix G.1 (PACE, ECDH generic mapping, brainpoolP256r1), the whole run.

Values from /work/shared/reference/icao-vectors.md §3 (sources DM, GM, ZI, PM, FE).
"""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from devices.idcard import crypto, keys
from devices.idcard.ecc import BRAINPOOL_P256R1, P256
from devices.idcard.errors import AccessDeniedError
from devices.idcard.pace import PaceTerminal, auth_token, parse_card_access, password_key, perform_pace
from devices.idcard.session import CardSession


def H(s: str) -> bytes:
    return bytes.fromhex(s.replace(" ", ""))


def I(s: str) -> int:  # noqa: E743
    return int.from_bytes(H(s), "big")


CARD_ACCESS = H("31143012060A04007F0007020204020202010202010D")
KEY = keys.from_mrz_fields(document_number="T22000129", date_of_birth="640812", date_of_expiry="101031")
SK_MAP = I("7F4EF07B 9EA82FD7 8AD689B3 8D0BC78C F21F249D 953BC46F 4C6E1925 9C010F99")
SK_DH = I("A73FB703 AC1436A1 8E0CFA5A BB3F7BEC 7A070E7A 6788486B EE230C4A 22762595")
PK_MAP_IC = H("04 824FBA91 C9CBE26B EF53A0EB E7342A3B F178CEA9 F45DE0B7 0AA60165 1FBA3F57"
              "30D8C879 AAA9C9F7 3991E61B 58F4D52E B87A0A0C 709A49DC 63719363 CCD13C54")
PK_DH_IC = H("04 9E880F84 2905B8B3 181F7AF7 CAA9F0EF B743847F 44A306D2 D28C1D9E C65DF6DB"
             "7764B222 77A2EDDC 3C265A9F 018F9CB8 52E111B7 68B32690 4B59A019 3776F094")


def test_card_access_and_password_key():
    [info] = parse_card_access(CARD_ACCESS)
    assert (info.oid, info.version, info.parameter_id, info.curve) == (H("04007F00070202040202"), 2, 13,
                                                                       BRAINPOOL_P256R1)
    assert KEY.mrz.information == "T22000129364081251010318"
    assert hashlib.sha1(KEY.mrz.information.encode()).digest() == H("7E2D2A41 C74EA0B3 8CD36F86 3939BFA8 E9032AAD")
    assert password_key(KEY) == (H("89DED1B2 6624EC1E 634C1989 302849DD"), 1)


def test_h1_can_password_key():
    assert password_key(keys.from_can("123456"))[0] == H("591468CD A83D6521 9CCCB856 0233600F")


def test_g1_steps():
    [info] = parse_card_access(CARD_ACCESS)
    t = PaceTerminal(info, KEY, sk_map=SK_MAP, sk_dh=SK_DH)
    s = t.decrypt_nonce(H("95A3A016 522EE98D 01E76CB6 B98B42C3"))
    assert s == I("3F00C4D3 9D153F2B 2A214A07 8D899B22")
    assert t.map_public() == H("04 7ACF3EFC 982EC455 65A4B155 129EFBC7 4650DCBF A6362D89 6FC70262 E0C2CC5E"
                               "544552DC B6725218 799115B5 5C9BAA6D 9F6BC3A9 618E70C2 5AF71777 A9C4922D")
    shared_h = BRAINPOOL_P256R1.mul(SK_MAP, BRAINPOOL_P256R1.decode(PK_MAP_IC))
    assert shared_h == (I("60332EF2 450B5D24 7EF6D386 8397D398 852ED6E8 CAF6FFEE F6BF85CA 57057FD5"),
                        I("0840CA74 15BAF3E4 3BD414D3 5AA4608B 93A2CAF3 A4E3EA4E 82C9C13D 03EB7181"))
    g = t.mapped_generator(s, PK_MAP_IC)
    assert g == (I("8CED63C9 1426D4F0 EB1435E7 CB1D74A4 6723A0AF 21C89634 F65A9AE8 7A9265E2"),
                 I("8C879506 743F8611 AC33645C 5B985C80 B5F09A0B 83407C1B 6A4D857A E76FE522"))
    ks_enc, ks_mac, own, chip = t.agree(g, PK_DH_IC)
    assert own == (I("2DB7A64C 0355044E C9DF1905 14C625CB A2CEA487 54887122 F3A5EF0D 5EDD301C"),
                   I("3556F3B3 B186DF10 B857B58F 6A7EB80F 20BA5DC7 BE1D43D9 BF850149 FBB36462"))
    assert BRAINPOOL_P256R1.mul(SK_DH, chip)[0] == I(
        "28768D20 701247DA E81804C9 E780EDE5 82A9996D B4A31502 0B273319 7DB84925")
    assert ks_enc == H("F5F0E35C 0D7161EE 6724EE51 3A0D9A7F")
    assert ks_mac == H("FE251C78 58B356B2 4514B3BD 5F4297D1")
    assert auth_token(ks_mac, info.oid, BRAINPOOL_P256R1, chip) == H("C2B0BD78 D94BA866")
    assert auth_token(ks_mac, info.oid, BRAINPOOL_P256R1, own) == H("3ABB9674 BCE93C08")


G1_TRANSCRIPT = [
    ("0022C1A40F800A04007F00070202040202830101", "9000"),
    ("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
    ("10860000457C438141047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B5"
     "5C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00",
     "7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A"
     "0A0C709A49DC63719363CCD13C549000"),
    ("10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F"
     "6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200",
     "7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852"
     "E111B768B326904B59A0193776F0949000"),
    ("008600000C7C0A8508C2B0BD78D94BA86600", "7C0A86083ABB9674BCE93C089000"),
]


def _scripted(transcript):
    steps = list(transcript)

    def transport(data: bytes) -> bytes:
        expected, answer = steps.pop(0)
        assert data.hex().upper() == expected
        return H(answer)
    return transport, steps


def test_g1_apdu_transcript():
    [info] = parse_card_access(CARD_ACCESS)
    transport, left = _scripted(G1_TRANSCRIPT)
    session = CardSession(transport)
    perform_pace(session, CARD_ACCESS, KEY, terminal=PaceTerminal(info, KEY, sk_map=SK_MAP, sk_dh=SK_DH))
    assert left == [] and session.sm.cipher == "AES" and session.sm.ssc == bytes(16)


def test_g1_wrong_chip_token_is_denied():
    [info] = parse_card_access(CARD_ACCESS)
    bad = G1_TRANSCRIPT[:-1] + [(G1_TRANSCRIPT[-1][0], "7C0A86083ABB9674BCE93C099000")]
    transport, _ = _scripted(bad)
    with pytest.raises(AccessDeniedError):
        perform_pace(CardSession(transport), CARD_ACCESS, KEY,
                     terminal=PaceTerminal(info, KEY, sk_map=SK_MAP, sk_dh=SK_DH))


@pytest.mark.parametrize("curve,ref", [(P256, ec.SECP256R1()), (BRAINPOOL_P256R1, ec.BrainpoolP256R1())])
def test_curve_arithmetic_agrees_with_openssl(curve, ref):
    for _ in range(3):
        key = ec.generate_private_key(ref)
        nums = key.public_key().public_numbers()
        assert curve.mul(key.private_numbers().private_value, curve.g) == (nums.x, nums.y)
    assert curve.mul(curve.n, curve.g) is None


def test_kdf_aes_256_uses_sha256():
    assert crypto.kdf(b"k", 1, cipher="AES", key_bits=256) == hashlib.sha256(b"k\x00\x00\x00\x01").digest()
