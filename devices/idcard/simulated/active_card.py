"""Card side of active authentication: ISO/IEC 9796-2 scheme 1 (RSA, SHA-1) or plain ECDSA (SHA-256)."""

from __future__ import annotations

import functools
import hashlib
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


@functools.cache
def _impostor_rsa(bits: int) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, bits)


def sign_challenge(key, challenge: bytes, *, clone: bool = False) -> bytes:
    if isinstance(key, rsa.RSAPrivateKey):
        if clone:
            key = _impostor_rsa(key.key_size)
        nums = key.private_numbers()
        n = nums.public_numbers.n
        k = (n.bit_length() + 7) // 8
        m1 = os.urandom(k - 22)
        m = b"\x6a" + m1 + hashlib.sha1(m1 + challenge).digest() + b"\xbc"
        return pow(int.from_bytes(m, "big"), nums.d, n).to_bytes(k, "big")
    if clone:
        key = ec.generate_private_key(key.curve)
    r, s = decode_dss_signature(key.sign(challenge, ec.ECDSA(hashes.SHA256())))
    size = (key.curve.key_size + 7) // 8
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")
