"""The city server erases an online submission's personal data once a counter took it (the
counter recorded it): only the kind and a SHA-256 of what was submitted stay (real PostgreSQL);
migration 0007 erases the submissions taken before."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid

import httpx
import psycopg

from city_backend.routes_online import erase_applicant

from online_helpers import ADDRESS, ID_NUMBER, NAME, PORTAL_TOKEN
from sync_helpers import PROCEDURE

APPLICANT = {"full_name": NAME, "id_number": ID_NUMBER, "address": ADDRESS, "phone": "0912345678",
             "email": "cong.dan@example.vn", "date_of_birth": "1990-05-17"}


def _row(city_db: str, online_id: str) -> tuple[str, dict]:
    with psycopg.connect(city_db) as conn:
        state, applicant = conn.execute("SELECT state, applicant FROM online_dossier WHERE id = %s",
                                        (online_id,)).fetchone()
    return state, applicant if isinstance(applicant, dict) else json.loads(applicant)


def test_take_erases_the_applicant_on_the_server(online_server, online_admin, online_agency, city_db):
    body = {"agency_code": online_agency, "procedure_code": PROCEDURE, "applicant": APPLICANT,
            "files": [{"name": "to-khai.pdf", "component": 0,
                       "content_base64": base64.b64encode(b"%PDF-1.4 x").decode()}]}
    r = httpx.post(f"{online_server.url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": PORTAL_TOKEN})
    assert r.status_code == 201, r.text
    online_id, submitted = r.json()["id"], r.json()["applicant"]
    assert _row(city_db, online_id)[1]["id_number"] == ID_NUMBER  # waiting: the counters need it
    code = f"Q-ER{uuid.uuid4().hex[:4].upper()}"
    token = online_admin.counter(online_agency, code)["token"]
    with httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {token}"}) as http:
        listed = [d for d in http.get("/v1/counter/online-dossiers").json()["dossiers"] if d["id"] == online_id]
        assert listed[0]["applicant"]["full_name"] == NAME
        dossier_code = f"{online_agency}-261127-0042"
        taken = http.post(f"/v1/counter/online-dossiers/{online_id}/take", json={"dossier_code": dossier_code})
        assert taken.status_code == 200 and taken.json()["state"] == "taken" and taken.json()["applicant"] is None
        again = http.post(f"/v1/counter/online-dossiers/{online_id}/take", json={"dossier_code": dossier_code})
        assert again.status_code == 200 and again.json()["applicant"] is None  # idempotent, still erased
    state, kept = _row(city_db, online_id)
    digest = hashlib.sha256(json.dumps(submitted, ensure_ascii=False, sort_keys=True,
                                       separators=(",", ":")).encode("utf-8")).hexdigest()
    assert state == "taken" and kept == {"erased": True, "kind": "individual", "sha256": digest}
    text = json.dumps(kept, ensure_ascii=False)
    for value in (NAME, ID_NUMBER, ADDRESS, "0912345678", "cong.dan@example.vn", "1990-05-17"):
        assert value not in text


def test_migration_0007_erases_submissions_taken_before(pg_base):
    from sqlalchemy import create_engine, text

    from city_backend import migrate
    from city_backend.db import normalise_url
    from city_backend.testing import fresh_database

    with fresh_database(pg_base, prefix="erase_mig") as url:
        migrate.upgrade(url, "0006")
        engine = create_engine(normalise_url(url))
        try:
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO agency (code, name, created_at) VALUES ('000.00.01.H26', 'X', now())"))
                for row_id, state in (("taken-1", "taken"), ("waiting-1", "waiting")):
                    conn.execute(text(
                        "INSERT INTO online_dossier (id, agency_code, channel, procedure_code, applicant, files, "
                        "tracking_number, state, dossier_code, taken_by, submitted_at) VALUES (:id, "
                        "'000.00.01.H26', 2, '1.1', :applicant, '[]', '', :state, '', '', now())"),
                        {"id": row_id, "applicant": json.dumps(APPLICANT), "state": state})
            assert migrate.upgrade(url) == migrate.head_revision() == "0007"
            with engine.connect() as conn:
                rows = dict(conn.execute(text("SELECT id, applicant FROM online_dossier")).all())
            assert rows["taken-1"] == erase_applicant(dict(APPLICANT)) and rows["waiting-1"] == APPLICANT
            migrate.downgrade(url, "0006")  # nothing to restore; the schema goes back
            assert migrate.upgrade(url) == "0007"
        finally:
            engine.dispose()
