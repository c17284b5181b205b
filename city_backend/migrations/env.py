"""Alembic environment of the city backend; the URL or connection comes from ``city_backend.migrate``."""

from __future__ import annotations

from alembic import context

from city_backend.db import make_engine
from city_backend.models import Base

target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with make_engine(context.config.get_main_option("sqlalchemy.url")).begin() as conn:
        _run(conn)
