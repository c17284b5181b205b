"""Scanning benchmarks: SANE test backend → stored PDF (pages per second), and KB per page.

Rows (baseline measured in the same run):

* ``scan.pipeline_pages_per_s``: scan (SANE ``test`` backend, grey, 200 dpi, 200 × 200 mm) →
  PDF → content-addressed store + attachment row, vs the bare scan alone (ratio = share of
  the bare scanner speed the whole pipeline keeps).
* ``scan.kb_per_page_text_a4``: a synthetic dense-text grey A4 page at 200 dpi (with sensor
  noise) in our PDF, vs Pillow's own PDF writer at its default JPEG quality (ratio < 1 = smaller).
  The goal is ≤ 300 KB.
* ``scan.kb_per_page_test_grid``: the test backend's grid page in our PDF vs Pillow's writer.
"""

from __future__ import annotations

import io
import os
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _text_page(dpi: int = 200):
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

    rnd = random.Random(1)
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    im = Image.new("L", (w, h), 238)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", int(dpi * 0.16))
    words = "Cộng hòa xã hội chủ nghĩa Việt Nam giấy khai sinh họ tên ngày tháng năm nơi cư trú".split()
    y = int(dpi * 0.8)
    while y < h - dpi * 0.8:
        draw.text((int(dpi * 0.8), y), " ".join(rnd.choice(words) for _ in range(12)), fill=25, font=font)
        y += int(dpi * 0.3)
    im = im.filter(ImageFilter.GaussianBlur(0.6))
    return ImageChops.add(im, Image.effect_noise((w, h), 5), scale=1.0, offset=-128)


def _pillow_pdf_kb(images) -> float:
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return len(buf.getvalue()) / 1024 / len(images)


def _dossier(tmp: Path):
    from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
    from counter_app.profile import Profile
    from counter_app.services import catalog
    from counter_app.services.dossiers import record_reception
    from counter_app.services.numbering import LocalLeaseSource, NumberAllocator
    from counter_app.services.reception import ReceptionFlow

    profile = Profile(tmp / "profile")
    store = profile.open_store()
    ctx = profile.context(store)
    with store.read() as s:
        proc = catalog.get_procedure(s, "1.004873")
    flow = ReceptionFlow()
    flow.identify(Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456",
                            source=IdentitySource.CHIP))
    flow.choose_procedure(proc)
    flow.mark_all_complete()
    flow.to_outcome()
    flow.receive()
    code = store.write(lambda s: record_reception(
        s, flow, ctx=ctx, allocator=NumberAllocator(LocalLeaseSource(), counter_code=ctx.counter_code),
        now=datetime(2026, 11, 27, 9, 15))).value.code
    return profile, store, code, len(flow.checklist)


def rows(quick: bool) -> list[tuple[str, float, str, float | None, float | None]]:
    from devices.docscanner import DocumentScanner, ScannedPage, ScanOptions, sane_backend
    from devices.docscanner.digitise import attach_pages
    from devices.docscanner.pages import PageSet
    from devices.docscanner.pdf import build_pdf

    n_pages = 4 if quick else 12
    out = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "sane.d").mkdir()
        (tmp / "sane.d" / "dll.conf").write_text("test\n")
        old = os.environ.get("SANE_CONFIG_DIR")
        os.environ["SANE_CONFIG_DIR"] = str(tmp / "sane.d")
        sane_backend.reset()
        try:
            options = ScanOptions(device="test:0", resolution=200, extra=(("test_picture", "Grid"),))
            with DocumentScanner(sane_backend.SaneBackend()) as scanner:
                t0 = time.perf_counter()
                bare = scanner.scan(options=options, pages=n_pages)
                bare_rate = n_pages / (time.perf_counter() - t0)
                profile, store, code, components = _dossier(tmp)
                t0 = time.perf_counter()
                for i in range(2):
                    result = scanner.scan(options=options, pages=n_pages // 2)
                    attach_pages(store, data_root=profile.root, dossier_code=code,
                                 component_position=i % components, pages=PageSet(result.pages), by="bench",
                                 now=datetime(2026, 11, 27, 10, 0))
                pipe_rate = n_pages / (time.perf_counter() - t0)
                store.close()
            out.append(("scan.pipeline_pages_per_s", round(pipe_rate, 1), "pages/s", round(bare_rate, 1),
                        round(pipe_rate / bare_rate, 2)))
            text = _text_page()
            ours = len(build_pdf([ScannedPage(text, 200)]).data) / 1024
            out.append(("scan.kb_per_page_text_a4", round(ours, 1), "KB/page", round(_pillow_pdf_kb([text]), 1),
                        round(ours / _pillow_pdf_kb([text]), 2)))
            grid = [p.image for p in bare.pages[:2]]
            ours_grid = len(build_pdf([ScannedPage(g, 200) for g in grid]).data) / 1024 / len(grid)
            out.append(("scan.kb_per_page_test_grid", round(ours_grid, 1), "KB/page",
                        round(_pillow_pdf_kb(grid), 1), round(ours_grid / _pillow_pdf_kb(grid), 2)))
        finally:
            sane_backend.reset()
            if old is None:
                os.environ.pop("SANE_CONFIG_DIR", None)
            else:
                os.environ["SANE_CONFIG_DIR"] = old
    return out


if __name__ == "__main__":
    for row in rows("--quick" in sys.argv):
        print("\t".join(str(v) for v in row))
