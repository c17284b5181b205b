"""The lookup page in a real headless Chromium: the form, a correct lookup, the neutral answer,
no personal data in the HTML; the screenshot in docs/lookup.png comes from here."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from online_helpers import ADDRESS, ID_NUMBER, NAME, new_agency_code, seed_dossier

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def seeded(online_server, online_admin, online_agency):
    reg = online_admin.counter(online_agency, "Q-WEB")
    with httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {reg['token']}"},
                      timeout=10) as c:
        return seed_dossier(c, online_agency, 21)


def _text(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, "ket-qua").text


def test_form_submits_and_shows_the_status(browser, online_server, seeded, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(f"{online_server.url}/tra-cuu")
    assert browser.title == "Tra cứu tiến độ hồ sơ"
    browser.find_element(By.ID, "ma").send_keys(seeded)
    browser.find_element(By.ID, "so").send_keys("3456")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert browser.find_element(By.ID, "tinh-trang").text == "Đang xử lý"
    steps = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#cac-buoc li")]
    assert [s.split(" — ")[0] for s in steps] == ["Được tiếp nhận", "Đang xử lý"]
    assert "16:00" in browser.find_element(By.ID, "hen-tra").text
    html = browser.page_source
    for secret in (ID_NUMBER, NAME, ADDRESS):
        assert secret not in html
    assert "so=3456" in browser.current_url  # the QR form of the address works the same
    shot = tmp_path / "lookup.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 5000
    if not (DOCS / "lookup.png").exists():  # the committed evidence; refreshed by deleting it
        (DOCS / "lookup.png").write_bytes(shot.read_bytes())


def test_wrong_code_and_wrong_digits_show_the_same_message(browser, online_server, seeded):
    browser.get(f"{online_server.url}/tra-cuu?ma={quote(seeded)}&so=9999")
    wrong_digits = _text(browser)
    browser.get(f"{online_server.url}/tra-cuu?ma={quote(seeded[:-4] + '9999')}&so=3456")
    wrong_code = _text(browser)
    assert wrong_digits == wrong_code and "Không tìm thấy hồ sơ" in wrong_code
    assert "Đang xử lý" not in browser.page_source


def test_a_locked_code_answers_429_in_the_browser_with_the_neutral_message(browser, online_server, online_admin):
    """Wrong digits for one code from many addresses lock it: the citizen's browser then gets HTTP 429 and the
    same neutral “too many lookups” page, even with the right digits."""
    from online_helpers import LOOKUP_CODE_FAILURES

    online_agency = new_agency_code()  # an agency of its own: each has 10 counter slots
    online_admin.agency(online_agency)
    reg = online_admin.counter(online_agency, "Q-WEB2")
    with httpx.Client(base_url=online_server.url, headers={"Authorization": f"Bearer {reg['token']}"},
                      timeout=10) as c:
        code = seed_dossier(c, online_agency, 22)
    for n in range(LOOKUP_CODE_FAILURES):
        with httpx.Client(base_url=online_server.url, timeout=10,
                          transport=httpx.HTTPTransport(local_address=f"127.0.{120 + n // 4}.{n % 4 + 1}")) as c:
            assert c.get("/tra-cuu", params={"ma": code, "so": f"{2000 + n}"}).status_code == 200
    browser.get(f"{online_server.url}/tra-cuu?ma={quote(code)}&so=3456")
    status = browser.execute_script("return performance.getEntriesByType('navigation')[0].responseStatus")
    assert status == 429
    assert browser.title == "Quá nhiều lượt tra cứu" and "quá nhiều lần" in _text(browser)
    html = browser.page_source
    assert "Đang xử lý" not in html and ID_NUMBER not in html and NAME not in html
