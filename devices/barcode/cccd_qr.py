"""The QR code on the chip ID card (mã QR trên thẻ Căn cước công dân / Thẻ căn cước).

2021 model (domain.md §5.1): ``số CCCD|số CMND cũ|Họ và tên|ngày sinh|giới tính|địa chỉ|ngày cấp``,
pipe-separated UTF-8, dates ``DDMMYYYY``. Seen in the wild: the old-ID field empty or
missing (6 fields), trailing separators, NFD text, stray whitespace. The 2024 card's
format is UNCONFIRMED (§5.2): fields are found by *shape*, unknown extra fields are kept
and reported, and nothing here raises anything but :class:`NotACardQr`.

The ID number is cross-checked against the date of birth and sex
(``parse_id_number``): a mismatch is a warning, never a refusal.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from counter_app.clock import now
from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.domain.errors import ValidationError
from counter_app.domain.personal_id import Sex, mask_id_number, parse_id_number
from counter_app.domain.text import fold, nfc

from .errors import NotACardQr

SEPARATOR = "|"
_ID_RE = re.compile(r"^[0-9]{12}$")
#: The old ID: 9-digit CMND, or a 12-digit number on cards that replaced a chipless CCCD.
_OLD_ID_RE = re.compile(r"^([0-9]{9}|[0-9]{12})$")
_DATE_RE = re.compile(r"^([0-9]{2})[/.-]?([0-9]{2})[/.-]?([0-9]{4})$")
#: Invisible characters scanners and editors add (BOM, zero-width space/joiners) are dropped;
#: control characters (a QR field never holds one) become spaces.
_INVISIBLE = re.compile("[\ufeff\u200b-\u200d\u2060]")
_CONTROLS = re.compile("[\x00-\x1f\x7f]")
MAX_QR_CHARS = 4096


@dataclass(frozen=True, slots=True)
class QrWarning:
    code: str
    message_vi: str


@dataclass(frozen=True, slots=True, repr=False)
class CardQr:
    """What the card's QR says. Dates are ``date`` or ``None`` (with a warning) if unreadable."""

    id_number: str
    old_id_number: str = ""
    full_name: str = ""
    date_of_birth: date | None = None
    sex: Sex | None = None
    address: str = ""
    issue_date: date | None = None
    layout: str = "2021"  # "2021" (7 fields), "2021-6" (no old ID), "extended" (extra fields)
    extra_fields: tuple[str, ...] = ()
    warnings: tuple[QrWarning, ...] = field(default_factory=tuple)

    def __repr__(self) -> str:  # personal data stays out of logs and tracebacks
        return (f"CardQr(id_number={mask_id_number(self.id_number)!r}, layout={self.layout!r}, "
                f"warnings={[w.code for w in self.warnings]!r})")

    @property
    def can(self) -> str:
        """Card access number for PACE: last 6 digits (UNCONFIRMED convention, domain.md §5.3)."""
        return self.id_number[-6:]

    def to_json(self) -> dict:
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "sex": self.sex.label_vi if self.sex else None,
            "address": self.address,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "layout": self.layout,
            "extra_fields": list(self.extra_fields),
            "warnings": [asdict(w) for w in self.warnings],
        }


def _not_card(reason_en: str, detail_vi: str) -> NotACardQr:
    return NotACardQr(
        f"not a CCCD QR: {reason_en}",
        f"Đây không phải mã QR trên thẻ căn cước ({detail_vi}). Quét lại mã QR ở mặt sau thẻ, "
        "hoặc đọc chip trên thẻ.",
    )


def _clean(value: str) -> str:
    """One field: runs of whitespace to one space, trimmed (NFC and junk are done on the whole text)."""
    return " ".join(value.split())


def _digits(value: str) -> str:
    """Digits of an ID field, tolerating spaces/dots a printer or person adds."""
    return "".join(ch for ch in value if ch not in " .-")


def parse_qr_date(value: str) -> date | None:
    m = _DATE_RE.match(value.strip()) if value.isascii() else None
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def parse_sex(value: str) -> Sex | None:
    folded = fold(value).strip()
    if folded in ("nam", "male", "m"):
        return Sex.MALE
    if folded in ("nu", "female", "f"):
        return Sex.FEMALE
    return None


def split_fields(text: str) -> list[str]:
    if not isinstance(text, str):
        raise _not_card("not text", "dữ liệu không phải văn bản")
    if len(text) > MAX_QR_CHARS:
        raise _not_card("too long", f"dài quá {MAX_QR_CHARS} ký tự")
    text = nfc(_CONTROLS.sub(" ", _INVISIBLE.sub("", text)))
    fields = [_clean(f) for f in text.split(SEPARATOR)]
    while fields and fields[-1] == "":
        fields.pop()  # trailing separators
    return fields


def parse_card_qr(text: str, *, today: date | None = None, repair_ime: bool = False) -> CardQr:
    """Parse the card's QR text; :class:`NotACardQr` (with ``message_vi``) if it is not one.

    ``repair_ime``: the text came through a keyboard wedge with a Vietnamese input method
    possibly active; digits the input method ate at a field boundary are put back
    (``ime.repair_vni_spill``) and the name is flagged as untrusted.
    """
    today = today or now().date()
    fields = split_fields(text)
    if len(fields) < 2:
        raise _not_card("no '|' separated fields", "không có các trường cách nhau bởi dấu “|”")
    id_number = _digits(fields[0])
    if not _ID_RE.match(id_number) or not id_number.isascii():
        raise _not_card("first field is not a 12-digit ID number", "trường đầu không phải số định danh 12 chữ số")
    rest = fields[1:]
    warnings: list[QrWarning] = []
    old_id = ""
    layout = "2021"
    if rest and (rest[0] == "" or _OLD_ID_RE.match(_digits(rest[0]) or "x")):
        old_id = _digits(rest.pop(0))
    elif rest and parse_qr_date(rest[0]) is None:
        layout = "2021-6"  # no old-ID field at all
    if len(rest) < 2:
        raise _not_card("too few fields", "thiếu họ tên hoặc ngày sinh")
    name, dob_text, *tail = rest
    sex_text = tail.pop(0) if tail else ""
    address = tail.pop(0) if tail else ""
    issue_text = tail.pop(0) if tail else ""
    extras = tuple(tail)
    if extras:
        layout = "extended"
        warnings.append(QrWarning(
            "extra_fields",
            f"Mã QR có thêm {len(extras)} trường chưa biết (mẫu thẻ mới?). Đã giữ lại; đối chiếu với chip.",
        ))
    if repair_ime:
        name, dob_text, address, issue_text, repaired = _repair(name, dob_text, address, issue_text)
        if repaired:
            warnings.append(QrWarning(
                "ime_repaired",
                "Bộ gõ tiếng Việt đang bật đã làm sai mã vừa quét; số định danh và ngày tháng đã được khôi "
                "phục. Tắt bộ gõ (hoặc chuyển sang tiếng Anh) khi quét, và lấy họ tên từ chip.",
            ))
    dob = parse_qr_date(dob_text)
    if dob is None:
        warnings.append(QrWarning("bad_dob", "Không đọc được ngày sinh trong mã QR. Lấy ngày sinh từ chip."))
    sex = parse_sex(sex_text)
    if sex is None:
        warnings.append(QrWarning("bad_sex", "Không đọc được giới tính trong mã QR. Lấy từ chip."))
    issue = parse_qr_date(issue_text)
    if issue is None:
        warnings.append(QrWarning("bad_issue_date", "Không đọc được ngày cấp thẻ trong mã QR."))
    if not name or any(ch.isdigit() for ch in name):
        warnings.append(QrWarning("bad_name", "Họ tên trong mã QR trống hoặc có chữ số. Lấy họ tên từ chip."))
    warnings.extend(_cross_check(id_number, dob, sex, issue, today))
    return CardQr(id_number, old_id, name, dob, sex, address, issue, layout, extras, tuple(warnings))


def _repair(name: str, dob: str, address: str, issue: str) -> tuple[str, str, str, str, bool]:
    from .ime import repair_vni_spill

    def is_date(t: str) -> bool:
        return parse_qr_date(t) is not None

    repaired = False
    if not is_date(dob) and (fix := repair_vni_spill(name, dob, is_date)):
        (name, dob), repaired = fix, True
    if issue and not is_date(issue) and (fix := repair_vni_spill(address, issue, is_date)):
        (address, issue), repaired = fix, True
    return name, dob, address, issue, repaired


def _cross_check(id_number: str, dob: date | None, sex: Sex | None, issue: date | None,
                 today: date) -> list[QrWarning]:
    out: list[QrWarning] = []
    try:
        info = parse_id_number(id_number, date_of_birth=dob, sex=sex, today=today)
        out.extend(QrWarning(w.code, w.message_vi) for w in info.warnings)
    except ValidationError as exc:  # cannot happen for 12 digits; kept as a warning, never a crash
        out.append(QrWarning("bad_id", exc.message_vi))
    if dob and issue and issue < dob:
        out.append(QrWarning("issue_before_birth", "Ngày cấp thẻ trước ngày sinh: kiểm tra lại thẻ."))
    if issue and issue > today:
        out.append(QrWarning("issue_in_future", "Ngày cấp thẻ ở tương lai: kiểm tra lại thẻ."))
    return out


def applicant_from_card(card: CardQr) -> Applicant:
    """The dossier owner (chủ hồ sơ) filled from the card's QR (``IdentitySource.QR``).

    Raises the core's ``ValidationError`` if the QR had no usable name: read the chip.
    """
    return Applicant(ApplicantKind.INDIVIDUAL, card.full_name, id_number=card.id_number,
                     date_of_birth=card.date_of_birth, sex=card.sex, address=card.address,
                     source=IdentitySource.QR)


def looks_like_card_qr(text: str) -> bool:
    try:
        parse_card_qr(text)
    except NotACardQr:
        return False
    return True
