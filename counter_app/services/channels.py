"""Online and postal dossiers in the local store: how each came in and how its result went out.

* :func:`receive_online` — record the reception (received / supplement / refused) of a dossier
  submitted on the public portal (kênh trực tuyến), tied to its submission id; a refusal
  consumes a supervisor's approval given for that submission (four-eyes, as at the desk).
  Every file the officer accepted becomes an attachment of its checklist line (bản số hóa
  thành phần hồ sơ, stored like a scanned file); the ``dossier.channel`` event lists each file's
  verdict, rejected ones with the reason.
* :func:`receive_postal` — record the reception of a dossier that came by post (kênh bưu chính
  công ích) with the tracking number of the item (số hiệu bưu gửi, UPU S10).
* :func:`record_postal_return` — the result sent back to the citizen by post: status 10
  (đã trả kết quả) with the outbound tracking number and time.

Each runs in the caller's transaction, writes the ``dossier_channel`` row and queues a
``dossier.channel`` / ``dossier.postal_out`` event after the dossier's own event, so the city
server gets them in order. Tracking numbers and submission ids are not personal data.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.dossier import Channel
from ..domain.errors import ValidationError
from ..domain.status import DossierStatus
from ..security.permissions import Action
from ..storage.models_channels import DossierChannelRow
from .dossiers import CounterContext, ReceptionRecord, change_status, get_dossier_row, record_reception
from .numbering import NumberAllocator
from .online import OnlineDossier, parse_tracking_number
from .online_review import FileCheck
from .operations import Changes, OpResult, queue_event
from .reception import Outcome, ReceptionFlow


@dataclass(frozen=True)
class ChannelRecord:
    """What the store knows of a dossier's channel (plain data for screens and the CLI)."""

    dossier_code: str
    channel: Channel
    online_id: str = ""
    online_taken: bool = False
    inbound_tracking: str = ""
    outbound_tracking: str = ""
    outbound_sent_at: datetime | None = None

    @classmethod
    def of(cls, row: DossierChannelRow) -> "ChannelRecord":
        return cls(row.dossier_code, Channel(row.channel), row.online_id, row.online_taken_at is not None,
                   row.inbound_tracking, row.outbound_tracking, row.outbound_sent_at)


def _payload(row: DossierChannelRow) -> dict:
    return {"code": row.dossier_code, "channel": row.channel, "online_id": row.online_id,
            "inbound_tracking": row.inbound_tracking}


def _channel_row(session: Session, code: str, *, channel: int, ctx: CounterContext,
                 now: datetime) -> DossierChannelRow:
    row = session.get(DossierChannelRow, code)
    if row is None:
        row = DossierChannelRow(dossier_code=code, channel=channel, online_id="", online_taken_at=None,
                                inbound_tracking="", outbound_tracking="", outbound_sent_at=None,
                                outbound_officer="", recorded_at=now, officer=ctx.officer)
        session.add(row)
    return row


_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _pages(data: bytes) -> int:
    return max(1, len(_PDF_PAGE.findall(data))) if data.startswith(b"%PDF-") else 1


def _file_verdicts(files: Sequence[FileCheck]) -> list[dict]:
    """The officer's verdict per file, for the event (SHA-256 and checklist line, never the file's name)."""
    return [{"sha256": c.file.sha256.lower(), "component": c.position, "accepted": bool(c.accepted),
             "reason": "" if c.accepted else (c.reason or "Không đạt yêu cầu")} for c in files]


def _attach_accepted(session: Session, code: str, files: Sequence[FileCheck], *, data_root: Path | None,
                     by: str, now: datetime, changes: Changes) -> list[str]:
    """Attach each accepted file to its checklist line of dossier ``code``; returns their SHA-256s."""
    from .attachments import attach_file

    accepted = [c for c in files if c.accepted]
    if accepted and data_root is None:
        raise ValidationError("no data folder for the online files",
                              "Không xác định được thư mục lưu tệp của hồ sơ; báo quản trị hệ thống.")
    shas: list[str] = []
    for c in accepted:
        if c.data is None or c.position is None or hashlib.sha256(c.data).hexdigest() != c.file.sha256.lower():
            raise ValidationError(f"accepted online file not intact: {c.file.sha256[:12]}",
                                  f"Tệp “{c.file.name}” chưa tải về đầy đủ hoặc bị hỏng; mở lại hồ sơ và kiểm tra "
                                  "lại tệp trước khi quyết định.")
        result = attach_file(session, data_root=data_root, dossier_code=code, component_position=c.position,
                             data=c.data, pages=_pages(c.data), by=by, now=now, original_filename=c.file.name)
        changes.merge(result.changes)
        if result.value.sha256 not in shas:
            shas.append(result.value.sha256)
    return shas


def receive_online(session: Session, flow: ReceptionFlow, online: OnlineDossier, *, ctx: CounterContext,
                   allocator: NumberAllocator, now: datetime, approval_id: str | None = None,
                   files: Sequence[FileCheck] = (), data_root: Path | None = None) -> OpResult[ReceptionRecord]:
    """Record the decided ``flow`` of the online submission ``online`` (one transaction).

    The appointment is counted from ``now``: the moment the complete dossier is accepted.
    A refusal needs ``approval_id``, a supervisor's approval of ``REFUSE_DOSSIER`` on ``online.id``.
    ``files`` are the officer's checks (:meth:`OnlineReview.decisions`): when the dossier is received
    or a supplement is asked, each accepted file is attached under ``data_root`` (the profile's data
    folder) to its checklist line; a refused dossier keeps no files (as scans at the desk)."""
    if flow.channel is not Channel(online.channel):
        raise ValidationError("flow channel differs from the submission's",
                              "Hồ sơ đang xử lý không phải hồ sơ trực tuyến đã chọn; mở lại hồ sơ từ danh sách.")
    taken = session.scalar(select(DossierChannelRow.dossier_code).where(DossierChannelRow.online_id == online.id))
    if taken and flow.resume_of is None:
        raise ValidationError(f"online dossier already recorded as {taken}",
                              f"Hồ sơ trực tuyến này đã được ghi nhận tại quầy với mã {taken}; làm mới danh sách.")
    if flow.outcome is Outcome.REFUSE:
        from ..security import approvals

        approvals.consume(session, approval_id=approval_id or "", action=Action.REFUSE_DOSSIER, target=online.id,
                          by=ctx.officer, now=now)
    result = record_reception(session, flow, ctx=ctx, allocator=allocator, now=now)
    row = _channel_row(session, result.value.code, channel=int(flow.channel), ctx=ctx, now=now)
    row.online_id = online.id
    from .reception_scans import KEEP_SCANS

    attached = (_attach_accepted(session, row.dossier_code, files, data_root=data_root, by=ctx.officer, now=now,
                                 changes=result.changes) if result.value.status in KEEP_SCANS else [])
    payload = _payload(row)
    if files:
        payload.update(online_files=_file_verdicts(files), attachments=attached)
    queue_event(session, result.changes, kind="dossier.channel", aggregate=row.dossier_code, at=now,
                payload=payload, actor=ctx.officer)
    session.flush()
    return result


def online_files(session: Session, code: str) -> list[dict]:
    """The officer's verdicts on the online files of dossier ``code`` (from its ``dossier.channel`` event):
    ``sha256``, ``component``, ``accepted``, ``reason``; empty when none was recorded."""
    import json

    from ..storage.models import OutboxEventRow

    payloads = session.scalars(select(OutboxEventRow.payload).where(
        OutboxEventRow.aggregate == code.strip(), OutboxEventRow.kind == "dossier.channel")
        .order_by(OutboxEventRow.id))
    for raw in payloads:
        body = json.loads(raw)
        if "online_files" in body:
            return list(body["online_files"])
    return []


def receive_postal(session: Session, flow: ReceptionFlow, tracking_number: str, *, ctx: CounterContext,
                   allocator: NumberAllocator, now: datetime,
                   approval_id: str | None = None) -> OpResult[ReceptionRecord]:
    """Record the decided ``flow`` of a dossier that came by post, with its tracking number.

    A refusal needs ``approval_id``: a supervisor's approval of ``REFUSE_DOSSIER`` on the tracking number."""
    tracking = parse_tracking_number(tracking_number)
    if flow.channel is not Channel.POSTAL:
        raise ValidationError("flow is not postal", "Hồ sơ này không được tiếp nhận qua bưu chính.")
    if flow.outcome is Outcome.REFUSE:
        from ..security import approvals

        approvals.consume(session, approval_id=approval_id or "", action=Action.REFUSE_DOSSIER, target=tracking,
                          by=ctx.officer, now=now)
    if flow.resume_of is None:
        used = session.scalar(select(DossierChannelRow.dossier_code)
                              .where(DossierChannelRow.inbound_tracking == tracking))
        if used:
            raise ValidationError(f"tracking number already used by {used}",
                                  f"Bưu gửi số {tracking} đã được tiếp nhận thành hồ sơ {used}. Kiểm tra lại "
                                  "số hiệu trên phong bì.")
    result = record_reception(session, flow, ctx=ctx, allocator=allocator, now=now)
    row = _channel_row(session, result.value.code, channel=int(Channel.POSTAL), ctx=ctx, now=now)
    row.inbound_tracking = tracking
    queue_event(session, result.changes, kind="dossier.channel", aggregate=row.dossier_code, at=now,
                payload=_payload(row), actor=ctx.officer)
    session.flush()
    return result


def record_postal_return(session: Session, *, code: str, tracking_number: str, ctx: CounterContext,
                         now: datetime) -> OpResult[ChannelRecord]:
    """The result is handed to the post office for the citizen (trả kết quả qua bưu chính).

    The dossier must be ready to return (status 9) with no fee owed; it becomes status 10."""
    from .fees import outstanding_vnd

    tracking = parse_tracking_number(tracking_number)
    dossier = get_dossier_row(session, code)
    status = DossierStatus(dossier.status)
    if status is not DossierStatus.RESOLVED:
        raise ValidationError(f"dossier is {status.value}, not resolved",
                              f"Hồ sơ {dossier.code} chưa có kết quả để trả (trạng thái hiện tại: "
                              f"“{status.label_vi}”).")
    owed = outstanding_vnd(session, dossier.code)
    if owed > 0:
        amount = f"{owed:,}".replace(",", ".")
        raise ValidationError("fees outstanding", f"Hồ sơ {dossier.code} còn nợ {amount} đồng phí, lệ phí: thu đủ "
                                                  "trước khi gửi kết quả qua bưu chính.")
    used = session.scalar(select(DossierChannelRow.dossier_code).where(
        DossierChannelRow.outbound_tracking == tracking, DossierChannelRow.dossier_code != dossier.code))
    if used:
        raise ValidationError(f"tracking number already used by {used}",
                              f"Số hiệu bưu gửi {tracking} đã dùng để gửi kết quả hồ sơ {used}.")
    result = change_status(session, dossier.code, DossierStatus.RETURNED, ctx=ctx, now=now,
                           reason=f"Gửi kết quả qua bưu chính, số hiệu {tracking}")
    row = _channel_row(session, dossier.code, channel=dossier.channel, ctx=ctx, now=now)
    row.outbound_tracking, row.outbound_sent_at, row.outbound_officer = tracking, now, ctx.officer
    changes = Changes(dossiers={dossier.code}).merge(result.changes)
    queue_event(session, changes, kind="dossier.postal_out", aggregate=dossier.code, at=now, actor=ctx.officer,
                payload={"code": dossier.code, "outbound_tracking": tracking, "outbound_sent_at": now})
    session.flush()
    return OpResult(ChannelRecord.of(row), changes)


def mark_online_taken(session: Session, code: str, *, now: datetime) -> None:
    """The city server has bound the submission to ``code`` (no event: the server knows)."""
    row = session.get(DossierChannelRow, code)
    if row is not None and row.online_taken_at is None:
        row.online_taken_at = now


def untaken_online(session: Session) -> list[tuple[str, str]]:
    """``(online id, dossier code)`` recorded here but not yet bound on the city server (retry)."""
    q = select(DossierChannelRow.online_id, DossierChannelRow.dossier_code).where(
        DossierChannelRow.online_id != "", DossierChannelRow.online_taken_at.is_(None))
    return [(a, b) for a, b in session.execute(q)]


def channel_of(session: Session, code: str) -> ChannelRecord | None:
    row = session.get(DossierChannelRow, code.strip())
    return ChannelRecord.of(row) if row is not None else None


def find_by_tracking(session: Session, tracking_number: str) -> ChannelRecord | None:
    """The dossier that came in or went out with this tracking number (scanner input)."""
    tracking = parse_tracking_number(tracking_number)
    row = session.scalar(select(DossierChannelRow).where(
        (DossierChannelRow.inbound_tracking == tracking) | (DossierChannelRow.outbound_tracking == tracking)))
    return ChannelRecord.of(row) if row is not None else None
