"""The public lookup page over HTTP: answers, neutrality, headers, rate limit, lookup hash."""

from __future__ import annotations

import time

import httpx
import pytest

from city_backend.lookup_limits import CodeLock, client_key
from city_backend.routes_public import TokenBucket
from counter_app.services.online import check_lookup, last_digits, lookup_hash

from online_helpers import ADDRESS, ID_NUMBER, LOOKUP_BURST, LOOKUP_CODE_FAILURES, NAME, new_agency_code, seed_dossier


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


def test_ipv6_clients_are_grouped_by_their_64():
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:ffff:1:2:3") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("fe80::1%eth0") == "fe80::/64" and client_key("::ffff:203.0.113.9") == "203.0.113.9"
    assert client_key("203.0.113.9") == "203.0.113.9" and client_key(None) == "?"
    b = TokenBucket(0, 2, clock=lambda: 0.0)
    assert b.take(client_key("2001:db8:1:2::1")) == 0 and b.take(client_key("2001:db8:1:2::2")) == 0
    assert b.take(client_key("2001:db8:1:2:9:9:9:9")) > 0  # a new address in the same /64: the same bucket
    assert b.take(client_key("2001:db8:1:3::1")) == 0  # the next /64 is another client


def test_buckets_evict_the_least_recently_used_not_all():
    b = TokenBucket(0, 1, clock=lambda: 0.0, max_keys=3)
    assert b.take("limited") == 0 and b.take("limited") > 0
    for n in range(10):  # a flood of new addresses, while the limited client keeps trying
        b.take(f"new-{n}")
        assert b.take("limited") > 0
    assert len(b) == 3 and "limited" in b and "new-0" not in b


def test_code_lock_counts_wrong_answers_per_code_in_a_window():
    now = [0.0]
    lock = CodeLock(3, window=60, lock=600, clock=lambda: now[0], max_keys=4)
    lock.failed("a-1")
    lock.failed("A-1 ")  # the same code, as the page normalises it
    now[0] = 61.0  # the first two fell out of the window
    lock.failed("A-1")
    assert lock.wait("A-1") == 0
    lock.failed("A-1")
    lock.failed("a-1")
    assert lock.wait("A-1") == pytest.approx(600) and lock.wait("A-2") == 0
    for n in range(10):  # made-up codes do not free the locked one
        lock.failed(f"X-{n}")
    assert lock.wait("A-1") == pytest.approx(600) and len(lock) == 4
    now[0] = 61.0 + 600
    assert lock.wait("A-1") == 0


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


def test_a_code_with_too_many_wrong_digits_is_locked_for_everyone(online_server, online_admin):
    """Guesses spread over many addresses: after the cap, the code answers 429 even with the right digits,
    and an unknown code behaves exactly the same (the lock tells nothing of existence)."""
    online_agency = new_agency_code()  # an agency of its own: each has 10 counter slots
    online_admin.agency(online_agency)
    reg = online_admin.counter(online_agency, "Q-CAP")
    with httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {reg['token']}"},
                      timeout=10) as c:
        target = seed_dossier(c, online_agency, 31)
    unknown = target[:-4] + "9931"

    def guesses(code: str, first_address: int) -> list[int]:
        statuses = []
        for n in range(LOOKUP_CODE_FAILURES + 1):  # a new address every few guesses: the bucket never binds
            with _client(online_server, f"127.0.{first_address + n // 4}.{n % 4 + 1}") as c:
                statuses.append(c.get("/tra-cuu", params={"ma": code, "so": f"{1000 + n}"}).status_code)
        return statuses

    for code, base in ((target, 40), (unknown, 60)):
        assert guesses(code, base) == [200] * LOOKUP_CODE_FAILURES + [429]
    with _client(online_server, "127.0.99.1") as fresh:
        right = fresh.get("/tra-cuu", params={"ma": target, "so": "3456"})
        unknown_right = fresh.get("/tra-cuu", params={"ma": unknown, "so": "3456"})
        other = fresh.get("/tra-cuu", params={"ma": target[:-4] + "9932", "so": "3456"})
    assert right.status_code == unknown_right.status_code == 429 and right.text == unknown_right.text
    assert int(right.headers["retry-after"]) > 60 and "Đang xử lý" not in right.text
    assert other.status_code == 200  # another code is not locked
