"""Password verifiers (scrypt, standard library) for offline sign-in and approvals.

Format: ``scrypt$<log2 n>$<r>$<p>$<salt b64>$<hash b64>``; parameters travel with the
verifier so they can be raised later without invalidating old ones.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from ..domain.errors import ValidationError

DEFAULT_LOG2_N, DEFAULT_R, DEFAULT_P = 15, 8, 1  # ~50 ms, 32 MiB on a counter PC
_MAXMEM = 64 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, log2_n: int = DEFAULT_LOG2_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    if len(password) < 8:
        raise ValidationError("password too short", "Mật khẩu phải có ít nhất 8 ký tự.")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**log2_n, r=r, p=p, maxmem=_MAXMEM, dklen=32)
    return f"scrypt${log2_n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, verifier: str) -> bool:
    """Constant-time check; a malformed verifier never matches."""
    try:
        scheme, log2_n, r, p, salt, digest = verifier.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=2 ** int(log2_n),
                                r=int(r), p=int(p), maxmem=_MAXMEM, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)
