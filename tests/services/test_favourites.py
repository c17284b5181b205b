"""Favourite procedures per officer, in the local ``setting`` table."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import NotFoundError, ValidationError
from counter_app.services import catalog, favourites
from counter_app.storage.models import ProcedureRow, SettingRow


@pytest.fixture
def codes(demo_store):
    with demo_store.read() as s:
        found = sorted({r.code for r in s.query(ProcedureRow).filter(ProcedureRow.active)})
    assert len(found) >= 11
    return found


def test_star_unstar_per_officer_newest_first(demo_store, codes):
    a, b = codes[:2]
    with demo_store.read() as s:
        assert favourites.favourite_procedures(s, "canbo01") == []
    assert demo_store.write(lambda s: favourites.toggle_favourite(s, "canbo01", a)) is True
    assert demo_store.write(lambda s: favourites.toggle_favourite(s, "canbo01", f"  {b} ")) is True
    with demo_store.read() as s:
        listed = favourites.favourite_procedures(s, "canbo01")
        assert [c for c, _ in listed] == [b, a]
        assert listed[0][1] == catalog.get_procedure(s, b).name
        assert favourites.favourite_procedures(s, "canbo02") == []  # another officer's list
    assert demo_store.write(lambda s: favourites.toggle_favourite(s, "canbo01", a)) is False
    with demo_store.read() as s:
        assert favourites.favourite_codes(s, "canbo01") == [b]


def test_unknown_code_and_missing_officer_are_refused_in_vietnamese(demo_store):
    with pytest.raises(NotFoundError) as err:
        demo_store.write(lambda s: favourites.set_favourite(s, "canbo01", "9.999999", True))
    assert "Không tìm thấy thủ tục" in err.value.message_vi
    with pytest.raises(ValidationError) as err:
        demo_store.write(lambda s: favourites.toggle_favourite(s, " ", "1.004873"))
    assert "đăng nhập" in err.value.message_vi


def test_at_most_nine_and_a_withdrawn_procedure_is_skipped_but_kept(demo_store, codes):
    for code in codes[:9]:
        demo_store.write(lambda s, code=code: favourites.set_favourite(s, "canbo01", code, True))
    with pytest.raises(ValidationError) as err:
        demo_store.write(lambda s: favourites.set_favourite(s, "canbo01", codes[9], True))
    assert "Alt+9" in err.value.message_vi

    def withdraw(s):
        for row in s.query(ProcedureRow).filter(ProcedureRow.code == codes[0]):
            row.active = False

    demo_store.write(withdraw)
    with demo_store.read() as s:
        assert codes[0] not in [c for c, _ in favourites.favourite_procedures(s, "canbo01")]
        assert codes[0] in favourites.favourite_codes(s, "canbo01")
    demo_store.write(lambda s: favourites.set_favourite(s, "canbo01", codes[9], True))  # room again


def test_a_damaged_setting_reads_as_no_favourites(demo_store):
    demo_store.write(lambda s: s.add(SettingRow(key="favourites:canbo01", value="{not json")))
    with demo_store.read() as s:
        assert favourites.favourite_codes(s, "canbo01") == []
