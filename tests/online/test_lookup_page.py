"""The public lookup page over HTTP: answers, neutrality, headers, rate limit, lookup hash."""

from __future__ import annotations

import time

import httpx
import pytest

from city_backend.routes_public import TokenBucket
from counter_app.services.online import check_lookup, last_digits, lookup_hash

from online_helpers import ADDRESS, ID_NUMBER, LOOKUP_BURST, NAME, seed_dossier


@pytest.fixture(scope="module")
def seeded(online_server, online_admin, online_agency):
    reg = online_admin.counter(online_agency, "Q-HTTP")
    with httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {reg['token']}"},
                      timeout=10) as c:
        return seed_dossier(c, online_agency, 11)


def _client(server, source: str) -> httpx.Client:
    """A client from its own loopback address: each test gets a fresh rate-limit bucket."""
    return httpx.Client(base_url=server.url, timeout=10,
                        transport=httpx.HTTPTransport(local_address=source))


def test_lookup_hash_is_salted_by_code_and_checked():
    h = lookup_hash("A-1", ID_NUMBER)
    assert h == lookup_hash("A-1", "3456") and len(h) == 64
    assert h != lookup_hash("A-2", ID_NUMBER)  # the code salts it
    assert last_digits("12") is None and lookup_hash("A-1", "12") is None
    assert check_lookup("A-1", "3456", h)
    assert not check_lookup("A-1", "3457", h) and not check_lookup("A-1", "3456", None)
    assert not check_lookup("A-1", "34a6", h) and not check_lookup("A-1", "", h)


def test_token_bucket_refills():
    now = [0.0]
    b = TokenBucket(60, 2, clock=lambda: now[0])
    assert b.take("x") == 0 and b.take("x") == 0
    assert b.take("x") == pytest.approx(1.0)
    assert b.take("y") == 0  # per key
    now[0] = 1.0
    assert b.take("x") == 0


def test_correct_lookup_shows_status_and_appointment_only(online_server, seeded):
    with _client(online_server, "127.0.0.11") as c:
        r = c.get("/tra-cuu", params={"ma": seeded, "so": "3456"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Đang xử lý" in r.text and "Được tiếp nhận" in r.text and 'id="hen-tra"' in r.text
    assert "16:00" in r.text
    for secret in (ID_NUMBER, NAME, ADDRESS, "3456"):
        assert secret not in r.text
    assert r.headers["cache-control"] == "no-store" and r.headers["referrer-policy"] == "no-referrer"
    assert "<script" not in r.text.lower()


def test_wrong_code_and_wrong_digits_answer_the_same(online_server, seeded):
    with _client(online_server, "127.0.0.12") as c:
        wrong_digits = c.get("/tra-cuu", params={"ma": seeded, "so": "3457"})
        wrong_code = c.get("/tra-cuu", params={"ma": seeded[:-1] + "9", "so": "3456"})
        garbage = c.get("/tra-cuu", params={"ma": "<script>alert(1)</script>", "so": "x"})
    assert wrong_digits.status_code == wrong_code.status_code == 200

    def strip(r, code):
        return r.text.replace(code, "")  # the form echoes the code typed

    assert strip(wrong_digits, seeded) == strip(wrong_code, seeded[:-1] + "9")
    assert "Không tìm thấy hồ sơ" in wrong_code.text and "Đang xử lý" not in wrong_digits.text
    assert "<script>alert" not in garbage.text and "&lt;script&gt;" in garbage.text


def test_form_page_and_rate_limit(online_server, seeded):
    with _client(online_server, "127.0.0.13") as c:
        assert "Tra cứu" in c.get("/tra-cuu").text
        codes = [c.get("/tra-cuu", params={"ma": seeded, "so": "0000"}).status_code
                 for _ in range(LOOKUP_BURST + 2)]
        last = c.get("/tra-cuu", params={"ma": seeded, "so": "3456"})
    assert codes[:LOOKUP_BURST] == [200] * LOOKUP_BURST and codes[LOOKUP_BURST:] == [429, 429]
    assert last.status_code == 429 and int(last.headers["retry-after"]) >= 1
    assert "quá nhiều lần" in last.text and "Đang xử lý" not in last.text
    with _client(online_server, "127.0.0.14") as other:  # another address is not limited
        assert other.get("/tra-cuu", params={"ma": seeded, "so": "3456"}).status_code == 200


def test_wrong_and_right_digits_take_similar_time(online_server, seeded):
    with _client(online_server, "127.0.0.15") as c:
        def timed(params):
            t = time.perf_counter()
            c.get("/tra-cuu", params=params)
            return time.perf_counter() - t
        unknown = min(timed({"ma": "KHONG-CO", "so": "1234"}) for _ in range(3))
        wrong = min(timed({"ma": seeded, "so": "1234"}) for _ in range(3))
    # both compute the slow hash: an unknown code is not answered measurably faster
    assert unknown > wrong * 0.4, (unknown, wrong)


def test_a_dossier_received_at_a_counter_is_found_after_sync(online_server, online_admin, online_agency,
                                                             tmp_path):
    """The real path: record_reception puts the lookup hash in the outbox event, sync pushes it."""
    from datetime import datetime

    from counter_app.domain.applicant import Applicant, ApplicantKind
    from counter_app.sync.engine import sync_once
    from qmc_testing import Desk
    from sync_helpers import Counter

    reg = online_admin.counter(online_agency, "Q-REAL")
    counter = Counter(tmp_path / "q", online_agency, "Q-REAL", reg, online_server.url)
    owner = Applicant(ApplicantKind.INDIVIDUAL, NAME, id_number=ID_NUMBER)
    rec = Desk(counter.store, counter.ctx).receive("1.004873", datetime(2026, 11, 27, 9, 0), applicant=owner)
    with counter.client() as client:
        assert sync_once(counter.store, client, now=lambda: datetime(2026, 11, 27, 9, 5)).ok
    with _client(online_server, "127.0.0.77") as web:
        found = web.get("/tra-cuu", params={"ma": rec.code, "so": ID_NUMBER[-4:]})
        wrong = web.get("/tra-cuu", params={"ma": rec.code, "so": "0000" if ID_NUMBER[-4:] != "0000" else "1111"})
    assert found.status_code == 200 and "Được tiếp nhận" in found.text
    assert NAME not in found.text and ID_NUMBER not in found.text
    assert "Được tiếp nhận" not in wrong.text
    counter.store.close()
