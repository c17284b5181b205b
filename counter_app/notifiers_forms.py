"""The form of a reception decision as a notice with its PDF (kênh trực tuyến).

For a dossier that came online the citizen is not at the desk: the same form the counter
would print — receipt (Mẫu 01), supplement request (Mẫu 02) or refusal (Mẫu 03) — is
rendered from the stored dossier with the same templates and sent through a notifier. The
wording of the message is data (``resources/rules/notices.toml``, per legal basis).

Rendering uses the ``printing`` package (imported when called, as the GUI's print hook does).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from .domain.errors import ConfigurationError
from .resources import load_toml
from .services.dossiers import get_dossier_row
from .services.reception import Outcome
from .services.results import Notice, NoticeAttachment

_OUTCOME_KEY = {Outcome.RECEIVE: "receive", Outcome.SUPPLEMENT: "supplement", Outcome.REFUSE: "refuse"}


def notice_wording(outcome: Outcome, basis: str) -> dict:
    """``{form, file, subject, text}`` for ``outcome`` under the legal basis ``basis``."""
    rules = load_toml("rules", "notices.toml")
    key = _OUTCOME_KEY[outcome]
    wording = {**rules.get("default", {}).get(key, {}), **rules.get(basis, {}).get(key, {})}
    if not {"form", "file", "text"} <= wording.keys():
        raise ConfigurationError(f"notices.toml lacks {key}", "Thiếu nội dung thông báo trong notices.toml; "
                                                              "liên hệ bộ phận hỗ trợ.")
    return wording


def form_notice(session: Session, code: str, outcome: Outcome, *, now: datetime) -> Notice:
    """The notice for the recorded decision on ``code``, with the decision's form as PDF."""
    from printing.render import render_form
    from printing.stored import stored_context

    row = get_dossier_row(session, code)
    wording = notice_wording(outcome, row.legal_basis)
    ctx = stored_context(session, row.code, form=wording["form"], now=now)
    # stored_context sets the receipt QR's address from counter.lookup_url_pattern, as on paper
    pdf = render_form(wording["form"], ctx).pdf
    due = f"{row.due_at:%H:%M} ngày {row.due_at:%d/%m/%Y}" if row.due_at else ""
    fill = {"code": row.code, "due": due}
    return Notice(row.code, row.contact_phone, row.contact_email, wording["text"].format(**fill),
                  attachments=(NoticeAttachment(wording["file"].format(**fill), pdf),),
                  subject_vi=wording.get("subject", "").format(**fill))
