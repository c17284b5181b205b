"""Opening the local SQLite store: WAL mode, foreign keys, one writer at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(db_path: Path | str) -> Engine:
    """An engine on the SQLite file ``db_path`` (``":memory:"`` for tests of pure queries)."""
    url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{Path(db_path)}"
    engine = create_engine(url, future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """The local database. Every write goes through :meth:`write`: one transaction each."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db_path: Path, *, migrate: bool = True, backup_dir: Path | None = None) -> "Store":
        """Open (and by default migrate, backing the file up first) the store at ``db_path``."""
        from .migrate import upgrade

        db_path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(db_path)
        if migrate:
            upgrade(engine, db_path=db_path, backup_dir=backup_dir or db_path.parent / "backups")
        return cls(engine, db_path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; anything written in it is rolled back."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn(session)`` in one transaction: committed if it returns, rolled back if it raises."""
        with self._sessions.begin() as session:
            return fn(session)

    def close(self) -> None:
        self.engine.dispose()
