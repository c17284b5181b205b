"""Alembic environment: the connection comes from code (``counter_app.storage.migrate``).

For developers: ``QMC_DB=/path/to/file.sqlite alembic -c counter_app/storage/migrations/alembic.ini
revision --autogenerate -m "..."``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from counter_app.storage import models  # noqa: F401  (registers every table)
from counter_app.storage.base import Base

target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(f"sqlite:///{os.environ['QMC_DB']}")
    with engine.begin() as conn:
        run(conn)
