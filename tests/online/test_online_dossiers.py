"""Online dossiers end to end against the real server: the portal submits with files, a counter
lists them, checks the files, receives (or asks for a supplement) through the core flow, pushes
the reception, and takes the online dossier off the waiting list."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import datetime

import httpx
import pytest

from counter_app.domain.dossier import Channel
from counter_app.services import catalog
from counter_app.services.dossiers import get_dossier_row, record_reception
from counter_app.services.online import OnlineDossier, flow_from_online
from counter_app.sync.engine import sync_once

from online_helpers import ADDRESS, ID_NUMBER, NAME, PORTAL_TOKEN
from sync_helpers import PROCEDURE, Counter, allocator_for

NOW = datetime.now().replace(microsecond=0, second=0)
FORM = b"%PDF-1.4 to khai xac nhan tinh trang hon nhan\n" * 50
CARD = b"\x89PNG scan of the ID card" * 40


def _submit(url: str, agency: str, files: list[tuple[str, int | None, bytes]], token: str = PORTAL_TOKEN):
    body = {"agency_code": agency, "procedure_code": PROCEDURE,
            "applicant": {"full_name": NAME, "id_number": ID_NUMBER, "address": ADDRESS, "phone": "0912345678",
                          "date_of_birth": "1990-05-17"},
            "files": [{"name": n, "component": c, "content_base64": base64.b64encode(d).decode()}
                      for n, c, d in files]}
    return httpx.post(f"{url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": token}, timeout=10)


@pytest.fixture
def counter(online_server, online_admin, online_agency, tmp_path):
    code = f"Q-ON{uuid.uuid4().hex[:4].upper()}"
    c = Counter(tmp_path / "counter", online_agency, code, online_admin.counter(online_agency, code),
                online_server.url)
    yield c
    c.store.close()


def test_portal_needs_its_token_and_a_known_agency(online_server, online_agency):
    assert _submit(online_server.url, online_agency, [], token="wrong").status_code == 403
    r = _submit(online_server.url, "KHONG.CO", [])
    assert r.status_code == 404 and r.json()["message_vi"]


def test_online_dossier_from_portal_to_reception(online_server, online_agency, counter):
    r = _submit(online_server.url, online_agency, [("to-khai.pdf", 0, FORM), ("cccd.png", 3, CARD)])
    assert r.status_code == 201, r.text
    online_id = r.json()["id"]
    http = httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {counter.token}"}, timeout=10)
    with http:
        listed = [d for d in http.get("/v1/counter/online-dossiers").json()["dossiers"] if d["id"] == online_id]
        assert len(listed) == 1 and listed[0]["channel"] == 2
        online = OnlineDossier.from_json(listed[0])
        for f, original in zip(online.files, (FORM, CARD)):  # attachments intact
            content = http.get(f"/v1/attachments/{f.sha256}/content").content
            assert content == original and hashlib.sha256(content).hexdigest() == f.sha256
        with counter.store.read() as s:
            proc = catalog.get_procedure(s, PROCEDURE)
        flow, unplaced = flow_from_online(online, proc)
        assert unplaced == [] and flow.channel is Channel.ONLINE and flow.applicant.full_name == NAME
        flow.to_outcome()
        assert flow.can_receive
        flow.receive()
        ctx = counter.ctx
        rec = counter.store.write(lambda s: record_reception(s, flow, ctx=ctx, allocator=allocator_for(counter,
                                                             now=NOW), now=NOW).value)
        assert rec.due_at is not None and rec.received_at == NOW  # counted from acceptance
        with counter.store.read() as s:
            assert get_dossier_row(s, rec.code).channel == 2
        with counter.client() as client:
            assert sync_once(counter.store, client, now=lambda: NOW).ok
        taken = http.post(f"/v1/counter/online-dossiers/{online_id}/take", json={"dossier_code": rec.code})
        assert taken.status_code == 200 and taken.json()["state"] == "taken"
        assert http.post(f"/v1/counter/online-dossiers/{online_id}/take",
                         json={"dossier_code": rec.code}).status_code == 200  # idempotent
        other = rec.code[:-4] + ("0000" if not rec.code.endswith("0000") else "0001")
        assert http.post(f"/v1/counter/online-dossiers/{online_id}/take",
                         json={"dossier_code": other}).status_code == 409
        assert online_id not in [d["id"] for d in http.get("/v1/counter/online-dossiers").json()["dossiers"]]


def test_missing_mandatory_file_means_supplement(online_server, online_agency, counter):
    r = _submit(online_server.url, online_agency, [("to-khai.pdf", 0, FORM), ("ghi-chu.txt", None, b"x" * 10)])
    assert r.status_code == 201
    online = OnlineDossier.from_json(r.json())
    with counter.store.read() as s:
        proc = catalog.get_procedure(s, PROCEDURE)
    flow, unplaced = flow_from_online(online, proc)
    assert [f.name for f in unplaced] == ["ghi-chu.txt"]
    flow.to_outcome()
    assert not flow.can_receive and flow.can_request_supplement
    assert [m.position for m in flow.missing] == [3]


def test_other_agency_does_not_see_it(online_server, online_admin, online_agency):
    from online_helpers import new_agency_code

    other = new_agency_code()
    online_admin.agency(other)
    token = online_admin.counter(other, "Q-X")["token"]
    assert _submit(online_server.url, online_agency, [("a.pdf", 0, FORM)]).status_code == 201
    r = httpx.get(f"{online_server.url}/v1/counter/online-dossiers", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["dossiers"] == []
