"""The files of digitised components at rest: content-addressed, AES-GCM encrypted (mã hóa tệp số hóa).

An encrypted profile (``Profile.default``) registers its attachment key (a random 256-bit
key kept in the OS keyring next to the database key) for its data folder with
:func:`use_key`; from then on every file written under ``<data_root>/attachments`` is sealed:
``QMCAE1`` + a 96-bit random nonce + AES-GCM(ciphertext‖tag), with the file's name (its
SHA-256, or the thumbnail's) as associated data, so a file swapped for another fails to open.
Files written before encryption was on are sealed once by :func:`seal_existing` when the
profile is opened; an unencrypted demo profile's stay plaintext. :func:`read_plain` tells the
two apart by the magic. Callers never see ciphertext.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.errors import ValidationError

MAGIC = b"QMCAE1"
_NONCE = 12
_TAG = 16
_KEYS: dict[Path, bytes] = {}  # resolved data root → attachment key (process-wide, set by the profile)


def use_key(data_root: Path | str, key: bytes | None) -> None:
    """Encrypt files under ``data_root`` with ``key`` (32 bytes); None stops encrypting new files."""
    root = Path(data_root).resolve()
    if key is None:
        _KEYS.pop(root, None)
        return
    if len(key) != 32:
        raise ValueError("the attachment key must be 32 bytes")
    _KEYS[root] = key


def key_for(path: Path | str) -> bytes | None:
    """The key registered for the data folder that holds ``path`` (a file or the folder itself)."""
    p = Path(path).resolve()
    for parent in (p, *p.parents):
        if parent in _KEYS:
            return _KEYS[parent]
    return None


def is_sealed(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def _damaged(name: str) -> ValidationError:
    return ValidationError(f"attachment file cannot be decrypted: {name}",
                           "Tệp số hóa trên máy không giải mã được (hỏng hoặc thiếu khóa của hồ sơ số hóa). "
                           "Hãy quét lại thành phần này hoặc liên hệ bộ phận hỗ trợ.")


def seal(data: bytes, key: bytes, name: str) -> bytes:
    nonce = os.urandom(_NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, name.encode("ascii"))


def unseal(blob: bytes, key: bytes | None, name: str) -> bytes:
    if key is None:
        raise _damaged(name)
    nonce, body = blob[len(MAGIC):len(MAGIC) + _NONCE], blob[len(MAGIC) + _NONCE:]
    try:
        return AESGCM(key).decrypt(nonce, body, name.encode("ascii"))
    except InvalidTag:
        raise _damaged(name) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` (sealed when the data folder has a key) so a crash leaves the old file or the new."""
    key = key_for(path.parent)
    payload = seal(data, key, path.name) if key is not None else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_plain(path: Path | str) -> bytes:
    """The file's content as it was written (decrypted if sealed). Raises FileNotFoundError."""
    path = Path(path)
    blob = path.read_bytes()
    if blob.startswith(MAGIC):
        return unseal(blob, key_for(path.parent), path.name)
    return blob


def plain_size(path: Path | str) -> int:
    """The content's size without reading it (a sealed file adds magic, nonce and tag)."""
    path = Path(path)
    size = path.stat().st_size
    return size - len(MAGIC) - _NONCE - _TAG if is_sealed(path) else size


SEALED_MARK = ".all-sealed"  # written once every file of the folder is sealed: later opens skip the walk


def seal_existing(data_root: Path | str) -> int:
    """Seal (in place, atomically) the plaintext files under ``<data_root>/attachments`` written
    before the profile was encrypted; how many. Needs the folder's key (:func:`use_key`).
    Content-addressed files never change, so a file replaced while another process reads it
    still reads the same content."""
    folder = Path(data_root) / "attachments"
    if key_for(folder) is None:
        raise ValueError("no attachment key registered for this data folder")
    if (folder / SEALED_MARK).exists():
        return 0
    sealed = 0
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if not path.is_file() or path.name.startswith(".") or is_sealed(path):
            continue
        write_atomic(path, path.read_bytes())
        sealed += 1
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SEALED_MARK).touch()
    return sealed
