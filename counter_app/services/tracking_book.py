"""The tracking book (Sổ theo dõi hồ sơ — Mẫu 06/2018, Mẫu 07/2025) for a date range.

:func:`rows` gives the book's lines as plain data (the printing package renders the A4
landscape PDF from them); :func:`write_xlsx` writes the same lines as a spreadsheet.
Columns follow domain.md §1.8 (recalled, UNCONFIRMED): STT | Mã hồ sơ | Tên TTHC |
Số lượng (bộ) | Tên cá nhân, tổ chức | Địa chỉ, số điện thoại | Cơ quan chủ trì giải quyết |
Ngày: nhận hồ sơ, hẹn trả, chuyển đến cơ quan giải quyết, nhận kết quả, trả kết quả | Ghi chú.

The book carries names, addresses and phones: :func:`rows` is an export of personal data
(xuất dữ liệu cá nhân) — the role needs ``EXPORT_PERSONAL_DATA``, and each export is in the
audit log (period, format, number of lines; never a line's content).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.status import DossierStatus
from ..resources import load_toml
from ..security import audit
from ..security.permissions import Action, require
from ..storage.models import DossierRow, ProcedureRow

HEADERS = ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức",
           "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả",
           "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả từ cơ quan giải quyết",
           "Trả kết quả cho cá nhân, tổ chức", "Ghi chú"]


@dataclass(frozen=True)
class BookLine:
    seq: int
    code: str
    procedure_name: str
    sets: int
    applicant_name: str
    address_phone: str
    processing_agency: str
    received_at: datetime
    due_at: datetime | None
    handed_off_at: datetime | None
    result_back_at: datetime | None
    returned_at: datetime | None
    note: str

    def cells(self) -> list:
        return [self.seq, self.code, self.procedure_name, self.sets, self.applicant_name, self.address_phone,
                self.processing_agency, self.received_at, self.due_at, self.handed_off_at, self.result_back_at,
                self.returned_at, self.note]


def rows(session: Session, *, ctx, start: datetime, end: datetime, agency_code: str,
         counter_code: str | None = None, fmt: str = "", now: datetime | None = None) -> list[BookLine]:
    """Dossiers received in [start, end) — received ones only (refusals are not in the book).

    ``ctx``: the counter context of the officer exporting (``EXPORT_PERSONAL_DATA``); ``fmt``
    ("pdf", "xlsx") goes into the audit entry."""
    require(ctx.role, Action.EXPORT_PERSONAL_DATA)
    lines = _rows(session, start=start, end=end, agency_code=agency_code, counter_code=counter_code)
    from .. import clock

    audit.record(session, actor=ctx.officer, action="export_tracking_book", target=agency_code,
                 details={"from": start.isoformat(), "to": end.isoformat(), "format": fmt, "lines": len(lines),
                          "counter": counter_code or ""}, at=now or clock.now())
    return lines


def _rows(session: Session, *, start: datetime, end: datetime, agency_code: str,
          counter_code: str | None) -> list[BookLine]:
    q = (select(DossierRow, ProcedureRow.processing_agency)
         .options(selectinload(DossierRow.history), selectinload(DossierRow.handoffs))
         .outerjoin(ProcedureRow, ProcedureRow.id == DossierRow.procedure_id)
         .where(DossierRow.agency_code == agency_code, DossierRow.received_at >= start,
                DossierRow.received_at < end)
         .order_by(DossierRow.received_at, DossierRow.code))
    if counter_code:
        q = q.where(DossierRow.counter_code == counter_code)
    counter_unit = load_toml("rules", "lifecycle.toml")["handoff"]["counter_unit"]
    out = []
    for row, agency in session.execute(q):
        reached = {h.to_status: h.at for h in row.history}
        if DossierStatus.RECEIVED.value not in reached:
            continue
        first_out = row.handoffs[0].given_at if row.handoffs else None
        # Back at the counter: a move *to* the counter (an internal step between departments is not).
        back = next((h.received_at for h in reversed(row.handoffs)
                     if h.seq > 1 and h.received_at and h.to_unit == counter_unit), None)
        note = DossierStatus(row.status).label_vi if row.status in ("withdrawn", "stopped", "cancelled") else ""
        out.append(BookLine(
            len(out) + 1, row.code, row.procedure_name, 1, row.applicant_name,
            ", ".join(p for p in (row.contact_address or row.applicant_address, row.contact_phone) if p),
            agency or "", reached[DossierStatus.RECEIVED.value], row.due_at, first_out,
            back or reached.get(DossierStatus.RESOLVED.value), reached.get(DossierStatus.RETURNED.value), note))
    return out


def write_xlsx(lines: list[BookLine], path: Path, *, title: str) -> Path:
    """The book as an .xlsx workbook (one sheet, header row, dates as real dates)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "So theo doi ho so"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="center")
    for line in lines:
        ws.append(line.cells())
    for row in ws.iter_rows(min_row=3, min_col=8, max_col=12):
        for cell in row:
            cell.number_format = "dd/mm/yyyy hh:mm"
    for col, width in zip("ABCDEFGHIJKLM", [5, 27, 40, 9, 24, 30, 24, 16, 16, 16, 16, 16, 16]):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
