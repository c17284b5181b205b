"""Engine and sessions of the city backend (PostgreSQL via psycopg 3; SQLite for the demo)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

ICT = timedelta(hours=7)


def normalise_url(url: str) -> str:
    """``postgresql://…`` → the psycopg 3 driver; other URLs unchanged."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _rec):  # pragma: no cover - demo only
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=10000")
            cur.close()
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


ICT_ZONE = timezone(ICT, "ICT")


def server_now() -> datetime:
    """The server's clock as naive Vietnam local time (the project's convention for stored times)."""
    return (datetime.now(UTC) + ICT).replace(tzinfo=None)


def wire(dt: datetime) -> datetime:
    """A stored naive Vietnam time as it goes on the wire: with its +07:00 offset (RFC 3339)."""
    return dt.replace(tzinfo=ICT_ZONE) if dt.tzinfo is None else dt


def local(dt: datetime) -> datetime:
    """A time from the wire as naive Vietnam local time: naive means local already, aware is converted."""
    return dt if dt.tzinfo is None else dt.astimezone(ICT_ZONE).replace(tzinfo=None)


class Database:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends normally, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
