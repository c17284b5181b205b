"""Helpers of the backend tests."""

from __future__ import annotations

import itertools
import uuid

_agency_numbers = itertools.count(1)


def new_agency_code() -> str:
    """A fresh, valid agency code per test, so tests share one database without interfering."""
    h = uuid.uuid4().hex.upper()
    return f"{next(_agency_numbers) % 1000:03d}.{h[:2]}.{h[2:4]}.T{h[4:6]}"
