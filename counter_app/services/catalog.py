"""The procedure catalog: import from a catalog file, look up, and search.

Search is diacritic-insensitive ("ho tich", "khai sinh", "chung thuc") through the
FTS5 index on ``procedure.search_text`` (migration 0002).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, selectinload

from ..domain.errors import NotFoundError, ValidationError
from ..domain.legal_basis import LegalBasis
from ..domain.procedure import Component, Fee, Procedure
from ..domain.text import fold, nfc, search_words
from ..domain.time_limit import LimitKind, TimeLimit
from ..resources import resource_path
from ..security import audit
from ..security.permissions import Action, require
from .operations import Changes, OpResult
from ..storage.models import ProcedureComponentRow, ProcedureFeeRow, ProcedureRow

DEMO_CATALOG = ("catalog", "hanoi_commune_demo.json")
CATALOG_FORMAT = "qmc-catalog/1"
#: How many full-text matches are ranked at most (bounds the cost of very common words).
RANK_CANDIDATES = 2000


@dataclass(frozen=True, slots=True)
class ProcedureHit:
    code: str
    name: str
    field: str
    limit_label: str
    is_demo: bool


def demo_catalog_path() -> Path:
    return resource_path(*DEMO_CATALOG)


def read_catalog_file(path: Path) -> tuple[list[Procedure], bool]:
    """Parse a catalog file into procedures; returns (procedures, is_demo)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            f"cannot read catalog {path.name}: {exc}",
            f"Không đọc được tệp danh mục thủ tục “{path.name}” ({exc}). Tệp có thể bị hỏng; "
            "lấy lại bản danh mục mới từ hệ thống.",
        ) from exc
    if not isinstance(data, dict) or data.get("format") != CATALOG_FORMAT:
        raise ValidationError(
            f"{path.name} is not a {CATALOG_FORMAT} catalog",
            f"Tệp “{path.name}” không phải danh mục thủ tục đúng định dạng.",
        )
    demo = bool(data.get("demo", False))
    procedures = []
    for i, raw in enumerate(data.get("procedures", [])):
        try:
            procedures.append(_procedure_from_json(raw, demo))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                f"catalog entry #{i + 1} malformed: {exc!r}",
                f"Thủ tục thứ {i + 1} trong tệp danh mục bị thiếu hoặc sai dữ liệu ({exc}).",
            ) from exc
    return procedures, demo


def _procedure_from_json(raw: dict, demo: bool) -> Procedure:
    limit = raw["limit"]
    kind = LimitKind(limit["kind"])
    return Procedure(
        code=nfc(raw["code"]).strip(),
        name=nfc(raw["name"]),
        field=nfc(raw.get("field", "")),
        processing_agency=nfc(raw.get("processing_agency", "")),
        limit=TimeLimit(kind, float(limit.get("value", 0) or 0)),
        components=tuple(
            Component(nfc(c["name"]), int(c.get("originals", 1)), int(c.get("copies", 0)),
                      bool(c.get("mandatory", True)), nfc(c.get("note", "")), position=i)
            for i, c in enumerate(raw.get("components", []))
        ),
        fees=tuple(Fee(nfc(f["name"]), int(f.get("amount_vnd", 0)), nfc(f.get("note", "")))
                   for f in raw.get("fees", [])),
        result_type=nfc(raw.get("result_type", "")),
        legal_basis_text=nfc(raw.get("legal_basis", "")),
        published_by=nfc(raw.get("published_by", "")),
        level=raw.get("level", "xa"),
        version=int(raw.get("version", 1)),
        form_version=LegalBasis(raw["form_version"]) if raw.get("form_version") else None,
        is_demo=demo,
        keywords=tuple(nfc(k) for k in raw.get("keywords", [])),
    )


def _search_text(p: Procedure) -> str:
    return " ".join([p.code, fold(p.name), fold(p.field), *(fold(k) for k in p.keywords)])


def procedure_to_row(p: Procedure) -> ProcedureRow:
    return ProcedureRow(
        code=p.code, version=p.version, name=p.name, field=p.field, level=p.level,
        processing_agency=p.processing_agency, limit_kind=p.limit.kind.value, limit_value=p.limit.value,
        result_type=p.result_type, legal_basis_text=p.legal_basis_text, published_by=p.published_by,
        form_version=p.form_version.value if p.form_version else None, is_demo=p.is_demo, active=True,
        keywords="\n".join(p.keywords), search_text=_search_text(p),
        components=[ProcedureComponentRow(position=c.position, name=c.name, originals=c.originals,
                                          copies=c.copies, mandatory=c.mandatory, note=c.note)
                    for c in p.components],
        fees=[ProcedureFeeRow(name=f.name, amount_vnd=f.amount_vnd, note=f.note) for f in p.fees],
    )


def row_to_procedure(row: ProcedureRow) -> Procedure:
    return Procedure(
        code=row.code, name=row.name, field=row.field, processing_agency=row.processing_agency,
        limit=TimeLimit(LimitKind(row.limit_kind), row.limit_value),
        components=tuple(Component(c.name, c.originals, c.copies, c.mandatory, c.note, c.position)
                         for c in row.components),
        fees=tuple(Fee(f.name, f.amount_vnd, f.note) for f in row.fees),
        result_type=row.result_type, legal_basis_text=row.legal_basis_text, published_by=row.published_by,
        level=row.level, version=row.version,
        form_version=LegalBasis(row.form_version) if row.form_version else None,
        is_demo=row.is_demo, keywords=tuple(k for k in row.keywords.split("\n") if k),
    )


def import_catalog(session: Session, procedures: list[Procedure], *, replace: bool = False, ctx=None,
                   now: datetime | None = None) -> OpResult[int]:
    """Add procedures (nạp danh mục thủ tục); the result's value is how many rows were added.

    Only the highest version of a code is active (searchable, offered at reception); older
    versions stay for the dossiers received under them. ``replace``: procedures missing
    from ``procedures`` are deactivated (never deleted — dossiers refer to them).

    ``ctx``: the counter context of an officer importing a file — the role needs
    ``IMPORT_CATALOG``. Without one the catalog comes from the city (sync) or is the first-run
    demo catalog, with no officer signed in (the city audits its own changes); an officer's
    import is recorded in the counter's audit log.
    """
    if ctx is not None:
        require(ctx.role, Action.IMPORT_CATALOG)
    if replace:
        session.execute(update(ProcedureRow).values(active=False, search_text=""))
    added = 0
    for p in procedures:
        row = session.scalar(select(ProcedureRow).where(
            ProcedureRow.code == p.code, ProcedureRow.version == p.version))
        if row is None:
            row = procedure_to_row(p)
            session.add(row)
            added += 1
        session.flush()
        newest = session.scalar(select(func.max(ProcedureRow.version)).where(ProcedureRow.code == p.code))
        if row.version == newest:
            session.execute(update(ProcedureRow).where(ProcedureRow.code == p.code, ProcedureRow.id != row.id)
                            .values(active=False, search_text=""))
            row.active, row.search_text = True, _search_text(p)
        else:
            row.active, row.search_text = False, ""
    session.flush()
    if ctx is not None:
        from .. import clock

        audit.append(session, actor=ctx.officer, action="import_catalog",
                     details={"added": added, "procedures": len(procedures), "replace": replace},
                     at=now or clock.now())
    return OpResult(added, Changes(catalog=True))


def catalog_size(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ProcedureRow).where(ProcedureRow.active)) or 0


def get_procedure(session: Session, code: str) -> Procedure:
    """The active version of procedure ``code``; :class:`NotFoundError` if none."""
    row = session.scalar(
        select(ProcedureRow).options(selectinload(ProcedureRow.components), selectinload(ProcedureRow.fees))
        .where(ProcedureRow.code == code.strip(), ProcedureRow.active).order_by(ProcedureRow.version.desc())
    )
    if row is None:
        raise NotFoundError(
            f"unknown procedure code {code.strip()[:64]!r}",
            f"Không tìm thấy thủ tục mã “{code.strip()[:64]}” trong danh mục. Tìm theo tên thủ tục, "
            "hoặc đồng bộ lại danh mục nếu thủ tục mới được công bố.",
        )
    return row_to_procedure(row)


def search(session: Session, query: str, *, limit: int = 20) -> list[ProcedureHit]:
    """Procedures matching every word of ``query`` (diacritics ignored, last word as a prefix).

    An exact code match comes first. Ranking (bm25) runs inside FTS5 on row ids only, over
    at most :data:`RANK_CANDIDATES` matches, and just ``limit`` rows are then read from
    ``procedure``: a word shared by 300 000 of 1 M rows costs the same as a rare one. A real
    catalog (a few thousand procedures) is always ranked in full; on a huge one, a query
    matching more than that is ranked within the first candidates (another word narrows it).
    """
    words = search_words(query)
    if not words:
        return []
    match = " AND ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"*'])
    ids = list(session.scalars(select(ProcedureRow.id).where(
        ProcedureRow.code == query.strip(), ProcedureRow.active)))
    ids += [i for i in session.scalars(
        text("SELECT rowid FROM (SELECT rowid, rank FROM procedure_fts WHERE procedure_fts MATCH :match "
             "LIMIT :candidates) ORDER BY rank LIMIT :limit"),
        {"match": match, "limit": limit + len(ids), "candidates": RANK_CANDIDATES}) if i not in ids]
    rows = {r.id: r for r in session.scalars(select(ProcedureRow).where(ProcedureRow.id.in_(ids[:limit])))}
    return [ProcedureHit(r.code, r.name, r.field, TimeLimit(LimitKind(r.limit_kind), r.limit_value).label_vi(),
                         r.is_demo) for r in (rows.get(i) for i in ids[:limit]) if r is not None]
