"""Calling display logic (board, spoken sentence), the speech engine off the caller's thread, and the
customer-facing flow — all without Qt."""

from __future__ import annotations

import stat
import wave
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.services.call_board import CallBoard, CallEntry, counter_label, spoken_call
from counter_app.services.customer_flow import (CustomerFlow, CustomerStep, OfficerCard, dossier_card, mask_name,
                                                officer_photo)
from devices.speech import Speaker


def call(seq: int, number: str, counter: str, recall: bool = False) -> dict:
    return {"seq": seq, "ticket_id": f"id-{number}", "number": number, "area": "hotich", "counter_code": counter,
            "recall": recall, "at": "2026-11-27T08:00:00+07:00"}


def test_board_keeps_the_current_call_per_counter_and_announces_each_once():
    board = CallBoard(history=3)
    assert board.apply([call(1, "A001", "Q01"), call(2, "A002", "Q02")], announce=False) == []
    fresh = board.apply([call(4, "A003", "Q01"), call(3, "B001", "Q03"), call(2, "A002", "Q02")])
    assert [e.number for e in fresh] == ["B001", "A003"], "in seq order, seq 2 already seen"
    assert [(e.counter_code, e.number) for e in board.rows()] == [("Q01", "A003"), ("Q03", "B001"),
                                                                   ("Q02", "A002")]
    assert [e.number for e in board.recent] == ["A003", "B001", "A002"]
    assert board.last_seq == 4


def test_spoken_sentence_spells_the_number():
    entry = CallEntry(1, "A027", "Q01", "hotich", False, datetime(2026, 11, 27, 8))
    assert spoken_call(entry) == "Xin mời công dân có số A không hai bảy đến quầy số 1"
    again = CallEntry(2, "B-105", "Q12", "hotich", True, datetime(2026, 11, 27, 8))
    assert spoken_call(again) == "Nhắc lại: xin mời công dân có số B một không năm đến quầy số 12"
    assert counter_label("KIOSK") == "KIOSK"


def test_speaker_without_engine_is_silent(tmp_path):
    s = Speaker(engine=str(tmp_path / "no-such-espeak"))
    assert not s.available
    s.say("Xin mời")  # no error, nothing to wait for
    assert s.wait_idle(1) and s.spoken == 0
    assert not Speaker(enabled=False).available


def test_speaker_runs_the_engine_off_the_callers_thread(tmp_path):
    log = tmp_path / "spoken.txt"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    s = Speaker(engine=str(fake))
    s.say("Xin mời số A một")
    s.say("Xin mời số A hai")
    assert s.wait_idle(10) and s.spoken == 2
    assert log.read_text(encoding="utf-8").splitlines() == ["-v vi -s 140 Xin mời số A một",
                                                           "-v vi -s 140 Xin mời số A hai"]
    s.close()


@pytest.mark.skipif(not Path("/usr/bin/espeak-ng").exists(), reason="espeak-ng is optional (silent without it)")
def test_espeak_ng_speaks_vietnamese_to_a_file(tmp_path):
    entry = CallEntry(1, "A027", "Q01", "hotich", False, datetime(2026, 11, 27, 8))
    wav = Speaker().to_wav(spoken_call(entry), tmp_path / "call.wav")
    with wave.open(str(wav)) as w:
        seconds = w.getnframes() / w.getframerate()
    assert 2.0 < seconds < 10.0, seconds


def test_customer_flow_three_levels_by_default_and_five_when_configured(tmp_path):
    officer = OfficerCard("canbo01", "Nguyễn Thị Lan", "Q01", "Quầy số 1")
    flow = CustomerFlow()
    assert flow.labels == ["Rất hài lòng", "Hài lòng", "Không hài lòng"] and flow.step is CustomerStep.IDLE
    with pytest.raises(ValidationError):
        flow.show_dossier(dossier_card(code="X", procedure_name="P", applicant_name="A", id_number="", phone="",
                                       due_at=None, fee_vnd=0))
    flow.welcome(officer, ticket_number="A027", visit_id="v-1")
    card = dossier_card(code="000.00.01.H26-261127-0001", procedure_name="Đăng ký khai sinh",
                        applicant_name="Trần Thị Mai Anh", id_number="001190012345", phone="0912345678",
                        due_at=None, fee_vnd=0)
    assert (card.applicant, card.id_number, card.phone) == ("Trần T. M. Anh", "001******345", "091****678")
    with pytest.raises(ValidationError):
        flow.rate(1)  # not confirmed yet
    flow.show_dossier(card)
    flow.confirm()
    with pytest.raises(ValidationError) as err:
        flow.rate(4)
    assert err.value.message_vi == "Mức đánh giá không hợp lệ."
    choice = flow.rate(2)
    assert (choice.dossier_code, choice.level, choice.scale, choice.officer, choice.visit_id) == \
        ("000.00.01.H26-261127-0001", 2, 3, "canbo01", "v-1")
    assert flow.step is CustomerStep.THANKS
    assert flow.show_dossier(card) is False and flow.step is CustomerStep.THANKS, "rated once"
    flow.reset()
    assert flow.step is CustomerStep.WELCOME and flow.visit_id is None
    five = CustomerFlow(scale=5)
    assert five.scale == 5 and five.labels[2] == "Bình thường"
    with pytest.raises(ValidationError):
        CustomerFlow(scale=4)
    assert mask_name("Lan") == "Lan"
    (tmp_path / "canbo01.jpg").write_bytes(b"\xff\xd8")
    assert officer_photo(tmp_path, "canbo01") == tmp_path / "canbo01.jpg" and officer_photo(tmp_path, "x") is None
