"""ID-card read benchmark over the real PC/SC stack (private pcscd + vpcd + the test card simulator).

Rows, per access method and block size: APDUs of a full read (EF.COM, EF.SOD, DG1, DG13, 20 KB DG2)
against the floor for the block size used (access-control minimum + per file one SELECT and
ceil(size/block) READ BINARYs); host CPU per APDU of the reading phase (this thread only — the
simulator and pcscd excluded) against a bare pyscard round trip measured in the same run; CPU of
access control (BAC, PACE with pure-Python EC) and wall time per read.
Goal: ≤ floor + 10 % APDUs and ≤ 0.5 ms host CPU per APDU.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "tests"))  # after everything: never shadows a real module

ACCESS_FLOOR = {"BAC": 3, "PACE": 8}


def _measure(stack, label: str, quirks, pace_curve, key_kind: str, runs: int) -> list[tuple]:
    from idcard.cards import make_card
    from idcard.simulator.stack import READER

    from devices.idcard import keys
    from devices.idcard.access import AccessPolicy, establish
    from devices.idcard.atr import announces_extended_length
    from devices.idcard.pcsc import PcscContext
    from devices.idcard.readflow import ReadOptions, read_identity
    from devices.idcard.session import CardSession

    card, p = make_card(quirks, pace_curve=pace_curve)
    stack.slot.insert(card)
    key = keys.from_can(p.can) if key_kind == "PACE" else keys.from_mrz_fields(
        document_number=p.document_number, date_of_birth=p.dob, date_of_expiry=p.expiry)
    ctx = PcscContext()
    sizes = [len(card.files[f]) for f in (0x011E, 0x011D, 0x0101, 0x010D, 0x0102)]
    totals, access_cpu, walls, apdus, blocks = [], [], [], [], []
    for _ in range(runs):
        conn = ctx.connect(READER)
        session = CardSession(conn.transmit, extended_length=announces_extended_length(conn.atr))
        w0, c0 = time.perf_counter(), time.thread_time()
        ident = read_identity(session, key=key, options=ReadOptions(policy=AccessPolicy()))
        totals.append(time.thread_time() - c0)
        walls.append(time.perf_counter() - w0)
        apdus.append(session.apdu_count)
        blocks.append(session.block)
        conn.close()
        assert ident.access == key_kind and ident.has_photo
        conn = ctx.connect(READER)
        s2 = CardSession(conn.transmit, extended_length=announces_extended_length(conn.atr))
        c0 = time.thread_time()
        establish(s2, key, AccessPolicy())
        access_cpu.append(time.thread_time() - c0)
        access_apdus = s2.apdu_count
        conn.close()
    # bare round trip: plain SELECT of the application, no secure messaging
    conn = ctx.connect(READER)
    bare = CardSession(conn.transmit)
    c0 = time.thread_time()
    for _ in range(200):
        bare.select_applet()
    bare_cpu = (time.thread_time() - c0) / 200
    conn.close()
    ctx.release()
    stack.slot.remove()
    block = blocks[-1]
    floor = ACCESS_FLOOR[key_kind] + sum(1 + math.ceil(s / block) for s in sizes)
    n = statistics.median(apdus)
    read_cpu = (statistics.median(totals) - statistics.median(access_cpu)) / max(1, n - access_apdus)
    return [
        (f"idcard {label}: APDUs per full read (block {block})", n, "APDUs", floor, n / floor),
        (f"idcard {label}: host CPU per reading APDU", read_cpu * 1e3, "ms/APDU", bare_cpu * 1e3,
         read_cpu / bare_cpu),
        (f"idcard {label}: access control host CPU", statistics.median(access_cpu) * 1e3, "ms", None, None),
        (f"idcard {label}: wall time per full read", statistics.median(walls) * 1e3, "ms", None, None),
    ]


def rows(quick: bool) -> list[tuple]:
    from idcard.simulator.card import Quirks
    from idcard.simulator.stack import PcscStack

    stack = PcscStack()
    stack.start()
    os.environ["PCSCLITE_CSOCK_NAME"] = str(stack.socket)
    runs = 3 if quick else 10
    try:
        out = []
        out += _measure(stack, "BAC short APDUs", Quirks(extended_length=False), None, "BAC", runs)
        out += _measure(stack, "BAC max block 160", Quirks(max_block=160, extended_length=False), None, "BAC", runs)
        out += _measure(stack, "PACE brainpoolP256r1 short", Quirks(extended_length=False), "brainpoolP256r1",
                        "PACE", runs)
        out += _measure(stack, "PACE P-256 extended length", Quirks(), "secp256r1", "PACE", runs)
        return out
    finally:
        stack.close()


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    print(f"{'name':62} {'value':>10} {'unit':8} {'baseline':>10} {'ratio':>7}")
    for name, value, unit, base, ratio in rows(quick):
        b = f"{base:10.3f}" if base is not None else f"{'—':>10}"
        r = f"{ratio:7.3f}" if ratio is not None else f"{'—':>7}"
        print(f"{name:62} {value:10.3f} {unit:8} {b} {r}")
