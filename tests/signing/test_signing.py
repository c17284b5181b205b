"""PAdES signing with a real PKCS#11 token (SoftHSM2) and pyHanko validation."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from devices.signing import (KeyNotFoundError, NotAPdfError, PinCancelled, SigningToken, TokenConfig,
                             TokenMissingError, TokenModuleError, WrongPinError, validate)

from .conftest import FixedPin


def _config(tok, **kw) -> TokenConfig:
    args = dict(module=tok.module, token_label=tok.label, key_label=tok.key_label)
    args.update(kw)
    return TokenConfig(**args)


def test_sign_validate_and_tamper(softhsm_token, scanned_pdf):
    with SigningToken(_config(softhsm_token)) as token:
        assert token.available()
        assert softhsm_token.label in token.token_labels()
        handler = FixedPin(softhsm_token.pin)
        signed = token.sign_pdf(scanned_pdf, handler=handler, location="Hà Nội")
    assert handler.asked == [1] and handler.errors == []
    assert signed.startswith(scanned_pdf), "signing must append, not rewrite, the scanned pages"
    [check] = validate(signed, trust_roots=[softhsm_token.cert])
    assert check.intact and check.valid and check.trusted and check.covers_whole_file and check.ok
    assert check.signer == "Nguyễn Thị Lan (THỬ NGHIỆM)"
    reader = PdfFileReader(io.BytesIO(signed))
    sig = reader.embedded_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert int(reader.root["/Pages"]["/Count"]) == 2

    # One changed byte inside the signed range (the first page's image data) → not intact.
    tampered = bytearray(signed)
    i = len(scanned_pdf) // 2
    tampered[i] ^= 0x01
    [bad] = validate(bytes(tampered), trust_roots=[softhsm_token.cert])
    assert not bad.intact and not bad.ok

    # A signature is not trusted without the signer's root.
    [untrusted] = validate(signed, trust_roots=[])
    assert untrusted.intact and untrusted.valid and not untrusted.trusted


def test_wrong_pin_is_asked_again_then_signs(softhsm_token, scanned_pdf):
    handler = FixedPin("000000", softhsm_token.pin)
    with SigningToken(_config(softhsm_token)) as token:
        signed = token.sign_pdf(scanned_pdf, handler=handler)
    assert handler.asked == [1, 2]
    assert len(handler.errors) == 1 and "PIN" in handler.errors[0] and "không đúng" in handler.errors[0]
    assert validate(signed, trust_roots=[softhsm_token.cert])[0].ok


def test_wrong_pin_then_cancel_reports_the_wrong_pin(softhsm_token, scanned_pdf):
    with SigningToken(_config(softhsm_token)) as token:
        with pytest.raises(WrongPinError) as err:
            token.sign_pdf(scanned_pdf, handler=FixedPin("111111"))
        with pytest.raises(PinCancelled):
            token.sign_pdf(scanned_pdf, handler=FixedPin(None))
    assert "Mã PIN" in err.value.message_vi


def test_missing_token_module_and_key(softhsm_token, scanned_pdf, tmp_path):
    with SigningToken(_config(softhsm_token, token_label="KHONG-CO")) as token:
        assert not token.available()
        with pytest.raises(TokenMissingError) as err:
            token.sign_pdf(scanned_pdf, handler=FixedPin(softhsm_token.pin))
    assert "KHONG-CO" in err.value.message_vi and "Cắm USB ký số" in err.value.message_vi
    with SigningToken(_config(softhsm_token, module=str(tmp_path / "vendor.so"))) as token:
        assert not token.available()
        with pytest.raises(TokenModuleError):
            token.sign_pdf(scanned_pdf, handler=FixedPin(softhsm_token.pin))
    with SigningToken(_config(softhsm_token, key_label="khong-co")) as token:
        with pytest.raises(KeyNotFoundError):
            token.sign_pdf(scanned_pdf, handler=FixedPin(softhsm_token.pin))


def test_key_found_without_a_label(softhsm_token, scanned_pdf):
    with SigningToken(_config(softhsm_token, key_label=None)) as token:
        signed = token.sign_pdf(scanned_pdf, handler=FixedPin(softhsm_token.pin))
    assert validate(signed, trust_roots=[softhsm_token.cert_der.read_bytes()])[0].ok


def test_not_a_pdf(softhsm_token):
    with SigningToken(_config(softhsm_token)) as token:
        with pytest.raises(NotAPdfError):
            token.sign_pdf(b"hello", handler=FixedPin(softhsm_token.pin))
    with pytest.raises(NotAPdfError):
        validate(b"hello", trust_roots=[])


def test_settings_round_trip(store, softhsm_token, scanned_pdf):
    from sqlalchemy import select

    from counter_app.storage.models import SettingRow
    from devices.signing import load_token_config, save_token_config

    cfg = TokenConfig("/opt/vnpt/ca2.so", token_label="VNPT-CA", slot=None, key_label="k1")
    assert TokenConfig.from_settings(cfg.to_settings()) == cfg
    with store.read() as s:
        with pytest.raises(TokenModuleError):
            load_token_config(s)  # not configured yet: a clear message, not a crash
    store.write(lambda s: save_token_config(s, _config(softhsm_token)))
    with store.read() as s:
        loaded = load_token_config(s)
        stored = " ".join(r.value for r in s.scalars(select(SettingRow)))
    assert loaded == _config(softhsm_token)
    assert softhsm_token.pin not in stored
    with SigningToken(loaded) as token:
        assert validate(token.sign_pdf(scanned_pdf, handler=FixedPin(softhsm_token.pin)),
                        trust_roots=[softhsm_token.cert])[0].ok


def test_signing_works_after_cms_attributes_were_used_elsewhere(softhsm_token, scanned_pdf):
    """The ID-card reader's CMS code may build asn1crypto's name maps before pyHanko registers its names."""
    import subprocess
    import sys

    code = (
        "from asn1crypto import cms\n"
        "cms.CMSAttribute({'type': 'content_type', 'values': ['data']}).dump()\n"  # builds the reverse map
        "import sys\n"
        "from devices.signing import SigningToken, TokenConfig, validate\n"
        "class P:\n"
        "    def get_pin(self, *, token_label, attempt): return sys.argv[1] if attempt == 1 else None\n"
        "    def show_error(self, m): pass\n"
        "pdf = open(sys.argv[2], 'rb').read()\n"
        "with SigningToken(TokenConfig(sys.argv[3], token_label=sys.argv[4], key_label='officer')) as t:\n"
        "    signed = t.sign_pdf(pdf, handler=P())\n"
        "print(validate(signed, trust_roots=[])[0].valid)\n"
    )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(scanned_pdf)
        result = subprocess.run([sys.executable, "-c", code, softhsm_token.pin, str(src), softhsm_token.module,
                                 softhsm_token.label], env=softhsm_token.env(), capture_output=True, text=True,
                                timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("True")


def test_rsa_token_signs_and_is_told_apart(rsa_token, softhsm_token, scanned_pdf):
    with SigningToken(_config(rsa_token, key_label=None)) as token:
        assert {rsa_token.label, softhsm_token.label} <= set(token.token_labels())
        signed = token.sign_pdf(scanned_pdf, handler=FixedPin(rsa_token.pin))
    [check] = validate(signed, trust_roots=[rsa_token.cert])
    assert check.ok and check.signer == "Trần Văn Minh (THỬ NGHIỆM)"
    # trusted only under its own root, not under the other officer's certificate
    assert not validate(signed, trust_roots=[softhsm_token.cert])[0].trusted
    # the EC officer's PIN does not open the RSA token
    with SigningToken(_config(rsa_token)) as token:
        with pytest.raises(WrongPinError):
            token.sign_pdf(scanned_pdf, handler=FixedPin(softhsm_token.pin))


def test_a_token_held_key_only_signs(softhsm_token):
    """Export, decryption and key exchange are refused with a clear error (the key stays on the token)."""
    from pyhanko.sign.pkcs11 import p11_lib

    from devices.signing.errors import UnsupportedKeyOperation
    from devices.signing.selfcert import _token_key

    tok = softhsm_token
    with p11_lib(tok.module).get_token(token_label=tok.label).open(user_pin=tok.pin) as session:
        key = _token_key(session, tok.key_label)
        assert key.public_key() is not None
        for attempt in (key.private_numbers, lambda: key.private_bytes(None, None, None),
                        lambda: key.exchange(None, None)):
            with pytest.raises(UnsupportedKeyOperation) as err:
                attempt()
            assert "USB ký số" in err.value.message_vi
