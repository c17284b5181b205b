"""Backend migration 0005 (app releases, counter versions, agency settings) matches the models
on PostgreSQL, and downgrades and upgrades again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from city_backend import migrate
from city_backend.db import normalise_url
from city_backend.models import Base
from city_backend.testing import fresh_database

MINE = {"app_release", "counter_version_seen", "agency_settings"}


def _table(diff_entry) -> str:
    obj = diff_entry[1] if not isinstance(diff_entry, list) else diff_entry[0][1]
    return getattr(obj, "name", "") if not hasattr(obj, "table") else obj.table.name


def test_0005_matches_the_models_and_round_trips(pg_base):
    with fresh_database(pg_base, prefix="ship_mig") as url:
        migrate.upgrade(url)
        engine = create_engine(normalise_url(url))
        try:
            with engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
                names = set(conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname='public'")
                            .scalars())
            assert MINE <= names
            mine = [d for d in diff if _table(d) in MINE]
            assert mine == []
            migrate.downgrade(url, "0004")
            with engine.connect() as conn:
                left = set(conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname='public'")
                           .scalars())
            assert not (MINE & left)
            assert migrate.upgrade(url) == migrate.head_revision()
        finally:
            engine.dispose()
