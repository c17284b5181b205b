"""The audit chain's digest and link check, shared by the counter and the city server
(``counter_app.security.audit_chain``): fixed vectors pin the hash material, so a change of
it (which would make every server refuse every counter's chain) fails here first."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from counter_app.security import audit
from counter_app.security.audit_chain import GENESIS, Link, digest, first_break

# Computed with the counter's original ``audit._digest`` before it moved to audit_chain.
VECTOR_1 = "9b5e0e6a7f75298547be4f31596033cd1a3f37fc8bf280836358875ef56007b6"
VECTOR_2 = "90b7450ca93796d770861bc8e1032e30a8eac1b1c039cae850fcb76444af6ef1"


def _chain(n: int) -> list[Link]:
    links, prev = [], GENESIS
    for seq in range(1, n + 1):
        at = f"2026-11-27T09:{seq:02d}:00"
        details = f'{{"i":{seq}}}'
        h = digest(seq, at, "canbo01", "view_dossier", f"X-{seq}", details, prev)
        links.append(Link(seq, at, "canbo01", "view_dossier", f"X-{seq}", details, prev, h))
        prev = h
    return links


def test_fixed_vectors_datetime_and_wire_text_agree():
    one = digest(1, datetime(2026, 11, 27, 9, 15), "canbo01", "view_dossier", "000.00.01.H26-261127-0001",
                 '{"i":1}', GENESIS)
    assert one == VECTOR_1
    assert digest(1, "2026-11-27T09:15:00", "canbo01", "view_dossier", "000.00.01.H26-261127-0001",
                  '{"i":1}', GENESIS) == VECTOR_1
    two = digest(2, datetime(2026, 11, 27, 9, 16, 5, 123456), "canbo01", "print_receipt", "",
                 '{"ghi_chú":"Biên nhận"}', one)
    assert two == VECTOR_2
    assert audit._digest is digest, "the counter appends with the very function the server checks with"


def test_an_intact_chain_and_its_continuation_verify():
    links = _chain(5)
    assert first_break(links) is None
    assert first_break(links[2:], after_seq=2, after_hash=links[1].hash) is None


@pytest.mark.parametrize("tamper, seq, reason", [
    (lambda c: [c[0], replace(c[1], actor="ke-gian"), *c[2:]], 2, "content changed"),
    (lambda c: [c[0], *c[2:]], 3, "entry 2 is missing"),
    (lambda c: [c[0], c[2], c[1], *c[3:]], 3, "entry 2 is missing"),
    (lambda c: [c[0], replace(c[1], prev_hash=GENESIS), *c[2:]], 2, "previous-hash link broken"),
])
def test_edits_deletions_and_reorderings_break_the_chain(tamper, seq, reason):
    found = first_break(tamper(_chain(5)))
    assert found is not None and found.seq == seq and reason in found.reason


def test_a_continuation_must_link_to_the_entry_before_it():
    links = _chain(4)
    found = first_break(links[2:], after_seq=2, after_hash=links[0].hash)
    assert found is not None and found.seq == 3 and "previous-hash" in found.reason
    restarted = _chain(2)  # a counter starting its chain again cannot continue the old one
    found = first_break(restarted, after_seq=4, after_hash=links[3].hash)
    assert found is not None and found.seq == 1
