from counter_app.domain.organisation import Role
from counter_app.services.identity import catalog_is_demo, counter_identity
from counter_app.storage.models import ProcedureRow, SettingRow


def test_demo_identity(demo_profile, demo_store):
    ctx = demo_profile.context(demo_store)
    with demo_store.read() as s:
        ident = counter_identity(s, ctx)
    assert (ident.agency_code, ident.counter_code, ident.officer_username) == ("000.00.01.H26", "Q01", "canbo01")
    assert ident.officer_role is Role.OFFICER and ident.officer_name == "Nguyễn Thị Lan"
    assert ident.counter_name == "Quầy số 1" and "DỮ LIỆU MẪU" in ident.agency_name
    assert ident.demo


def test_real_catalog_and_identity_are_not_demo(demo_profile, demo_store):
    def make_real(s):
        s.query(ProcedureRow).update({ProcedureRow.is_demo: False})
        s.merge(SettingRow(key="demo", value="0"))
    demo_store.write(make_real)
    with demo_store.read() as s:
        assert not catalog_is_demo(s)
        assert not counter_identity(s, demo_profile.context(demo_store)).demo
