"""Stored attachments: content-addressed files linked to dossier components, one transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services import attachments
from counter_app.storage import migrate
from counter_app.storage.db import make_engine
from counter_app.storage.models import AttachmentRow, OutboxEventRow
from devices.docscanner import ScannedPage
from devices.docscanner.digitise import attach_pages
from devices.docscanner.pages import PageSet

NOW = datetime(2026, 11, 27, 9, 30)


def test_pages_are_stored_content_addressed_and_linked(received_dossier, text_page):
    profile, store, code, _ = received_dossier
    blank = text_page.point(lambda v: 250)
    pages = PageSet([ScannedPage(text_page, 200), ScannedPage(blank, 200), ScannedPage(text_page, 200)])
    result = attach_pages(store, data_root=profile.root, dossier_code=code, component_position=0, pages=pages,
                          by="canbo01", now=NOW, drop_blank=True)
    info = result.value
    assert info.pages == 2 and info.mime == "application/pdf" and not info.deduplicated
    assert result.changes.dossiers == {code} and result.changes.outbox == 1
    blob = profile.root / "attachments" / info.sha256[:2] / info.sha256[2:]
    assert blob.exists() and hashlib.sha256(blob.read_bytes()).hexdigest() == info.sha256
    assert blob.stat().st_size == info.size
    assert len(attachments.thumbnails(profile.root, info.sha256)) == 2
    with store.read() as s:
        assert attachments.list_attachments(s, code) == [info]
        assert attachments.digitised_positions(s, code) == {0}
        event = s.scalar(select(OutboxEventRow).where(OutboxEventRow.kind == "attachment.added"))
        payload = json.loads(event.payload)
        assert payload["sha256"] == info.sha256 and "Nguyễn" not in event.payload
    assert attachments.read_attachment(profile.root, info).startswith(b"%PDF-")


def test_same_file_is_deduplicated(received_dossier):
    profile, store, code, n_components = received_dossier
    assert n_components >= 2
    data = b"%PDF-1.7\n% tiny test file\n%%EOF\n"

    def attach(position: int):
        return store.write(lambda s: attachments.attach_file(
            s, data_root=profile.root, dossier_code=code, component_position=position, data=data, pages=1,
            by="canbo01", now=NOW, original_filename="/some/dir/giay-khai-sinh.pdf"))

    first, again, other = attach(0), attach(0), attach(1)
    assert not first.value.deduplicated and again.value.deduplicated and again.changes.outbox == 0
    assert again.value.id == first.value.id and other.value.id != first.value.id
    assert first.value.original_filename == "giay-khai-sinh.pdf"
    with store.read() as s:
        assert len(s.scalars(select(AttachmentRow)).all()) == 2
    blobs = [p for p in (profile.root / "attachments").rglob("*") if p.is_file() and "thumbs" not in p.parts]
    assert len(blobs) == 1


def test_bad_attachments_are_refused_and_nothing_is_written(received_dossier):
    profile, store, code, n_components = received_dossier

    def attach(**kw):
        args = dict(data_root=profile.root, dossier_code=code, component_position=0, data=b"%PDF-1.7\n%%EOF",
                    pages=1, by="canbo01", now=NOW)
        args.update(kw)
        return store.write(lambda s: attachments.attach_file(s, **args))

    with pytest.raises(NotFoundError) as err:
        attach(component_position=n_components + 5)
    assert f"thành phần số {n_components + 6}" in err.value.message_vi
    with pytest.raises(NotFoundError):
        attach(dossier_code="000.00.01.H26-261127-9999")
    with pytest.raises(ValidationError):
        attach(data=b"MZ not a scan")
    with pytest.raises(ValidationError):
        attach(data=b"")
    with store.read() as s:
        assert s.scalars(select(AttachmentRow)).all() == []
        assert s.scalars(select(OutboxEventRow).where(OutboxEventRow.kind == "attachment.added")).all() == []


def test_damaged_or_missing_file_is_an_error(received_dossier):
    profile, store, code, _ = received_dossier
    info = store.write(lambda s: attachments.attach_file(
        s, data_root=profile.root, dossier_code=code, component_position=0, data=b"%PDF-1.7\nA\n%%EOF",
        pages=1, by="canbo01", now=NOW)).value
    path = attachments.blob_path(profile.root, info.sha256)
    path.write_bytes(b"%PDF-1.7\nB\n%%EOF")
    with pytest.raises(ValidationError) as err:
        attachments.read_attachment(profile.root, info)
    assert "mã băm" in err.value.message_vi
    path.unlink()
    with pytest.raises(NotFoundError):
        attachments.read_attachment(profile.root, info)
    with pytest.raises(ValidationError):
        attachments.blob_path(profile.root, "../../etc/passwd")


def test_attachment_migration_downgrades_and_upgrades(tmp_path):
    engine = make_engine(tmp_path / "c.sqlite")
    migrate.upgrade(engine)
    migrate.downgrade(engine, "0003")  # the revision before 0004_attachments
    with engine.connect() as conn:
        assert "attachment" not in {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert "attachment" in {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
