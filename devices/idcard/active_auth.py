"""Active authentication (xác thực chủ động, chống thẻ nhân bản), ICAO 9303-11 §6.1.

The chip signs a random 8-byte challenge with the private key whose public half is in DG15.
RSA: ISO/IEC 9796-2 digital signature scheme 1 (partial message recovery, trailer BC or xxCC);
ECDSA: plain r||s (hash named in DG14; the usual SHA-2 family and SHA-1 are tried).
"""

from __future__ import annotations

import hashlib
import logging
import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from . import apdu, tlv
from .apdu import Command
from .errors import CardDataError, CardProtocolError
from .identity import ActiveAuth
from .session import CardSession

log = logging.getLogger(__name__)
_TRAILER_HASHES = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}
_EC_HASHES = (hashes.SHA256, hashes.SHA1, hashes.SHA384, hashes.SHA512, hashes.SHA224)


def public_key_from_dg15(dg15: bytes):
    try:
        tag, spki, _ = tlv.read_tlv(dg15)
        if tag != 0x6F:
            raise ValueError
        return serialization.load_der_public_key(spki)
    except (ValueError, TypeError, CardDataError):
        raise CardDataError("malformed DG15", "Khoá xác thực chủ động (DG15) trên thẻ không đúng định dạng.") from None


def verify_rsa_9796_2(key: rsa.RSAPublicKey, challenge: bytes, signature: bytes) -> bool:
    nums = key.public_numbers()
    k = (nums.n.bit_length() + 7) // 8
    m = pow(int.from_bytes(signature, "big"), nums.e, nums.n).to_bytes(k, "big")
    if m[-1] == 0xBC:
        name, trailer = "sha1", 1
    elif m[-1] == 0xCC and m[-2] in _TRAILER_HASHES:
        name, trailer = _TRAILER_HASHES[m[-2]], 2
    else:
        return False
    size = hashlib.new(name).digest_size
    if m[0] & 0xC0 != 0x40 or len(m) < size + trailer + 1:
        return False
    m1 = m[1:len(m) - size - trailer]
    digest = m[len(m) - size - trailer:len(m) - trailer]
    return hashlib.new(name, m1 + challenge).digest() == digest


def verify_ec(key: ec.EllipticCurvePublicKey, challenge: bytes, signature: bytes) -> bool:
    half = len(signature) // 2
    if not half or len(signature) % 2:
        return False
    der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
    for h in _EC_HASHES:
        try:
            key.verify(der, challenge, ec.ECDSA(h()))
            return True
        except InvalidSignature:
            continue
    return False


def active_authentication(session: CardSession, dg15: bytes, *, challenge: bytes | None = None) -> ActiveAuth:
    try:
        key = public_key_from_dg15(dg15)
    except CardDataError:
        return ActiveAuth.FAILED
    challenge = challenge or os.urandom(8)
    resp = session.transmit(Command(0x00, apdu.INS_INTERNAL_AUTH, 0, 0, challenge, le=256))
    if not resp.ok or not resp.data:
        log.warning("active authentication refused by the chip (SW %04X)", resp.sw)
        return ActiveAuth.FAILED
    try:
        if isinstance(key, rsa.RSAPublicKey):
            ok = verify_rsa_9796_2(key, challenge, resp.data)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            ok = verify_ec(key, challenge, resp.data)
        else:
            ok = False
    except (ValueError, CardProtocolError):
        ok = False
    if not ok:
        log.warning("active authentication signature invalid")
    return ActiveAuth.PASSED if ok else ActiveAuth.FAILED
