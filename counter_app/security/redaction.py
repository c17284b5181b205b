"""A logging filter that redacts personal data (Decree 13/2023/NĐ-CP).

Applied to every handler of the app's logging. It rewrites the formatted message: 12-digit
ID numbers, 9-digit old ID numbers, CAN (6 digits after "CAN"), phone numbers, MRZ lines
and e-mail addresses become ``[ẩn]``. Code should not log personal data in the first place;
this filter is the safety net, and a test greps the logs of a full reception for the IDs.
"""

from __future__ import annotations

import logging
import re

MASK = "[ẩn]"
_PATTERNS = [
    re.compile(r"(?<![\d.])\d{12}(?![\d])"),  # số định danh cá nhân
    re.compile(r"(?<![\d.-])\d{9}(?![\d-])"),  # CMND cũ / số giấy tờ 9 số
    re.compile(r"(?i)\bCAN\W{0,3}\d{6}\b"),  # card access number
    re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.]?\d){9}(?!\d)"),  # điện thoại
    re.compile(r"[A-Z0-9<]{30}"),  # an MRZ line (TD1)
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail
]


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(MASK, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not kill logging
            message = str(record.msg)
        redacted = redact(message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class RedactingFormatter(logging.Formatter):
    """Wraps a handler's formatter so tracebacks (formatted late) are redacted too."""

    def __init__(self, inner: logging.Formatter | None = None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        return redact(self.inner.format(record))


def install(logger: logging.Logger | None = None) -> RedactingFilter:
    """Redact on ``logger`` (root by default) and on every one of its handlers."""
    logger = logger or logging.getLogger()
    flt = RedactingFilter()
    for handler in logger.handlers:
        handler.addFilter(flt)
        if not isinstance(handler.formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(handler.formatter))
    logger.addFilter(flt)
    return flt
