"""A certificate self-signed *by the token* (for test and demo tokens, e.g. SoftHSM).

Real officers get their certificate from a licensed Vietnamese CA; this is for CI and for
trying the signing flow. The private key never leaves the token: ``cryptography``'s
CertificateBuilder signs through a key object whose ``sign()`` calls PKCS#11 (hash first,
then raw CKM_ECDSA / CKM_RSA_PKCS, which every token offers).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from .errors import UnsupportedKeyOperation

_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _refuse(operation: str) -> UnsupportedKeyOperation:
    return UnsupportedKeyOperation(
        f"a token-held key does not offer {operation}",
        "Khóa bí mật nằm trong USB ký số và chỉ dùng để ký; thao tác này không thực hiện được với khóa đó.")


class _OnToken:
    """What every token-backed key shares: the public half is known, the private never leaves,
    and only signing is offered (the abstract methods for everything else refuse clearly)."""

    _pub = None  # set by each subclass

    def public_key(self):
        return self._pub

    def private_numbers(self):
        raise _refuse("export of the private numbers")

    def private_bytes(self, *args):
        raise _refuse("export of the private key")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _token_key(session, key_label: str):
    from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass
    from pkcs11.util.ec import encode_ec_public_key, encode_ecdsa_signature
    from pkcs11.util.rsa import encode_rsa_public_key

    private = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=key_label)
    public = session.get_key(object_class=ObjectClass.PUBLIC_KEY, label=key_label)
    if private[Attribute.KEY_TYPE] == KeyType.EC:
        pub = serialization.load_der_public_key(encode_ec_public_key(public))

        class TokenECKey(_OnToken, ec.EllipticCurvePrivateKey):
            _pub = pub
            curve = pub.curve
            key_size = pub.key_size

            def sign(self, data, signature_algorithm):
                digest = hashlib.sha256(data).digest()
                return encode_ecdsa_signature(private.sign(digest, mechanism=Mechanism.ECDSA))

            def exchange(self, *args):
                raise _refuse("ECDH key exchange")

        return TokenECKey()
    pub = serialization.load_der_public_key(encode_rsa_public_key(public))

    class TokenRSAKey(_OnToken, rsa.RSAPrivateKey):
        _pub = pub
        key_size = pub.key_size

        def sign(self, data, padding_, algorithm):
            if not isinstance(padding_, padding.PKCS1v15):
                raise _refuse("RSA padding other than PKCS#1 v1.5")
            digest_info = _SHA256_DIGEST_INFO + hashlib.sha256(data).digest()
            return private.sign(digest_info, mechanism=Mechanism.RSA_PKCS)

        def decrypt(self, *args):
            raise _refuse("RSA decryption")

    return TokenRSAKey()


def self_signed_certificate(session, *, key_label: str, common_name: str, days: int = 365,
                            now: datetime | None = None) -> x509.Certificate:
    """A self-signed signing certificate for the key pair ``key_label`` on an open token session."""
    key = _token_key(session, key_label)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])
    start = (now or datetime.now(timezone.utc)) - timedelta(days=1)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
