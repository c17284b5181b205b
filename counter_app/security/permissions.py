"""Who may do what: one table for the whole core (the server keeps the same table).

Services call :func:`require` before acting; widgets only hide what a role cannot do.
Actions in :data:`FOUR_EYES` additionally need a supervisor's approval given at that
moment (:mod:`.approvals`).
"""

from __future__ import annotations

import enum

from ..domain.errors import CounterError
from ..domain.organisation import Role


class PermissionDenied(CounterError):
    code = "permission_denied"


class Action(enum.Enum):
    RECEIVE_DOSSIER = "receive_dossier"  # tiếp nhận hồ sơ
    REQUEST_SUPPLEMENT = "request_supplement"  # yêu cầu bổ sung
    REFUSE_DOSSIER = "refuse_dossier"  # từ chối tiếp nhận
    CANCEL_DOSSIER = "cancel_dossier"  # hủy hồ sơ
    REPRINT_RECEIPT = "reprint_receipt"  # in lại giấy tiếp nhận
    HANDOFF_BATCH = "handoff_batch"  # chuyển hồ sơ cho cơ quan giải quyết
    EXTEND_DEADLINE = "extend_deadline"  # xin lỗi và gia hạn
    RETURN_RESULT = "return_result"  # trả kết quả
    WITHDRAW_DOSSIER = "withdraw_dossier"  # rút hồ sơ theo yêu cầu của công dân
    COLLECT_FEE = "collect_fee"  # thu phí, lệ phí
    REFUND_FEE = "refund_fee"  # hoàn phí, lệ phí
    VIEW_PERSONAL_DATA = "view_personal_data"  # xem dữ liệu cá nhân
    EXPORT_PERSONAL_DATA = "export_personal_data"  # xuất dữ liệu cá nhân
    APPROVE = "approve"  # phê duyệt (four-eyes)
    EDIT_CALENDAR = "edit_calendar"  # ngày nghỉ/làm bù
    IMPORT_CATALOG = "import_catalog"  # nạp danh mục thủ tục
    MANAGE_OFFICERS = "manage_officers"  # quản lý cán bộ
    CONFIGURE_COUNTER = "configure_counter"  # cấu hình quầy, thiết bị
    VERIFY_AUDIT = "verify_audit"  # kiểm tra nhật ký

    @property
    def label_vi(self) -> str:
        return _LABELS[self]


A = Action
_COUNTER_WORK = {A.RECEIVE_DOSSIER, A.REQUEST_SUPPLEMENT, A.REFUSE_DOSSIER, A.CANCEL_DOSSIER, A.REPRINT_RECEIPT,
                 A.HANDOFF_BATCH, A.EXTEND_DEADLINE, A.RETURN_RESULT, A.WITHDRAW_DOSSIER, A.COLLECT_FEE,
                 A.REFUND_FEE, A.VIEW_PERSONAL_DATA}

#: Role → allowed actions. Admins configure; they do not handle citizens' dossiers.
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OFFICER: frozenset(_COUNTER_WORK),
    Role.SUPERVISOR: frozenset(_COUNTER_WORK | {A.APPROVE, A.EXPORT_PERSONAL_DATA, A.EDIT_CALENDAR, A.VERIFY_AUDIT}),
    Role.ADMIN: frozenset({A.EDIT_CALENDAR, A.IMPORT_CATALOG, A.MANAGE_OFFICERS, A.CONFIGURE_COUNTER,
                           A.VERIFY_AUDIT}),
}

#: Actions that need a supervisor's approval at the moment they are done (bốn mắt).
FOUR_EYES: frozenset[Action] = frozenset({
    A.HANDOFF_BATCH, A.REFUSE_DOSSIER, A.EXTEND_DEADLINE, A.REPRINT_RECEIPT, A.CANCEL_DOSSIER, A.WITHDRAW_DOSSIER,
    A.REFUND_FEE})

_LABELS = {
    A.RECEIVE_DOSSIER: "tiếp nhận hồ sơ", A.REQUEST_SUPPLEMENT: "yêu cầu bổ sung hồ sơ",
    A.REFUSE_DOSSIER: "từ chối tiếp nhận hồ sơ", A.CANCEL_DOSSIER: "hủy hồ sơ",
    A.REPRINT_RECEIPT: "in lại giấy tiếp nhận", A.HANDOFF_BATCH: "chuyển hồ sơ cho cơ quan giải quyết",
    A.EXTEND_DEADLINE: "xin lỗi và gia hạn thời gian giải quyết", A.RETURN_RESULT: "trả kết quả",
    A.WITHDRAW_DOSSIER: "rút hồ sơ", A.COLLECT_FEE: "thu phí, lệ phí", A.REFUND_FEE: "hoàn phí, lệ phí",
    A.VIEW_PERSONAL_DATA: "xem dữ liệu cá nhân", A.EXPORT_PERSONAL_DATA: "xuất dữ liệu cá nhân",
    A.APPROVE: "phê duyệt", A.EDIT_CALENDAR: "sửa lịch ngày nghỉ/làm bù",
    A.IMPORT_CATALOG: "nạp danh mục thủ tục", A.MANAGE_OFFICERS: "quản lý cán bộ",
    A.CONFIGURE_COUNTER: "cấu hình quầy", A.VERIFY_AUDIT: "kiểm tra nhật ký",
}


def allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def require(role: Role, action: Action) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` may do ``action``."""
    if not allowed(role, action):
        raise PermissionDenied(
            f"role {role.value} may not {action.value}",
            f"Tài khoản của bạn không có quyền {action.label_vi}. Liên hệ lãnh đạo hoặc quản trị hệ thống.",
        )


def needs_approval(action: Action) -> bool:
    return action in FOUR_EYES
