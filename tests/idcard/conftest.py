"""Fixtures of the ID-card tests: a private pcscd (started here, stopped by PID) and the card simulator."""

from __future__ import annotations

import os

import pytest

from .simulator.stack import READER, PcscStack, StackUnavailable

__all__ = ["READER"]


@pytest.fixture(scope="session")
def pcsc():
    """The running stack; fails (never skips) when pcscd/vpcd are missing."""
    try:
        stack = PcscStack()
        stack.start()
    except StackUnavailable as exc:
        pytest.fail(f"PC/SC test stack unavailable: {exc}", pytrace=False)
    old = os.environ.get("PCSCLITE_CSOCK_NAME")
    os.environ["PCSCLITE_CSOCK_NAME"] = str(stack.socket)  # read once by libpcsclite
    try:
        yield stack
    finally:
        stack.close()
        if old is None:
            os.environ.pop("PCSCLITE_CSOCK_NAME", None)
        else:
            os.environ["PCSCLITE_CSOCK_NAME"] = old


@pytest.fixture
def card_slot(pcsc):
    """The simulator's slot, emptied after each test."""
    yield pcsc.slot
    if pcsc.slot is not None:
        pcsc.slot.remove()
