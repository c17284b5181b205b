"""A page whose service refuses the signed-in role shows the Vietnamese refusal instead of crashing.

An administrator has no ``VIEW_PERSONAL_DATA``: on the F4 dossier page the search and the detail
are refused by the services (``queries.search_dossiers`` / ``dossier_detail``), and the page's error
line says so; nothing is listed, and the refusals leave no view in the audit log.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.profile import Profile
from counter_app.storage.models_security import AuditEntryRow

pytestmark = pytest.mark.gui

NOW = datetime(2026, 11, 27, 9, 15)


def test_an_admin_on_the_dossier_page_sees_the_refusal(qtbot, tmp_path):
    from qmc_testing import Desk
    from ui.dossiers.page import DossierSearchPage
    from ui.ops import OperationRunner
    from ui.workspace import Workspace

    workspace = Workspace.open(Profile(tmp_path / "profile"), now=lambda: NOW)
    runner = None
    try:
        code = Desk(workspace.store, workspace.context).receive(at=NOW).code
        workspace.sign_in("quantri", "demo-quantri")
        runner = OperationRunner(workspace.store)
        page = DossierSearchPage(workspace, runner)
        qtbot.addWidget(page)
        with workspace.store.read() as s:
            views_before = s.scalar(select(func.count()).select_from(AuditEntryRow)
                                    .where(AuditEntryRow.action.in_(["view_dossier", "search_dossiers"])))
        page.refresh()
        qtbot.waitUntil(lambda: not page.searching, timeout=5000)
        assert "không có quyền xem dữ liệu cá nhân" in page.error.text()
        assert page.model.rowCount() == 0
        page.open_code(code)
        assert "không có quyền xem dữ liệu cá nhân" in page.error.text()
        with workspace.store.read() as s:
            assert s.scalar(select(func.count()).select_from(AuditEntryRow).where(
                AuditEntryRow.action.in_(["view_dossier", "search_dossiers"]))) == views_before
    finally:
        if runner is not None:
            runner.shutdown()
        workspace.close()
