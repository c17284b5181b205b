"""Classify one scan and say what the counter should do with it (phân loại mã vừa quét).

* a dossier code (mã số hồ sơ, ``<agency>-YYMMDD-NNNN``) → open that dossier (trả kết quả);
* the QR of a CCCD / Thẻ căn cước → fill in the applicant, and the CAN for the chip;
* a procedure code (mã thủ tục, ``1.001193``, ``1.014431.H38``) → open that procedure;
* anything else → a Vietnamese message saying what was scanned and what to do.

Qt-free and total: every input gives a :class:`ScanResult`, never an exception. A burst
typed through a keyboard wedge may have been rewritten by a Vietnamese input method
(``ime.py``): codes are recovered, and a card's name is then marked untrusted.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import date

from counter_app.domain.dossier_code import DossierCode, looks_like_dossier_code, parse_dossier_code
from counter_app.domain.errors import CounterError
from counter_app.domain.personal_id import mask_id_number
from counter_app.domain.procedure import Procedure
from counter_app.domain.text import nfc

from .cccd_qr import CardQr, NotACardQr, QrWarning, parse_card_qr
from .ime import ascii_candidates, has_vietnamese_letters

#: Procedure code: ``d.dddddd`` with an optional local suffix (domain.md §2.2).
PROCEDURE_CODE_RE = re.compile(r"^[0-9]\.[0-9]{6}(\.[0-9A-Z]+)*$")

#: A dossier code inside longer text (e.g. a lookup URL ``…?ma_hs=000.00.01.H26-261127-0001``).
DOSSIER_IN_TEXT_RE = re.compile(r"(?<![0-9A-Za-z.])[0-9A-Za-z]{3}\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{3}"
                                r"-[0-9]{6}-[0-9]{4,6}(?![0-9])")


class ScanKind(enum.Enum):
    DOSSIER = "dossier"  # mã số hồ sơ
    CARD_QR = "card_qr"  # mã QR trên thẻ căn cước
    PROCEDURE = "procedure"  # mã thủ tục hành chính
    UNKNOWN = "unknown"


class ScanSource(enum.Enum):
    WEDGE = "wedge"  # keyboard-wedge scanner (USB HID): an input method may interfere
    SERIAL = "serial"  # USB-CDC / COM port: UTF-8 frames, no input method
    IMAGE = "image"  # decoded from a scan or photo


@dataclass(frozen=True, slots=True)
class ScanResult:
    kind: ScanKind
    text: str = field(repr=False)  # the text used (after input-method recovery); may be personal data
    message_vi: str = ""  # what happens now / what the officer can do
    dossier_code: DossierCode | None = None
    card: CardQr | None = None
    procedure_code: str = ""
    procedure: Procedure | None = None  # when a catalog session was given and the code exists
    dossier_found: bool | None = None  # with a session: is the dossier on this counter's store
    ime_recovered: bool = False
    name_trusted: bool = True  # False: take the name and address from the chip
    warnings: tuple[QrWarning, ...] = field(default_factory=tuple)

    @property
    def can(self) -> str:
        return self.card.can if self.card else ""


def classify_scan(text: str, *, source: ScanSource = ScanSource.WEDGE, session=None,
                  today: date | None = None) -> ScanResult:
    """Classify ``text``; with a catalog ``session``, procedure codes are looked up."""
    if not isinstance(text, str):
        text = str(text)
    raw = nfc(text).strip().strip("\r\n\t")
    if not raw:
        return _unknown(raw, "Mã vừa quét trống. Quét lại.")
    first = _classify(raw, source=source, session=session, today=today)
    if first.kind is not ScanKind.UNKNOWN or source is not ScanSource.WEDGE:
        return first
    found = [r for r in (_classify(c, source=source, session=session, today=today)
                         for _label, c in ascii_candidates(raw)) if r.kind is not ScanKind.UNKNOWN]
    if not found:
        return first
    if session is not None:  # several readings: prefer the one the store knows
        found = [r for r in found if r.dossier_found or r.procedure is not None] or found
    return _recovered(found[0], ambiguous=len({r.text for r in found}) > 1)


def _classify(text: str, *, source: ScanSource, session, today: date | None) -> ScanResult:
    if "|" in text:
        return _card(text, source=source, today=today)
    if not looks_like_dossier_code(text) and (m := DOSSIER_IN_TEXT_RE.search(text)):
        text = m[0]  # a dossier code inside a lookup URL printed as a QR
    if looks_like_dossier_code(text):
        try:
            code = parse_dossier_code(text)
        except CounterError as exc:
            return _unknown(text, exc.message_vi)
        found = _dossier_exists(session, str(code)) if session is not None else None
        message = (f"Mở hồ sơ {code} để trả kết quả." if found is not False else
                   f"Không tìm thấy hồ sơ mã “{code}” trên máy này. Kiểm tra lại mã, hoặc chờ đồng bộ "
                   "nếu hồ sơ được tiếp nhận ở quầy khác.")
        return ScanResult(ScanKind.DOSSIER, str(code), message, dossier_code=code, dossier_found=found)
    candidate = text.upper()
    if PROCEDURE_CODE_RE.match(candidate):
        return _procedure(candidate, session)
    return _unknown(text, _describe_unknown(text))


def _card(text: str, *, source: ScanSource, today: date | None) -> ScanResult:
    wedge = source is ScanSource.WEDGE
    try:
        card = parse_card_qr(text, today=today, repair_ime=wedge)
    except NotACardQr as exc:
        return _unknown(text, exc.message_vi)
    warnings = list(card.warnings)
    repaired = any(w.code == "ime_repaired" for w in warnings)
    trusted = not (wedge and (repaired or has_vietnamese_letters(text)))
    if not trusted and not repaired:
        warnings.append(QrWarning(
            "name_untrusted",
            "Mã QR quét qua bàn phím có chữ tiếng Việt: bộ gõ tiếng Việt có thể đã làm sai họ tên, địa chỉ. "
            "Số định danh và ngày sinh đã kiểm tra; đọc chip để lấy họ tên.",
        ))
    message = (f"Đã đọc mã QR thẻ căn cước số {mask_id_number(card.id_number)}. "
               "Đặt thẻ lên đầu đọc để đọc chip.")
    return ScanResult(ScanKind.CARD_QR, text, message, card=card, ime_recovered=repaired,
                      name_trusted=trusted, warnings=tuple(warnings))


def _procedure(code: str, session) -> ScanResult:
    if session is None:
        return ScanResult(ScanKind.PROCEDURE, code, f"Mở thủ tục {code}.", procedure_code=code)
    from counter_app.services.catalog import get_procedure

    try:
        procedure = get_procedure(session, code)
    except CounterError as exc:
        return ScanResult(ScanKind.UNKNOWN, code, exc.message_vi, procedure_code=code)
    return ScanResult(ScanKind.PROCEDURE, code, f"Mở thủ tục {code} — {procedure.name}.",
                      procedure_code=code, procedure=procedure)


def _dossier_exists(session, code: str) -> bool:
    from sqlalchemy import select

    from counter_app.storage.models_dossier import DossierRow

    return session.scalar(select(DossierRow.code).where(DossierRow.code == code)) is not None


def _recovered(result: ScanResult, *, ambiguous: bool) -> ScanResult:
    note = ("Bộ gõ tiếng Việt đang bật đã làm sai mã vừa quét; mã đã được khôi phục"
            + (" nhưng có nhiều cách đọc — kiểm tra lại mã trên giấy." if ambiguous else ".")
            + " Tắt bộ gõ (chuyển sang tiếng Anh) khi quét mã.")
    return replace(result, ime_recovered=True, name_trusted=result.kind is not ScanKind.CARD_QR,
                   warnings=result.warnings + (QrWarning("ime_recovered", note),))


def _unknown(text: str, message_vi: str) -> ScanResult:
    return ScanResult(ScanKind.UNKNOWN, text, message_vi)


def _describe_unknown(text: str) -> str:
    return (f"Mã vừa quét ({len(text)} ký tự) không phải mã hồ sơ, mã QR thẻ căn cước hay mã thủ tục. "
            "Kiểm tra lại giấy tờ và quét đúng mã; nếu cần, nhập mã hồ sơ bằng tay.")
