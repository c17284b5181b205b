"""The “Hồ sơ trực tuyến” page (F9) against the real city server: the waiting list comes through
the sync client, each file is previewed (PDF first page, image) off the GUI thread and ticked,
the decision is recorded with the desk's rules and the form reaches the notifier's outbox as
PDF; offline the page says so. The postal dialogs register a parcel and a result sent by post."""

from __future__ import annotations

import base64
import gc
import hashlib
import io
import os
import uuid
from datetime import datetime

import httpx
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PyQt6.QtWidgets")

from PyQt6.QtCore import QEvent, Qt  # noqa: E402
from PyQt6.QtTest import QTest  # noqa: E402
from PyQt6.QtWidgets import QApplication  # noqa: E402

from counter_app.domain.status import DossierStatus  # noqa: E402
from counter_app.notifiers import read_outbox  # noqa: E402
from counter_app.profile import Profile  # noqa: E402
from counter_app.services import channels  # noqa: E402
from counter_app.services.attachments import list_attachments  # noqa: E402
from counter_app.services.dossiers import get_dossier_row  # noqa: E402
from counter_app.services.online_desk import NOTICE_FOLDER  # noqa: E402
from counter_app.storage.models_printing import PrintRecordRow  # noqa: E402
from sqlalchemy import select  # noqa: E402
from counter_app.sync import state  # noqa: E402
from counter_app.sync.engine import client_for, sync_once  # noqa: E402

from online_helpers import ADDRESS, ID_NUMBER, NAME, PORTAL_TOKEN, new_agency_code  # noqa: E402
from sync_helpers import PROCEDURE, Counter  # noqa: E402

pytestmark = pytest.mark.gui
NOW = datetime.now().replace(microsecond=0, second=0)


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "To khai dang ky ket hon")
    c.showPage()
    c.save()
    return buf.getvalue()


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (300, 190), (200, 30, 40)).save(buf, "PNG")
    return buf.getvalue()


PDF, PNG = _pdf(), _png()


def submit(url: str, agency: str, files) -> str:
    body = {"agency_code": agency, "procedure_code": PROCEDURE,
            "applicant": {"full_name": NAME, "id_number": ID_NUMBER, "address": ADDRESS, "phone": "0912345678"},
            "files": [{"name": n, "component": c, "content_base64": base64.b64encode(d).decode()}
                      for n, c, d in files]}
    r = httpx.post(f"{url}/v1/online/dossiers", json=body, headers={"X-Portal-Token": PORTAL_TOKEN}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture
def online_agency(online_admin) -> str:
    """An agency per test (the window's local number leases start at 0001 for each new counter), with the
    demo officer and supervisor known to the city server by their demo passwords (online sign-in)."""
    agency = new_agency_code()
    online_admin.agency(agency)
    for user, role in (("canbo01", "officer"), ("lanhdao01", "supervisor")):
        online_admin.officer(agency, user, f"Cán bộ {user}", role)
        r = online_admin.http.put(f"/v1/admin/agencies/{agency}/officers/{user}/password",
                                  json={"password": f"demo-{user}"})
        assert r.status_code == 204, r.text
    return agency


@pytest.fixture
def workspace(online_server, online_admin, online_agency, tmp_path):
    """A counter profile registered with the online server, opened as the window opens it."""
    from ui.workspace import Workspace

    code = f"Q-UI{uuid.uuid4().hex[:4].upper()}"
    counter = Counter(tmp_path / "profile", online_agency, code, online_admin.counter(online_agency, code),
                      online_server.url)
    counter.store.write(lambda s: _officers_of(s, online_agency))
    counter.store.close()
    ws = Workspace.open(Profile(tmp_path / "profile"), now=lambda: NOW)
    with client_for(ws.store) as client:  # a counter syncs at start: the officers come from the city
        assert sync_once(ws.store, client, now=lambda: NOW).ok
    ws.sign_in("canbo01", "demo-canbo01")
    yield ws
    ws.close()


def _officers_of(s, agency: str) -> None:
    """The seeded demo officers belong to this counter's agency (as on a counter set up for it): the
    supervisor's approval proof is keyed by the agency of the local officer row, and the city re-checks it."""
    from sqlalchemy import update

    from counter_app.storage.models import AgencyRow, OfficerRow

    if s.scalar(select(AgencyRow).where(AgencyRow.code == agency)) is None:
        s.add(AgencyRow(code=agency, name="Cơ quan thử nghiệm", level="xa"))
        s.flush()
    s.execute(update(OfficerRow).values(agency_code=agency))


@pytest.fixture
def window(qapp, qtbot, workspace):
    from ui.main_window import MainWindow
    from ui.theme import Theme

    theme = Theme(qapp)
    theme.apply()
    w = MainWindow(workspace, theme)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.runner.wait_idle()
    w.close()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setStyleSheet("")
    theme.deleteLater()
    gc.collect()


def _open(qtbot, window, online_id: str):
    QTest.keyClick(window, Qt.Key.Key_F9)
    page = window.online
    assert window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: online_id in [d.id for d in page.dossiers], timeout=10_000)
    page.table.selectRow([d.id for d in page.dossiers].index(online_id))
    assert page.review is not None and page.review.online.id == online_id
    qtbot.waitUntil(lambda: all(c.intact is not None for c in page.review.files), timeout=10_000)
    return page


def test_online_dossier_checked_received_and_sent_to_the_citizen(qtbot, window, workspace, online_server,
                                                                 online_agency):
    online_id = submit(online_server.url, online_agency, [("to-khai.pdf", 0, PDF), ("cccd.png", 3, PNG)])
    page = _open(qtbot, window, online_id)
    assert "001******456" in [page.table.item(r, 3).text() for r in range(page.table.rowCount())]
    assert [c.intact for c in page.review.files] == [True, True]
    assert page.contents == {0: PDF, 1: PNG}  # downloaded intact
    assert page.previews[0].width() > 0 and page.previews[0].height() > page.previews[0].width()  # an A4 page
    assert (page.previews[1].width(), page.previews[1].height()) == (300, 190)
    assert not page.panel.preview.pixmap().isNull()

    page.panel.receive_button.click()  # files not checked yet: the rule says so, nothing recorded
    assert "chưa kiểm tra" in page.panel.error.text()
    page.panel.files.selectRow(0)
    page.panel.accept_button.click()  # moves on to the next file
    page.panel.accept_button.click()
    assert [c.accepted for c in page.review.files] == [True, True]
    page.panel.receive_button.click()
    qtbot.waitUntil(lambda: page.last_after is not None, timeout=15_000)
    after = page.last_after
    assert after.taken and after.notified and after.message_vi == ""
    with workspace.store.read() as s:
        row = get_dossier_row(s, after.code)
        assert row.status == DossierStatus.RECEIVED.value and row.channel == 2 and row.received_at == NOW
        assert channels.channel_of(s, after.code).online_id == online_id
        attached = {a.sha256: a.component_position for a in list_attachments(s, after.code)}
    assert attached == {hashlib.sha256(PDF).hexdigest(): 0, hashlib.sha256(PNG).hexdigest(): 3}  # the files kept
    [envelope] = read_outbox(workspace.profile.root / NOTICE_FOLDER)
    assert envelope["dossier_code"] == after.code and envelope["to"]["phone"] == "0912345678"
    [att] = envelope["attachments"]
    data = (workspace.profile.root / NOTICE_FOLDER / envelope["path"].rsplit("/", 1)[-1] / att["file"]).read_bytes()
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == att["sha256"]
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert online_id not in [d.id for d in page.dossiers]


def test_refusal_needs_a_supervisor(qtbot, window, workspace, online_server, online_agency, monkeypatch):
    from ui.approval import ApprovalDialog

    online_id = submit(online_server.url, online_agency, [("khac.pdf", 0, PDF)])
    page = _open(qtbot, window, online_id)
    page.panel.file_reason.setText("Tờ khai của thủ tục khác")
    page.panel.reject_button.click()
    assert page.review.files[0].reason == "Tờ khai của thủ tục khác" and not page.panel.file_reason.text()
    assert "Tờ khai của thủ tục khác" in page.panel.files.item(0, 3).text()
    page.panel.reason.setText("Hồ sơ không thuộc thẩm quyền của phường")
    monkeypatch.setattr(ApprovalDialog, "exec", lambda dialog: ApprovalDialog.DialogCode.Rejected)
    page.panel.refuse_button.click()
    assert window.runner.wait_idle() and page.last_after is None and page.review is not None

    def supervisor_approves(dialog):
        assert dialog.action.value == "refuse_dossier" and dialog.target == online_id
        dialog.supervisor.setText("lanhdao01")
        dialog.password.setText("demo-lanhdao01")
        dialog.submit()
        assert dialog.runner.wait_idle()
        return dialog.result()
    monkeypatch.setattr(ApprovalDialog, "exec", supervisor_approves)
    page.panel.refuse_button.click()
    qtbot.waitUntil(lambda: page.last_after is not None, timeout=15_000)
    with workspace.store.read() as s:
        assert get_dossier_row(s, page.last_after.code).status == DossierStatus.REFUSED.value
        assert list_attachments(s, page.last_after.code) == []  # a refused dossier keeps no files
        [verdict] = channels.online_files(s, page.last_after.code)
    assert verdict["accepted"] is False and verdict["reason"] == "Tờ khai của thủ tục khác"
    with client_for(workspace.store) as client:  # the server re-checks the supervisor's approval proof
        summary = sync_once(workspace.store, client, now=lambda: NOW)
    assert summary.ok and summary.push.applied >= 2 and summary.push.rejected == 0, summary.lines()
    [envelope] = read_outbox(workspace.profile.root / NOTICE_FOLDER)
    assert envelope["attachments"][0]["file"].startswith("phieu-tu-choi")


def test_offline_the_page_says_so_and_keeps_working(qtbot, window, workspace):
    workspace.store.write(lambda s: state.put(s, state.SERVER_URL, "http://127.0.0.1:9"))
    QTest.keyClick(window, Qt.Key.Key_F9)
    page = window.online
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    assert page.message.text().startswith("Không kết nối được với hệ thống của thành phố")
    assert page.dossiers == [] and page.refresh_button.isEnabled() and page.postal_button.isEnabled()
    assert "trực tuyến" in page.status.text()


def test_postal_dossier_and_result_by_post(qtbot, window, workspace):
    from ui.online.postal import PostalDialog, PostalReturnDialog

    dialog = PostalDialog(workspace, window.runner, parent=window)
    qtbot.addWidget(dialog)
    dialog.tracking.setText("rr473124828gb")  # wrong check digit
    dialog.check_tracking()
    assert dialog.error.text().startswith("Số hiệu bưu gửi không hợp lệ")
    dialog.tracking.setText(" rr 473124829 gb")
    dialog.name.setText("Lê Thị Hoa")
    dialog.id_number.setText("001190012345")
    dialog.procedure_query.setText(PROCEDURE)
    dialog.find_procedures()
    assert dialog.procedures.count() >= 1 and dialog.checklist.count() > 0
    for i in range(dialog.checklist.count()):
        dialog.checklist.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.buttons[next(o for o in dialog.buttons if o.value == "receive")].click()
    assert window.runner.wait_idle() and dialog.record is not None, dialog.error.text()
    code = dialog.record.code
    with workspace.store.read() as s:
        assert channels.channel_of(s, code).inbound_tracking == "RR473124829GB"
    window.online.print_postal_form(dialog.record, dialog.flow)  # the receipt goes back by post
    assert window.runner.wait_idle(30_000)
    assert not window.online.message.text(), window.online.message.text()
    with workspace.store.read() as s:
        printed = s.execute(select(PrintRecordRow.form, PrintRecordRow.job_state)
                            .where(PrintRecordRow.dossier_code == code)).all()
    assert [f for f, _ in printed] == ["receipt"] and printed[0][1] in ("saved", "done", "pending", "printing")

    back = PostalReturnDialog(workspace, window.runner, parent=window)
    qtbot.addWidget(back)
    back.code.setText(code)
    back.tracking.setText("EE000000005VN")
    back.submit()
    assert window.runner.wait_idle() and back.sent is None  # not resolved yet: the core refuses, shown
    assert not back.error.isHidden() and "chưa có kết quả" in back.error.text(), back.error.text()
