"""Retention (thời hạn lưu giữ bản sao tại quầy): purge local copies once the city has them.

Decree 13/2023/NĐ-CP asks that personal data be kept no longer than needed. A counter needs
its copy of a dossier's digitised files only until the result is returned and everything is
synced: the city keeps the dossier. After ``security.retention_days`` days from the return,
:func:`purge_local_copies` deletes the local files (and, with ``personal_fields``, blanks the
citizen's ID number, phone, e-mail and addresses in the local row) of every dossier that is

* returned (status 10), at least that many days ago,
* fully synced: no event of it waits in the outbox, and each of its files is on the server.

A file shared with a dossier that is not purged stays. Rows stay, marked ``purged_at``.
Files are deleted only after the transaction that marks them committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.status import DossierStatus
from ..security import audit
from ..storage.db import Store
from ..storage.models import AttachmentRow, DossierRow, OutboxEventRow, StatusChangeRow
from ..storage.models_sync import SyncUploadRow
from .attachments import blob_path, thumbnail_dir

_PERSONAL = ("applicant_id_number", "applicant_address", "contact_phone", "contact_email", "contact_address")


@dataclass
class PurgeReport:
    dossiers: list[str] = field(default_factory=list)
    files_deleted: int = 0
    bytes_freed: int = 0
    waiting_sync: int = 0  # returned long enough ago, but not synced yet: kept


def _eligible(session: Session, cutoff: datetime) -> tuple[list[DossierRow], int]:
    returned_at = (select(StatusChangeRow.dossier_id, func.max(StatusChangeRow.at).label("at"))
                   .where(StatusChangeRow.to_status == DossierStatus.RETURNED.value)
                   .group_by(StatusChangeRow.dossier_id).subquery())
    rows = session.scalars(
        select(DossierRow).join(returned_at, returned_at.c.dossier_id == DossierRow.id)
        .where(DossierRow.status == DossierStatus.RETURNED.value, returned_at.c.at <= cutoff)
        .order_by(DossierRow.code)).all()
    unsent = set(session.scalars(select(OutboxEventRow.aggregate).where(OutboxEventRow.sent_at.is_(None))))
    uploaded = set(session.scalars(select(SyncUploadRow.sha256).where(SyncUploadRow.done_at.is_not(None))))
    ready, waiting = [], 0
    for row in rows:
        shas = set(session.scalars(select(AttachmentRow.sha256).where(AttachmentRow.dossier_code == row.code)))
        if row.code in unsent or not shas <= uploaded:
            waiting += 1
        else:
            ready.append(row)
    return ready, waiting


def purge_local_copies(store: Store, *, data_root: Path, now: datetime, retention_days: int,
                       personal_fields: bool = False, by: str = "system", dry_run: bool = False,
                       ctx=None) -> PurgeReport:
    """Purge what the retention allows (see the module). ``dry_run`` only reports. ``ctx``: the
    officer who runs it (``CONFIGURE_COUNTER``; the audit entry names them); None: the app's own
    scheduled purge (``by``)."""
    if ctx is not None:
        from ..security.permissions import Action, require

        require(ctx.role, Action.CONFIGURE_COUNTER)
        by = ctx.officer
    if retention_days < 1:
        raise ValidationError("retention must be at least one day",
                              "Thời hạn lưu giữ phải từ 1 ngày trở lên (khóa security.retention_days).")
    cutoff = now - timedelta(days=retention_days)
    report = PurgeReport()

    def mark(session: Session) -> set[str]:
        ready, report.waiting_sync = _eligible(session, cutoff)
        touched: set[str] = set()
        for row in ready:
            attachments = session.scalars(select(AttachmentRow).where(
                AttachmentRow.dossier_code == row.code, AttachmentRow.purged_at.is_(None))).all()
            blank = personal_fields and any(getattr(row, f) for f in _PERSONAL)
            if not attachments and not blank:
                continue
            report.dossiers.append(row.code)
            if dry_run:
                continue
            for a in attachments:
                a.purged_at = now
                touched.add(a.sha256)
            if blank:
                for f in _PERSONAL:
                    setattr(row, f, "")
        if report.dossiers and not dry_run:
            audit.append(session, actor=by, action="retention_purge", at=now,
                         details={"dossiers": len(report.dossiers), "days": retention_days,
                                  "personal_fields": personal_fields})
        session.flush()
        still_needed = set(session.scalars(select(AttachmentRow.sha256).where(
            AttachmentRow.sha256.in_(touched), AttachmentRow.purged_at.is_(None))))
        return touched - still_needed

    doomed = store.write(mark)
    for sha in sorted(doomed):  # after the commit: a failed transaction deletes nothing
        path = blob_path(data_root, sha)
        if path.exists():
            report.bytes_freed += path.stat().st_size
            path.unlink()
            report.files_deleted += 1
        thumbs = thumbnail_dir(data_root, sha)
        if thumbs.is_dir():
            for t in thumbs.iterdir():
                t.unlink()
            thumbs.rmdir()
    return report
