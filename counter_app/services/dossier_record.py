"""Everything the detail screen shows of one dossier: its timeline with prints and scans, and its files.

:func:`counter_app.services.queries.dossier_detail` gives statuses and handoffs; this adds
every print of a form (``PrintRecordRow``: bản in, bản in lại, failed prints) and every
digitised file (``AttachmentRow``: scans of the components, the receiver's authorisation),
in time order, and the attachment list the detail draws thumbnails of.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models_printing import PrintRecordRow
from .attachments import AttachmentInfo, list_attachments
from .dossiers import get_dossier_row
from .queries import DossierDetail, TimelineEntry, dossier_detail
from .return_authorisation import AUTHORISATION_POSITION


@dataclass(frozen=True)
class DossierRecord:
    """The detail (with the full timeline) and the dossier's files, each with what it is."""

    detail: DossierDetail
    attachments: tuple[tuple[AttachmentInfo, str], ...]  # (file, what it is: component name / authorisation)


def attachment_label(info: AttachmentInfo, component_names: Mapping[int, str]) -> str:
    if info.component_position == AUTHORISATION_POSITION:
        return "Văn bản ủy quyền nhận kết quả"
    return component_names.get(info.component_position, f"Thành phần số {info.component_position + 1}")


def dossier_record(session: Session, code: str, *, ctx, now: datetime,
                   form_names: Mapping[str, str] | None = None) -> DossierRecord:
    """The dossier ``code`` (raises ``NotFoundError``); ``form_names``: form key → its title.
    A view of personal data: ``ctx``'s role needs ``VIEW_PERSONAL_DATA``; recorded (``queries.dossier_detail``)."""
    detail = dossier_detail(session, code, ctx=ctx, now=now)
    code = detail.summary.code
    names = {c.position: c.name for c in get_dossier_row(session, code).components}
    files = list_attachments(session, code)
    entries = list(detail.timeline)
    for info in files:
        pages = f" ({info.pages} trang)" if info.pages else ""
        entries.append(TimelineEntry(info.created_at, "scan", f"Số hóa: {attachment_label(info, names)}{pages}",
                                     info.created_by))
    for p in session.scalars(select(PrintRecordRow).where(PrintRecordRow.dossier_code == code)
                             .order_by(PrintRecordRow.printed_at, PrintRecordRow.id)):
        title = (form_names or {}).get(p.form, p.form)
        what = "In lại" if p.reprint else "In"
        failed = " — không in được" if p.job_state == "failed" else ""
        entries.append(TimelineEntry(p.printed_at, "print", f"{what} {title}{failed}", p.officer, p.reason))
    entries.sort(key=lambda e: e.at)
    return DossierRecord(replace(detail, timeline=tuple(entries)),
                         tuple((info, attachment_label(info, names)) for info in files))
