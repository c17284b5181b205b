"""Passive authentication against a real generated CSCA → DS → SOD chain."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.idcard.csca import CscaStore, import_file
from devices.idcard.errors import CardDataError, CscaStoreError
from devices.idcard.identity import PassiveAuth
from devices.idcard.passive_auth import passive_authentication
from devices.idcard.sod import parse_sod

from . import cardfactory as cf
from . import pki as tp

P = cf.Person()
FILES = {1: cf.dg1(P), 13: cf.dg13(P.dg13), 2: cf.dg2(cf.jpeg(2000))}


@pytest.fixture(scope="module")
def chain():
    return tp.make_pki()


@pytest.fixture(scope="module")
def sod(chain):
    return tp.make_sod(FILES, chain)


def test_verified_with_csca(chain, sod):
    assert passive_authentication(sod, FILES, CscaStore([chain.csca])) is PassiveAuth.VERIFIED


def test_rsa_signer_and_sha1():
    chain = tp.make_pki(rsa_signer=True)
    sod = tp.make_sod(FILES, chain, hash_name="sha1")
    assert parse_sod(sod).hash_algorithm == "sha1"
    assert passive_authentication(sod, FILES, CscaStore([chain.csca])) is PassiveAuth.VERIFIED


def test_untrusted_without_or_with_other_csca(chain, sod):
    assert passive_authentication(sod, FILES, None) is PassiveAuth.UNTRUSTED_SIGNER
    assert passive_authentication(sod, FILES, CscaStore([])) is PassiveAuth.UNTRUSTED_SIGNER
    other = tp.make_pki()  # same CSCA name, different key: must not be trusted
    assert passive_authentication(sod, FILES, CscaStore([other.csca])) is PassiveAuth.UNTRUSTED_SIGNER


def test_tampered_data_group_fails(chain, sod):
    tampered = dict(FILES)
    tampered[13] = cf.dg13({**P.dg13, 2: "Nguyễn Văn Giả"})
    assert passive_authentication(sod, tampered, CscaStore([chain.csca])) is PassiveAuth.FAILED
    assert passive_authentication(sod, {**FILES, 14: b"\x6e\x00"}, CscaStore([chain.csca])) is PassiveAuth.FAILED


def test_tampered_signature_or_missing_sod_fails(chain, sod):
    raw = bytearray(sod)
    raw[-10] ^= 0x01  # inside the signature
    assert passive_authentication(bytes(raw), FILES, CscaStore([chain.csca])) is PassiveAuth.FAILED
    assert passive_authentication(None, FILES, CscaStore([chain.csca])) is PassiveAuth.FAILED


def test_signed_by_a_different_signer_fails(chain):
    forged = tp.make_pki()
    forged.ds = chain.ds  # certificate says "chain's DS", but the key is another one
    sod = tp.make_sod(FILES, forged)
    assert passive_authentication(sod, FILES, CscaStore([chain.csca])) is PassiveAuth.FAILED


def test_store_folder_with_der_pem_and_master_list(tmp_path, chain, sod):
    other = tp.make_pki(name="Other CSCA")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.der").write_bytes(other.csca_der())
    (src / "b.pem").write_bytes(other.csca.public_bytes(serialization.Encoding.PEM))
    (src / "vn.ml").write_bytes(tp.make_master_list([other.csca, chain.csca], chain))
    (src / "junk.cer").write_bytes(b"not a certificate")
    folder = tmp_path / "csca"
    assert import_file(src / "vn.ml", folder) == 2
    assert import_file(src / "a.der", folder) == 1
    with pytest.raises(CscaStoreError) as e:
        import_file(src / "junk.cer", folder)
    assert "không phải chứng thư" in e.value.message_vi
    (folder / "junk.cer").write_bytes(b"junk")  # a bad file already in the folder is skipped, not fatal
    store = CscaStore.load(folder)
    assert len(store) == 3
    assert passive_authentication(sod, FILES, store) is PassiveAuth.VERIFIED


@settings(max_examples=150, deadline=None, database=None)
@given(data=st.data())
def test_fuzz_sod_parser(data, sod):
    pos = data.draw(st.integers(0, len(sod) - 1))
    raw = bytearray(sod)
    raw[pos] = data.draw(st.integers(0, 255))
    try:
        parse_sod(bytes(raw[: data.draw(st.integers(1, len(sod)))]))
    except CardDataError as e:
        assert e.message_vi
    assert passive_authentication(bytes(raw), FILES, None) in (PassiveAuth.FAILED, PassiveAuth.UNTRUSTED_SIGNER)


def test_options_for_profile_loads_the_imported_store(tmp_path, chain, sod):
    from devices.idcard.access import AccessPolicy
    from devices.idcard.facade import options_for_profile

    (tmp_path / "csca").mkdir()
    (tmp_path / "csca" / "vn.der").write_bytes(chain.csca_der())
    opts = options_for_profile(tmp_path, policy=AccessPolicy(bac_fallback=False))
    assert len(opts.csca) == 1 and opts.policy.bac_fallback is False
    assert passive_authentication(sod, FILES, opts.csca) is PassiveAuth.VERIFIED
    assert len(options_for_profile(tmp_path / "none").csca) == 0
