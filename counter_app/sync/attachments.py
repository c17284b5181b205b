"""Resumable, content-addressed attachment upload (tải tệp đính kèm lên, tiếp tục được khi đứt mạng).

The scanning feature owns the attachment table; sync only needs an :class:`AttachmentSource`
giving ``(sha256, path)`` pairs. Progress lives in ``sync_upload``; after a cut the server's
own offset is asked again (it is the truth: a chunk cut mid-way is never half-stored there),
so an upload resumes where the server stands. The server checks the SHA-256 on the last
chunk; an event naming an attachment is pushed only once that attachment is complete.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import select

from ..domain.errors import CounterError
from ..services.attachment_store import plain_size, read_plain
from ..storage.db import Store
from ..storage.models_sync import SyncUploadRow
from .client import SyncClient
from .errors import ServerRefused

CHUNK = 256 * 1024


class AttachmentSource(Protocol):
    def pending(self) -> Iterable[tuple[str, Path]]:
        """Attachments that must be on the server: (SHA-256 hex, file path)."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def enqueue(store: Store, items: Iterable[tuple[str, Path]]) -> int:
    """Register attachments to upload (idempotent); returns how many were new."""
    def add(s) -> int:
        new = 0
        for sha, path in items:
            if s.get(SyncUploadRow, sha.lower()) is None:
                s.add(SyncUploadRow(sha256=sha.lower(), path=str(path), size=plain_size(path), uploaded=0,
                                    done_at=None, attempts=0, last_error=""))
                new += 1
        return new
    return store.write(add)


@dataclass
class UploadSummary:
    completed: int = 0
    bytes_sent: int = 0
    failed: int = 0


def upload_one(store: Store, client: SyncClient, sha256: str, path: Path, *, now, chunk: int = CHUNK) -> int:
    """Upload (or resume) one file; returns the bytes sent. Raises ServerUnreachable on a cut."""
    content = read_plain(path)  # decrypted: the city stores (and checks) the file itself
    size = len(content)
    status = client.upload_start(sha256, size)
    sent = 0
    while not status["complete"]:
        offset = status["received"]
        data = content[offset:offset + min(chunk, size - offset)]
        try:
            status = client.upload_chunk(sha256, offset, data)
            sent += len(data)
        except ServerRefused as exc:
            if exc.code == "offset_mismatch":
                status = client.upload_status(sha256)  # someone (an earlier try) got further: resume there
                continue
            raise
        store.write(lambda s: _progress(s, sha256, status["received"]))
    store.write(lambda s: _done(s, sha256, now()))
    return sent


def _progress(s, sha256: str, received: int) -> None:
    row = s.get(SyncUploadRow, sha256)
    if row is not None:
        row.uploaded = received


def _done(s, sha256: str, at: datetime) -> None:
    row = s.get(SyncUploadRow, sha256)
    if row is not None:
        row.uploaded, row.done_at, row.last_error = row.size, at, ""


def upload_pending(store: Store, client: SyncClient, *, now, source: AttachmentSource | None = None,
                   chunk: int = CHUNK) -> UploadSummary:
    if source is not None:
        enqueue(store, source.pending())
    with store.read() as s:
        todo = [(r.sha256, Path(r.path)) for r in s.scalars(select(SyncUploadRow).where(SyncUploadRow.done_at.is_(None))
                                                             .order_by(SyncUploadRow.sha256))]
    summary = UploadSummary()
    for sha, path in todo:
        store.write(lambda s: _attempt(s, sha))
        if not path.exists() or _plain_sha256(path) != sha:
            # The file changed or vanished locally: the officer must rescan; never send the wrong bytes.
            store.write(lambda s: _fail(s, sha, "Tệp đính kèm trên máy đã bị xóa hoặc thay đổi; cần quét lại."))
            summary.failed += 1
            continue
        try:
            summary.bytes_sent += upload_one(store, client, sha, path, now=now, chunk=chunk)
        except ServerRefused as exc:
            message = exc.message_vi
            store.write(lambda s: _fail(s, sha, message))
            summary.failed += 1
            continue
        summary.completed += 1
    return summary


def _plain_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(read_plain(path)).hexdigest()
    except (OSError, CounterError):  # gone, or sealed and not decryptable here
        return ""


def _attempt(s, sha256: str) -> None:
    row = s.get(SyncUploadRow, sha256)
    row.attempts += 1


def _fail(s, sha256: str, message_vi: str) -> None:
    row = s.get(SyncUploadRow, sha256)
    row.last_error = message_vi


__all__ = ["AttachmentSource", "enqueue", "upload_pending", "upload_one", "sha256_file"]


class StoredAttachments:
    """The counter's digitised files (the ``attachment`` table) as an :class:`AttachmentSource`."""

    def __init__(self, store: Store, data_root: Path) -> None:
        self.store, self.data_root = store, data_root

    def pending(self) -> Iterable[tuple[str, Path]]:
        from ..services.attachments import blob_path
        from ..storage.models_attachments import AttachmentRow

        with self.store.read() as s:
            done = set(s.scalars(select(SyncUploadRow.sha256).where(SyncUploadRow.done_at.is_not(None))))
            shas = sorted({sha.lower() for sha in s.scalars(select(AttachmentRow.sha256))} - done)
        return [(sha, blob_path(self.data_root, sha)) for sha in shas]
