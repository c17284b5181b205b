"""Favourite procedures of each officer (thủ tục ưa dùng), offered first in the reception wizard.

Stored in the local ``setting`` table under ``favourites:<officer>`` as a JSON list of
procedure codes, newest star first (no migration: a preference of this counter, not synced).
A code that left the catalog is skipped when listing, and kept, so it comes back with the
procedure if the catalog publishes it again.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ValidationError
from ..storage.models import ProcedureRow, SettingRow

MAX_FAVOURITES = 9  # Alt+1 … Alt+9 in the wizard
PREFIX = "favourites:"


def _key(officer: str) -> str:
    officer = (officer or "").strip()
    if not officer:
        raise ValidationError("no officer for favourites",
                              "Chưa xác định cán bộ đăng nhập: đăng nhập rồi đánh dấu thủ tục ưa dùng.")
    return PREFIX + officer[: 128 - len(PREFIX)]


def favourite_codes(session: Session, officer: str) -> list[str]:
    """The officer's starred procedure codes, newest first (those no longer in the catalog too)."""
    row = session.get(SettingRow, _key(officer))
    if row is None:
        return []
    try:
        codes = json.loads(row.value)
    except ValueError:
        return []  # a damaged preference is no reason to stop the counter
    return [c for c in codes if isinstance(c, str)] if isinstance(codes, list) else []


def _active_names(session: Session, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = session.execute(select(ProcedureRow.code, ProcedureRow.name, ProcedureRow.version)
                           .where(ProcedureRow.code.in_(codes), ProcedureRow.active)
                           .order_by(ProcedureRow.version)).all()
    return {code: name for code, name, _ in rows}  # the highest active version wins


def favourite_procedures(session: Session, officer: str) -> list[tuple[str, str]]:
    """``(code, name)`` of the officer's favourites still in the catalog, newest star first."""
    codes = favourite_codes(session, officer)
    names = _active_names(session, codes)
    return [(c, names[c]) for c in codes if c in names][:MAX_FAVOURITES]


def set_favourite(session: Session, officer: str, code: str, starred: bool) -> list[str]:
    """Star or unstar ``code`` for ``officer``; returns the new list of codes."""
    key, code = _key(officer), code.strip()
    codes = [c for c in favourite_codes(session, officer) if c != code]
    if starred:
        if code not in _active_names(session, [code]):
            raise NotFoundError(f"unknown procedure code {code[:64]!r}",
                                f"Không tìm thấy thủ tục mã “{code[:64]}” trong danh mục: không thể đánh dấu "
                                "ưa dùng.")
        listed = set(_active_names(session, codes))
        if len([c for c in codes if c in listed]) >= MAX_FAVOURITES:
            raise ValidationError("too many favourites",
                                  f"Đã có {MAX_FAVOURITES} thủ tục ưa dùng (Alt+1 … Alt+{MAX_FAVOURITES}). "
                                  "Bỏ đánh dấu một thủ tục trước khi thêm thủ tục khác.")
        codes.insert(0, code)
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=json.dumps(codes)))
    else:
        row.value = json.dumps(codes)
    session.flush()
    return codes


def toggle_favourite(session: Session, officer: str, code: str) -> bool:
    """Star ``code`` if it is not a favourite, else unstar it; returns whether it is starred now."""
    starred = code.strip() not in favourite_codes(session, officer)
    set_favourite(session, officer, code, starred)
    return starred
