"""The written authorisation (văn bản ủy quyền) of a person receiving a result on the owner's behalf.

Return of results to an authorised person (người được ủy quyền nhận kết quả) needs the
authorisation scanned and kept with the dossier before the return is confirmed
(:meth:`counter_app.services.returns.ReturnFlow.verify_authorised`). It is not one of the
checklist's components, so it is attached at :data:`AUTHORISATION_POSITION`, content-addressed
like every digitised file (:func:`counter_app.services.attachments.store_blob`), with the same
``attachment.added`` outbox event so sync archives it on the city server.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..storage.models import AttachmentRow
from .attachments import MAX_BYTES, AttachmentInfo, _info, sniff_mime, store_blob
from .dossiers import get_dossier_row
from .operations import Changes, OpResult, queue_event

#: The attachment position of a receiver's authorisation (checklist components count from 0).
AUTHORISATION_POSITION = -1


def attach_authorisation(session: Session, *, data_root: Path, dossier_code: str, data: bytes, pages: int,
                         by: str, now: datetime, original_filename: str = "") -> OpResult[AttachmentInfo]:
    """Keep the scanned authorisation with the dossier (inside the caller's transaction)."""
    if not data:
        raise ValidationError("empty authorisation", "Tệp văn bản ủy quyền rỗng. Hãy quét lại.")
    if len(data) > MAX_BYTES:
        raise ValidationError("authorisation too large",
                              "Tệp văn bản ủy quyền quá lớn (trên 200 MB). Hãy quét ở độ phân giải thấp hơn.")
    mime = sniff_mime(data)
    dossier = get_dossier_row(session, dossier_code)
    sha, _ = store_blob(data_root, data)
    existing = session.scalar(select(AttachmentRow).where(
        AttachmentRow.dossier_code == dossier.code, AttachmentRow.component_position == AUTHORISATION_POSITION,
        AttachmentRow.sha256 == sha))
    if existing is not None:
        return OpResult(_info(existing, deduplicated=True), Changes())
    row = AttachmentRow(sha256=sha, size=len(data), pages=pages, mime=mime, dossier_code=dossier.code,
                        component_position=AUTHORISATION_POSITION,
                        original_filename=Path(original_filename).name[:255], created_at=now, created_by=by)
    session.add(row)
    session.flush()
    changes = Changes(dossiers={dossier.code})
    queue_event(session, changes, kind="attachment.added", aggregate=dossier.code, at=now, payload={
        "dossier_code": dossier.code, "component_position": AUTHORISATION_POSITION, "sha256": sha,
        "size": len(data), "pages": pages, "mime": mime, "signed": False, "purpose": "return_authorisation",
        "attachments": [sha]}, actor=by)
    return OpResult(_info(row), changes)


def has_authorisation(session: Session, dossier_code: str) -> bool:
    return session.scalar(select(AttachmentRow.id).where(
        AttachmentRow.dossier_code == dossier_code.strip(),
        AttachmentRow.component_position == AUTHORISATION_POSITION).limit(1)) is not None
