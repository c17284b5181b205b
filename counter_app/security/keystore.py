"""Secrets in the OS keyring (keyring): the database key, the counter's private key, tokens.

Secrets never go to files or logs. Headless Linux without a Secret Service has only
keyring's ``fail`` backend, and some backends store in plain text: those are *insecure*,
and :class:`SecretStore` refuses to store there unless an admin explicitly allowed the
documented fallback (``allow_insecure=True``, recorded in the config: the secret then
lies in the backend chosen, e.g. keyrings.alt's file, readable by anyone with the disk).
"""

from __future__ import annotations

import secrets

import keyring
import keyring.backend
import keyring.errors

from ..domain.errors import CounterError

SERVICE = "quay-mot-cua"
DB_KEY = "database-key"
COUNTER_KEY = "counter-private-key"
REFRESH_TOKEN = "refresh-token"

#: Backends that protect nothing: refuse unless the admin chose the fallback.
INSECURE_BACKENDS = ("fail.Keyring", "null.Keyring", "PlaintextKeyring", "Windows.WinVaultKeyring-none",
                     "chainer.ChainerBackend-empty")


class KeyringUnavailable(CounterError):
    code = "keyring_unavailable"


def backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"


def is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    name = backend_name(backend)
    if any(bad in name for bad in INSECURE_BACKENDS) or "Plaintext" in name:
        return False
    return getattr(backend, "priority", 0) > 0


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
        value = self.get(DB_KEY)
        if value is None:
            value = secrets.token_hex(32)
            self.set(DB_KEY, value)
        return bytes.fromhex(value)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory backend for tests and throw-away demo profiles (gone when the process ends)."""

    priority = 1  # type: ignore[assignment]

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
