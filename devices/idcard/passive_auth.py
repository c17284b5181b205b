"""Passive authentication (xác thực thụ động): SOD signature, data-group hashes, signer → CSCA chain.

Outcome: VERIFIED, UNTRUSTED_SIGNER (no matching CSCA in the store) or FAILED (hash or
signature mismatch — a tampered or cloned chip; malformed SOD counts as failed).
"""

from __future__ import annotations

import hashlib
import logging
import warnings

from asn1crypto import x509
from cryptography import x509 as cx509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from .csca import CscaStore
from .errors import CardDataError
from .identity import PassiveAuth
from .sod import SecurityObject, parse_sod

log = logging.getLogger(__name__)

_HASHES = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
           "sha512": hashes.SHA512}


def _digest(name: str, data: bytes) -> bytes:
    if name not in _HASHES:
        raise CardDataError(f"unsupported hash {name}", "Thẻ dùng thuật toán băm chưa hỗ trợ.")
    return hashlib.new(name, data).digest()


def _verify_signature(public_key, signature: bytes, data: bytes, sig_algo, digest_name: str) -> None:
    try:  # "sha256_rsa", "sha256_ecdsa"… name their hash; plain "rsassa_pkcs1v15"/"ecdsa" use the digest's
        h = _HASHES[sig_algo.hash_algo]()
    except (ValueError, KeyError):
        h = _HASHES[digest_name]()
    algo = sig_algo["algorithm"].native
    if isinstance(public_key, rsa.RSAPublicKey):
        if algo == "rsassa_pss":
            params = sig_algo["parameters"]
            mgf_hash = _HASHES[params["mask_gen_algorithm"]["parameters"]["algorithm"].native]()
            public_key.verify(signature, data, padding.PSS(padding.MGF1(mgf_hash), params["salt_length"].native),
                              _HASHES[params["hash_algorithm"]["algorithm"].native]())
        else:
            public_key.verify(signature, data, padding.PKCS1v15(), h)
    elif isinstance(public_key, ec.EllipticCurvePublicKey):
        if len(signature) % 2 == 0 and signature[:1] != b"\x30":  # plain r||s (BSI TR-03111)
            from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

            half = len(signature) // 2
            signature = encode_dss_signature(int.from_bytes(signature[:half], "big"),
                                             int.from_bytes(signature[half:], "big"))
        public_key.verify(signature, data, ec.ECDSA(h))
    else:
        raise InvalidSignature("unsupported key type")


def _signer_certificate(so: SecurityObject) -> x509.Certificate | None:
    sid = so.signer["sid"]
    for cert in so.certificates:
        if sid.name == "issuer_and_serial_number":
            if cert.serial_number == sid.chosen["serial_number"].native and cert.issuer == sid.chosen["issuer"]:
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    return so.certificates[0] if len(so.certificates) == 1 else None


def verify_sod_signature(so: SecurityObject) -> cx509.Certificate:
    """Checks messageDigest and the signature; returns the document signer certificate."""
    signed_attrs = so.signer["signed_attrs"]
    digest_name = so.digest_algorithm
    if signed_attrs.native is not None and len(signed_attrs):
        md = [a["values"][0].native for a in signed_attrs if a["type"].native == "message_digest"]
        if not md or md[0] != _digest(digest_name, so.econtent):
            raise InvalidSignature("messageDigest does not match the LDS security object")
        data = signed_attrs.untag().dump(force=True)
        data = b"\x31" + data[1:]
    else:
        data = so.econtent
    ds = _signer_certificate(so)
    if ds is None:
        raise InvalidSignature("no document signer certificate in the SOD")
    with warnings.catch_warnings():  # a chip's odd certificate (e.g. negative serial) is not the user's problem
        warnings.simplefilter("ignore")
        ds_cert = cx509.load_der_x509_certificate(ds.dump())
    _verify_signature(ds_cert.public_key(), so.signer["signature"].native, data, so.signer["signature_algorithm"],
                      digest_name)
    return ds_cert


def passive_authentication(sod: bytes | None, files: dict[int, bytes], csca: CscaStore | None) -> PassiveAuth:
    """Check every read data group (number → raw file bytes) against EF.SOD."""
    if sod is None:
        return PassiveAuth.FAILED
    try:
        so = parse_sod(sod)
        ds_cert = verify_sod_signature(so)
        for number, content in files.items():
            expected = so.hashes.get(number)
            if expected is None or _digest(so.hash_algorithm, content) != expected:
                log.warning("passive authentication: data group %d hash mismatch", number)
                return PassiveAuth.FAILED
    except Exception as exc:  # noqa: BLE001 — untrusted chip data: any parse/verify failure means "failed"
        log.warning("passive authentication failed: %s", type(exc).__name__)
        return PassiveAuth.FAILED
    if csca is None or not csca.verifies(ds_cert):
        return PassiveAuth.UNTRUSTED_SIGNER
    return PassiveAuth.VERIFIED
