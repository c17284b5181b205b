"""The demo catalog and diacritic-insensitive search through FTS5."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.domain.text import fold
from counter_app.services import catalog


@pytest.fixture
def demo(demo_store):
    return demo_store


def test_demo_catalog_is_real_sized_marked_demo_and_complete():
    procedures, is_demo = catalog.read_catalog_file(catalog.demo_catalog_path())
    assert is_demo and len(procedures) >= 20
    assert len({p.code for p in procedures}) == len(procedures)
    fields = {p.field for p in procedures}
    assert {"Hộ tịch", "Chứng thực"} <= fields and len(fields) >= 4
    for p in procedures:
        assert p.mandatory_components, p.code
        assert p.name == unicodedata.normalize("NFC", p.name)


@pytest.mark.parametrize("query,expected_word", [
    ("ho tich", "hộ tịch"), ("khai sinh", "khai sinh"), ("chung thuc", "chứng thực"),
    ("KHAI SINH", "khai sinh"), ("Chứng thực", "chứng thực"), ("dang ky ket hon", "kết hôn"),
    ("tam tru", "tạm trú"), ("khai si", "khai sinh"),
])
def test_search_is_diacritic_and_case_insensitive(demo, query, expected_word):
    with demo.read() as s:
        hits = catalog.search(s, query)
        assert hits, query
        for hit in hits:
            text = f"{hit.name} {hit.field}".lower()
            p = catalog.get_procedure(s, hit.code)
            haystack = fold(f"{text} {' '.join(p.keywords)}")
            assert all(w in haystack for w in fold(query).split()), (query, hit)
        assert any(expected_word in f"{h.name} {h.field}".lower() for h in hits)


def test_search_ho_tich_finds_civil_status_procedures_first(demo):
    with demo.read() as s:
        hits = catalog.search(s, "ho tich", limit=50)
    assert {"1.001193"} <= {h.code for h in hits} or any(h.field == "Hộ tịch" for h in hits)
    assert sum(h.field == "Hộ tịch" for h in hits) >= 5


def test_search_by_code_puts_the_exact_code_first(demo):
    with demo.read() as s:
        hits = catalog.search(s, "1.001193")
    assert hits[0].code == "1.001193"


def test_search_with_nfd_input_and_punctuation(demo):
    with demo.read() as s:
        nfd = unicodedata.normalize("NFD", "Đăng ký khai sinh")
        assert catalog.search(s, nfd) == catalog.search(s, "dang ky khai sinh")
        assert catalog.search(s, '  "khai sinh" ') == catalog.search(s, "khai sinh")
        assert catalog.search(s, "   ") == []
        assert catalog.search(s, "zzzqqq") == []


def test_unknown_procedure_code_is_a_clear_error(demo):
    with demo.read() as s:
        with pytest.raises(NotFoundError) as err:
            catalog.get_procedure(s, "9.999999")
    assert "9.999999" in err.value.message_vi and "danh mục" in err.value.message_vi


def test_a_new_version_replaces_the_old_one(store):
    procedures, _ = catalog.read_catalog_file(catalog.demo_catalog_path())
    first = procedures[0]
    store.write(lambda s: catalog.import_catalog(s, [first]))
    from dataclasses import replace
    newer = replace(first, version=first.version + 1, name=first.name + " (sửa đổi)")
    assert store.write(lambda s: catalog.import_catalog(s, [newer])).value == 1
    assert store.write(lambda s: catalog.import_catalog(s, [newer])).value == 0, "re-import is a no-op"
    with store.read() as s:
        assert catalog.get_procedure(s, first.code).name.endswith("(sửa đổi)")
        assert catalog.catalog_size(s) == 1
        assert [h.name for h in catalog.search(s, first.code)] == [newer.name]


@pytest.mark.parametrize("content,fragment", [
    ("{not json", "Không đọc được"),
    (json.dumps({"format": "other"}), "không phải danh mục"),
    (json.dumps({"format": "qmc-catalog/1", "procedures": [{"code": "1"}]}), "Thủ tục thứ 1"),
    (json.dumps({"format": "qmc-catalog/1", "procedures": [
        {"code": "1", "name": "x", "limit": {"kind": "weeks", "value": 1}}]}), "Thủ tục thứ 1"),
])
def test_corrupt_catalog_files_are_refused_clearly(tmp_path: Path, content, fragment):
    f = tmp_path / "c.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        catalog.read_catalog_file(f)
    assert fragment in err.value.message_vi


def test_binary_garbage_file(tmp_path: Path):
    f = tmp_path / "c.json"
    f.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValidationError):
        catalog.read_catalog_file(f)


def test_ranking_is_bounded_but_still_returns_matches(demo, monkeypatch):
    monkeypatch.setattr(catalog, "RANK_CANDIDATES", 3)
    with demo.read() as s:
        hits = catalog.search(s, "ho tich", limit=10)
    assert 1 <= len(hits) <= 3
    assert all("ho tich" in fold(f"{h.name} {h.field}") for h in hits)


def test_deactivated_versions_leave_the_search_index(store):
    from dataclasses import replace
    procedures, _ = catalog.read_catalog_file(catalog.demo_catalog_path())
    p = procedures[0]
    store.write(lambda s: catalog.import_catalog(s, [p, replace(p, version=2, name="Tên mới hoàn toàn")]))
    with store.read() as s:
        assert catalog.search(s, p.name) == []
        assert [h.name for h in catalog.search(s, "ten moi hoan toan")] == ["Tên mới hoàn toàn"]


def test_importing_an_older_version_later_keeps_the_newer_active(store):
    from dataclasses import replace
    procedures, _ = catalog.read_catalog_file(catalog.demo_catalog_path())
    p = procedures[0]
    store.write(lambda s: catalog.import_catalog(s, [replace(p, version=3, name="Phiên bản 3")]))
    store.write(lambda s: catalog.import_catalog(s, [replace(p, version=2, name="Phiên bản 2")]))
    with store.read() as s:
        assert catalog.get_procedure(s, p.code).name == "Phiên bản 3"
        assert [h.name for h in catalog.search(s, p.code)] == ["Phiên bản 3"]


def test_replace_deactivates_missing_procedures_without_deleting(store):
    procedures, _ = catalog.read_catalog_file(catalog.demo_catalog_path())
    store.write(lambda s: catalog.import_catalog(s, procedures))
    store.write(lambda s: catalog.import_catalog(s, procedures[:2], replace=True))
    with store.read() as s:
        assert catalog.catalog_size(s) == 2
        with pytest.raises(NotFoundError):
            catalog.get_procedure(s, procedures[5].code)
        from counter_app.storage.models import ProcedureRow
        assert s.query(ProcedureRow).count() == len(procedures)
