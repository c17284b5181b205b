"""An online dossier from the portal to the citizen's notification: submitted to the real city
server with files, listed and checked at a counter (files downloaded intact), received through
the core flow, synced and taken off the waiting list, and the receipt sent as PDF through the
notifier (outbox folder: envelope + PDF; the logging notifier logs masked metadata only)."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import subprocess
import uuid
from datetime import datetime
from pathlib import Path

import httpx
import psycopg
import pytest

from counter_app.domain.legal_basis import LegalBasis
from counter_app.domain.status import DossierStatus
from counter_app.notifiers import OutboxFolderNotifier, read_outbox
from counter_app.notifiers_forms import form_notice
from counter_app.profile import Profile
from counter_app.services import catalog, channels
from counter_app.services.calendar_service import calendar_for
from counter_app.services.online_review import OnlineReview, download, waiting_list
from counter_app.services.reception import Outcome
from counter_app.services.results import LoggingNotifier, notify
from counter_app.sync.attachments import StoredAttachments
from counter_app.sync.engine import sync_once

from online_helpers import ADDRESS, ID_NUMBER, NAME, PORTAL_TOKEN, new_agency_code
from sync_helpers import PROCEDURE, Counter, allocator_for

NOW = datetime.now().replace(microsecond=0, second=0)
FORM = b"%PDF-1.4 to khai dang ky ket hon\n" * 60
CARD = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 30  # binary content: any byte value must come back unchanged
BLURRED = b"\xff\xd8\xff\xe0 anh chup mo" * 40
PHONE, EMAIL = "0912345678", "binh.nguyen@example.vn"


def submit(url: str, agency: str, files) -> dict:
    body = {"agency_code": agency, "procedure_code": PROCEDURE,
            "applicant": {"full_name": NAME, "id_number": ID_NUMBER, "address": ADDRESS, "phone": PHONE,
                          "email": EMAIL, "date_of_birth": "1990-05-17"},
            "files": [{"name": n, "component": c, "content_base64": base64.b64encode(d).decode()}
                      for n, c, d in files]}
    r = httpx.post(f"{url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": PORTAL_TOKEN}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def own_agency(online_admin) -> str:
    """An agency of its own (an agency has 10 fallback number slots: one per counter)."""
    code = new_agency_code()
    online_admin.agency(code)
    return code


@pytest.fixture
def counter(online_server, online_admin, online_agency, tmp_path):
    code = f"Q-NT{uuid.uuid4().hex[:4].upper()}"
    c = Counter(tmp_path / "counter", online_agency, code, online_admin.counter(online_agency, code),
                online_server.url)
    yield c
    c.store.close()


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_online_dossier_from_submission_to_the_citizens_receipt_pdf(online_server, online_agency, counter, city_db,
                                                                   tmp_path, caplog):
    from counter_app.services import attachment_store
    from counter_app.services.attachments import blob_path, list_attachments, read_attachment

    submitted = submit(online_server.url, online_agency,
                       [("to-khai.pdf", 0, FORM), ("cccd.png", 3, CARD), ("anh-mo.jpg", 3, BLURRED)])
    attachment_store.use_key(counter.profile.root, bytes(range(32)))  # an encrypted profile: files sealed
    try:
        with counter.client() as client:
            online = next(d for d in waiting_list(client) if d.id == submitted["id"])
            with counter.store.read() as s:
                review = OnlineReview(online, catalog.get_procedure(s, PROCEDURE))
            for i, f in enumerate(online.files):
                data = download(client, f)
                assert data == (FORM, CARD, BLURRED)[i] and hashlib.sha256(data).hexdigest() == f.sha256  # intact
                review.content_arrived(i, data)
            review.tick(0, True)
            review.tick(1, True)
            review.tick(2, False, "Ảnh chụp mờ, trùng với ảnh căn cước")
            flow = review.to_outcome()
            assert flow.can_receive
            flow.receive()
            rec = counter.store.write(lambda s: channels.receive_online(
                s, flow, online, ctx=counter.ctx, allocator=allocator_for(counter, now=NOW), now=NOW,
                files=review.decisions(), data_root=counter.profile.root).value)
            summary = sync_once(counter.store, client, now=lambda: NOW,
                                attachments=StoredAttachments(counter.store, counter.profile.root))
            assert summary.ok and summary.push.rejected == 0 and summary.push.pending == 0, summary.lines()
            assert summary.uploads.completed == 2 and summary.uploads.bytes_sent == 0  # the server had them
            assert client.take_online(online.id, rec.code)["state"] == "taken"
            counter.store.write(lambda s: channels.mark_online_taken(s, rec.code, now=NOW))
            assert online.id not in [d.id for d in waiting_list(client)]
        accepted = {hashlib.sha256(FORM).hexdigest(): 0, hashlib.sha256(CARD).hexdigest(): 3}
        rejected = hashlib.sha256(BLURRED).hexdigest()
        with counter.store.read() as s:  # the counter's attachment rows: exactly the accepted files, sealed
            rows = list_attachments(s, rec.code)
            verdicts = channels.online_files(s, rec.code)
        assert {r.sha256: r.component_position for r in rows} == accepted
        assert [r.original_filename for r in rows] == ["to-khai.pdf", "cccd.png"] and rows[0].mime == "application/pdf"
        for r in rows:
            assert attachment_store.is_sealed(blob_path(counter.profile.root, r.sha256))
            assert hashlib.sha256(read_attachment(counter.profile.root, r)).hexdigest() == r.sha256
        assert [(v["sha256"], v["accepted"], v["reason"]) for v in verdicts if not v["accepted"]] == [
            (rejected, False, "Ảnh chụp mờ, trùng với ảnh căn cước")]
    finally:
        attachment_store.use_key(counter.profile.root, None)
    with psycopg.connect(city_db) as conn:  # the city's copy: the same files, linked without a re-upload
        added = conn.execute("SELECT payload FROM dossier_event WHERE dossier_code=%s AND kind='attachment.added'",
                             (rec.code,)).fetchall()
        data = conn.execute("SELECT data FROM dossier WHERE code=%s", (rec.code,)).fetchone()[0]
    assert {p["sha256"]: p["component_position"] for (p,) in added} == accepted
    assert sorted(data["attachments"]) == sorted(accepted) and rejected not in data["attachments"]
    assert {v["sha256"]: v["reason"] for v in data["online_files"] if not v["accepted"]} == {
        rejected: "Ảnh chụp mờ, trùng với ảnh căn cước"}
    assert "anh-mo.jpg" not in json.dumps(data)  # file names (may carry a name) stay at the counter
    # The appointment is counted from the moment the complete dossier was accepted.
    with counter.store.read() as s:
        proc = catalog.get_procedure(s, PROCEDURE)
        cal = calendar_for(s, agency_code=online_agency, basis=LegalBasis(rec.legal_basis.value))
        assert rec.received_at == NOW and rec.due_at == cal.due_at(NOW, proc.limit)
        notice = form_notice(s, rec.code, Outcome.RECEIVE, now=NOW)
    with psycopg.connect(city_db) as conn:  # the city's copy knows the channel and the submission
        data = conn.execute("SELECT data FROM dossier WHERE code=%s", (rec.code,)).fetchone()[0]
    assert data["channel"] == 2 and data["online_id"] == online.id

    outbox = tmp_path / "outbox"
    assert notify(OutboxFolderNotifier(outbox), notice)
    [envelope] = read_outbox(outbox)
    assert envelope["to"] == {"phone": PHONE, "email": EMAIL} and envelope["dossier_code"] == rec.code
    assert f"{rec.due_at:%d/%m/%Y}" in envelope["text_vi"]
    [att] = envelope["attachments"]
    pdf = Path(envelope["path"]) / att["file"]
    assert att["content_type"] == "application/pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == att["sha256"] == notice.attachments[0].sha256
    text = _pdf_text(pdf)
    assert rec.code in text and "GIẤY TIẾP NHẬN" in text.upper() and NAME in text
    assert [p.name for p in Path(envelope["path"]).iterdir()] and not list(outbox.glob(".*"))

    with caplog.at_level(logging.INFO, logger="counter_app.services.results"):
        assert notify(LoggingNotifier(), notice)
    logged = caplog.text
    assert rec.code in logged and att["sha256"][:12] in logged
    for secret in (PHONE, EMAIL, NAME, ID_NUMBER, ADDRESS):
        assert secret not in logged
    assert "091****678" in logged


def test_supplement_request_goes_out_with_its_form(online_server, online_agency, counter, tmp_path):
    submitted = submit(online_server.url, online_agency, [("to-khai.pdf", 0, FORM), ("anh-mo.jpg", 3, CARD)])
    with counter.client() as client:
        online = next(d for d in waiting_list(client) if d.id == submitted["id"])
        with counter.store.read() as s:
            review = OnlineReview(online, catalog.get_procedure(s, PROCEDURE))
        for i, f in enumerate(online.files):
            review.content_arrived(i, download(client, f))
        review.tick(0, True)
        review.tick(1, False)  # the ID card scan is unreadable
        flow = review.to_outcome()
        assert not flow.can_receive
        flow.request_supplement("Ảnh chụp căn cước không đọc được")
        rec = counter.store.write(lambda s: channels.receive_online(
            s, flow, online, ctx=counter.ctx, allocator=allocator_for(counter, now=NOW), now=NOW).value)
    assert rec.due_at is None  # not counted until the dossier is complete
    with counter.store.read() as s:
        notice = form_notice(s, rec.code, Outcome.SUPPLEMENT, now=NOW)
    assert notify(OutboxFolderNotifier(tmp_path / "out"), notice)
    [envelope] = read_outbox(tmp_path / "out")
    text = _pdf_text(Path(envelope["path"]) / envelope["attachments"][0]["file"])
    assert rec.code in text and "bổ sung" in text.lower()
    assert json.dumps(envelope, ensure_ascii=False).count(rec.code) >= 2


def _received_online(online_server, online_agency, counter) -> tuple[str, object]:
    submitted = submit(online_server.url, online_agency, [("to-khai.pdf", 0, FORM), ("cccd.png", 3, CARD)])
    with counter.client() as client:
        online = next(d for d in waiting_list(client) if d.id == submitted["id"])
        with counter.store.read() as s:
            review = OnlineReview(online, catalog.get_procedure(s, PROCEDURE))
        for i, f in enumerate(online.files):
            review.content_arrived(i, download(client, f))
            review.tick(i, True)
        flow = review.to_outcome()
        flow.receive()
        rec = counter.store.write(lambda s: channels.receive_online(
            s, flow, online, ctx=counter.ctx, allocator=allocator_for(counter, now=NOW), now=NOW).value)
        assert sync_once(counter.store, client, now=lambda: NOW).ok
    return rec.code, online


def _qr_urls(pdf_bytes: bytes, tmp_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    tmp_path.mkdir(exist_ok=True)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    [png] = tmp_path.glob("page*.png")
    return [r.text for r in zxingcpp.read_barcodes(Image.open(png)) if r.text.startswith("http")]


def _follow(url: str, address: str) -> httpx.Response:
    """The citizen's phone opens the QR's address (from an address of its own: the bucket is per client)."""
    with httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=10) as citizen:
        return citizen.get(url)


@pytest.mark.parametrize("config_line", [
    'lookup_url_pattern = "{url}/tra-cuu?so={{digits}}&ma={{code}}"',  # configured, both placeholders
    "",  # not configured: the city backend's own page, built from the address the counter syncs with
])
def test_the_receipts_qr_opens_the_dossiers_status_on_the_lookup_page(online_server, online_admin, own_agency,
                                                                     tmp_path, monkeypatch, config_line):
    from printing.render import render_form
    from printing.stored import stored_context

    counter = Counter(tmp_path / "counter", own_agency, "Q-QR", online_admin.counter(own_agency, "Q-QR"),
                      online_server.url)

    config = tmp_path / "config.toml"
    config.write_text("[counter]\n" + config_line.format(url=online_server.url) + "\n", encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(config))
    code, _ = _received_online(online_server, own_agency, counter)
    with counter.store.read() as s:
        notice = form_notice(s, code, Outcome.RECEIVE, now=NOW)  # the PDF sent to the online applicant
        printed = render_form("receipt", stored_context(s, code, form="receipt", now=NOW)).pdf  # on paper
    expected = (f"{online_server.url}/tra-cuu?so={ID_NUMBER[-4:]}&ma={code}" if config_line
                else f"{online_server.url}/tra-cuu?ma={code}&so={ID_NUMBER[-4:]}")
    assert _qr_urls(notice.attachments[0].data, tmp_path / "sent") == [expected]
    assert _qr_urls(printed, tmp_path / "printed") == [expected]
    page = _follow(expected, "127.0.0.23" if config_line else "127.0.0.24")
    assert page.status_code == 200 and DossierStatus.RECEIVED.label_vi in page.text
    assert NAME not in page.text and ID_NUMBER not in page.text
    counter.store.close()


def test_lookup_pattern_without_digits_to_put(tmp_path, monkeypatch):
    """An applicant without an ID number: the digits parameter is left out (the citizen types them)."""
    from types import SimpleNamespace

    from printing.stored import receipt_lookup_pattern

    config = tmp_path / "config.toml"
    config.write_text('[counter]\nlookup_url_pattern = "https://tra.example/tra-cuu?ma={code}&so={digits}"\n',
                      encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(config))
    store = Profile(tmp_path / "profile").open_store()
    with store.read() as s:
        assert receipt_lookup_pattern(s, SimpleNamespace(id_number="", tax_code="")) == \
            "https://tra.example/tra-cuu?ma={code}"
        assert receipt_lookup_pattern(s, SimpleNamespace(id_number=ID_NUMBER, tax_code="")) == \
            "https://tra.example/tra-cuu?ma={code}&so=3456"
    store.close()


def test_offline_after_the_decision_the_take_waits_and_the_citizen_is_still_told(online_server, online_agency,
                                                                                 counter, tmp_path):
    from counter_app.services.online_desk import after_reception, fetch_waiting
    from counter_app.sync import state

    submitted = submit(online_server.url, online_agency, [("to-khai.pdf", 0, FORM), ("cccd.bin", 3, CARD)])
    with counter.client() as client:
        online = next(d for d in waiting_list(client) if d.id == submitted["id"])
        with counter.store.read() as s:
            review = OnlineReview(online, catalog.get_procedure(s, PROCEDURE))
        for i, f in enumerate(online.files):
            review.content_arrived(i, download(client, f))
            review.tick(i, True)
    flow = review.to_outcome()
    flow.receive()
    rec = counter.store.write(lambda s: channels.receive_online(
        s, flow, online, ctx=counter.ctx, allocator=allocator_for(counter, now=NOW), now=NOW).value)
    counter.store.write(lambda s: state.put(s, state.SERVER_URL, "http://127.0.0.1:9"))  # the link is down
    after = after_reception(counter.store, online, rec.code, Outcome.RECEIVE,
                            notifier=OutboxFolderNotifier(tmp_path / "out"), now=lambda: NOW)
    assert not after.taken and after.notified and "thành phố" in after.message_vi
    assert len(read_outbox(tmp_path / "out")) == 1
    with counter.store.read() as s:
        assert channels.untaken_online(s) == [(online.id, rec.code)]
    counter.store.write(lambda s: state.put(s, state.SERVER_URL, online_server.url))  # back online
    listed = fetch_waiting(counter.store, now=NOW)  # binds the submission first, then lists
    assert online.id not in [d.id for d in listed]
    with counter.store.read() as s:
        assert channels.untaken_online(s) == [] and channels.channel_of(s, rec.code).online_taken
    with counter.client() as client:
        assert online.id not in [d.id for d in waiting_list(client)]
