"""Attachments: chunked, resumable through a link cut mid-upload, verified by SHA-256 on arrival,
and uploaded before the event that names them is pushed."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, time
from pathlib import Path

import httpx
import pytest

from counter_app.services.operations import Changes, queue_event
from counter_app.storage.models_sync import SyncUploadRow
from counter_app.sync.attachments import enqueue, upload_pending
from counter_app.sync.errors import ServerUnreachable
from counter_app.sync.push import push_outbox
from sync_faultproxy import FaultProxy
from sync_helpers import TODAY, issue

NOW = datetime.combine(TODAY, time(9, 0))
CHUNK = 64 * 1024


class Files:
    """The scanning feature's side of the interface: (sha256, path) pairs."""

    def __init__(self, items: list[tuple[str, Path]]) -> None:
        self.items = items

    def pending(self):
        return list(self.items)


def make_file(tmp_path: Path, name: str, size: int) -> tuple[str, Path]:
    data = os.urandom(size)
    path = tmp_path / name
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), path


@pytest.fixture
def proxy(server):
    p = FaultProxy(server.port)
    yield p
    p.close()


def test_upload_cut_mid_way_resumes_and_arrives_intact(tmp_path, agency, make_counter, proxy, server):
    q1 = make_counter(agency, "Q01")
    sha, path = make_file(tmp_path, "scan.pdf", 1_000_000)
    proxy.cut_after_upstream_bytes = 400_000  # the cable is pulled after ~40 % went through
    with q1.client(proxy.url, timeout=5) as client:
        with pytest.raises(ServerUnreachable):
            upload_pending(q1.store, client, now=lambda: NOW, source=Files([(sha, path)]), chunk=CHUNK)
    assert proxy.cuts == 1
    with q1.store.read() as s:
        row = s.get(SyncUploadRow, sha)
        assert row.done_at is None and 0 < row.uploaded < 1_000_000
        resumed_from = row.uploaded
    with q1.client() as direct:
        held = direct.upload_status(sha)
    assert not held["complete"] and held["received"] % CHUNK == 0 and held["received"] >= resumed_from
    with q1.client(proxy.url, timeout=5) as client:
        summary = upload_pending(q1.store, client, now=lambda: NOW, chunk=CHUNK)
    assert summary.completed == 1 and summary.bytes_sent == 1_000_000 - held["received"], "resumed, not restarted"
    r = httpx.get(f"{server.url}/v1/attachments/{sha}/content", headers={"Authorization": f"Bearer {q1.token}"})
    assert r.status_code == 200 and hashlib.sha256(r.content).hexdigest() == sha


def test_corrupted_bytes_are_refused_by_hash_and_sent_again(tmp_path, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    sha, path = make_file(tmp_path, "a.jpg", 3 * CHUNK)
    with q1.client() as client:
        client.upload_start(sha, 3 * CHUNK)
        data = bytearray(path.read_bytes())
        data[-1] ^= 0xFF
        client.upload_chunk(sha, 0, bytes(data[:2 * CHUNK]))
        with pytest.raises(Exception) as err:
            client.upload_chunk(sha, 2 * CHUNK, bytes(data[2 * CHUNK:]))
        assert getattr(err.value, "code", "") == "hash_mismatch" and "mã băm" in err.value.message_vi
        assert client.upload_status(sha)["received"] == 0
        stale = client.http.patch(f"/v1/attachments/{sha}", params={"offset": 5}, content=b"x")
        assert stale.status_code == 409 and stale.json()["code"] == "offset_mismatch"
        enqueue(q1.store, [(sha, path)])
        assert upload_pending(q1.store, client, now=lambda: NOW, chunk=CHUNK).completed == 1
        assert client.upload_status(sha)["complete"] is True


def test_an_event_naming_an_attachment_waits_for_its_upload(tmp_path, agency, make_counter):
    q1 = make_counter(agency, "Q01")
    code = issue(q1, 1, now=NOW)[0]
    sha, path = make_file(tmp_path, "b.pdf", 10_000)
    enqueue(q1.store, [(sha, path)])
    q1.store.write(lambda s: queue_event(s, Changes(), kind="dossier.attach", aggregate=code, at=NOW,
                                         payload={"code": code, "agency_code": agency, "attachments": [sha]}))
    with q1.client() as client:
        first = push_outbox(q1.store, client, now=lambda: NOW)
        assert first.applied == 1  # the reception; the attach event is held back locally
        # The server holds back such an event too if a client sends it early.
        r = client.push([{"event_id": "00000000-0000-4000-8000-000000000001", "kind": "dossier.attach",
                          "aggregate": code, "created_at": NOW.isoformat(),
                          "payload": {"code": code, "attachments": [sha]}}], sent_at=NOW)
        assert r["results"][0]["result"] == "pending" and r["results"][0]["reason_code"] == "attachment_missing"
        upload_pending(q1.store, client, now=lambda: NOW)
        second = push_outbox(q1.store, client, now=lambda: NOW)
    assert second.applied == 1 and second.pending == 0


def test_a_scanned_attachment_is_uploaded_before_its_event(tmp_path, agency, make_counter):
    """The scanning feature's attachment table feeds the upload through StoredAttachments."""
    from counter_app.services.attachments import attach_file
    from counter_app.sync.attachments import StoredAttachments
    from counter_app.sync.engine import sync_once
    from qmc_testing import Desk

    q1 = make_counter(agency, "Q01")
    desk = Desk(q1.store, q1.ctx)
    rec = desk.receive("1.004873", NOW)
    pdf = b"%PDF-1.7\n" + os.urandom(3 * CHUNK) + b"\n%%EOF\n"
    q1.store.write(lambda s: attach_file(s, data_root=q1.profile.root, dossier_code=rec.code, component_position=0,
                                         data=pdf, pages=1, by="canbo01", now=NOW))
    sha = hashlib.sha256(pdf).hexdigest()
    source = StoredAttachments(q1.store, q1.profile.root)
    assert [s for s, _ in source.pending()] == [sha]
    with q1.client() as client:
        summary = sync_once(q1.store, client, now=lambda: NOW, attachments=source)
        assert client.upload_status(sha)["complete"] is True
    assert summary.uploads.completed == 1
    assert source.pending() == []
    with q1.store.read() as s:
        from counter_app.storage.models import OutboxEventRow
        assert s.query(OutboxEventRow).filter(OutboxEventRow.sent_at.is_(None)).count() == 0
