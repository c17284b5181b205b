"""With a city backend configured, the approval dialog has the city check the supervisor's password
first: a supervisor who never signed in at this counter can approve; a wrong password is refused."""

from __future__ import annotations

import uuid

import pytest

from counter_app.security.permissions import Action
from counter_app.storage.models import AgencyRow
from counter_app.sync import state
from ui.approval import ApprovalDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def online_workspace(workspace, admin, server):
    h = uuid.uuid4().hex.upper()
    agency = f"{h[6:9]}.{h[:2]}.{h[2:4]}.U{h[4:6]}"
    admin.agency(agency)
    admin.officer(agency, "lanhdao09", "Đỗ Thị Hồng", "supervisor")
    admin.http.put(f"/v1/admin/agencies/{agency}/officers/lanhdao09/password",
                   json={"password": "mat-khau-lanh-dao-09"}).raise_for_status()
    token = admin.counter(agency, "Q01")["token"]

    def link(s):
        s.add(AgencyRow(code=agency, name="Cơ quan thử nghiệm", level="commune"))
        state.put(s, state.SERVER_URL, server.url)
        state.put(s, state.TOKEN, token)
    workspace.sign_in("canbo01", "demo-canbo01")  # before the link: offline, as the demo officer
    workspace.store.write(link)
    return workspace


def _approve(dialog, supervisor, password):
    dialog.supervisor.setText(supervisor)
    dialog.password.setText(password)
    dialog.submit()
    assert dialog.runner.wait_idle()
    return dialog.result()


def test_a_supervisor_new_to_this_counter_approves_after_the_city_checked_the_password(
        qtbot, window, online_workspace):
    dialog = ApprovalDialog(online_workspace, window.runner, action=Action.CANCEL_DOSSIER, target="X-1")
    qtbot.addWidget(dialog)
    assert _approve(dialog, "lanhdao09", "sai-mat-khau") == 0
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng." and dialog.approval_id is None
    assert _approve(dialog, "lanhdao09", "mat-khau-lanh-dao-09") == ApprovalDialog.DialogCode.Accepted
    assert dialog.approval_id
