"""Secrets in the OS keyring (keyring): the database key, the counter's private key, tokens.

Secrets never go to files or logs. Headless Linux without a Secret Service has only
keyring's ``fail`` backend, and some backends store in plain text: those are *insecure*,
and :class:`SecretStore` refuses to store there unless an admin explicitly allowed the
documented fallback (``allow_insecure=True``, recorded in the config: the secret then
lies in the backend chosen, e.g. keyrings.alt's file, readable by anyone with the disk).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tempfile
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from keyring.compat import properties

from ..domain.errors import CounterError

SERVICE = "quay-mot-cua"
DB_KEY = "database-key"
COUNTER_KEY = "counter-private-key"
REFRESH_TOKEN = "refresh-token"
ATTACHMENT_KEY = "attachment-key"

#: Backends that protect nothing: refuse unless the admin chose the fallback.
INSECURE_BACKENDS = ("fail.Keyring", "null.Keyring", "PlaintextKeyring", "Windows.WinVaultKeyring-none",
                     "chainer.ChainerBackend-empty", "keystore.FileKeyring")
#: The documented fallback (``security.allow_insecure_keyring``): secrets in this file of the profile.
FALLBACK_FILE = "secrets.json"
#: The same admin choice for service accounts without a config file (docs/configuration.md).
ALLOW_INSECURE_ENV = "QMC_ALLOW_INSECURE_KEYRING"


class KeyringUnavailable(CounterError):
    code = "keyring_unavailable"


def backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"


def is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    name = backend_name(backend)
    if any(bad in name for bad in INSECURE_BACKENDS) or "Plaintext" in name:
        return False
    if isinstance(backend, MemoryKeyring):
        return True  # nothing persists: a test double, or a throw-away profile's
    return getattr(backend, "priority", 0) > 0


def _explicit_only(cls) -> float:
    """The ``priority`` of our own backends: raising makes them not "viable", so keyring never
    picks one by itself (it scans every subclass of KeyringBackend): they are used only when set."""
    raise RuntimeError(f"{cls.__name__} is used only when set explicitly")


class SecretStore:
    def __init__(self, *, backend: keyring.backend.KeyringBackend | None = None, allow_insecure: bool = False,
                 namespace: str = "default") -> None:
        self.backend = backend or keyring.get_keyring()
        self.allow_insecure = allow_insecure
        self.namespace = namespace  # one profile = one namespace

    @property
    def secure(self) -> bool:
        return is_secure(self.backend)

    def _check(self) -> None:
        if not self.secure and not self.allow_insecure:
            raise KeyringUnavailable(
                f"no secure keyring backend ({backend_name(self.backend)})",
                "Máy này không có kho khóa an toàn của hệ điều hành, nên ứng dụng không lưu khóa bí mật. "
                "Quản trị viên cần cài kho khóa (Windows Credential Manager / Secret Service) hoặc chọn "
                "phương án dự phòng đã ghi trong tài liệu.",
            )

    def _name(self, key: str) -> str:
        return f"{self.namespace}:{key}"

    def get(self, key: str) -> str | None:
        self._check()
        try:
            return self.backend.get_password(SERVICE, self._name(key))
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(f"keyring read failed: {type(exc).__name__}",
                                     "Không đọc được kho khóa của hệ điều hành. Khởi động lại máy hoặc "
                                     "liên hệ bộ phận hỗ trợ.") from None

    def set(self, key: str, value: str) -> None:
        self._check()
        try:
            self.backend.set_password(SERVICE, self._name(key), value)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(f"keyring write failed: {type(exc).__name__}",
                                     "Không ghi được vào kho khóa của hệ điều hành. Liên hệ bộ phận hỗ trợ.") from None

    def delete(self, key: str) -> None:
        self._check()
        try:
            self.backend.delete_password(SERVICE, self._name(key))
        except keyring.errors.PasswordDeleteError:
            pass

    def database_key(self) -> bytes:
        """The raw 256-bit SQLCipher key of this profile, created on first use."""
        return self.random_key(DB_KEY)

    def attachment_key(self) -> bytes:
        """The 256-bit AES-GCM key of the profile's digitised files, created on first use."""
        return self.random_key(ATTACHMENT_KEY)

    def random_key(self, name: str) -> bytes:
        value = self.get(name)
        if value is None:
            value = secrets.token_hex(32)
            self.set(name, value)
        return bytes.fromhex(value)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory backend for tests and throw-away demo profiles (gone when the process ends)."""

    priority = properties.classproperty(_explicit_only)  # type: ignore[assignment]

    def __str__(self) -> str:
        return backend_name(self)

    def __init__(self) -> None:
        super().__init__()
        self._data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._data.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class FileKeyring(keyring.backend.KeyringBackend):
    """The documented fallback: secrets in a JSON file readable only by the user (0600).

    It protects the database against being copied *alone*, not against someone who has the
    profile folder or the user's account. Used only when an admin allowed it."""

    priority = properties.classproperty(_explicit_only)  # type: ignore[assignment]

    def __str__(self) -> str:
        return backend_name(self)

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path)

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (ValueError, OSError) as exc:
            raise keyring.errors.KeyringError(f"unreadable fallback key file: {type(exc).__name__}") from None

    def _save(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".secrets-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:  # mkstemp: mode 0600
            json.dump(data, f)
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._save(data)


def admin_allows_fallback() -> bool:
    """``security.allow_insecure_keyring`` in the config, or ``QMC_ALLOW_INSECURE_KEYRING=1``."""
    if os.environ.get(ALLOW_INSECURE_ENV) == "1":
        return True
    from .. import config

    return config.load().security.allow_insecure_keyring


def profile_secrets(root: Path | str, *, backend: keyring.backend.KeyringBackend | None = None,
                    allow_insecure: bool | None = None) -> SecretStore:
    """The secrets of the profile at ``root``: the OS keyring when it is secure; the fallback file
    when it is not and an admin allowed it; otherwise a store that refuses with the reason."""
    backend = backend or keyring.get_keyring()
    allow = admin_allows_fallback() if allow_insecure is None else allow_insecure
    namespace = "profile-" + hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    if not is_secure(backend) and allow:
        backend = FileKeyring(Path(root) / FALLBACK_FILE)
    return SecretStore(backend=backend, allow_insecure=allow, namespace=namespace)
