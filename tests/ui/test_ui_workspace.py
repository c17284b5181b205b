"""The window's façade over the core (Qt-free): identity, search, appointment preview."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.legal_basis import basis_for
from counter_app.domain.organisation import Role
from counter_app.domain.time_limit import TimeLimit
from counter_app.profile import DEMO_AGENCY, Profile
from counter_app.services.calendar_service import calendar_for
from ui.workspace import Workspace

pytestmark = pytest.mark.gui


def test_identity_of_the_demo_profile(workspace):
    ident = workspace.identity
    assert (ident.agency_code, ident.agency_name) == DEMO_AGENCY
    assert ident.counter_code == "Q01" and ident.counter_name
    assert ident.officer_name == "Nguyễn Thị Lan" and ident.officer_role is Role.OFFICER
    assert ident.demo


@pytest.mark.parametrize("received", [datetime(2026, 11, 27, 9, 15), datetime(2026, 11, 27, 16, 5),
                                      datetime(2026, 11, 28, 10, 0)])
@pytest.mark.parametrize("limit", [TimeLimit.in_day(), TimeLimit.working_days(3), TimeLimit.working_hours(4)])
def test_due_preview_is_the_core_calendar(workspace, received, limit):
    preview = workspace.due_preview(limit, received)
    with workspace.store.read() as s:
        cal = calendar_for(s, agency_code=workspace.context.agency_code, basis=basis_for(received.date()))
    assert preview.due_at == cal.due_at(received, limit)
    assert preview.counting_start == cal.counting_start(received)
    assert preview.received_at == received


def test_demo_workspace_deletes_its_folder_on_close(tmp_path, template_profile):
    import shutil

    root = tmp_path / "demo"
    shutil.copytree(template_profile, root)
    ws = Workspace.open(Profile(root, demo=True))
    assert ws.identity.demo
    ws.close()
    assert not root.exists()
