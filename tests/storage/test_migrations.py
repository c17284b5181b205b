"""Migrations: an empty DB upgrades to head; a DB made by the previous revision upgrades with
its data intact and is backed up first; the ORM models match what the migrations build."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from counter_app.storage import migrate
from counter_app.storage.base import Base
from counter_app.storage.db import Store, make_engine


def test_empty_database_upgrades_to_head(tmp_path: Path):
    db = tmp_path / "c.sqlite"
    engine = make_engine(db)
    assert migrate.current_revision(engine) is None
    backup = migrate.upgrade(engine, db_path=db, backup_dir=tmp_path / "b")
    assert backup is None, "a new database needs no backup"
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_previous_revision_upgrades_with_data_and_backup(tmp_path: Path):
    db = tmp_path / "c.sqlite"
    engine = make_engine(db)
    migrate.upgrade(engine, revision="0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO procedure (code, version, name, field, level, processing_agency, limit_kind, "
            "limit_value, result_type, legal_basis_text, published_by, is_demo, active, keywords, search_text) "
            "VALUES ('1.001193', 1, 'Đăng ký khai sinh', 'Hộ tịch', 'xa', 'UBND xã', 'working_days', 1, '', '', "
            "'', 0, 1, '', '1.001193 dang ky khai sinh ho tich')"))
    backup = migrate.upgrade(engine, db_path=db, backup_dir=tmp_path / "backups")
    assert backup is not None and backup.exists()
    assert f"before-{migrate.head_revision()}-from-0001" in backup.name
    # The backup is a readable database at the old revision, with the row.
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT name FROM procedure").fetchone() == ("Đăng ký khai sinh",)
    con.close()
    # The existing row was indexed by the new FTS table.
    with engine.connect() as conn:
        hits = conn.execute(text("SELECT rowid FROM procedure_fts WHERE procedure_fts MATCH 'khai'")).all()
    assert len(hits) == 1


def test_downgrade_and_upgrade_again(tmp_path: Path):
    db = tmp_path / "c.sqlite"
    engine = make_engine(db)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_models_match_migrations(tmp_path: Path):
    engine = make_engine(tmp_path / "c.sqlite")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 shadow tables are created by SQLite, not by the models.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("procedure_fts"))]
    assert diff == []


def test_store_write_is_one_transaction(store: Store):
    from counter_app.storage.models import SettingRow

    def failing(session):
        session.add(SettingRow(key="a", value="1"))
        session.flush()
        raise RuntimeError("boom")

    try:
        store.write(failing)
    except RuntimeError:
        pass
    with store.read() as s:
        assert s.get(SettingRow, "a") is None
    store.write(lambda s: s.add(SettingRow(key="a", value="2")))
    with store.read() as s:
        assert s.get(SettingRow, "a").value == "2"


def test_store_open_migrates_existing_file_and_backs_up(tmp_path: Path):
    db = tmp_path / "c.sqlite"
    migrate.upgrade(make_engine(db), revision="0001")
    Store.open(db).close()
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert datetime.now().strftime("%Y%m%d") in backups[0].name


def test_the_fast_head_check_agrees_with_alembic_and_skips_it_when_current(tmp_path: Path):
    import subprocess
    import sys

    assert migrate._file_head() == migrate.head_revision()
    db = tmp_path / "c.sqlite"
    Store.open(db).close()
    code = ("import sys; from pathlib import Path; from counter_app.storage.db import Store; "
            f"Store.open(Path({str(db)!r})).close(); sys.exit(1 if 'alembic' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, "an up-to-date store must not load Alembic"
