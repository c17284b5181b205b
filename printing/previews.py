"""PNG previews of every form for both legal bases (``docs/forms/``), from the sample dossier.

Run ``python -m printing.previews docs/forms``. Needs ``pdftoppm`` (poppler-utils).
A person looks at these before a layout change is called done.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from counter_app.domain.legal_basis import LegalBasis

from .render import render_form
from .sample import sample_context
from .templates import FORMS, available_forms


def write_previews(folder: Path, *, dpi: int = 90) -> list[Path]:
    """One PNG per form and basis (page 1; the register book also page 2), plus a reprinted receipt."""
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(basis, form, False) for basis in LegalBasis for form in available_forms(basis)]
    jobs.append((LegalBasis.TT03_2025, "receipt", True))
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for basis, form, reprint in jobs:
            rendered = render_form(form, sample_context(form, basis), basis=basis, reprint=reprint)
            pdf = Path(tmp) / f"{form}.pdf"
            pdf.write_bytes(rendered.pdf)
            name = f"{basis.value}-{form}" + ("-reprint" if reprint else "")
            for page in (1, 2) if form == "register" else (1,):
                stem = folder / (f"{name}-page{page}" if form == "register" else name)
                subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
                                "-singlefile", str(pdf), str(stem)], check=True)
                written.append(stem.with_suffix(".png"))
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in write_previews(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/forms")):
        print(path)
    print(f"{len(FORMS)} forms")
