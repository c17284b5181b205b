"""Online and postal dossiers, and the public progress lookup (tra cứu tiến độ hồ sơ).

Qt-free core helpers:

* :func:`lookup_hash` — the salted, slow hash of the last four digits of the applicant's ID
  number that the counter pushes in the ``dossier.receive`` event (field ``lookup_hash``), so
  the city server can answer the public lookup page without ever holding the ID number.
  The salt is the dossier code: the same digits give a different hash for every dossier.
* :func:`flow_from_online` — an online dossier fetched from the city server turned into a
  :class:`~counter_app.services.reception.ReceptionFlow` (channel ONLINE, starting from
  “Mới đăng ký”), so the officer receives, asks for a supplement or refuses with the same
  rules as at the desk.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date

from ..domain.errors import ValidationError

#: Version tag of the hash scheme (part of the salt, so a future scheme never collides).
LOOKUP_SCHEME = "qmc-lookup-v1"
#: PBKDF2 rounds: ~10 ms per hash, so guessing 10 000 digit combinations offline costs minutes per dossier.
LOOKUP_ROUNDS = 20_000
LOOKUP_DIGITS = 4


class LookupDigitsError(ValidationError):
    """The applicant has no ID number with enough digits for the public lookup."""


def last_digits(id_number: str | None, n: int = LOOKUP_DIGITS) -> str | None:
    """The last ``n`` digits of an ID number (CCCD/CMND/tax code), or None if it has fewer."""
    digits = "".join(ch for ch in (id_number or "") if ch.isdigit())
    return digits[-n:] if len(digits) >= n else None


def lookup_hash(code: str, id_number_or_digits: str | None) -> str | None:
    """The hex PBKDF2-SHA256 of the last four digits, salted with the dossier code.

    Accepts the full ID number (the counter) or just the four digits (the server, from the
    lookup form). None when there are not four digits: such a dossier is not publicly
    searchable (the page answers the neutral “not found”)."""
    digits = last_digits(id_number_or_digits)
    if digits is None:
        return None
    salt = f"{LOOKUP_SCHEME}:{code.strip().upper()}".encode()
    return hashlib.pbkdf2_hmac("sha256", digits.encode(), salt, LOOKUP_ROUNDS).hex()


def check_lookup(code: str, digits: str, stored: str | None) -> bool:
    """Constant-time check of the citizen's digits against the stored hash (always hashes,
    even without a stored value, so a wrong code and wrong digits take the same time)."""
    valid = len(digits) == LOOKUP_DIGITS and digits.isdigit()
    candidate = lookup_hash(code, digits if valid else "0000") or ""
    same = hmac.compare_digest(candidate, stored or "")
    return valid and stored is not None and same


@dataclass(frozen=True)
class OnlineFile:
    """One attachment of an online dossier (content-addressed on the city server)."""

    sha256: str
    name: str
    size: int
    component: int | None = None  # position in the procedure's checklist, when the portal knew it


@dataclass(frozen=True)
class OnlineDossier:
    """A dossier submitted on the public portal, as the city server lists it for a counter."""

    id: str
    procedure_code: str
    applicant: dict
    files: tuple[OnlineFile, ...] = field(default_factory=tuple)
    submitted_at: str = ""
    channel: int = 2

    @classmethod
    def from_json(cls, body: dict) -> "OnlineDossier":
        files = tuple(OnlineFile(sha256=f["sha256"], name=f.get("name", ""), size=int(f.get("size", 0)),
                                 component=f.get("component")) for f in body.get("files", []))
        return cls(id=str(body["id"]), procedure_code=str(body["procedure_code"]),
                   applicant=dict(body.get("applicant", {})), files=files,
                   submitted_at=str(body.get("submitted_at", "")), channel=int(body.get("channel", 2)))


def applicant_of(online: OnlineDossier):
    """The applicant, submitter and contact the citizen typed on the portal (source: typed)."""
    from ..domain.applicant import Applicant, ApplicantKind, Contact, IdentitySource

    a = online.applicant
    try:
        dob = date.fromisoformat(a["date_of_birth"]) if a.get("date_of_birth") else None
        kind = ApplicantKind(a.get("kind", "individual"))
    except ValueError:
        raise ValidationError("bad online applicant", "Thông tin người nộp trên hồ sơ trực tuyến không hợp lệ; "
                              "yêu cầu công dân bổ sung trên cổng dịch vụ công.") from None
    applicant = Applicant(kind, str(a.get("full_name", "")), id_number=str(a.get("id_number", "")),
                          tax_code=str(a.get("tax_code", "")), date_of_birth=dob,
                          address=str(a.get("address", "")), source=IdentitySource.TYPED)
    return applicant, Contact(phone=str(a.get("phone", "")), email=str(a.get("email", "")),
                              address=str(a.get("address", "")))


def flow_from_online(online: OnlineDossier, procedure, *, channel: int = 2):
    """A :class:`ReceptionFlow` (kênh trực tuyến / bưu chính) at the checklist step.

    Each checklist line with at least one attached file counts as handed in with its required
    originals and copies (the electronic file stands for them, Nghị định 45/2020); lines without
    a file stay at zero, so the same rules decide: receive, supplement or refuse. Returns the
    flow and the files the portal did not tie to a checklist line (for the officer to place)."""
    from ..domain.dossier import Channel
    from .reception import ReceptionFlow

    if procedure.code != online.procedure_code:
        raise ValidationError(f"procedure {procedure.code} is not {online.procedure_code}",
                              "Thủ tục đã chọn không khớp với thủ tục của hồ sơ trực tuyến.")
    flow = ReceptionFlow(channel=Channel(channel))
    applicant, contact = applicant_of(online)
    flow.identify(applicant, contact=contact)
    flow.choose_procedure(procedure)
    positions = {line.position for line in flow.checklist}
    covered = {f.component for f in online.files if f.component in positions}
    for line in flow.checklist:
        if line.position in covered:
            flow.set_count(line.position, originals=line.required_originals, copies=line.required_copies)
    unplaced = [f for f in online.files if f.component not in positions]
    return flow, unplaced


# -- postal dossiers (hồ sơ qua dịch vụ bưu chính công ích, kênh 3) ------------------------------
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


class TrackingNumberError(ValidationError):
    """A postal tracking number that is not a valid UPU S10 item identifier."""


def parse_tracking_number(text: str) -> str:
    """Normalise and check a postal tracking number (UPU S10: 2 letters, 8 digits, a check
    digit, the 2-letter country code — e.g. ``EB123456785VN``). Raises TrackingNumberError."""
    value = "".join(text.split()).upper()
    ok = (len(value) == 13 and value[:2].isalpha() and value[2:11].isdigit() and value[11:].isalpha()
          and value.isascii())
    if ok:
        total = sum(int(d) * w for d, w in zip(value[2:10], _S10_WEIGHTS))
        check = 11 - total % 11
        ok = int(value[10]) == {10: 0, 11: 5}.get(check, check)
    if not ok:
        raise TrackingNumberError(f"invalid S10 tracking number ({len(value)} chars)",
                                  "Số hiệu bưu gửi không hợp lệ (dạng 2 chữ cái, 9 chữ số, 2 chữ cái, "
                                  "ví dụ EB123456785VN). Kiểm tra lại số trên phiếu gửi của bưu điện.")
    return value


def flow_for_postal(tracking_number: str):
    """A :class:`ReceptionFlow` for a dossier that arrived by post (kênh bưu chính), with its
    checked tracking number; the officer then identifies, checks and decides as at the desk."""
    from ..domain.dossier import Channel
    from .reception import ReceptionFlow

    return ReceptionFlow(channel=Channel.POSTAL), parse_tracking_number(tracking_number)
