"""Errors raised by the core.

Every error carries a stable ``code`` (for logs, tests and the sync API) and a
user-facing message in Vietnamese (``message_vi``) that says what happened and what
the officer can do. ``str(error)`` is English for logs and never contains personal data
unless the caller put it there — callers must not.
"""

from __future__ import annotations


class CounterError(Exception):
    """Base class of every error the core raises on purpose."""

    code: str = "error"

    def __init__(self, message_en: str, message_vi: str, *, code: str | None = None) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        if code is not None:
            self.code = code

    @property
    def message_en(self) -> str:
        return str(self)


class ValidationError(CounterError):
    """Input that breaks a rule (bad date, missing reason, malformed number…)."""

    code = "invalid"


class NotFoundError(CounterError):
    """A referenced thing (procedure code, dossier code…) does not exist."""

    code = "not_found"


class IllegalTransition(CounterError):
    """A dossier status change that the transition table does not allow."""

    code = "illegal_transition"


class ConfigurationError(CounterError):
    """A resource or setting is missing or malformed."""

    code = "configuration"
