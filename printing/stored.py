"""A :class:`FormContext` for a dossier kept in the local store (``--dossier CODE``)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.config import load as load_config
from counter_app.domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource, Submitter
from counter_app.domain.dossier import Channel, Dossier, Handoff, HandoffResult, ReceivedComponent, StatusChange
from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.personal_id import Sex
from counter_app.domain.status import DossierStatus
from counter_app.domain.time_limit import LimitKind, TimeLimit
from counter_app.services.dossiers import get_dossier_row, list_dossiers
from counter_app.storage.models import AgencyRow, DossierRow, OfficerRow
from counter_app.storage.models_lifecycle import ExtensionRow

from .data import AgencyBlock, FormContext


def dossier_from_row(row: DossierRow) -> Dossier:
    """The domain dossier of a stored row (applicant snapshot, checklist, history, hand-offs)."""
    applicant = Applicant(
        ApplicantKind(row.applicant_kind), row.applicant_name, id_number=row.applicant_id_number,
        tax_code=row.applicant_tax_code, date_of_birth=row.applicant_dob,
        sex=Sex(row.applicant_sex) if row.applicant_sex else None, address=row.applicant_address,
        source=IdentitySource(row.applicant_source))
    return Dossier(
        code=row.code, procedure_code=row.procedure_code, procedure_name=row.procedure_name, applicant=applicant,
        submitter=Submitter(row.submitter_name or row.applicant_name, row.submitter_id_number, row.submitter_relation),
        contact=Contact(row.contact_phone, row.contact_email, row.contact_address), channel=Channel(row.channel),
        legal_basis=LegalBasis(row.legal_basis), received_at=row.received_at, status=DossierStatus(row.status),
        counting_start=row.counting_start, due_at=row.due_at, fee_vnd=row.fee_vnd,
        components=[ReceivedComponent(c.name, c.required_originals, c.required_copies, c.mandatory, c.originals,
                                      c.copies, c.position) for c in row.components],
        history=[StatusChange(DossierStatus(h.from_status), DossierStatus(h.to_status), h.at, h.officer, h.reason)
                 for h in row.history],
        handoffs=[Handoff(h.seq, h.from_unit, h.to_unit, h.given_by, h.given_at, h.received_by, h.received_at,
                          h.step_due_at, HandoffResult(h.result) if h.result else None, h.note)
                  for h in row.handoffs])


#: The lookup page of the city backend (``city_backend/routes_public.py``), both placeholders filled.
BACKEND_LOOKUP = "/tra-cuu?ma={code}&so={digits}"
_DIGITS_PARAM = re.compile(r"[?&][^?&=#]*=\{digits\}")


def receipt_lookup_pattern(session: Session, applicant: Applicant) -> str | None:
    """The address the receipt's QR carries (địa chỉ tra cứu hồ sơ), ``{code}`` left for :func:`lookup_url`.

    ``counter.lookup_url_pattern`` when configured; else the city backend's own page
    (``backend.url`` of the configuration, or the address given to ``sync --configure``) +
    :data:`BACKEND_LOOKUP`; else ``[lookup] url`` of ``resources/brand/forms.toml``. ``{digits}`` is replaced
    by the last four digits of the applicant's ID number (or tax code), as on the lookup form;
    without them the parameter is left out and the citizen types them on the page."""
    from counter_app.services.online import last_digits

    config = load_config()
    pattern = config.counter.lookup_url_pattern.strip()
    if not pattern:
        base = config.backend.url.strip()
        if not base:
            from counter_app.sync import state

            base = str(state.get(session, state.SERVER_URL) or "").strip()
        pattern = base.rstrip("/") + BACKEND_LOOKUP if base else ""
    if not pattern:
        from counter_app.resources import load_toml

        pattern = str(load_toml("brand", "forms.toml").get("lookup", {}).get("url", "")).strip()
    if not pattern:
        return None
    if "{digits}" in pattern:
        digits = last_digits(applicant.id_number or applicant.tax_code)
        if digits:
            pattern = pattern.replace("{digits}", digits)
        else:
            pattern = _DIGITS_PARAM.sub(lambda m: "?" if m.group(0).startswith("?") else "", pattern)
            pattern = pattern.replace("?&", "?").rstrip("?").replace("{digits}", "")
    return pattern


def stored_context(session: Session, code: str, *, form: str, now: datetime) -> FormContext:
    row = get_dossier_row(session, code)
    dossier = dossier_from_row(row)
    agency = session.scalar(select(AgencyRow).where(AgencyRow.code == row.agency_code))
    officer = session.scalar(select(OfficerRow).where(OfficerRow.username == row.officer))
    block = AgencyBlock.from_settings(unit_name=agency.name.upper() if agency else "",
                                      unit_label=agency.name if agency else "")
    reasons = [line for line in row.reason.splitlines() if line.strip()]
    ctx = FormContext(dossier=dossier, agency=block, issued_at=now if form != "receipt" else row.received_at,
                      officer_name=officer.full_name if officer else row.officer,
                      register_seq=row.code.rsplit("-", 1)[-1], register_book=f"{row.received_at:%Y}",
                      limit=TimeLimit(LimitKind(row.limit_kind), row.limit_value) if row.limit_kind else None)
    ctx.lookup_pattern = receipt_lookup_pattern(session, dossier.applicant)
    if form == "supplement":
        ctx.reasons, ctx.supplement_items = reasons[:1], reasons[1:]
    elif form == "apology":
        ext = session.scalar(select(ExtensionRow).where(ExtensionRow.dossier_code == row.code)
                             .order_by(ExtensionRow.id.desc()).limit(1))
        if ext is not None:  # the letter names the original appointment and the new one
            dossier.due_at, ctx.new_due_at, ctx.reasons = ext.old_due_at, ext.new_due_at, [ext.reason]
        else:
            ctx.reasons = reasons
    elif form == "stop":  # the reason given when it was stopped (Mẫu 05), not the reception's
        stopped = [h.reason for h in row.history if h.to_status == DossierStatus.STOPPED.value]
        ctx.reasons = [line for line in stopped[-1].splitlines() if line.strip()] if stopped else reasons
    elif form == "refusal":
        ctx.reasons = reasons
    elif form == "register":
        rows = list_dossiers(session, limit=500)
        ctx.register_rows = [dossier_from_row(get_dossier_row(session, r.code)) for r in reversed(rows)]
    return ctx
