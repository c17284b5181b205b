"""Symmetric primitives of ICAO 9303-11: 3DES/retail MAC (BAC) and AES/CMAC (PACE).

Pure functions over bytes. Key derivation follows 9303-11 §9.7.1 (KDF with a 32-bit
counter: 1 = encryption, 2 = MAC, 3 = PACE password key).
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

ENC, MAC, PACE_PASSWORD = 1, 2, 3
_ZERO8 = bytes(8)


def pad(data: bytes, block: int = 8) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a whole block."""
    data += b"\x80"
    return data + bytes(-len(data) % block)


def unpad(data: bytes) -> bytes:
    i = data.rstrip(b"\x00")
    if not i or i[-1] != 0x80:
        raise ValueError("bad ISO 9797-1 method 2 padding")
    return i[:-1]


def adjust_parity(key: bytes) -> bytes:
    """Set each DES key byte to odd parity (the low bit is the parity bit)."""
    out = bytearray()
    for b in key:
        b &= 0xFE
        out.append(b | (bin(b).count("1") % 2 == 0))
    return bytes(out)


def kdf(secret: bytes, counter: int, *, cipher: str = "3DES", key_bits: int = 128) -> bytes:
    """Derive a key from a shared secret / key seed (9303-11 §9.7.1)."""
    data = secret + counter.to_bytes(4, "big")
    if cipher == "3DES":
        return adjust_parity(hashlib.sha1(data).digest()[:16])
    if key_bits == 128:
        return hashlib.sha1(data).digest()[:16]
    return hashlib.sha256(data).digest()[: key_bits // 8]


def _k3(key: bytes) -> TripleDES:
    """Expand 8/16-byte DES keys to the 24-byte form (same cipher, no deprecation)."""
    if len(key) == 8:
        return TripleDES(key * 3)
    if len(key) == 16:
        return TripleDES(key + key[:8])
    return TripleDES(key)


def des3_encrypt(key: bytes, data: bytes, iv: bytes = _ZERO8) -> bytes:
    enc = Cipher(_k3(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def des3_decrypt(key: bytes, data: bytes, iv: bytes = _ZERO8) -> bytes:
    dec = Cipher(_k3(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with DES; ``data`` must already be padded."""
    ka, kb = key[:8], key[8:16]
    h = Cipher(_k3(ka), modes.CBC(_ZERO8)).encryptor().update(data)[-8:]
    h = Cipher(_k3(kb), modes.ECB()).decryptor().update(h)
    return Cipher(_k3(ka), modes.ECB()).encryptor().update(h)


def aes_encrypt(key: bytes, data: bytes, iv: bytes = bytes(16)) -> bytes:
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def aes_decrypt(key: bytes, data: bytes, iv: bytes = bytes(16)) -> bytes:
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def aes_ecb_encrypt(key: bytes, block: bytes) -> bytes:
    return Cipher(algorithms.AES(key), modes.ECB()).encryptor().update(block)


def cmac8(key: bytes, data: bytes) -> bytes:
    """AES-CMAC truncated to 8 bytes (PACE tokens and AES secure messaging)."""
    c = CMAC(algorithms.AES(key))
    c.update(data)
    return c.finalize()[:8]


def bac_seed(mrz_information: str) -> bytes:
    """K_seed: the 16 most significant bytes of SHA-1 over the MRZ information."""
    return hashlib.sha1(mrz_information.encode("ascii")).digest()[:16]
