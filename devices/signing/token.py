"""The officer's signing token (USB ký số) over PKCS#11: one façade, one worker thread.

Vietnamese CAs ship vendor PKCS#11 modules, so the module path is configuration, as are
the token label (or slot) and the key label; nothing is tied to one vendor. SoftHSM
renumbers slots, so tokens are found by label. The PIN comes from a :class:`PinHandler`
each time and is never stored.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import (KeyNotFoundError, PinCancelled, PinLockedError, SigningError, TokenMissingError,
                     TokenModuleError, WrongPinError)
from .handler import PinHandler
from .pades import sign_with_signer

log = logging.getLogger(__name__)
SETTING_KEYS = ("signing.module", "signing.token_label", "signing.slot", "signing.key_label", "signing.cert_label")


@dataclass(frozen=True)
class TokenConfig:
    module: str
    token_label: str | None = None
    slot: int | None = None  # index in the module's slot list; prefer token_label
    key_label: str | None = None
    cert_label: str | None = None  # defaults to key_label

    @classmethod
    def from_settings(cls, values: dict[str, str]) -> "TokenConfig":
        """From the ``setting`` table (keys ``signing.*``)."""
        module = values.get("signing.module", "")
        if not module:
            raise TokenModuleError("(chưa cấu hình)")
        slot = values.get("signing.slot")
        return cls(module, values.get("signing.token_label") or None, int(slot) if slot else None,
                   values.get("signing.key_label") or None, values.get("signing.cert_label") or None)

    def to_settings(self) -> dict[str, str]:
        return {"signing.module": self.module, "signing.token_label": self.token_label or "",
                "signing.slot": "" if self.slot is None else str(self.slot),
                "signing.key_label": self.key_label or "", "signing.cert_label": self.cert_label or ""}


def load_token_config(session) -> TokenConfig:
    """The token settings of this counter (``setting`` rows ``signing.*``)."""
    from sqlalchemy import select

    from counter_app.storage.models import SettingRow

    rows = session.scalars(select(SettingRow).where(SettingRow.key.in_(SETTING_KEYS)))
    return TokenConfig.from_settings({r.key: r.value for r in rows})


def save_token_config(session, config: TokenConfig) -> None:
    """Store the token settings (inside ``Store.write``). There is no PIN in them, by design."""
    from counter_app.storage.models import SettingRow

    for key, value in config.to_settings().items():
        session.merge(SettingRow(key=key, value=value))


def _load(module: str):
    from pyhanko.sign.pkcs11 import p11_lib

    if not Path(module).is_file():
        raise TokenModuleError(module)
    try:
        return p11_lib(module)
    except Exception:  # noqa: BLE001 — a broken vendor module raises anything
        raise TokenModuleError(module) from None


class SigningToken:
    """Façade for the token. ``sign_pdf`` blocks the caller; the work runs on the token's worker."""

    def __init__(self, config: TokenConfig) -> None:
        self.config = config
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="token")
        self._lock = threading.Lock()

    def available(self) -> bool:
        """True when the module loads and a matching token is plugged in."""
        try:
            return self._pool.submit(self._find_token).result(30) is not None
        except SigningError:
            return False
        except TokenModuleError:
            return False

    def token_labels(self) -> list[str]:
        def run() -> list[str]:
            lib = _load(self.config.module)
            labels = []
            for slot in lib.get_slots(token_present=True):
                try:
                    labels.append(slot.get_token().label)
                except Exception:  # noqa: BLE001 — an uninitialised slot
                    continue
            return labels
        return self._pool.submit(run).result(30)

    def _find_token(self):
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import find_token

        lib = _load(self.config.module)
        criteria = TokenCriteria(label=self.config.token_label) if self.config.token_label else None
        try:
            token = find_token(lib.get_slots(token_present=True), slot_no=self.config.slot,
                               token_criteria=criteria)
        except Exception:  # noqa: BLE001 — pkcs11 errors: no such slot, more than one slot
            token = None
        if token is None:
            raise TokenMissingError(self.config.token_label)
        return token

    def sign_pdf(self, pdf: bytes, *, handler: PinHandler, reason: str = "Số hóa hồ sơ",
                 location: str = "", field_name: str | None = None, max_attempts: int = 3) -> bytes:
        """Ask for the PIN through ``handler`` (retrying on a wrong PIN) and sign ``pdf`` as PAdES B-B."""
        return self._pool.submit(self._sign, pdf, handler, reason, location, field_name, max_attempts).result()

    def _sign(self, pdf: bytes, handler: PinHandler, reason: str, location: str, field_name: str | None,
              max_attempts: int) -> bytes:
        import pkcs11.exceptions as p11e

        token = self._find_token()
        last_error: SigningError | None = None
        for attempt in range(1, max_attempts + 1):
            pin = handler.get_pin(token_label=token.label, attempt=attempt)
            if pin is None:
                raise last_error or PinCancelled()
            try:
                session = token.open(user_pin=pin)
            except (p11e.PinIncorrect, p11e.PinInvalid, p11e.PinLenRange):
                last_error = WrongPinError()
                handler.show_error(last_error.message_vi)
                continue
            except p11e.PinLocked:
                raise PinLockedError() from None
            except (p11e.TokenNotPresent, p11e.DeviceRemoved, p11e.TokenNotRecognised):
                raise TokenMissingError(self.config.token_label) from None
            finally:
                pin = None  # noqa: F841 — drop our reference; never stored
            try:
                return sign_with_signer(pdf, self._signer(session), reason=reason, location=location,
                                        field_name=field_name)
            finally:
                session.close()
        raise last_error or WrongPinError()

    def _signer(self, session):
        from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass
        from pyhanko.sign.pkcs11 import PKCS11Signer

        key_label = self.config.key_label
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, **(
            {Attribute.LABEL: key_label} if key_label else {})}))
        if len(keys) != 1:
            raise KeyNotFoundError(key_label)
        key = keys[0]
        mechanisms = set(session.token.slot.get_mechanisms())
        key_type = key[Attribute.KEY_TYPE]
        raw = ((key_type == KeyType.EC and Mechanism.ECDSA_SHA256 not in mechanisms)
               or (key_type == KeyType.RSA and Mechanism.SHA256_RSA_PKCS not in mechanisms))
        if key_label:
            signer = PKCS11Signer(session, key_label=key_label, cert_label=self.config.cert_label or key_label,
                                  use_raw_mechanism=raw)
        else:
            key_id = key[Attribute.ID]
            signer = PKCS11Signer(session, key_id=key_id, cert_id=key_id, use_raw_mechanism=raw)
        try:
            cert = signer.signing_cert
        except Exception:  # noqa: BLE001 — pyHanko raises PKCS11Error when the certificate is absent
            cert = None
        if cert is None:
            raise KeyNotFoundError(self.config.cert_label or key_label)
        return signer

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def __enter__(self) -> "SigningToken":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
