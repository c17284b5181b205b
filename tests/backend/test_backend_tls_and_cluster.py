"""TLS with a self-signed (pinned) certificate, and the private PostgreSQL cluster used where
no server listens on 5432."""

from __future__ import annotations

import datetime as dt
import ipaddress

import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from city_backend.migrate import head_revision, upgrade
from city_backend.testing import ServerProcess, fresh_database, postgres_base_url
from counter_app.sync.client import SyncClient
from counter_app.sync.errors import UntrustedServer


def self_signed(tmp_path, name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_tls_with_a_pinned_self_signed_certificate(tmp_path, city_db, admin, agency):
    cert, key = self_signed(tmp_path, "city")
    other, _ = self_signed(tmp_path, "impostor")
    srv = ServerProcess(city_db, tmp_path / "st", extra=["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)])
    srv.start(migrate=False, verify=str(cert))
    try:
        assert srv.url.startswith("https://")
        token = admin.counter(agency, "TLS1")["token"]
        with SyncClient(srv.url, token, verify=str(cert)) as pinned:
            assert pinned.me()["counter_code"] == "TLS1"
        for verify in (str(other), True):  # a different pinned cert, or the system CAs
            with SyncClient(srv.url, token, verify=verify) as client:
                with pytest.raises(UntrustedServer) as err:
                    client.me()
                assert "chứng thư" in err.value.message_vi
    finally:
        srv.stop()


def test_private_cluster_fixture_runs_migrations(monkeypatch):
    import city_backend.testing as testing

    monkeypatch.setattr(testing, "_listening", lambda host, port: False)  # as on a machine without PostgreSQL
    with postgres_base_url() as base:
        assert not base.endswith(":5432")
        with fresh_database(base, prefix="city_private") as url:
            assert upgrade(url) == head_revision()
            with psycopg.connect(url) as conn:
                tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")}
            assert {"dossier", "dossier_event", "change", "number_lease", "attachment"} <= tables


def test_city_backend_entry_point_migrates_and_prints_the_spec(pg_base, tmp_path):
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    exe = shutil.which("city-backend", path=str(Path(sys.executable).parent))
    assert exe, "the city-backend entry point is installed with the project (pyproject [project.scripts])"
    with fresh_database(pg_base, prefix="city_cli") as url:
        done = subprocess.run([exe, "migrate", "--db", url], capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert "No module named 'city_backend'" not in done.stderr, (
            "the installed city-backend script cannot import city_backend: reinstall the project "
            "(pip install -e '.[server,test]') so the editable install maps the new top-level package")
        assert done.returncode == 0 and head_revision() in done.stdout, done.stderr
        again = subprocess.run([exe, "migrate", "--db", url], capture_output=True, text=True, timeout=120,
                               cwd=tmp_path)
        assert again.returncode == 0
    spec = subprocess.run([exe, "openapi"], capture_output=True, text=True, timeout=120, check=True,
                          cwd=tmp_path).stdout
    assert "/v1/changes" in json.loads(spec)["paths"]
    bad = subprocess.run([exe, "serve"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert bad.returncode == 2 and "--db" in bad.stderr
