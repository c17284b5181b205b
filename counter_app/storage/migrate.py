"""Alembic migrations run from code, with a backup of the database file before each upgrade."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from .db import make_engine

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
