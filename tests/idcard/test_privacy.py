"""Personal data (ID number, CAN, MRZ, names, photo) never reaches the logs of a full read."""

from __future__ import annotations

import logging
import subprocess
import unicodedata

from devices.idcard import keys
from devices.idcard.csca import CscaStore
from devices.idcard.errors import AccessDeniedError, CardRemovedError
from devices.idcard.facade import IdCardReader
from devices.idcard.readflow import ReadOptions

from .cards import make_card, photo, shared_pki
from .test_cli import _exe


def _secrets(p) -> list[str]:
    out = [p.id_number, p.can, p.document_number, p.mrz()[:30], p.mrz()[30:60], p.mrz()[60:], "NGUYEN",
           p.dob, p.expiry, "01/01/1990", photo()[200:216].hex(), photo()[200:216].hex().upper()]
    for v in p.dg13.values():
        for s in (v if isinstance(v, list) else [v]):
            if len(s) > 4 and s not in ("Việt Nam", "Không"):
                out.append(s)
                out.append(unicodedata.normalize("NFD", s).encode("ascii", "ignore").decode())
    return out


def _assert_clean(text: str, p) -> None:
    leaks = [s for s in _secrets(p) if s and s in text]
    assert leaks == [], f"personal data in logs: {len(leaks)} item(s)"


def test_full_reads_log_no_personal_data(pcsc, card_slot, caplog):
    caplog.set_level(logging.DEBUG)
    card, p = make_card()
    card_slot.insert(card)
    with IdCardReader(options=ReadOptions(csca=CscaStore([shared_pki().csca]))) as r:
        ident = r.read(key=keys.from_id_number(p.id_number, date_of_birth=p.dob, date_of_expiry=p.expiry))
        logging.getLogger("test").info("read %r / %s", ident, ident)
        for bad in (keys.AccessKey(can="000000"), keys.from_mrz_fields(document_number=p.document_number,
                                                                       date_of_birth=p.dob, date_of_expiry=p.expiry)):
            logging.getLogger("test").info("key %r", bad)
        try:
            r.read(key=keys.AccessKey(can="000000"))
        except AccessDeniedError as exc:
            logging.getLogger("test").exception("refused: %s", exc)
        card.quirks.remove_after_reads = card.log.reads + 3
        try:
            r.read(key=keys.from_can(p.can))
        except CardRemovedError as exc:
            logging.getLogger("test").exception("removed: %s", exc)
    assert any("access established" in m for m in caplog.messages)  # the logs did record the read
    _assert_clean(caplog.text, p)


def test_cli_stderr_and_pcscd_apdu_log_clean(pcsc, card_slot, tmp_path):
    card, p = make_card()
    card_slot.insert(card)
    out = subprocess.run([_exe(), "--data-dir", str(tmp_path), "idcard", "read", "--can", p.can],
                         capture_output=True, text=True, env={**pcsc.env(), "PYTHONWARNINGS": "default"}, timeout=60)
    assert out.returncode == 0
    _assert_clean(out.stderr, p)
    assert card.log.protected > 5  # the read went through the stack whose log we check next
    _assert_clean(pcsc.log.read_text(errors="replace"), p)


def test_reprs_hide_keys():
    k = keys.from_id_number("001090123456", date_of_birth="900101", date_of_expiry="300101")
    assert "123456" not in repr(k) and "090123456" not in repr(k.mrz) and "900101" not in str(k)
