"""The plain result of a chip read: one citizen's identity (thông tin công dân trên thẻ căn cước)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from datetime import date

from counter_app.domain.personal_id import mask_id_number


class PassiveAuth(enum.Enum):
    """Outcome of passive authentication (xác thực dữ liệu chip)."""

    VERIFIED = "verified"  # signature, hashes and signer chain all good
    UNTRUSTED_SIGNER = "untrusted_signer"  # data intact, but no trusted CSCA for the signer
    FAILED = "failed"  # hash or signature mismatch: tampered or cloned chip
    NOT_CHECKED = "not_checked"

    @property
    def label_vi(self) -> str:
        return {
            "verified": "Dữ liệu chip đã xác thực (chữ ký của cơ quan cấp hợp lệ)",
            "untrusted_signer": "Dữ liệu nguyên vẹn nhưng chưa có chứng thư gốc (CSCA) để xác thực người ký",
            "failed": "XÁC THỰC THẤT BẠI — dữ liệu chip bị sửa hoặc thẻ giả: không dùng dữ liệu này",
            "not_checked": "Chưa kiểm tra chữ ký dữ liệu chip",
        }[self.value]


class ActiveAuth(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_PRESENT = "not_present"


@dataclass(frozen=True, slots=True)
class CitizenIdentity:
    """Everything the reception form needs from the chip, plus parents, spouse, old ID and photo.

    Lives only in the flow that asked for it; ``repr`` never shows personal data.
    """

    id_number: str
    full_name: str
    date_of_birth: date | None
    sex: str  # "Nam" / "Nữ" / "" when unknown
    nationality: str = ""
    ethnicity: str = ""
    religion: str = ""
    place_of_origin: str = ""
    place_of_residence: str = ""
    identifying_marks: str = ""
    issue_date: date | None = None
    expiry_date: date | None = None  # None with no_expiry=True: "Không thời hạn"
    no_expiry: bool = False
    father_name: str = ""
    mother_name: str = ""
    spouse_name: str = ""
    old_id_number: str = ""
    photo: bytes | None = field(default=None)
    photo_format: str = ""  # "jpeg" / "jpeg2000"
    passive_auth: PassiveAuth = PassiveAuth.NOT_CHECKED
    active_auth: ActiveAuth = ActiveAuth.NOT_PRESENT
    access: str = ""  # "PACE" / "BAC"
    document_number: str = ""

    def __repr__(self) -> str:
        return (f"CitizenIdentity(id={mask_id_number(self.id_number)}, access={self.access}, "
                f"passive_auth={self.passive_auth.value})")

    __str__ = __repr__

    @property
    def has_photo(self) -> bool:
        return bool(self.photo)

    def to_json(self) -> dict:
        """The command-line JSON object (dates ISO, no photo bytes)."""
        out = {}
        for f in fields(self):
            if f.name in ("photo", "photo_format", "no_expiry", "active_auth", "document_number"):
                continue
            v = getattr(self, f.name)
            if isinstance(v, date):
                v = v.isoformat()
            elif isinstance(v, enum.Enum):
                v = v.value
            out[f.name] = v
        out["has_photo"] = self.has_photo
        return out
