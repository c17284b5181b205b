"""Opening the local SQLite store: WAL mode, foreign keys, one writer at a time."""

from __future__ import annotations

import os
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


class DatabaseInUse(CounterError):
    code = "database_in_use"


PLAINTEXT_HEADER = b"SQLite format 3\x00"


def is_plaintext(db_path: Path) -> bool:
    """Whether ``db_path`` is an unencrypted SQLite file (an encrypted one starts with random salt)."""
    try:
        with open(db_path, "rb") as f:
            return f.read(16) == PLAINTEXT_HEADER
    except FileNotFoundError:
        return False


def _alone(db_path: Path) -> bool:
    """Whether no other connection has the WAL database open: the last connection to close
    checkpoints and deletes the ``-wal`` and ``-shm`` files; if they stay, someone else is in."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return not any(Path(str(db_path) + suffix).exists() for suffix in ("-wal", "-shm"))


def encrypt_plaintext(db_path: Path, key: bytes) -> bool:
    """Convert an unencrypted database file to SQLCipher with ``key`` (``sqlcipher_export``), in place.

    The encrypted copy is written beside it and replaces it atomically; the plaintext WAL is
    checkpointed first and removed. Returns False when there was nothing to convert."""
    if not is_plaintext(db_path):
        return False
    import sqlcipher3.dbapi2 as sqlcipher

    tmp = db_path.with_name(db_path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    if not _alone(db_path):  # a process still using it would write on into the old plaintext copy
        raise DatabaseInUse(f"{db_path.name} is open elsewhere; not encrypting it now",
                            "Cơ sở dữ liệu đang được một cửa sổ hoặc lệnh khác của ứng dụng sử dụng, nên chưa "
                            "mã hóa được. Đóng các cửa sổ/lệnh đó rồi mở lại ứng dụng.")
    conn = sqlcipher.connect(str(db_path))
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        quoted = str(tmp).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS encrypted KEY \"x'{key.hex()}'\"")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    os.replace(tmp, db_path)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    return True


class Store:
    """The local database. Every write goes through :meth:`write`: one transaction each."""

    def __init__(self, engine: Engine, path: Path | None = None, *, encrypted: bool = False) -> None:
        self.engine = engine
        self.path = path
        self.encrypted = encrypted
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.secrets = None

    def keep_secrets_in(self, secrets) -> None:
        """Keep the sync state's secrets (the counter's token) in ``secrets``, a
        :class:`~counter_app.security.keystore.SecretStore` (the OS keyring), not in the database:
        every session carries it as ``session.info["secrets"]`` (see :mod:`counter_app.sync.state`)."""
        self.secrets = secrets
        self._sessions.configure(info={"secrets": secrets})

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
