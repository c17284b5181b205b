"""What a form prints: a :class:`FormContext` (plain data) and its flat placeholder fields.

Forms take the core's domain objects (``Dossier``, ``Handoff``…) plus the few things a
dossier does not hold (the agency's header block, the register book number, reasons).
:func:`fields` turns a context into the ``{placeholder}`` values of the templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from counter_app.domain.dossier import Dossier, HandoffResult
from counter_app.domain.personal_id import mask_id_number
from counter_app.domain.text import nfc
from counter_app.domain.time_limit import TimeLimit

RESULT_LABELS = {HandoffResult.EARLY: "Trước hạn", HandoffResult.ON_TIME: "Đúng hạn", HandoffResult.LATE: "Quá hạn"}
EMPTY = "…………"


@dataclass(frozen=True)
class AgencyBlock:
    """The left header block and the agency's own details (from forms.toml, or the store)."""

    parent_body: str
    unit_name: str
    unit_label: str = ""  # the unit's name inside a sentence ("Trung tâm Phục vụ hành chính công phường …")
    place: str = "Hà Nội"
    number_suffix: str = ""
    return_place: str = ""
    contact_phone: str = ""

    @classmethod
    def from_settings(cls, **overrides: str) -> "AgencyBlock":
        from counter_app.resources import load_toml

        table = dict(load_toml("brand", "forms.toml").get("agency", {}))
        table.update({k: v for k, v in overrides.items() if v})
        return cls(**{k: table.get(k, "") for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class ResultInfo:
    """Return of the result (Phiếu trả kết quả): what, to whom, identified how."""

    result_name: str
    receiver_name: str
    receiver_document: str  # e.g. "Thẻ căn cước"
    receiver_id_number: str
    returned_at: datetime
    copies: int = 1


@dataclass(frozen=True)
class QueueTicket:
    number: str
    counter_name: str
    field_name: str
    issued_at: datetime
    waiting: int = 0


@dataclass
class FormContext:
    dossier: Dossier
    agency: AgencyBlock
    issued_at: datetime
    officer_name: str = ""
    processing_unit: str = ""  # cơ quan (bộ phận) giải quyết
    coordinating_unit: str = ""  # cơ quan phối hợp giải quyết
    register_book: str = ""  # Sổ theo dõi hồ sơ, quyển số
    register_seq: str = ""  # số thứ tự
    reasons: list[str] = field(default_factory=list)  # refusal / late / stop reasons
    supplement_items: list[str] = field(default_factory=list)
    new_due_at: datetime | None = None
    result: ResultInfo | None = None
    register_rows: list[Dossier] = field(default_factory=list)
    ticket: QueueTicket | None = None
    lookup_pattern: str | None = None
    limit: TimeLimit | None = None  # thời hạn giải quyết theo quy định


def moment(dt: datetime | None) -> str:
    """"09 giờ 15 phút, ngày 27 tháng 11 năm 2026" (blank dots when unknown)."""
    if dt is None:
        return "…… giờ …… phút, ngày …… tháng …… năm ……"
    return f"{dt:%H} giờ {dt:%M} phút, ngày {dt:%d} tháng {dt:%m} năm {dt:%Y}"


def day_text(dt: datetime | None) -> str:
    if dt is None:
        return "ngày …… tháng …… năm ……"
    return f"ngày {dt:%d} tháng {dt:%m} năm {dt:%Y}"


def _date(dt: datetime | None) -> str:
    """"27 tháng 11 năm 2026" (after a capitalised "Ngày")."""
    return f"{dt:%d} tháng {dt:%m} năm {dt:%Y}" if dt else "…… tháng …… năm ……"


def short(dt: datetime | None) -> str:
    return f"{dt:%H:%M %d/%m/%Y}" if dt else ""


def fields(ctx: FormContext) -> dict[str, object]:
    """Placeholder values of every template (strings; lists of row dicts for tables)."""
    from .codes import lookup_url

    d, a = ctx.dossier, ctx.agency
    first = d.handoffs[0] if d.handoffs else None
    values: dict[str, object] = {
        "parent_body": a.parent_body, "unit_name": a.unit_name, "unit_label": a.unit_label or _sentence(a.unit_name),
        "place": a.place, "number_suffix": a.number_suffix, "return_place": a.return_place,
        "contact_phone": a.contact_phone, "date_line": f"{a.place}, {day_text(ctx.issued_at)}",
        "code": d.code, "procedure_name": d.procedure_name, "procedure_code": d.procedure_code,
        "applicant_name": d.applicant.full_name, "submitter_name": d.submitter.full_name,
        "address": d.contact.address or d.applicant.address, "phone": d.contact.phone, "email": d.contact.email,
        "set_count": "01", "limit_label": _limit(ctx.limit), "received_at": moment(d.received_at),
        "received_day": day_text(d.received_at), "received_date": _date(d.received_at),
        "due_at": moment(d.due_at), "due_day": day_text(d.due_at),
        "new_due_at": moment(ctx.new_due_at), "new_due_day": day_text(ctx.new_due_at),
        "register_book": ctx.register_book, "register_seq": ctx.register_seq, "officer_name": ctx.officer_name,
        "processing_unit": ctx.processing_unit or (first.to_unit if first else ""),
        "coordinating_unit": ctx.coordinating_unit, "reasons": "; ".join(ctx.reasons),
        "fee": f"{d.fee_vnd:,}".replace(",", ".") + " đồng",
        "reason_items": list(ctx.reasons), "supplement_items": list(ctx.supplement_items),
        "lookup_url": lookup_url(d.code, ctx.lookup_pattern),
        "components": [{"no": str(i), "name": c.name, "originals": str(c.originals or ""),
                        "copies": str(c.copies or "")} for i, c in enumerate(d.components, 1)],
        "handoffs": [_handoff_row(i, h) for i, h in enumerate(d.handoffs, 1)],
        "register_rows": [_register_row(i, r) for i, r in enumerate(ctx.register_rows, 1)],
    }
    if ctx.result is not None:
        r = ctx.result
        values.update(result_name=r.result_name, receiver_name=r.receiver_name,
                      receiver_identity=f"{r.receiver_document} số {mask_id_number(r.receiver_id_number)}",
                      returned_at=moment(r.returned_at), result_copies=f"{r.copies:02d}")
    if ctx.ticket is not None:
        t = ctx.ticket
        values.update(ticket_number=t.number, counter_name=t.counter_name, field_name=t.field_name,
                      ticket_time=short(t.issued_at), waiting=str(t.waiting))
    return {k: _clean(v) for k, v in values.items()}


def _clean(value: object) -> object:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _sentence(name: str) -> str:
    """"TRUNG TÂM PHỤC VỤ…" → "Trung tâm phục vụ…" for use inside a sentence."""
    return name[:1].upper() + name[1:].lower() if name.isupper() else name


def _limit(limit: TimeLimit | None) -> str:
    """"3 ngày làm việc" / "trong ngày" (the procedure's published limit)."""
    if limit is None:
        return EMPTY
    label = limit.label_vi()
    return label[:1].lower() + label[1:]


def _handoff_row(i: int, h) -> dict:
    return {"no": str(i), "units": [f"1. Giao: {h.from_unit}", f"2. Nhận: {h.to_unit}"],
            "time": [moment(h.given_at)] + ([moment(h.received_at)] if h.received_at else []),
            "given_by": h.given_by, "received_by": h.received_by,
            "result": RESULT_LABELS.get(h.result, "") if h.result else "", "note": h.note}


def _register_row(i: int, d: Dossier) -> dict:
    returned = next((c.at for c in d.history if c.to_status.value == "returned"), None)
    sent = d.handoffs[0].given_at if d.handoffs else None
    back = next((h.received_at for h in d.handoffs if h.to_unit.startswith("Bộ phận")), None)
    return {"no": str(i), "code": d.code, "procedure": d.procedure_name, "sets": "01",
            "applicant": d.applicant.full_name, "address_phone": [d.contact.address, d.contact.phone],
            "processing_unit": d.handoffs[0].to_unit if d.handoffs else "",
            "received": short(d.received_at), "due": short(d.due_at), "sent": short(sent),
            "back": short(back), "returned": short(returned), "sign": "", "note": ""}
