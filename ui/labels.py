"""The core's names and messages in the interface language.

The core (Qt-free) names things in Vietnamese: a dossier status (trạng thái hồ sơ), a queue
visit's state, an action that needs rights, a time limit (thời hạn giải quyết), a line of a
dossier's timeline. In Vietnamese the UI shows the core's text unchanged; in English each one
goes through Qt Linguist with **the Vietnamese text as its source** (context ``Labels``), so the
translator writes the English in ``resources/translations/quay_mot_cua_en.ts`` like any other
string. :func:`_for_lupdate` lists those sources literally for ``pylupdate6`` (a test keeps it
equal to the core's texts). A core error (:class:`CounterError`) carries its own English:
:func:`error_text` shows ``message_en`` when the interface is English.
"""

from __future__ import annotations

import re
from datetime import date

from PyQt6.QtCore import QCoreApplication

from counter_app.domain.errors import CounterError
from counter_app.domain.status import DossierStatus

from .i18n import current_language

CONTEXT = "Labels"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def english() -> bool:
    return current_language() == "en"


def status_label(status: DossierStatus) -> str:
    """Được tiếp nhận / Received…"""
    return _tr(status.label_vi)


def visit_state_label(state) -> str:
    """A queue visit's state (``counter_app.domain.queue.VisitState``)."""
    return _tr(state.label_vi)


def action_label(action) -> str:
    """An action that needs rights (``counter_app.security.permissions.Action``)."""
    return _tr(action.label_vi)


def time_limit_label(limit) -> str:
    """"5 ngày làm việc" (``counter_app.domain.time_limit.TimeLimit``)."""
    if not english():
        return limit.label_vi()
    from counter_app.domain.time_limit import LimitKind

    if limit.kind is LimitKind.IN_DAY:
        return _tr("Trong ngày")
    n = f"{limit.value:g}"
    if limit.kind is LimitKind.WORKING_DAYS:
        return _tr("{n} ngày làm việc").format(n=n)
    return _tr("{n} giờ làm việc").format(n=n)


def handoff_tag(line, day: date) -> str:
    """A batch line's tag (``counter_app.services.handoffs.BatchLine.tag_vi``)."""
    if not english():
        return line.tag_vi(day)
    if line.late_to_leave(day):
        return _tr("Chậm chuyển (lô ngày {day})").format(day=f"{line.batch_day:%d/%m}")
    return _tr("Chuyển trong ngày")


_STATUS_BY_LABEL = {s.label_vi: s for s in DossierStatus}
# The timeline texts the core composes (services/queries.py, services/dossier_record.py).
_TIMELINE = [
    (re.compile(r"^Chuyển từ (?P<a>.*) đến (?P<b>.*)$"), "Chuyển từ {a} đến {b}"),
    (re.compile(r"^(?P<a>.*) nhận hồ sơ$"), "{a} nhận hồ sơ"),
    (re.compile(r"^Số hóa: (?P<a>.*?)(?: \((?P<n>\d+) trang\))?$"), None),
    (re.compile(r"^(?P<what>In lại|In) (?P<a>.*?)(?P<failed> — không in được)?$"), None),
]


def timeline_text(entry) -> str:
    """A timeline line's text (``TimelineEntry.text_vi``): a status, a handoff, a scan, a print."""
    text = entry.text_vi
    if not english():
        return text
    if entry.kind == "status" and text in _STATUS_BY_LABEL:
        return status_label(_STATUS_BY_LABEL[text])
    for pattern, template in _TIMELINE:
        m = pattern.match(text)
        if m is None:
            continue
        if template is not None:
            return _tr(template).format(**m.groupdict())
        if "what" in m.groupdict():  # a print
            what = _tr("In lại") if m["what"] == "In lại" else _tr("In")
            failed = _tr(" — không in được") if m["failed"] else ""
            return f"{what} {m['a']}{failed}"
        pages = _tr(" ({n} trang)").format(n=m["n"]) if m["n"] else ""
        return _tr("Số hóa: {what}").format(what=m["a"]) + pages
    return text


def error_text(exc: BaseException) -> str:
    """What the officer reads about a core error: ``message_vi``, or ``message_en`` in English."""
    if isinstance(exc, CounterError):
        return exc.message_en if english() and exc.message_en else exc.message_vi
    return str(getattr(exc, "message_vi", "") or exc)


def _for_lupdate() -> None:  # pragma: no cover — never called: pylupdate6 reads these literals
    """The Vietnamese sources of this module's translations (kept equal to the core by a test)."""
    # Statuses (domain/status.py), queue visit states (domain/queue.py), actions
    # (security/permissions.py), time limits, handoff tags and timeline lines (services/).
    QCoreApplication.translate("Labels", "Đang tiếp nhận")
    QCoreApplication.translate("Labels", "Mới đăng ký")
    QCoreApplication.translate("Labels", "Được tiếp nhận")
    QCoreApplication.translate("Labels", "Không được tiếp nhận")
    QCoreApplication.translate("Labels", "Đang xử lý")
    QCoreApplication.translate("Labels", "Yêu cầu bổ sung giấy tờ")
    QCoreApplication.translate("Labels", "Yêu cầu thực hiện nghĩa vụ tài chính")
    QCoreApplication.translate("Labels", "Công dân yêu cầu rút hồ sơ")
    QCoreApplication.translate("Labels", "Dừng xử lý")
    QCoreApplication.translate("Labels", "Đã xử lý xong")
    QCoreApplication.translate("Labels", "Đã trả kết quả")
    QCoreApplication.translate("Labels", "Đã hủy")
    QCoreApplication.translate("Labels", "đang chờ")
    QCoreApplication.translate("Labels", "đã gọi")
    QCoreApplication.translate("Labels", "đang phục vụ")
    QCoreApplication.translate("Labels", "tạm dừng")
    QCoreApplication.translate("Labels", "đã xong")
    QCoreApplication.translate("Labels", "vắng mặt")
    QCoreApplication.translate("Labels", "tiếp nhận hồ sơ")
    QCoreApplication.translate("Labels", "yêu cầu bổ sung hồ sơ")
    QCoreApplication.translate("Labels", "từ chối tiếp nhận hồ sơ")
    QCoreApplication.translate("Labels", "hủy hồ sơ")
    QCoreApplication.translate("Labels", "in lại giấy tiếp nhận")
    QCoreApplication.translate("Labels", "chuyển hồ sơ cho cơ quan giải quyết")
    QCoreApplication.translate("Labels", "xin lỗi và gia hạn thời gian giải quyết")
    QCoreApplication.translate("Labels", "trả kết quả")
    QCoreApplication.translate("Labels", "rút hồ sơ")
    QCoreApplication.translate("Labels", "thu phí, lệ phí")
    QCoreApplication.translate("Labels", "hoàn phí, lệ phí")
    QCoreApplication.translate("Labels", "xem dữ liệu cá nhân")
    QCoreApplication.translate("Labels", "xuất dữ liệu cá nhân")
    QCoreApplication.translate("Labels", "phê duyệt")
    QCoreApplication.translate("Labels", "sửa lịch ngày nghỉ/làm bù")
    QCoreApplication.translate("Labels", "nạp danh mục thủ tục")
    QCoreApplication.translate("Labels", "quản lý cán bộ")
    QCoreApplication.translate("Labels", "cấu hình quầy")
    QCoreApplication.translate("Labels", "kiểm tra nhật ký")
    QCoreApplication.translate("Labels", "Trong ngày")
    QCoreApplication.translate("Labels", "{n} ngày làm việc")
    QCoreApplication.translate("Labels", "{n} giờ làm việc")
    QCoreApplication.translate("Labels", "Chậm chuyển (lô ngày {day})")
    QCoreApplication.translate("Labels", "Chuyển trong ngày")
    QCoreApplication.translate("Labels", "Chuyển từ {a} đến {b}")
    QCoreApplication.translate("Labels", "{a} nhận hồ sơ")
    QCoreApplication.translate("Labels", "Số hóa: {what}")
    QCoreApplication.translate("Labels", " ({n} trang)")
    QCoreApplication.translate("Labels", "In lại")
    QCoreApplication.translate("Labels", "In")
    QCoreApplication.translate("Labels", " — không in được")
