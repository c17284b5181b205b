"""Pages scanned at the counter while the dossier is received (số hóa thành phần hồ sơ khi tiếp nhận).

During the reception wizard the dossier does not exist yet (its code is issued when the
officer confirms), so the checklist's scans wait here, one PDF per checklist line, and are
attached in the **same transaction** that records the dossier: either both are stored or
neither is, and a failed write leaves the scans in memory for the next attempt.

A refusal (Mẫu 03) keeps no copies of the citizen's papers: scans are attached only when the
dossier is received or a supplement is requested.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ..domain.status import DossierStatus
from .attachments import AttachmentInfo, attach_file
from .dossiers import ReceptionRecord
from .operations import Changes, OpResult

KEEP_SCANS = {DossierStatus.RECEIVED, DossierStatus.SUPPLEMENT_REQUESTED}


@dataclass(frozen=True)
class ScannedComponent:
    """The PDF of one checklist line, all its pages so far."""

    data: bytes
    pages: int
    thumbnails: tuple[bytes, ...] = ()


class PendingScans:
    """Scanned PDFs by checklist position; thread-safe (filled from a worker, read by the GUI)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._docs: dict[int, ScannedComponent] = {}

    def put(self, position: int, document: ScannedComponent) -> None:
        with self._lock:
            self._docs[position] = document

    def get(self, position: int) -> ScannedComponent | None:
        with self._lock:
            return self._docs.get(position)

    def pages(self, position: int) -> int:
        doc = self.get(position)
        return doc.pages if doc else 0

    def discard(self, position: int) -> None:
        with self._lock:
            self._docs.pop(position, None)

    def clear(self) -> None:
        with self._lock:
            self._docs.clear()

    def snapshot(self) -> dict[int, ScannedComponent]:
        with self._lock:
            return dict(self._docs)

    @property
    def total_pages(self) -> int:
        return sum(d.pages for d in self.snapshot().values())

    def __len__(self) -> int:
        with self._lock:
            return len(self._docs)


def attach_scans(session: Session, documents: Mapping[int, ScannedComponent], *, data_root: Path,
                 dossier_code: str, by: str, now) -> OpResult[list[AttachmentInfo]]:
    """Attach each line's PDF to the recorded dossier (inside the caller's transaction)."""
    changes, infos = Changes(), []
    for position, doc in sorted(documents.items()):
        result = attach_file(session, data_root=data_root, dossier_code=dossier_code, component_position=position,
                             data=doc.data, pages=doc.pages, by=by, now=now,
                             original_filename=f"{dossier_code}-tp{position + 1}.pdf",
                             thumbnails=list(doc.thumbnails))
        infos.append(result.value)
        changes.merge(result.changes)
    return OpResult(infos, changes)


def record_with_scans(record: Callable[[Session], OpResult[ReceptionRecord]], scans: PendingScans, *,
                      data_root: Path, by: str) -> Callable[[Session], OpResult[ReceptionRecord]]:
    """Wrap a ``Workspace.record_reception_op`` so the pending scans are attached in the same write."""
    documents = scans.snapshot()  # taken now, on the GUI thread, when the officer confirms

    def op(session: Session) -> OpResult[ReceptionRecord]:
        result = record(session)
        rec = result.value
        if not documents or rec.status not in KEEP_SCANS:
            return result
        attached = attach_scans(session, documents, data_root=data_root, dossier_code=rec.code, by=by,
                                now=rec.received_at)
        return OpResult(rec, Changes().merge(result.changes).merge(attached.changes))

    return op
