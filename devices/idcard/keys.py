"""Access keys (khoá truy cập chip): the CAN or the MRZ triple. Held in memory for one read only."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import CardDataError
from .mrz import MrzKey, can_is_valid, parse_td1


@dataclass(frozen=True, slots=True)
class AccessKey:
    """A CAN (6 digits, the last 6 of the 12-digit number by the CCCD convention) and/or an MRZ key."""

    can: str | None = None
    mrz: MrzKey | None = None

    def __post_init__(self) -> None:
        if self.can is None and self.mrz is None:
            raise CardDataError("no access key", "Cần số CAN (6 số cuối của số định danh) hoặc thông tin MRZ "
                                "để đọc chip.")
        if self.can is not None and not can_is_valid(self.can):
            raise CardDataError("CAN must be 6 digits",
                                "Số CAN phải gồm đúng 6 chữ số (6 số cuối của số định danh cá nhân trên thẻ).")

    def __repr__(self) -> str:
        return f"AccessKey(can={'set' if self.can else 'none'}, mrz={'set' if self.mrz else 'none'})"

    __str__ = __repr__


def from_can(can: str) -> AccessKey:
    return AccessKey(can=can.strip())


def from_mrz_fields(*, document_number: str, date_of_birth: str, date_of_expiry: str) -> AccessKey:
    return AccessKey(mrz=MrzKey(document_number, date_of_birth, date_of_expiry))


def from_mrz_text(text: str) -> AccessKey:
    """From the three typed (or OCR'd) MRZ lines on the back of the card."""
    return AccessKey(mrz=parse_td1(text).key)


def from_id_number(id_number: str, *, date_of_birth: str | None = None, date_of_expiry: str | None = None
                   ) -> AccessKey:
    """From the 12-digit number: CAN = last 6 digits; with YYMMDD dates also the MRZ key (last 9 digits)."""
    number = "".join(c for c in id_number if c.isdigit())
    if len(number) != 12:
        raise CardDataError("ID number must have 12 digits", "Số định danh cá nhân phải gồm đúng 12 chữ số.")
    mrz = MrzKey(number[-9:], date_of_birth, date_of_expiry) if date_of_birth and date_of_expiry else None
    return AccessKey(can=number[-6:], mrz=mrz)


def from_cccd_qr(text: str) -> AccessKey:
    """From the QR on the card (``số CCCD|CMND cũ|họ tên|ngày sinh|…``): the CAN (no expiry in the QR)."""
    first = text.strip().split("|", 1)[0]
    return from_id_number(first)
