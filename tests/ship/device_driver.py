"""Drives the setup wizard's device page with a chip card on the PC/SC simulator and a SoftHSM
signing token, in its own process (run by test_ship_card_and_token.py).

Own process because libpcsclite reads ``PCSCLITE_CSOCK_NAME`` once per process and SoftHSM
reads ``SOFTHSM2_CONF`` once per process: the stacks started here must be the ones this
process talks to. Prints one JSON line with what the officer would have read on the page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ["QT_QPA_PLATFORM"] = "offscreen"

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
LABEL, PIN, KEY = "QMC-SETUP", "246810", "officer"


def make_token(root: Path) -> None:
    """A SoftHSM token with an EC key and a self-signed certificate (as tests/signing builds them)."""
    (root / "tokens").mkdir(parents=True)
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)

    def run(*args: str) -> None:
        subprocess.run(list(args), check=True, capture_output=True, timeout=60)
    run("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--so-pin", "13572468", "--pin", PIN)
    run("pkcs11-tool", "--module", MODULE, "--token-label", LABEL, "--login", "--pin", PIN, "--keypairgen",
        "--key-type", "EC:prime256v1", "--label", KEY, "--id", "01")
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.sign.pkcs11 import p11_lib

    from devices.signing.selfcert import self_signed_certificate

    with p11_lib(MODULE).get_token(token_label=LABEL).open(user_pin=PIN) as session:
        cert = self_signed_certificate(session, key_label=KEY, common_name="Phạm Thu Hà (THỬ NGHIỆM)")
    der = root / "cert.der"
    der.write_bytes(cert.public_bytes(Encoding.DER))
    run("pkcs11-tool", "--module", MODULE, "--token-label", LABEL, "--login", "--pin", PIN, "--write-object",
        str(der), "--type", "cert", "--label", KEY, "--id", "01")


def main(work: str) -> dict:
    from idcard.cards import make_card
    from idcard.simulator.stack import PcscStack

    work_dir = Path(work)
    make_token(work_dir / "softhsm")
    stack = PcscStack()
    stack.start()
    os.environ["PCSCLITE_CSOCK_NAME"] = str(stack.socket)
    try:
        card, person = make_card()
        stack.slot.insert(card)
        return drive(work_dir, person)
    finally:
        stack.close()


def drive(work: Path, person) -> dict:
    from PyQt6.QtWidgets import QApplication

    from counter_app.profile import Profile
    from counter_app.setup import Step
    from ui.setup_wizard.wizard import SetupWizard

    app = QApplication([])
    wizard = SetupWizard(Profile(work / "profile"), config_path=work / "config.toml")
    wizard.show()
    wizard.page_for(Step.BACKEND).offline.setChecked(True)
    wizard.next()
    agency = wizard.page_for(Step.AGENCY)
    agency.agency_code.setText("000.00.05.H26")
    agency.agency_name.setText("UBND phường Thử nghiệm")
    agency.counter_code.setText("Q01")
    agency.counter_name.setText("Quầy 1")
    wizard.next()
    officer = wizard.page_for(Step.OFFICER)
    officer.username.setText("quantri")
    officer.full_name.setText("Phạm Thu Hà")
    officer.password.setText("mat-khau-dai-du")
    officer.password_again.setText("mat-khau-dai-du")
    wizard.next()
    page = wizard.page_for(Step.DEVICES)
    out: dict = {"step": wizard.flow.step.value}

    def test(key: str, seconds: float = 90.0) -> str:
        end = time.monotonic() + seconds
        while page.listing.busy and time.monotonic() < end:  # the printer listing at page start
            app.processEvents()
            time.sleep(0.01)
        page.buttons[key].click()
        while time.monotonic() < end:
            app.processEvents()
            if page.results[key].text()[:1] in "✓✗":
                return page.results[key].text()
            time.sleep(0.01)
        return "timeout: " + page.results[key].text()

    out["card_list"] = test("idcard")
    page.can.setText("000000")
    out["card_wrong_can"] = test("idcard")
    page.can.setText(person.can)
    out["card_read"] = test("idcard")
    page.pkcs11_module.setText(MODULE)
    page.token_label.setText(LABEL)
    out["token_list"] = test("signing")
    page.pin.setText("999999")
    out["token_wrong_pin"] = test("signing")
    page.pin.setText(PIN)
    out["token_signed"] = test("signing")
    wizard.next()
    wizard.flow.finish()
    from counter_app import config

    cfg = config.load(work / "config.toml")
    out["config_module"] = cfg.devices.pkcs11_module
    from devices.signing.token import load_token_config

    from counter_app.storage.db import Store

    store = Store.open(work / "profile" / "counter.sqlite")
    with store.read() as s:
        token = load_token_config(s)
    store.close()
    out["saved_token"] = [token.module, token.token_label]
    out["id_number"] = person.id_number  # for the parent to check it is shown masked only
    wizard.close()
    app.processEvents()
    return out


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="qmc-ship-") as tmp:
        print(json.dumps(main(tmp), ensure_ascii=False), flush=True)
    os._exit(0)  # skip Python's teardown of live Qt objects and the SoftHSM module
