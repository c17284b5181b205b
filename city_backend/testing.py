"""Harness for tests and benchmarks: a PostgreSQL to talk to, a fresh database, a real server process.

Used by ``tests/backend``, ``tests/sync`` and ``benchmarks/sync_bench.py``. Nothing here is
imported by the server itself.
"""

from __future__ import annotations

import os
import shutil
import signal
import ssl
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

import httpx

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ADMIN_TOKEN = "test-admin-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def postgres_base_url() -> Iterator[str]:
    """``postgresql://user@host:port`` of a running server: the machine's on 127.0.0.1:5432, or a
    private cluster (initdb + pg_ctl as user postgres, in a temp dir, on a free port)."""
    if _listening("127.0.0.1", 5432):
        yield "postgresql://postgres@127.0.0.1:5432"
        return
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError("PostgreSQL is not running on 127.0.0.1:5432 and /usr/lib/postgresql/15/bin "
                           "is missing: apt-get install postgresql")
    tmp = Path(tempfile.mkdtemp(prefix="city-pg-"))
    data, port = tmp / "data", free_port()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_pg:
        shutil.chown(tmp, "postgres")
    subprocess.run([*as_pg, str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True)
    subprocess.run([*as_pg, str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(tmp / "log"),
                    "-o", f"-h 127.0.0.1 -p {port} -k {tmp}", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_pg, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def fresh_database(base_url: str, prefix: str = "city_test") -> Iterator[str]:
    """Create a uniquely named database, yield its URL, drop it afterwards."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = f"{base_url}/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base_url}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if the test process dies without its teardown (timeout, kill)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class ServerProcess:
    """``city-backend serve`` in a subprocess on 127.0.0.1 and a free port; stopped by PID."""

    def __init__(self, db_url: str, storage: Path, *, port: int | None = None, admin_token: str = ADMIN_TOKEN,
                 extra: list[str] | None = None) -> None:
        self.db_url, self.storage, self.admin_token = db_url, storage, admin_token
        self.port = port or free_port()
        self.extra = extra or []
        self.proc: subprocess.Popen | None = None
        self.scheme = "https" if "--ssl-certfile" in self.extra else "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self, *, migrate: bool = True, timeout: float = 30.0, verify: object = True) -> "ServerProcess":
        cmd = [sys.executable, "-m", "city_backend.cli", "serve", "--db", self.db_url, "--host", "127.0.0.1",
               "--port", str(self.port), "--storage", str(self.storage),
               *self.extra, *([] if migrate else ["--no-migrate"])]
        env = {**os.environ, "CITY_BACKEND_ADMIN_TOKEN": self.admin_token}  # never on the command line (ps)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                     preexec_fn=_die_with_parent)
        if isinstance(verify, str):
            verify = ssl.create_default_context(cafile=verify)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"city-backend exited {self.proc.returncode}: "
                                   f"{self.proc.stderr.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1.0, verify=verify).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("city-backend did not answer /healthz in time")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def kill(self) -> None:
        """SIGKILL: the server dies mid-request, as in a power cut."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()


class Admin:
    """The admin side of the API, for tests and demos."""

    def __init__(self, url: str, token: str = ADMIN_TOKEN, verify: object = True) -> None:
        self.http = httpx.Client(base_url=url, headers={"X-Admin-Token": token}, timeout=10, verify=verify)

    def agency(self, code: str, name: str = "Cơ quan thử nghiệm") -> dict:
        r = self.http.post("/v1/admin/agencies", json={"code": code, "name": name})
        r.raise_for_status()
        return r.json()

    def counter(self, agency: str, code: str, public_key: str = "") -> dict:
        r = self.http.post(f"/v1/admin/agencies/{agency}/counters", json={"code": code, "public_key": public_key})
        r.raise_for_status()
        return r.json()

    def officer(self, agency: str, username: str, full_name: str, role: str = "officer") -> dict:
        r = self.http.post(f"/v1/admin/agencies/{agency}/officers",
                           json={"username": username, "full_name": full_name, "role": role})
        r.raise_for_status()
        return r.json()

    def close(self) -> None:
        self.http.close()
