"""Opening the local SQLite store: WAL mode, foreign keys, one writer at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import CounterError

T = TypeVar("T")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class DatabaseLocked(CounterError):
    """The database file cannot be opened with the key given (or is not a database)."""

    code = "database_key"


def make_engine(db_path: Path | str, *, key: bytes | None = None) -> Engine:
    """An engine on the SQLite file ``db_path`` (``":memory:"`` for tests of pure queries).

    With ``key`` (32 raw bytes, from the OS keyring) the file is a SQLCipher database:
    pages, WAL and journal are encrypted; without the key it reads as noise.
    """
    if key is None:
        url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{Path(db_path)}"
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    import sqlcipher3.dbapi2 as sqlcipher

    path = str(Path(db_path))

    def connect():
        conn = sqlcipher.connect(path, check_same_thread=False)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            conn.close()
            raise DatabaseLocked(
                f"cannot open {Path(path).name}: wrong key or not a database",
                "Không mở được cơ sở dữ liệu: khóa giải mã không đúng hoặc tệp bị hỏng. Không xóa tệp; "
                "liên hệ bộ phận hỗ trợ để khôi phục từ bản sao lưu.",
            ) from exc
        return conn

    engine = create_engine("sqlite://", creator=connect, future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """The local database. Every write goes through :meth:`write`: one transaction each."""

    def __init__(self, engine: Engine, path: Path | None = None, *, encrypted: bool = False) -> None:
        self.engine = engine
        self.path = path
        self.encrypted = encrypted
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db_path: Path, *, migrate: bool = True, backup_dir: Path | None = None,
             key: bytes | None = None) -> "Store":
        """Open (and by default migrate, backing the file up first) the store at ``db_path``;
        ``key``: the SQLCipher key (encrypted at rest)."""
        from .migrate import upgrade

        db_path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(db_path, key=key)
        if migrate:
            upgrade(engine, db_path=db_path, backup_dir=backup_dir or db_path.parent / "backups", key=key)
        return cls(engine, db_path, encrypted=key is not None)

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
