"""Dossier statuses and the transition table (trạng thái hồ sơ).

The national sync codes 1–10 (TrangThaiHoSo, as used by DVCQG/766 integrations —
UNCONFIRMED against an official spec, see ``../shared/reference/domain.md`` §3.6) are the
``national_code`` of each status. ``DRAFT`` and ``CANCELLED`` are internal: a dossier
being received at the counter, and one voided before it left the counter (needs a
supervisor's approval — enforced by the services, not here).
"""

from __future__ import annotations

import enum

from .errors import IllegalTransition


class DossierStatus(enum.Enum):
    DRAFT = "draft"  # internal: đang tiếp nhận tại quầy
    REGISTERED = "registered"  # 1 Mới đăng ký (online / postal, not yet checked)
    RECEIVED = "received"  # 2 Được tiếp nhận
    REFUSED = "refused"  # 3 Không được tiếp nhận
    PROCESSING = "processing"  # 4 Đang xử lý
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 5 Yêu cầu bổ sung giấy tờ
    AWAITING_PAYMENT = "awaiting_payment"  # 6 Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = "withdrawn"  # 7 Công dân yêu cầu rút hồ sơ
    STOPPED = "stopped"  # 8 Dừng xử lý
    RESOLVED = "resolved"  # 9 Đã xử lý xong
    RETURNED = "returned"  # 10 Đã trả kết quả
    CANCELLED = "cancelled"  # internal: hủy (voided at the counter)

    @property
    def national_code(self) -> int | None:
        return _NATIONAL_CODES.get(self)

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]

    @property
    def is_terminal(self) -> bool:
        return not TRANSITIONS[self]

    @classmethod
    def from_national_code(cls, code: int) -> "DossierStatus":
        for status, value in _NATIONAL_CODES.items():
            if value == code:
                return status
        raise ValueError(f"unknown national status code {code!r}")


S = DossierStatus

_NATIONAL_CODES = {
    S.REGISTERED: 1, S.RECEIVED: 2, S.REFUSED: 3, S.PROCESSING: 4, S.SUPPLEMENT_REQUESTED: 5,
    S.AWAITING_PAYMENT: 6, S.WITHDRAWN: 7, S.STOPPED: 8, S.RESOLVED: 9, S.RETURNED: 10,
}

_LABELS_VI = {
    S.DRAFT: "Đang tiếp nhận",
    S.REGISTERED: "Mới đăng ký",
    S.RECEIVED: "Được tiếp nhận",
    S.REFUSED: "Không được tiếp nhận",
    S.PROCESSING: "Đang xử lý",
    S.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    S.AWAITING_PAYMENT: "Yêu cầu thực hiện nghĩa vụ tài chính",
    S.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    S.STOPPED: "Dừng xử lý",
    S.RESOLVED: "Đã xử lý xong",
    S.RETURNED: "Đã trả kết quả",
    S.CANCELLED: "Đã hủy",
}

#: Allowed moves. Anything not listed is refused with :class:`IllegalTransition`.
TRANSITIONS: dict[DossierStatus, frozenset[DossierStatus]] = {
    S.DRAFT: frozenset({S.RECEIVED, S.SUPPLEMENT_REQUESTED, S.REFUSED, S.CANCELLED}),
    S.REGISTERED: frozenset({S.RECEIVED, S.SUPPLEMENT_REQUESTED, S.REFUSED, S.WITHDRAWN}),
    # Supplement at reception ends in RECEIVED (or REFUSED); during processing it goes back to PROCESSING.
    S.SUPPLEMENT_REQUESTED: frozenset({S.RECEIVED, S.PROCESSING, S.REFUSED, S.WITHDRAWN, S.STOPPED}),
    S.RECEIVED: frozenset({S.PROCESSING, S.RESOLVED, S.WITHDRAWN, S.CANCELLED}),
    S.PROCESSING: frozenset({S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT, S.RESOLVED, S.STOPPED, S.WITHDRAWN}),
    S.AWAITING_PAYMENT: frozenset({S.PROCESSING, S.RESOLVED, S.WITHDRAWN, S.STOPPED}),
    S.RESOLVED: frozenset({S.RETURNED}),
    S.REFUSED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
    S.CANCELLED: frozenset(),
}


def check_transition(current: DossierStatus, target: DossierStatus) -> None:
    """Raise :class:`IllegalTransition` unless ``current → target`` is in the table."""
    if target in TRANSITIONS[current]:
        return
    allowed = ", ".join(sorted(s.label_vi for s in TRANSITIONS[current])) or "không có"
    raise IllegalTransition(
        f"illegal status change {current.value} -> {target.value}",
        f"Không thể chuyển hồ sơ từ trạng thái “{current.label_vi}” sang “{target.label_vi}”. "
        f"Các bước được phép từ trạng thái này: {allowed}.",
    )
