"""Digitised files at rest: AES-GCM sealed in an encrypted profile, read back transparently, uploaded
to the real backend as the original bytes; the retention purge of returned, synced dossiers."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import keyring
import pytest
from sqlalchemy import select, update

from counter_app.cli import main
from counter_app.domain.errors import ValidationError
from counter_app.domain.status import DossierStatus as S
from counter_app.profile import Profile
from counter_app.security.keystore import MemoryKeyring
from counter_app.services import attachment_store
from counter_app.services.attachments import attach_file, blob_path, list_attachments, read_attachment
from counter_app.services.dossiers import get_dossier_row
from counter_app.services.retention import purge_local_copies
from counter_app.storage.models import AttachmentRow, OutboxEventRow
from counter_app.storage.models_security import AuditEntryRow
from counter_app.storage.models_sync import SyncUploadRow

T0 = datetime(2026, 10, 1, 9, 0)
PDF = b"%PDF-1.7\n% Giay khai sinh cua Nguyen Van A, so 001090123456\n%%EOF\n"


@pytest.fixture
def sealed(tmp_path, monkeypatch):
    """An encrypted profile (keys in an in-memory OS keyring) with a Desk on it."""
    from qmc_testing import Desk

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.delenv("QMC_ALLOW_INSECURE_KEYRING", raising=False)
    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
    profile = Profile.default(tmp_path / "p")
    store = profile.open_store()
    yield profile, Desk(store, profile.context(store))
    store.close()
    attachment_store.use_key(profile.root, None)
    keyring.set_keyring(previous)


def _attach(desk, root, code, data=PDF, position=0, at=T0):
    return desk.store.write(lambda s: attach_file(s, data_root=root, dossier_code=code, component_position=position,
                                                  data=data, pages=1, by="canbo01", now=at,
                                                  thumbnails=[b"\xff\xd8\xff preview"])).value


def test_files_are_sealed_on_disk_and_read_back_as_written(sealed):
    profile, desk = sealed
    code = desk.receive(at=T0).code
    info = _attach(desk, profile.root, code)
    path = blob_path(profile.root, info.sha256)
    raw = path.read_bytes()
    assert raw.startswith(attachment_store.MAGIC) and b"001090123456" not in raw and b"%PDF" not in raw
    assert read_attachment(profile.root, info) == PDF
    thumb = next((profile.root / "attachments" / "thumbs" / info.sha256).iterdir())
    assert b"preview" not in thumb.read_bytes() and attachment_store.read_plain(thumb) == b"\xff\xd8\xff preview"
    assert attachment_store.plain_size(path) == len(PDF)
    tampered = bytearray(raw)
    tampered[-1] ^= 1
    path.write_bytes(bytes(tampered))
    with pytest.raises(ValidationError) as err:
        read_attachment(profile.root, info)
    assert "không giải mã được" in err.value.message_vi
    other = _attach(desk, profile.root, code, data=PDF + b"% v2\n", position=1)
    path.write_bytes(blob_path(profile.root, other.sha256).read_bytes())  # another file's sealed bytes
    with pytest.raises(ValidationError):
        read_attachment(profile.root, info)


def test_files_written_before_encryption_are_sealed_when_the_profile_is_opened(tmp_path, monkeypatch):
    """An older, unencrypted profile with digitised files: opened as the installed app, the
    database is encrypted and every file (pages and previews) sealed in place, read back as written."""
    from qmc_testing import Desk

    plain = Profile(tmp_path / "p")
    store = plain.open_store()
    desk = Desk(store, plain.context(store))
    code = desk.receive(at=T0).code
    info = _attach(desk, plain.root, code)
    store.close()
    path = blob_path(plain.root, info.sha256)
    thumb = next((plain.root / "attachments" / "thumbs" / info.sha256).iterdir())
    assert path.read_bytes() == PDF and b"preview" in thumb.read_bytes()

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.delenv("QMC_ALLOW_INSECURE_KEYRING", raising=False)
    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
    try:
        profile = Profile.default(plain.root)
        store = profile.open_store()
        for f in (path, thumb):
            assert attachment_store.is_sealed(f) and b"001090123456" not in f.read_bytes()
        assert read_attachment(profile.root, info) == PDF
        assert attachment_store.read_plain(thumb) == b"\xff\xd8\xff preview"
        assert not list(path.parent.glob(".part-*"))
        assert (profile.root / "attachments" / attachment_store.SEALED_MARK).exists()
        assert attachment_store.seal_existing(profile.root) == 0  # once only
        store.close()
    finally:
        attachment_store.use_key(plain.root, None)
        keyring.set_keyring(previous)


def test_a_plaintext_profile_keeps_plaintext_files(demo_profile, desk):
    code = desk.receive(at=T0).code
    info = _attach(desk, demo_profile.root, code)
    assert blob_path(demo_profile.root, info.sha256).read_bytes() == PDF


def test_sealed_files_reach_the_backend_as_the_original_bytes(sealed, admin, server):
    from counter_app.sync.attachments import StoredAttachments, upload_pending
    from counter_app.sync.client import SyncClient

    profile, desk = sealed
    code = desk.receive(at=T0).code
    _attach(desk, profile.root, code)
    h = uuid.uuid4().hex.upper()
    agency = f"{h[6:9]}.{h[:2]}.{h[2:4]}.A{h[4:6]}"
    admin.agency(agency)
    with SyncClient(server.url, admin.counter(agency, "Q01")["token"]) as client:
        summary = upload_pending(desk.store, client, now=lambda: T0,
                                 source=StoredAttachments(desk.store, profile.root))
    assert (summary.completed, summary.failed, summary.bytes_sent) == (1, 0, len(PDF))  # the server checks the hash


# ---- retention ---------------------------------------------------------------------------


def _returned(desk, at):
    code = desk.receive(at=at).code
    steps = ((S.PROCESSING, at), (S.RESOLVED, at + timedelta(days=1)), (S.RETURNED, at + timedelta(days=2)))
    for target, when in steps:
        desk.move(code, target, when)
    return code


def _synced(store, *codes):
    def mark(s):
        s.execute(update(OutboxEventRow).where(OutboxEventRow.aggregate.in_(codes)).values(sent_at=T0))
        for sha in s.scalars(select(AttachmentRow.sha256).where(AttachmentRow.dossier_code.in_(codes))):
            s.merge(SyncUploadRow(sha256=sha, path="", size=1, uploaded=1, done_at=T0, attempts=1, last_error=""))
    store.write(mark)


def test_retention_purges_only_returned_synced_dossiers_past_the_period(sealed):
    profile, desk = sealed
    store, root, now = desk.store, profile.root, T0 + timedelta(days=40)
    old, unsynced = _returned(desk, T0), _returned(desk, T0)
    recent = _returned(desk, now - timedelta(days=5))
    shared = _attach(desk, root, old)  # the same file also belongs to the recent dossier
    _attach(desk, root, recent)
    own = _attach(desk, root, old, data=PDF + b"% only old\n", position=1)
    _attach(desk, root, unsynced, data=PDF + b"% unsynced\n")
    _synced(store, old, recent)

    dry = purge_local_copies(store, data_root=root, now=now, retention_days=30, dry_run=True)
    assert (dry.dossiers, dry.files_deleted, dry.waiting_sync) == ([old], 0, 1)
    assert blob_path(root, own.sha256).exists()

    report = purge_local_copies(store, data_root=root, now=now, retention_days=30, personal_fields=True)
    assert (report.dossiers, report.files_deleted, report.waiting_sync) == ([old], 1, 1)
    assert not blob_path(root, own.sha256).exists()
    assert blob_path(root, shared.sha256).exists()  # still needed by the recent dossier
    with store.read() as s:
        purged = {(a.dossier_code, a.sha256): a.purged_at for a in s.scalars(select(AttachmentRow))}
        assert get_dossier_row(s, old).applicant_id_number == "" and get_dossier_row(s, old).applicant_name
        assert get_dossier_row(s, recent).applicant_id_number == "001090123456"
        assert s.scalars(select(AuditEntryRow.action).order_by(AuditEntryRow.id.desc())).first() == "retention_purge"
    assert purged[(old, own.sha256)] == now and purged[(old, shared.sha256)] == now
    assert purged[(recent, shared.sha256)] is None
    with store.read() as s:
        assert len(list_attachments(s, old)) == 2  # the rows stay, marked
    again = purge_local_copies(store, data_root=root, now=now, retention_days=30, personal_fields=True)
    assert again.dossiers == [] and again.files_deleted == 0


def test_purge_command_needs_a_retention_and_reports(sealed, capsys, monkeypatch, cli_officer):
    profile, desk = sealed
    code = _returned(desk, T0)
    _attach(desk, profile.root, code)
    _synced(desk.store, code)
    desk.store.close()
    assert main(["--data-dir", str(profile.root), "purge", *cli_officer("quantri")]) == 2
    assert "security.retention_days" in capsys.readouterr().err
    assert main(["--data-dir", str(profile.root), "purge", "--days", "7", *cli_officer("quantri")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Đã xóa bản sao của 1 hồ sơ (1 tệp,") and code in out
