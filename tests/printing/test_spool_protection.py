"""Form PDFs in the spool folder (citizens' data in clear): deleted once a real CUPS printer took
the job in an encrypted profile, kept (0600) when the print failed, purged after the keep time."""

from __future__ import annotations

import os
import stat
import time
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.services import attachment_store
from printing.cups_backend import CupsBackend
from printing.dispatch import print_form
from printing.printers import Printers, PrintFailed, purge_spool, save_pdf, spool_is_protected
from printing.stored import stored_context

from test_records_and_cli import receive

AT = datetime(2026, 11, 27, 9, 40)


@pytest.fixture
def encrypted_root(demo_profile):
    """The profile's folder registered with an attachment key, as an encrypted profile does."""
    attachment_store.use_key(demo_profile.root, os.urandom(32))
    yield demo_profile.root
    attachment_store.use_key(demo_profile.root, None)


def _printers(root: Path, cups_server) -> Printers:
    return Printers(spool_dir=root / "prints", backend=CupsBackend(cups_server.socket), defaults={})


def test_accepted_job_leaves_no_clear_copy_in_an_encrypted_profile(demo_profile, demo_store, encrypted_root,
                                                                  cups_server, find_output):
    code = receive(demo_store, demo_profile)
    with demo_store.read() as s:
        ctx = stored_context(s, code, form="receipt", now=AT)
    spool = encrypted_root / "prints"
    assert spool_is_protected(spool)
    done = print_form(store=demo_store, form="receipt", ctx=ctx, officer="canbo01", now=AT, spool_dir=spool,
                      printers=_printers(encrypted_root, cups_server), printer="QMC_PDF")
    assert done.job is not None and done.job.saved_pdf is None and done.record.saved_pdf == ""
    assert list(spool.glob("*.pdf")) == [], "the print system holds the job; no copy stays in the profile"
    find_output(cups_server.out_dir, f"{code}-receipt"[:40]).unlink()  # it did reach the printer


def test_failed_print_keeps_a_private_copy_and_an_unencrypted_profile_keeps_its_copies(
        demo_profile, demo_store, encrypted_root, cups_server, tmp_path, find_output):
    code = receive(demo_store, demo_profile)
    with demo_store.read() as s:
        ctx = stored_context(s, code, form="control", now=AT)
    with pytest.raises(PrintFailed) as info:
        print_form(store=demo_store, form="control", ctx=ctx, officer="canbo01", now=AT,
                   spool_dir=encrypted_root / "prints", printers=_printers(encrypted_root, cups_server),
                   printer="QMC_STOPPED")
    kept = info.value.saved_pdf
    assert kept.exists() and kept.read_bytes().startswith(b"%PDF")  # to print by hand
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    plain = Printers(spool_dir=tmp_path / "plain", backend=CupsBackend(cups_server.socket), defaults={})
    assert not spool_is_protected(tmp_path / "plain")
    job = plain.print_pdf(pdf=kept.read_bytes(), page="A4", label="plain-copy", now=AT, printer="QMC_PDF")
    assert job.saved_pdf is not None and job.saved_pdf.exists()
    find_output(cups_server.out_dir, "plain-copy").unlink()


def test_purge_deletes_only_pdfs_older_than_the_keep_time(tmp_path):
    folder = tmp_path / "prints"
    old = save_pdf(b"%PDF-1.4 old", folder=folder, label="old", now=AT)
    recent = save_pdf(b"%PDF-1.4 recent", folder=folder, label="recent", now=AT)
    other = folder / "note.txt"
    other.write_text("x")
    eight_days_ago = time.time() - 8 * 86400
    os.utime(old, (eight_days_ago, eight_days_ago))
    os.utime(other, (eight_days_ago, eight_days_ago))
    assert purge_spool(folder, keep_days=7) == 1
    assert not old.exists() and recent.exists() and other.exists()
    assert purge_spool(folder, keep_days=7) == 0
    assert purge_spool(tmp_path / "missing", keep_days=7) == 0
    assert save_pdf(b"%PDF-1.4 again", folder=folder, label="recent", now=AT) != recent  # never overwrites
