"""A real SoftHSM2 token in a private temp dir: key pair, and a certificate self-signed by the token."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

MODULE = "/usr/lib/softhsm/libsofthsm2.so"


@dataclass(frozen=True)
class TestToken:
    module: str
    label: str
    pin: str
    key_label: str
    cert: object  # cryptography x509.Certificate
    cert_der: Path
    conf: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "SOFTHSM2_CONF": str(self.conf)}


def _run(*args: str, env: dict) -> None:
    result = subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        pytest.fail(f"{args[0]} failed: {result.stderr or result.stdout}")


#: (token label, user PIN, key label, CKA_ID, key type, certificate common name)
TOKENS = (("QMC-CANBO01", "246810", "officer", "01", "EC:prime256v1", "Nguyễn Thị Lan (THỬ NGHIỆM)"),
          ("QMC-RSA", "135790", "ky-so", "02", "RSA:2048", "Trần Văn Minh (THỬ NGHIỆM)"))


@pytest.fixture(scope="session")
def softhsm_tokens(tmp_path_factory) -> dict[str, TestToken]:
    """Two tokens (EC P-256 and RSA-2048), all created before SoftHSM is loaded into this process:
    a loaded SoftHSM does not see tokens initialised afterwards."""
    for tool in ("softhsm2-util", "pkcs11-tool"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install the Debian packages softhsm2 and opensc")
    if not Path(MODULE).is_file():
        pytest.fail(f"SoftHSM2 module {MODULE} is missing: install softhsm2")
    root = tmp_path_factory.mktemp("softhsm")
    (root / "tokens").mkdir()
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read by SoftHSM when this process first loads it
    env = {**os.environ}
    for label, pin, key_label, key_id, key_type, _ in TOKENS:
        _run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "13572468", "--pin", pin,
             env=env)
        _run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", pin, "--keypairgen",
             "--key-type", key_type, "--label", key_label, "--id", key_id, env=env)

    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.sign.pkcs11 import p11_lib

    from devices.signing.selfcert import self_signed_certificate

    made = {}
    for label, pin, key_label, key_id, _, common_name in TOKENS:
        with p11_lib(MODULE).get_token(token_label=label).open(user_pin=pin) as session:
            cert = self_signed_certificate(session, key_label=key_label, common_name=common_name)
        cert_der = root / f"{key_label}.der"
        cert_der.write_bytes(cert.public_bytes(Encoding.DER))
        _run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", pin, "--write-object",
             str(cert_der), "--type", "cert", "--label", key_label, "--id", key_id, env=env)
        made[label] = TestToken(MODULE, label, pin, key_label, cert, cert_der, conf)
    yield made
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old


@pytest.fixture(scope="session")
def softhsm_token(softhsm_tokens) -> TestToken:
    """The officer's EC token (SoftHSM 2.6 has no CKM_ECDSA_SHA256: exercises hash-then-CKM_ECDSA)."""
    return softhsm_tokens["QMC-CANBO01"]


@pytest.fixture(scope="session")
def rsa_token(softhsm_tokens) -> TestToken:
    """An RSA-2048 token, as most Vietnamese CA tokens carry."""
    return softhsm_tokens["QMC-RSA"]


class FixedPin:
    """A PIN handler answering from a list (None = the officer cancels)."""

    def __init__(self, *pins: str | None) -> None:
        self.pins = list(pins)
        self.asked: list[int] = []
        self.errors: list[str] = []

    def get_pin(self, *, token_label: str, attempt: int) -> str | None:
        self.asked.append(attempt)
        return self.pins.pop(0) if self.pins else None

    def show_error(self, message_vi: str) -> None:
        self.errors.append(message_vi)


@pytest.fixture
def scanned_pdf() -> bytes:
    from PIL import Image, ImageDraw

    from devices.docscanner import ScannedPage
    from devices.docscanner.pdf import build_pdf

    page = Image.new("L", (827, 1169), 255)
    ImageDraw.Draw(page).text((80, 80), "GIAY KHAI SINH - BAN SO HOA", fill=0)
    return build_pdf([ScannedPage(page, 100), ScannedPage(page, 100)]).data
