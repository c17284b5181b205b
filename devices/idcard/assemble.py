"""Combine DG1, DG13 and DG2 into one :class:`CitizenIdentity` (DG13 first, MRZ as fallback)."""

from __future__ import annotations

import unicodedata

from .datagroups import FaceImage, is_no_expiry, parse_vn_date
from .identity import ActiveAuth, CitizenIdentity, PassiveAuth
from .mrz import Td1, yymmdd_to_date

# DG13 field numbers (domain.md §5.4)
F_ID, F_NAME, F_DOB, F_SEX, F_NATIONALITY, F_ETHNICITY, F_RELIGION = 1, 2, 3, 4, 5, 6, 7
F_ORIGIN, F_RESIDENCE, F_MARKS, F_ISSUE, F_EXPIRY, F_PARENTS, F_SPOUSE = 8, 9, 10, 11, 12, 13, 14
F_OTHER_DOC, F_16 = 15, 16


def _old_id(dg13: dict[int, list[str]]) -> str:
    """Old 9-digit CMND: field 15 ("other document") or, per one profile, 16 (UNCONFIRMED, domain.md §5.4).
    A 9- or 12-digit value wins; otherwise field 15 as printed (field 16's hex token is not an ID)."""
    values = [_nfc((dg13.get(n) or [""])[0]) for n in (F_OTHER_DOC, F_16)]
    for v in values:
        if v.isdigit() and len(v) in (9, 12):
            return v
    return values[0]


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.split()))


def _sex(value: str, mrz_sex: str) -> str:
    v = _nfc(value).lower()
    if v in ("nam", "male", "m"):
        return "Nam"
    if v in ("nữ", "nu", "female", "f"):
        return "Nữ"
    return {"M": "Nam", "F": "Nữ"}.get(mrz_sex, "")


def build_identity(*, dg1: Td1 | None, dg13: dict[int, list[str]], face: FaceImage | None, access: str,
                   passive_auth: PassiveAuth = PassiveAuth.NOT_CHECKED,
                   active_auth: ActiveAuth = ActiveAuth.NOT_PRESENT) -> CitizenIdentity:
    def first(n: int) -> str:
        values = dg13.get(n) or []
        return _nfc(values[0]) if values else ""

    id_number = first(F_ID)
    if not id_number and dg1 is not None:
        digits = "".join(c for c in dg1.optional_data_1 if c.isdigit())
        id_number = digits[:12] if len(digits) >= 12 else dg1.document_number
    name = first(F_NAME) or (f"{dg1.surname} {dg1.given_names}".strip() if dg1 else "")
    dob = parse_vn_date(first(F_DOB)) or (yymmdd_to_date(dg1.date_of_birth, future=False) if dg1 else None)
    expiry_raw = first(F_EXPIRY)
    no_expiry = is_no_expiry(expiry_raw)
    expiry = None if no_expiry else (parse_vn_date(expiry_raw) or (
        yymmdd_to_date(dg1.date_of_expiry, future=True) if dg1 else None))
    parents = [_nfc(s) for s in dg13.get(F_PARENTS) or []]
    spouse = [_nfc(s) for s in dg13.get(F_SPOUSE) or []]
    nationality = first(F_NATIONALITY) or ({"VNM": "Việt Nam"}.get(dg1.nationality, dg1.nationality) if dg1 else "")
    return CitizenIdentity(
        id_number=id_number, full_name=name, date_of_birth=dob, sex=_sex(first(F_SEX), dg1.sex if dg1 else ""),
        nationality=nationality, ethnicity=first(F_ETHNICITY), religion=first(F_RELIGION),
        place_of_origin=first(F_ORIGIN), place_of_residence=first(F_RESIDENCE), identifying_marks=first(F_MARKS),
        issue_date=parse_vn_date(first(F_ISSUE)), expiry_date=expiry, no_expiry=no_expiry,
        father_name=parents[0] if parents else "", mother_name=parents[1] if len(parents) > 1 else "",
        spouse_name=spouse[0] if spouse else "", old_id_number=_old_id(dg13),
        photo=face.data if face else None, photo_format=face.format if face else "",
        passive_auth=passive_auth, active_auth=active_auth, access=access,
        document_number=dg1.document_number if dg1 else "")
