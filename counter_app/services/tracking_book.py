"""The tracking book (Sổ theo dõi hồ sơ — Mẫu 06/2018, Mẫu 07/2025) for a date range.

:func:`rows` gives the book's lines as plain data (the printing package renders the A4
landscape PDF from them); :func:`write_xlsx` writes the same lines as a spreadsheet.
The columns are data: the register table of ``resources/forms/<basis>/register.toml``
(domain.md §1.8, recalled, UNCONFIRMED), versioned by legal basis; the PDF and the XLSX
print the same ones (STT | Mã hồ sơ | Tên TTHC | Số lượng hồ sơ (bộ) | … | Ký nhận | Ghi chú).

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

from ..domain.errors import ConfigurationError
from ..domain.legal_basis import LegalBasis, basis_for
from ..domain.status import DossierStatus
from ..resources import load_toml
from ..security import audit
from ..security.permissions import Action, require
from ..storage.models import DossierRow, ProcedureRow

def columns(basis: LegalBasis) -> list[tuple[str, str]]:
    """``(title, field)`` of the book's columns under ``basis`` — the register table of
    ``resources/forms/<basis>/register.toml``, the same the PDF prints (Mẫu 06/2018, Mẫu 07/2025)."""
    body = load_toml("forms", basis.value, "register.toml")["body"]
    [table] = [b for b in body if b.get("kind") == "table"]
    return [(c["title"], c["field"]) for c in table["columns"]]


def sets_received(components) -> int:
    """Số lượng hồ sơ (bộ): how many complete sets the citizen handed in — for every mandatory
    component with a requirement, the number of times its originals and copies cover it; the
    smallest of those, at least 1 (a received dossier is one set even when an original stood in
    for a copy). ``components``: rows with ``required_originals``, ``required_copies``,
    ``originals``, ``copies`` and ``mandatory``."""
    counts = [(c.originals + c.copies) // (c.required_originals + c.required_copies)
              for c in components if c.mandatory and c.required_originals + c.required_copies > 0]
    return max(1, min(counts, default=1))


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

    def values(self) -> dict[str, object]:
        """The line by the register table's ``field`` names (dates as datetimes); "sign" is the
        citizen's signature on paper (Ký nhận), blank in the file."""
        return {"no": self.seq, "code": self.code, "procedure": self.procedure_name, "sets": self.sets,
                "applicant": self.applicant_name, "address_phone": self.address_phone,
                "processing_unit": self.processing_agency, "received": self.received_at, "due": self.due_at,
                "sent": self.handed_off_at, "back": self.result_back_at, "returned": self.returned_at,
                "sign": None, "note": self.note}

    def cells(self, basis: LegalBasis) -> list:
        """The line in the order of ``basis``'s columns."""
        values = self.values()
        try:
            return [values[field] for _, field in columns(basis)]
        except KeyError as exc:
            raise ConfigurationError(f"register.toml of {basis.value}: unknown field {exc}",
                                     "Mẫu sổ theo dõi hồ sơ (register.toml) có cột không hỗ trợ. "
                                     "Cài đặt lại ứng dụng hoặc liên hệ bộ phận hỗ trợ.") from None


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
         .options(selectinload(DossierRow.history), selectinload(DossierRow.handoffs),
                  selectinload(DossierRow.components))
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
            len(out) + 1, row.code, row.procedure_name, sets_received(row.components), row.applicant_name,
            ", ".join(p for p in (row.contact_address or row.applicant_address, row.contact_phone) if p),
            agency or "", reached[DossierStatus.RECEIVED.value], row.due_at, first_out,
            back or reached.get(DossierStatus.RESOLVED.value), reached.get(DossierStatus.RETURNED.value), note))
    return out


def write_xlsx(lines: list[BookLine], path: Path, *, title: str, basis: LegalBasis | None = None) -> Path:
    """The book as an .xlsx workbook: one sheet, the title, one header row with exactly the
    PDF's columns under ``basis`` (default: the basis of the last line's reception day),
    dates as real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    basis = basis or basis_for(max((x.received_at for x in lines), default=datetime.now()).date())
    cols = columns(basis)
    wb = Workbook()
    ws = wb.active
    ws.title = "So theo doi ho so"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([t for t, _ in cols])
    for cell in ws[2]:
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="center")
    for line in lines:
        ws.append(line.cells(basis))
    for i, (_, field) in enumerate(cols, start=1):
        letter = get_column_letter(i)
        if field in _DATE_FIELDS:
            for (cell,) in ws.iter_rows(min_row=3, min_col=i, max_col=i):
                cell.number_format = "dd/mm/yyyy hh:mm"
        ws.column_dimensions[letter].width = _WIDTHS.get(field, 16)
    ws.freeze_panes = "A3"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


_DATE_FIELDS = {"received", "due", "sent", "back", "returned"}
_WIDTHS = {"no": 5, "code": 27, "procedure": 40, "sets": 9, "applicant": 24, "address_phone": 30,
           "processing_unit": 24, "sign": 14, "note": 16}
