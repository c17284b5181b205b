"""Attachments: digitised copies of dossier components (bản số hóa thành phần hồ sơ).

Files are stored content-addressed under the profile's data folder —
``attachments/ab/cdef…`` where ``abcdef…`` is the SHA-256 of the bytes — so a file is kept
once however often it is attached, and a stored file can always be checked against its
name. :func:`attach_file` runs inside ``Store.write`` (one transaction): it writes the file
(atomically, before the row), adds the row and an outbox event; attaching the same bytes to
the same component again changes nothing. In an encrypted profile the files are sealed with
AES-GCM (:mod:`.attachment_store`); :func:`purge_local_copies` (:mod:`.retention`) removes the
local copies of returned, synced dossiers after the configured retention. The Decision 766
digitisation indicator counts a dossier as digitised when its components have attached files
(domain.md §3.7).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ValidationError
from ..storage.models import AttachmentRow
from . import attachment_store
from .dossiers import get_dossier_row
from .operations import Changes, OpResult, queue_event

MAX_BYTES = 200 * 1024 * 1024
MIME_BY_MAGIC = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG", "image/png"))


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    dossier_code: str
    component_position: int
    sha256: str
    size: int
    pages: int
    mime: str
    original_filename: str
    signed: bool
    created_at: datetime
    created_by: str
    deduplicated: bool = False  # True when the same file was already attached to this component


def _info(row: AttachmentRow, *, deduplicated: bool = False) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.dossier_code, row.component_position, row.sha256, row.size, row.pages,
                          row.mime, row.original_filename, row.signed, row.created_at, row.created_by,
                          deduplicated)


def blob_path(data_root: Path, sha256: str) -> Path:
    """Where the file with this SHA-256 lives: ``<data_root>/attachments/ab/cdef…``."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValidationError("malformed sha256", "Mã băm tệp không hợp lệ.")
    return Path(data_root) / "attachments" / sha256[:2] / sha256[2:]


def thumbnail_dir(data_root: Path, sha256: str) -> Path:
    return Path(data_root) / "attachments" / "thumbs" / sha256


_write_atomic = attachment_store.write_atomic  # sealed (AES-GCM) when the profile is encrypted


def _intact(path: Path, sha: str) -> bool:
    try:
        return hashlib.sha256(attachment_store.read_plain(path)).hexdigest() == sha
    except (FileNotFoundError, ValidationError):
        return False


def store_blob(data_root: Path, data: bytes) -> tuple[str, Path]:
    """Store ``data`` content-addressed (no-op when present and intact); return (sha256, path)."""
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(data_root, sha)
    if not _intact(path, sha):
        _write_atomic(path, data)
    return sha, path


def sniff_mime(data: bytes) -> str:
    for magic, mime in MIME_BY_MAGIC:
        if data.startswith(magic):
            return mime
    raise ValidationError("unsupported attachment type",
                          "Tệp đính kèm phải là PDF, JPEG hoặc PNG. Hãy quét lại hoặc chọn tệp khác.")


def attach_file(session: Session, *, data_root: Path, dossier_code: str, component_position: int, data: bytes,
                pages: int, by: str, now: datetime, original_filename: str = "", signed: bool = False,
                thumbnails: list[bytes] | None = None) -> OpResult[AttachmentInfo]:
    """Attach ``data`` to one component of a dossier (inside the caller's transaction)."""
    if not data:
        raise ValidationError("empty attachment", "Tệp đính kèm rỗng. Hãy quét lại.")
    if len(data) > MAX_BYTES:
        raise ValidationError("attachment too large", "Tệp đính kèm quá lớn (trên 200 MB). Hãy quét ở độ phân giải "
                              "thấp hơn hoặc tách thành nhiều tệp.")
    mime = sniff_mime(data)
    dossier = get_dossier_row(session, dossier_code)
    positions = {c.position for c in dossier.components}
    if component_position not in positions:
        raise NotFoundError(f"dossier has no component {component_position}",
                            f"Hồ sơ {dossier.code} không có thành phần số {component_position + 1}. "
                            "Chọn đúng thành phần hồ sơ trước khi đính kèm.")
    sha, _ = store_blob(data_root, data)
    for n, thumb in enumerate(thumbnails or [], start=1):
        target = thumbnail_dir(data_root, sha) / f"{n}.jpg"
        if not target.exists():
            _write_atomic(target, thumb)
    changes = Changes(dossiers={dossier.code})
    existing = session.scalar(select(AttachmentRow).where(
        AttachmentRow.dossier_code == dossier.code, AttachmentRow.component_position == component_position,
        AttachmentRow.sha256 == sha))
    if existing is not None:
        return OpResult(_info(existing, deduplicated=True), Changes())
    row = AttachmentRow(sha256=sha, size=len(data), pages=pages, mime=mime, dossier_code=dossier.code,
                        component_position=component_position, original_filename=Path(original_filename).name[:255],
                        signed=signed, created_at=now, created_by=by)
    session.add(row)
    session.flush()
    queue_event(session, changes, kind="attachment.added", aggregate=dossier.code, at=now, payload={
        "dossier_code": dossier.code, "component_position": component_position, "sha256": sha,
        "size": len(data), "pages": pages, "mime": mime, "signed": signed,
        "attachments": [sha]}, actor=by)  # sync pushes this event only once the file is on the server
    return OpResult(_info(row), changes)


def list_attachments(session: Session, dossier_code: str) -> list[AttachmentInfo]:
    rows = session.scalars(select(AttachmentRow).where(AttachmentRow.dossier_code == dossier_code.strip())
                           .order_by(AttachmentRow.component_position, AttachmentRow.id))
    return [_info(r) for r in rows]


def read_attachment(data_root: Path, info: AttachmentInfo) -> bytes:
    """The stored bytes, checked against their SHA-256 (a damaged file is an error, not data)."""
    path = blob_path(data_root, info.sha256)
    try:
        data = attachment_store.read_plain(path)
    except FileNotFoundError:
        raise NotFoundError(f"attachment file missing: {info.sha256}",
                            "Không tìm thấy tệp số hóa trên máy này (có thể đã bị xóa). Hãy quét lại "
                            "thành phần hồ sơ này.") from None
    if hashlib.sha256(data).hexdigest() != info.sha256:
        raise ValidationError(f"attachment file damaged: {info.sha256}",
                              "Tệp số hóa trên máy đã bị hỏng (không khớp mã băm). Hãy quét lại thành phần này.")
    return data


def thumbnails(data_root: Path, sha256: str) -> list[Path]:
    """The page previews' files; read them with :func:`read_thumbnail` (they may be encrypted)."""
    d = thumbnail_dir(data_root, sha256)
    return sorted(d.glob("*.jpg"), key=lambda p: int(p.stem)) if d.is_dir() else []


def read_thumbnail(path: Path) -> bytes:
    return attachment_store.read_plain(path)


def digitised_positions(session: Session, dossier_code: str) -> set[int]:
    """Components of the dossier that have at least one attached file (the 766 "số hóa" check)."""
    return set(session.scalars(select(AttachmentRow.component_position).where(
        AttachmentRow.dossier_code == dossier_code.strip())))
