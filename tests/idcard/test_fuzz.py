"""Fuzzing: malformed TLV / MRZ / data groups / SOD give a clear CardDataError, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.idcard import datagroups as dg
from devices.idcard import tlv
from devices.idcard.errors import CardDataError
from devices.idcard.mrz import parse_td1

from . import cardfactory as cf

FUZZ = settings(max_examples=300, deadline=None, database=None)
_DG13 = cf.dg13(cf.Person().dg13)


def _clear(fn, data):
    try:
        fn(data)
    except CardDataError as e:
        assert e.message_vi


@FUZZ
@given(st.binary(max_size=300))
def test_tlv_random_bytes(data):
    try:
        for tag, value in tlv.iter_tlv(data):
            assert isinstance(tag, int) and len(value) <= len(data)
    except CardDataError as e:
        assert "đọc lại" in e.message_vi


@FUZZ
@given(st.binary(max_size=300))
def test_datagroup_parsers_random_bytes(data):
    for fn in (dg.parse_com, dg.parse_dg1, dg.parse_dg2, dg.parse_dg13_fields):
        _clear(fn, data)
        _clear(fn, b"\x6d" + tlv.encode_length(len(data)) + data)


@FUZZ
@given(st.integers(0, len(_DG13) - 1), st.integers(0, 255), st.integers(1, len(_DG13)))
def test_dg13_mutations_and_truncations(pos, byte, cut):
    mutated = bytearray(_DG13)
    mutated[pos] = byte
    _clear(dg.parse_dg13_fields, bytes(mutated))
    _clear(dg.parse_dg13_fields, _DG13[:cut])


@FUZZ
@given(st.text(max_size=100))
def test_mrz_random_text(text):
    _clear(parse_td1, text)


@FUZZ
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", min_size=90, max_size=90))
def test_mrz_random_td1_shaped(text):
    _clear(parse_td1, text)
