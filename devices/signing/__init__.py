"""Signing digitised copies with the officer's token (chữ ký số): PKCS#11 + pyHanko PAdES."""

from .errors import (KeyNotFoundError, NotAPdfError, PinCancelled, PinLockedError, SigningError, TokenMissingError,
                     TokenModuleError, WrongPinError)
from .handler import EnvPinHandler, PinHandler
from .pades import SignatureCheck, validate
from .token import SigningToken, TokenConfig, load_token_config, save_token_config

__all__ = [
    "SigningToken", "TokenConfig", "load_token_config", "save_token_config", "PinHandler", "EnvPinHandler",
    "SignatureCheck", "validate", "SigningError", "TokenMissingError", "TokenModuleError", "WrongPinError",
    "PinLockedError", "PinCancelled", "KeyNotFoundError", "NotAPdfError",
]
