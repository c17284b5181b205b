"""Alembic migrations run from code, with a backup of the database file before each upgrade.

Alembic is imported only when a database is behind: at every start of an up-to-date
counter the check is a plain ``SELECT`` against the revision ids read from the
migration files (about 300 ms saved on a counter PC's start-up).
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

from .db import make_engine

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REV = re.compile(r"""^(down_revision|revision)\s*=\s*(?:["']([^"']+)["']|None)""", re.M)


def _file_head() -> str | None:
    """The single head read from the migration files without Alembic (None if unsure)."""
    revisions, downs = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((m.group(1), m.group(2)) for m in _REV.finditer(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision"):
            downs.add(found["down_revision"])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
                        ).scalar() is None:
            return None  # a new database
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_file(db_path: Path, backup_dir: Path, label: str, *, key: bytes | None = None) -> Path:
    """Copy a live SQLite database consistently (the SQLite backup API, WAL included).

    An encrypted database is checkpointed and copied as is: the backup stays encrypted
    with the same key."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{db_path.stem}-{label}-{datetime.now():%Y%m%dT%H%M%S%f}.sqlite"
    if key is not None:
        engine = make_engine(db_path, key=key)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        shutil.copy2(db_path, target)
        return target
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, *, revision: str = "head", db_path: Path | None = None,
            backup_dir: Path | None = None, key: bytes | None = None) -> Path | None:
    """Upgrade to ``revision``; back the file up first when it holds an older schema.

    Returns the backup's path, or ``None`` when no backup was needed (new or current DB).
    """
    if revision == "head":
        head = _file_head()
        if head is not None and _stored_revision(engine) == head:
            return None
    from alembic import command

    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    backup: Path | None = None
    if current == target:
        return None
    if current is not None and db_path is not None and backup_dir is not None:
        backup = backup_file(db_path, backup_dir, f"before-{target}-from-{current}", key=key)
        log.info("database backed up to %s before migrating %s -> %s", backup, current, target)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
