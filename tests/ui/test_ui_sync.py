"""The running app syncs by itself: two windows = two counters of one agency on the real city
server (through a fault proxy), each with its background SyncWorker started after sign-in.

Online: receptions through the core reception op get distinct codes (server leases) and both
workers push them. Link cut: receptions go on (fallback numbers), the status bar says offline
with items waiting. Link back: everything lands once. A department's result pulled from the
server redraws through the runner's ``changed`` signal.
"""

from __future__ import annotations

import gc
import shutil
import sys
import uuid
from pathlib import Path
from datetime import datetime, time

import psycopg
import pytest
from PyQt6.QtCore import QEvent
from PyQt6.QtWidgets import QApplication
from sqlalchemy import func, select

from counter_app.domain.applicant import Applicant, ApplicantKind, IdentitySource
from counter_app.profile import Profile
from counter_app.services import catalog
from counter_app.services.reception import ReceptionFlow
from counter_app.storage.models import AgencyRow, DossierRow, OutboxEventRow, SettingRow
from counter_app.storage.models_sync import SyncRejectionRow
from counter_app.sync import state
from counter_app.sync.engine import SyncOptions, remember_registration
from counter_app.sync.worker import Backoff

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))  # the sync tests' fault proxy, clock

from sync_faultproxy import FaultProxy  # noqa: E402
from sync_helpers import TODAY  # noqa: E402  (the server's "today" in Vietnam: leases are granted around it)

pytestmark = pytest.mark.gui

PROCEDURE = "1.004873"
APPLICANT = Applicant(ApplicantKind.INDIVIDUAL, "Nguyễn Văn A", id_number="001090123456", source=IdentitySource.CHIP)
WAIT_MS = 30_000


NOW = datetime.combine(TODAY, time(9, 15))


@pytest.fixture
def proxy(server):
    p = FaultProxy(server.port)
    yield p
    p.close()


@pytest.fixture
def agency(admin) -> str:
    h = uuid.uuid4().hex.upper()
    code = f"{h[:3]}.{h[3:5]}.{h[5:7]}.W{h[7:9]}"
    admin.agency(code)
    admin.officer(code, "canbo01", "Nguyễn Thị Lan", "officer")
    admin.http.put(f"/v1/admin/agencies/{code}/officers/canbo01/password",
                   json={"password": "demo-canbo01"}).raise_for_status()
    return code


@pytest.fixture
def counters(qapp, qtbot, theme, tmp_path, template_profile, admin, agency, proxy):
    """``open_counter(code)`` → a signed-in MainWindow of counter ``code`` (its worker started)."""
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    opened: list[MainWindow] = []

    def open_counter(code: str) -> MainWindow:
        root = tmp_path / code
        shutil.copytree(template_profile, root)
        registration = admin.counter(agency, code)
        store = Profile(root).open_store()

        def link(s):  # as the setup wizard and ``counter-app sync --configure`` leave a counter
            s.add(AgencyRow(code=agency, name="Phường Thử nghiệm", level="xa"))
            s.merge(SettingRow(key="agency_code", value=agency))
            s.merge(SettingRow(key="counter_code", value=code))
            state.put(s, state.SERVER_URL, proxy.url)
            state.put(s, state.TOKEN, registration["token"])
        store.write(link)
        remember_registration(store, registration)
        store.close()
        ws = Workspace.open(Profile(root), now=lambda: NOW)
        ws.sync_options = SyncOptions(lease_days_ahead=0, lease_target=5, lease_block=5, timeout=3)
        ws.sync_backoff, ws.sync_interval = Backoff(base=0.05, cap=0.3), 3600
        ws.sign_in("canbo01", "demo-canbo01")
        assert "ngoại tuyến" not in ws.sign_in_notice  # signed in online, through the proxy
        window = MainWindow(ws, theme)
        window.statuses = []
        window.sync_bridge.statusChanged.connect(window.statuses.append)
        window.pulled = []
        window.runner.changed.connect(window.pulled.append)
        opened.append(window)
        return window

    yield open_counter
    for window in opened:
        ws = window.workspace
        window.close()
        assert ws.sync_worker is None, "closing the window stops the worker"
        window.deleteLater()
        ws.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def receive(qtbot, window, n: int) -> list[str]:
    """``n`` receptions through the workspace's reception op on the window's writer thread."""
    ws = window.workspace
    with ws.store.read() as s:
        procedure = catalog.get_procedure(s, PROCEDURE)
    codes, errors = [], []
    for _ in range(n):
        flow = ReceptionFlow()
        flow.identify(APPLICANT)
        flow.choose_procedure(procedure)
        flow.mark_all_complete()
        flow.to_outcome()
        flow.receive()
        window.runner.write(ws.record_reception_op(flow), on_done=lambda r: codes.append(r.value.code),
                            on_error=errors.append)
    assert window.runner.wait_idle(WAIT_MS)
    assert errors == []
    return codes


def server_codes(city_db: str, agency: str) -> list[str]:
    with psycopg.connect(city_db) as conn:
        return [r[0] for r in conn.execute("SELECT code FROM dossier WHERE agency_code=%s", (agency,))]


def server_events(city_db: str, agency: str) -> int:
    with psycopg.connect(city_db) as conn:
        return conn.execute("SELECT count(*) FROM dossier_event WHERE agency_code=%s", (agency,)).fetchone()[0]


def settled(window, *, online: bool, since: int = 0):
    """The last status published after index ``since``, if the worker is idle in the wanted state."""
    fresh = window.statuses[since:]
    last = fresh[-1] if fresh else None
    return last if last is not None and not last.running and last.online is online else None


def local_events(window) -> tuple[int, int]:
    """(outbox events, of which unsent) at this counter."""
    with window.workspace.store.read() as s:
        total = s.scalar(select(func.count()).select_from(OutboxEventRow))
        return total, state.waiting_events(s)


def test_two_counters_sync_by_themselves_through_an_outage(qtbot, counters, agency, city_db, proxy, admin):
    q1, q2 = counters("Q01"), counters("Q02")
    assert q1.sync_bridge.running and q2.sync_bridge.running
    for w in (q1, q2):  # the first round runs at sign-in: registration, officers, numbers leased
        qtbot.waitUntil(lambda w=w: settled(w, online=True) is not None, timeout=WAIT_MS)
        assert w.status.sync.text() == "Trực tuyến"

    online1, online2 = receive(qtbot, q1, 3), receive(qtbot, q2, 3)
    assert len(set(online1 + online2)) == 6, "two counters of one agency never issue the same code"
    assert all(int(c[-4:]) < 9000 for c in online1 + online2)  # server leases, not the fallback slice
    assert "3 mục chờ gửi" in q1.status.sync.text()  # the runner's changes refresh the status at once
    marks = [len(q1.statuses), len(q2.statuses)]
    q1.sync_action.trigger()  # “Đồng bộ ngay” (menu Tệp)
    q2.sync_now()
    qtbot.waitUntil(lambda: sorted(server_codes(city_db, agency)) == sorted(online1 + online2), timeout=WAIT_MS)
    for w, mark in zip((q1, q2), marks):
        qtbot.waitUntil(lambda w=w, m=mark: settled(w, online=True, since=m) is not None, timeout=WAIT_MS)
        assert local_events(w)[1] == 0

    # The link is cut: receptions go on, from leased blocks and then the counter's fallback slice.
    proxy.refuse = True
    proxy.cut_all()
    offline1, offline2 = receive(qtbot, q1, 9), receive(qtbot, q2, 9)
    every = online1 + online2 + offline1 + offline2
    assert len(set(every)) == len(every) == 24
    assert any(int(c[-4:]) >= 9000 for c in offline1) and any(int(c[-4:]) >= 9000 for c in offline2)
    for w in (q1, q2):
        mark = len(w.statuses)
        w.sync_now()
        qtbot.waitUntil(lambda w=w, m=mark: settled(w, online=False, since=m) is not None, timeout=WAIT_MS)
        st = settled(w, online=False, since=mark)
        assert st.offline_since is not None and st.waiting_events == local_events(w)[1] >= 9
        assert "Ngoại tuyến từ " in w.status.sync.text() and "mục chờ gửi" in w.status.sync.text()
        assert "Không kết nối được" in w.status.sync.toolTip()
        assert "Không kết nối được" in w.status.error.text()  # the new error shown once
    assert sorted(server_codes(city_db, agency)) == sorted(online1 + online2)

    # The link returns: the workers' backoff finds it by itself and the offline receptions land.
    marks = [len(q1.statuses), len(q2.statuses)]
    proxy.refuse = False
    for w, mark in zip((q1, q2), marks):
        qtbot.waitUntil(lambda w=w, m=mark: settled(w, online=True, since=m) is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(server_codes(city_db, agency)) == len(every), timeout=WAIT_MS)
    # The officers go on receiving; the next round (here “Đồng bộ ngay”) sends those too.
    late1, late2 = receive(qtbot, q1, 2), receive(qtbot, q2, 2)
    every += late1 + late2
    for w in (q1, q2):
        mark = len(w.statuses)
        w.sync_now()  # a round after the last reception, so nothing is left waiting
        qtbot.waitUntil(lambda w=w, m=mark: settled(w, online=True, since=m) is not None, timeout=WAIT_MS)
        assert local_events(w)[1] == 0 and w.status.sync.text() == "Trực tuyến"
    landed = server_codes(city_db, agency)
    assert sorted(landed) == sorted(every) and len(landed) == len(set(landed)) == 28, "all once, none twice"
    assert server_events(city_db, agency) == local_events(q1)[0] + local_events(q2)[0]
    for w in (q1, q2):
        with w.workspace.store.read() as s:
            assert list(s.scalars(select(SyncRejectionRow))) == []

    # A department moves one of Q01's dossiers: Q01's pull records it and the pages are told.
    code = online1[0]
    admin.http.post(f"/v1/admin/dossiers/{code}/status",
                    json={"status": "processing", "officer": "sotuphap"}).raise_for_status()
    q1.pulled.clear()
    q1.sync_now()
    qtbot.waitUntil(lambda: any(code in c.dossiers for c in q1.pulled), timeout=WAIT_MS)
    with q1.workspace.store.read() as s:
        assert s.scalar(select(DossierRow.status).where(DossierRow.code == code)) == "processing"


def test_without_a_server_no_worker_and_sync_now_says_why(qtbot, window, workspace):
    workspace.sign_in("canbo01", "demo-canbo01")
    assert not window.sync_bridge.start() and not window.sync_bridge.running and workspace.sync_worker is None
    window.sync_action.trigger()
    assert "chưa được cấu hình máy chủ đồng bộ" in window.status.error.text()
    assert workspace.allocator.source.source_for is not None
    with workspace.store.read() as s:
        assert workspace.allocator.source.source_for(s).name == "local"  # the embedded single counter
