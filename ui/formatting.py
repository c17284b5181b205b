"""Display formats for dates, money and roles, translated through Qt Linguist.

Vietnamese is the source language; every word here goes through
``QCoreApplication.translate`` so the English translator can replace it.
"""

from __future__ import annotations

from datetime import date, datetime

from PyQt6.QtCore import QCoreApplication, QLocale

from counter_app.domain.organisation import Role


def weekday_name(d: date) -> str:
    """"thứ Hai" … "Chủ nhật", as written inside a sentence."""
    names = (
        QCoreApplication.translate("Formatting", "thứ Hai"),
        QCoreApplication.translate("Formatting", "thứ Ba"),
        QCoreApplication.translate("Formatting", "thứ Tư"),
        QCoreApplication.translate("Formatting", "thứ Năm"),
        QCoreApplication.translate("Formatting", "thứ Sáu"),
        QCoreApplication.translate("Formatting", "thứ Bảy"),
        QCoreApplication.translate("Formatting", "Chủ nhật"),
    )
    return names[d.weekday()]


def appointment(dt: datetime) -> str:
    """``14:30, thứ Sáu, ngày 27/11/2026``: how a time for the applicant is said at the counter."""
    return QCoreApplication.translate("Formatting", "{time}, {weekday}, ngày {date}").format(
        time=f"{dt:%H:%M}", weekday=weekday_name(dt.date()), date=f"{dt:%d/%m/%Y}")


def money_vnd(amount: int) -> str:
    """``8.000 đồng`` (grouping by the current locale)."""
    return QCoreApplication.translate("Formatting", "{amount} đồng").format(amount=QLocale().toString(amount))


def role_name(role: Role | None) -> str:
    if role is Role.OFFICER:
        return QCoreApplication.translate("Formatting", "Cán bộ một cửa")
    if role is Role.SUPERVISOR:
        return QCoreApplication.translate("Formatting", "Lãnh đạo phê duyệt")
    if role is Role.ADMIN:
        return QCoreApplication.translate("Formatting", "Quản trị")
    return QCoreApplication.translate("Formatting", "Vai trò chưa xác định")
