"""The Qt-free burst detector: scanner speed vs typing speed, terminators, backspace."""

from __future__ import annotations

from devices.barcode.burst import BurstConfig, BurstDetector, Verdict

CODE = "000.00.01.H26-261127-0001"


def feed(det: BurstDetector, text: str, *, start: float = 0.0, gap: float = 5.0) -> list:
    out, t = [], start
    for ch in text:
        out.append(det.char(ch, ("w", ch), t))
        t += gap
    return out, t


def test_scanner_burst_completes_on_enter():
    det = BurstDetector()
    decisions, t = feed(det, CODE)
    assert all(d.verdict is Verdict.HOLD for d in decisions)
    done = det.terminator("enter", t)
    assert (done.verdict, done.text) == (Verdict.COMPLETE, CODE)
    assert not det.holding


def test_typing_is_given_back_key_by_key():
    det = BurstDetector()
    decisions, t = feed(det, "khai", gap=120)
    assert decisions[0].verdict is Verdict.HOLD
    for prev, d in zip("kha", decisions[1:]):
        assert d.verdict is Verdict.REPLAY and d.items == [("w", prev)] and d.then is Verdict.HOLD
    last = det.timeout()
    assert last.verdict is Verdict.REPLAY and last.items == [("w", "i")]


def test_short_fast_input_followed_by_enter_is_typing():
    det = BurstDetector(BurstConfig(min_length=6))
    _, t = feed(det, "abc")
    d = det.terminator("enter", t)
    assert d.verdict is Verdict.REPLAY and [p[1] for p in d.items] == list("abc") and d.then is Verdict.PASS


def test_slow_enter_after_fast_keys_is_not_a_scan():
    det = BurstDetector()
    _, t = feed(det, CODE)
    assert det.terminator("enter", t + 500).verdict is Verdict.REPLAY


def test_tab_terminator_is_configurable():
    det = BurstDetector(BurstConfig(terminators=frozenset({"enter"})))
    _, t = feed(det, CODE)
    assert det.terminator("tab", t).verdict is Verdict.REPLAY
    det = BurstDetector()
    _, t = feed(det, CODE)
    assert det.terminator("tab", t).text == CODE


def test_backspace_inside_a_burst_edits_it():
    det = BurstDetector()
    _, t = feed(det, "000.DD")
    det.backspace(t)
    det.backspace(t + 1)
    det.char("Đ", ("w", "Đ"), t + 2)  # what Unikey sends: Backspace, then the new letter
    _, t = feed(det, ".01.H26-261127-0001", start=t + 3)
    assert det.terminator("enter", t).text == "000.Đ.01.H26-261127-0001"


def test_multi_char_commit_trimmed_by_backspace():
    det = BurstDetector(BurstConfig(min_length=3))
    det.char("abc", ("w", "commit", "abc"), 0)
    det.backspace(1)
    assert det.text == "ab"
    assert det.terminator("enter", 2).verdict is Verdict.REPLAY  # 2 chars < min_length


def test_without_terminator_a_pause_ends_the_scan():
    det = BurstDetector(BurstConfig(require_terminator=False))
    _, t = feed(det, CODE)
    d = det.char("x", ("w", "x"), t + 300)  # the next key comes much later
    assert d.verdict is Verdict.COMPLETE and d.text == CODE and d.then is Verdict.HOLD
    assert det.timeout().verdict is Verdict.REPLAY  # a lone "x" is typing


def test_other_keys_flush_held_typing():
    det = BurstDetector()
    det.char("a", ("w", "a"), 0)
    d = det.other(1)
    assert d.verdict is Verdict.REPLAY and d.then is Verdict.PASS
    assert det.other(2).verdict is Verdict.PASS
    assert det.backspace(3).verdict is Verdict.PASS


def test_modifier_keys_keep_a_burst_alive_and_pass_otherwise():
    det = BurstDetector()
    assert det.modifier(0).verdict is Verdict.PASS
    det.char("A", ("w", "A"), 0)
    assert det.modifier(3).verdict is Verdict.HOLD
    assert det.modifier(500).verdict is Verdict.PASS  # stale: a person pressing Shift
