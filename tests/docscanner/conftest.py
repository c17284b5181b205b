"""Fixtures for scanning: the real SANE ``test`` backend through a private SANE_CONFIG_DIR."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sane_config_dir(tmp_path_factory) -> Path:
    """A SANE config that loads only the ``test`` backend (devices test:0 and test:1)."""
    try:
        import sane
    except ImportError as exc:  # the stack is part of the project: fail, never skip
        pytest.fail(f"python-sane is not importable ({exc}); install libsane-dev and python-sane")
    d = tmp_path_factory.mktemp("sane.d")
    (d / "dll.conf").write_text("test\n")
    old = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(d)
    from devices.docscanner import sane_backend

    sane_backend.reset()
    sane.init()
    names = [dev[0] for dev in sane.get_devices()]
    sane.exit()
    if "test:0" not in names:
        pytest.fail(f"the SANE test backend is missing (found {names}); install sane-utils / libsane1")
    yield d
    sane_backend.reset()
    if old is None:
        os.environ.pop("SANE_CONFIG_DIR", None)
    else:
        os.environ["SANE_CONFIG_DIR"] = old


@pytest.fixture
def scanner(sane_config_dir):
    """The façade on the SANE backend, in a fresh SANE session (the test backend keeps state)."""
    from devices.docscanner import DocumentScanner, sane_backend

    sane_backend.reset()
    s = DocumentScanner(sane_backend.SaneBackend())
    yield s
    s.close()
    sane_backend.reset()


@pytest.fixture
def text_page():
    """A synthetic grey A4 page at 200 dpi: dense Vietnamese text on paper with sensor noise."""
    return make_text_page()


def make_text_page(dpi: int = 200, seed: int = 1):
    import random

    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

    rnd = random.Random(seed)
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    im = Image.new("L", (w, h), 238)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", int(dpi * 0.16))
    words = ("Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc giấy khai sinh họ tên "
             "ngày tháng năm nơi cư trú").split()
    y = int(dpi * 0.8)
    while y < h - dpi * 0.8:
        draw.text((int(dpi * 0.8), y), " ".join(rnd.choice(words) for _ in range(12)), fill=25, font=font)
        y += int(dpi * 0.3)
    im = im.filter(ImageFilter.GaussianBlur(0.6))
    return ImageChops.add(im, Image.effect_noise((w, h), 5), scale=1.0, offset=-128)


@pytest.fixture
def received_dossier(demo_profile, demo_store):
    """A dossier received on the demo profile (procedure 1.004873, 3 components or more)."""
    from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
    from counter_app.services import catalog
    from counter_app.services.dossiers import record_reception
    from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
    from counter_app.services.reception import ReceptionFlow

    ctx = demo_profile.context(demo_store)
    alloc = NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code)
    with demo_store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456",
                            source=IdentitySource.CHIP))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    rec = demo_store.write(lambda s: record_reception(
        s, flow, ctx=ctx, allocator=alloc, now=datetime(2026, 11, 27, 9, 15))).value
    return demo_profile, demo_store, rec.code, len(flow.checklist)
