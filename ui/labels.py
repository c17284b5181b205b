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
    t = QCoreApplication.translate
    # Dossier statuses (counter_app/domain/status.py).
    t("Labels", "Đang tiếp nhận"), t("Labels", "Mới đăng ký"), t("Labels", "Được tiếp nhận")
    t("Labels", "Không được tiếp nhận"), t("Labels", "Đang xử lý"), t("Labels", "Yêu cầu bổ sung giấy tờ")
    t("Labels", "Yêu cầu thực hiện nghĩa vụ tài chính"), t("Labels", "Công dân yêu cầu rút hồ sơ")
    t("Labels", "Dừng xử lý"), t("Labels", "Đã xử lý xong"), t("Labels", "Đã trả kết quả"), t("Labels", "Đã hủy")
    # Queue visit states (counter_app/domain/queue.py).
    t("Labels", "đang chờ"), t("Labels", "đã gọi"), t("Labels", "đang phục vụ"), t("Labels", "tạm dừng")
    t("Labels", "đã xong"), t("Labels", "vắng mặt")
    # Actions (counter_app/security/permissions.py).
    t("Labels", "tiếp nhận hồ sơ"), t("Labels", "yêu cầu bổ sung hồ sơ"), t("Labels", "từ chối tiếp nhận hồ sơ")
    t("Labels", "hủy hồ sơ"), t("Labels", "in lại giấy tiếp nhận"), t("Labels", "chuyển hồ sơ cho cơ quan giải quyết")
    t("Labels", "xin lỗi và gia hạn thời gian giải quyết"), t("Labels", "trả kết quả"), t("Labels", "rút hồ sơ")
    t("Labels", "thu phí, lệ phí"), t("Labels", "hoàn phí, lệ phí"), t("Labels", "xem dữ liệu cá nhân")
    t("Labels", "xuất dữ liệu cá nhân"), t("Labels", "phê duyệt"), t("Labels", "sửa lịch ngày nghỉ/làm bù")
    t("Labels", "nạp danh mục thủ tục"), t("Labels", "quản lý cán bộ"), t("Labels", "cấu hình quầy")
    t("Labels", "kiểm tra nhật ký")
    # Time limits, handoff tags, timeline lines.
    t("Labels", "Trong ngày"), t("Labels", "{n} ngày làm việc"), t("Labels", "{n} giờ làm việc")
    t("Labels", "Chậm chuyển (lô ngày {day})"), t("Labels", "Chuyển trong ngày")
    t("Labels", "Chuyển từ {a} đến {b}"), t("Labels", "{a} nhận hồ sơ"), t("Labels", "Số hóa: {what}")
    t("Labels", " ({n} trang)"), t("Labels", "In lại"), t("Labels", "In"), t("Labels", " — không in được")
