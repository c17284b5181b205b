"""What the window asks of the core, for one open profile (no Qt here).

The window never opens a session or touches a table itself: it calls this façade, which
only composes core calls (identity, catalog search and lookup, the working-day calendar).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from counter_app import clock
from counter_app.domain.errors import CounterError
from counter_app.domain.legal_basis import basis_for
from counter_app.domain.procedure import Procedure
from counter_app.domain.time_limit import TimeLimit
from counter_app.profile import Profile
from counter_app.domain.status import DossierStatus
from counter_app.security import approvals
from counter_app.security.permissions import Action
from counter_app.security.signin import CounterSession, Officer, SecurityPolicy, SessionState
from counter_app.services import catalog, fees, queries, ratings, returns
from counter_app.services.calendar_service import calendar_for
from counter_app.services.dossiers import CounterContext, ReceptionRecord, change_status, record_reception
from counter_app.services.operations import OpResult
from counter_app.services.reception import ReceptionFlow
from counter_app.services.returns import ReturnFlow
from counter_app.services.identity import CounterIdentity, counter_identity
from counter_app.storage.db import Store
from counter_app.sync.background import ConfiguredAllocator


@dataclass(frozen=True)
class DuePreview:
    """The appointment a dossier would get if received at ``received_at``."""

    received_at: datetime
    counting_start: datetime  # thời điểm bắt đầu tính thời hạn
    due_at: datetime  # ngày hẹn trả kết quả


def _policy() -> SecurityPolicy:
    """The ``[security]`` limits of the configuration (defaults when the file has none)."""
    from counter_app import config

    try:
        return SecurityPolicy.from_config(config.load().security)
    except CounterError:  # a broken config file is reported by diagnostics; sign-in still works
        return SecurityPolicy()


def _sync_interval() -> float:
    """``[sync] interval_seconds`` of the configuration (its default when the file is unusable)."""
    from counter_app import config

    try:
        return float(config.load().sync.interval_seconds)
    except CounterError:
        return float(config.SyncConfig().interval_seconds)


class Workspace:
    """One open profile: its store, its counter context and read-only queries for the UI."""

    def __init__(self, profile: Profile, store: Store, *, now: Callable[[], datetime] = clock.now) -> None:
        self.profile = profile
        self.store = store
        self.now = now
        self.context: CounterContext = profile.context(store)
        self.session = CounterSession(_policy())  # who is signed in (signin.CounterSession)
        self.sign_in_notice = ""  # e.g. "signed in offline: the city backend is out of reach"
        self.identity = self._load_identity()
        # Server leases once a city server is configured (decided per block), local ones without.
        self.allocator = ConfiguredAllocator(counter_code=self.context.counter_code, now=now)
        self.sync_worker = None  # the session's SyncWorker (start_sync), None when not syncing
        self.sync_options = None  # SyncOptions / Backoff / interval (s) for start_sync; None: defaults, config
        self.sync_backoff = None
        self.sync_interval: float | None = None

    @classmethod
    def open(cls, profile: Profile, *, now: Callable[[], datetime] = clock.now) -> "Workspace":
        """Open (migrate, seed when empty) the profile's store. Raises ``CounterError``."""
        store = profile.open_store()
        try:
            return cls(profile, store, now=now)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        """Stop syncing, close the store; a demo profile's folder is deleted."""
        self.stop_sync()
        self.store.close()
        self.profile.discard()

    # ---- sign-in (the officer the services act for comes from here) ----------------

    @property
    def officer(self) -> Officer | None:
        return self.session.officer if self.session.state is not SessionState.SIGNED_OUT else None

    def sign_in(self, username: str, password: str) -> Officer:
        """Sign in (or switch officer): online first when a backend is configured, else (or when it is
        out of reach) offline; ``sign_in_notice`` says which. The counter context becomes this officer's."""
        from counter_app.security import online_signin

        outcome = online_signin.sign_in(self.store, self.session, username=username, password=password,
                                        now=self.now(), client=online_signin.default_client(self.store))
        officer, self.sign_in_notice = outcome.officer, outcome.notice_vi
        self.context = replace(self.context, officer=officer.username, role=officer.role)
        self.identity = self._load_identity()
        return officer

    def unlock(self, password: str) -> Officer:
        at, username = self.now(), self.session.officer.username if self.session.officer else ""
        return self.store.write(lambda s: self.session.unlock(s, username=username, password=password, now=at))

    def touch(self) -> SessionState:
        """Activity at the counter (or an idle check): may lock the session (the lock is audited)."""
        at = self.now()
        state = self.session.touch(at)
        if self.session.lock_pending is not None:
            self.store.write(lambda s: self.session.record_lock(s, now=at))
        return state

    def idle_expired(self) -> bool:
        last = self.session.last_activity
        return (self.session.state is SessionState.ACTIVE and last is not None
                and self.now() - last >= self.session.policy.idle_lock)

    def sign_out(self) -> None:
        at = self.now()
        self.store.write(lambda s: self.session.sign_out(s, now=at))

    def sync_status(self):
        """``(server configured, SyncStatus)`` for the status bar."""
        from counter_app.sync import state

        with self.store.read() as s:
            return bool(state.get(s, state.SERVER_URL)), state.load_status(s)

    def start_sync(self):
        """Start the background ``SyncWorker`` of this session (its own thread) when a city server is
        configured; returns it (the running one if already started), or None."""
        from counter_app.sync.background import make_worker, server_configured
        from counter_app.sync.engine import SyncOptions
        from counter_app.sync.worker import Backoff

        if self.sync_worker is not None:
            return self.sync_worker
        from counter_app.services.retention_daily import run_at_start

        run_at_start(self.store, self.profile.root)  # old form PDFs, retention purge: once a day, also without sync
        with self.store.read() as s:
            if not server_configured(s):
                return None
        worker = make_worker(self.store, self.profile.root, interval=self.sync_interval or _sync_interval(),
                             options=self.sync_options or SyncOptions(), backoff=self.sync_backoff or Backoff())
        worker.start()
        self.sync_worker = worker
        return worker

    def stop_sync(self, timeout: float = 5.0) -> None:
        """Stop the worker (a round in flight is waited for up to ``timeout`` s; its writes are
        transactional, so one cut short loses nothing and the next start resends)."""
        worker, self.sync_worker = self.sync_worker, None
        if worker is not None:
            worker.stop(timeout)

    # ---- queries -------------------------------------------------------------

    def search(self, query: str, *, limit: int = 50) -> list[catalog.ProcedureHit]:
        with self.store.read() as s:
            return catalog.search(s, query, limit=limit)

    def procedure(self, code: str) -> Procedure:
        with self.store.read() as s:
            return catalog.get_procedure(s, code)

    def due_preview(self, limit: TimeLimit, received_at: datetime | None = None) -> DuePreview:
        """The appointment under the legal basis and calendar in force at ``received_at``."""
        at = received_at or self.now()
        with self.store.read() as s:
            cal = calendar_for(s, agency_code=self.context.agency_code, basis=basis_for(at.date()))
        return DuePreview(at, cal.counting_start(at), cal.due_at(at, limit))

    def recent_procedures(self, *, limit: int = 5) -> list[tuple[str, str]]:
        with self.store.read() as s:
            return queries.recent_procedures(s, counter_code=self.context.counter_code, limit=limit)

    def favourite_procedures(self) -> list[tuple[str, str]]:
        """The signed-in officer's starred procedures (``counter_app.services.favourites``)."""
        from counter_app.services import favourites

        with self.store.read() as s:
            return favourites.favourite_procedures(s, self.context.officer)

    def toggle_favourite_op(self, code: str) -> Callable[[Session], bool]:
        """Star / unstar ``code`` for the signed-in officer; the op returns whether it is starred now."""
        from counter_app.services import favourites

        officer = self.context.officer
        return lambda s: favourites.toggle_favourite(s, officer, code)

    def search_dossiers(self, query: queries.DossierQuery, *, limit: int = 200) -> list[queries.DossierSummary]:
        with self.store.read() as s:
            return queries.search_dossiers(s, query, ctx=self.context, now=self.now(), limit=limit)

    def dossier_detail(self, code: str) -> queries.DossierDetail:
        with self.store.read() as s:
            return queries.dossier_detail(s, code, ctx=self.context, now=self.now())

    def dossier_record(self, code: str):
        """The detail with prints and scans in its timeline, and its files (``dossier_record.DossierRecord``)."""
        from counter_app.services.dossier_record import dossier_record

        try:
            from printing.templates import FORMS as form_names
        except ImportError:
            form_names = {}
        with self.store.read() as s:
            return dossier_record(s, code, ctx=self.context, now=self.now(), form_names=form_names)

    def attachment_bytes(self, info) -> bytes:
        """A stored file's bytes, checked against its SHA-256 (call off the GUI thread)."""
        from counter_app.services.attachments import read_attachment

        return read_attachment(self.profile.root, info)

    def day_counts(self) -> queries.DayCounts:
        now = self.now()
        with self.store.read() as s:
            return queries.day_counts(s, day=now.date(), now=now, officer=self.context.officer)

    def dashboard_series(self, *, days: int = 14):
        """``(daily_flow, timeliness)`` of the last ``days`` days for the dashboard's charts."""
        from datetime import time, timedelta

        from counter_app.services.dashboard_series import daily_flow, timeliness

        now = self.now()
        first = datetime.combine(now.date() - timedelta(days=days - 1), time.min)
        end = datetime.combine(now.date() + timedelta(days=1), time.min)
        with self.store.read() as s:
            return (daily_flow(s, last_day=now.date(), days=days),
                    timeliness(s, start=first, end=end, now=now, agency_code=self.context.agency_code))

    # ---- operations: functions for ``OperationRunner.write`` (run on the writer thread) ----

    def record_reception_op(self, flow: ReceptionFlow,
                            approval_id: str | None = None) -> Callable[[Session], OpResult[ReceptionRecord]]:
        """Record the decided ``flow``; the time is taken now, when the officer confirms. A refusal
        needs ``approval_id``: a supervisor's approval of ``dossiers.refusal_target(flow)``."""
        at, ctx, allocator = self.now(), self.context, self.allocator
        return lambda s: record_reception(s, flow, ctx=ctx, allocator=allocator, now=at, approval_id=approval_id)

    def load_for_return(self, code: str) -> ReturnFlow:
        """The return-of-results flow for ``code`` (raises if unknown or not resolved)."""
        with self.store.read() as s:
            code = code.strip()
            return returns.load_for_return(s, code, fee_outstanding_vnd=fees.outstanding_vnd(s, code))

    def record_return_op(self, flow: ReturnFlow) -> Callable[[Session], OpResult[str]]:
        at, ctx = self.now(), self.context
        return lambda s: returns.record_return(s, flow, ctx=ctx, now=at)

    def change_status_op(self, code: str, target: DossierStatus, *, reason: str = "",
                         approval_id: str | None = None) -> Callable[[Session], OpResult[DossierStatus]]:
        at, ctx = self.now(), self.context
        return lambda s: change_status(s, code, target, ctx=ctx, now=at, reason=reason, approval_id=approval_id)

    def audit_alert(self) -> str:
        """The start-up check of the audit chain (entries since the last check): "" or the alert to show."""
        from counter_app.security import audit

        return audit.alert_vi(self.store.write(audit.check_at_start))

    def refresh_supervisor(self, supervisor: str, password: str) -> bool:
        """Before an approval: check the supervisor's password with the backend when one answers, so a
        supervisor who never signed in at this counter can approve (blocking: run off the GUI thread)."""
        from counter_app.security import online_signin

        return online_signin.refresh_credential(self.store, username=supervisor, password=password, now=self.now(),
                                                client=online_signin.default_client(self.store),
                                                policy=self.session.policy)

    def approve_op(self, action: Action, target: str, *, supervisor: str, password: str,
                   reason: str = "") -> Callable[[Session], approvals.Approval]:
        """A supervisor's four-eyes approval of what the signed-in officer is about to do."""
        at, requested_by = self.now(), self.context.officer
        return lambda s: approvals.approve(s, action=action, target=target, requested_by=requested_by,
                                           supervisor=supervisor.strip(), password=password, now=at, reason=reason)

    def collect_fee_op(self, code: str, *, amount_vnd: int, method: fees.PaymentMethod,
                       receipt_no: str) -> Callable[[Session], OpResult[int]]:
        at, ctx = self.now(), self.context
        return lambda s: fees.collect(s, code=code, amount_vnd=amount_vnd, method=method, receipt_no=receipt_no,
                                      ctx=ctx, now=at)

    def rating_op(self, code: str, level: int) -> Callable[[Session], OpResult[int]]:
        at, ctx = self.now(), self.context
        return lambda s: ratings.record_rating(s, code=code, level=level, ctx=ctx, now=at)

    def attach_return_authorisation_op(self, code: str, data: bytes, *, pages: int = 1, filename: str = ""):
        """Keep the receiver's scanned authorisation (văn bản ủy quyền) with the dossier (F3)."""
        from counter_app.services.return_authorisation import attach_authorisation

        at, by, root = self.now(), self.context.officer, self.profile.root
        return lambda s: attach_authorisation(s, data_root=root, dossier_code=code, data=data, pages=pages, by=by,
                                              now=at, original_filename=filename)

    # ---- identity --------------------------------------------------------------

    def _load_identity(self) -> CounterIdentity:
        with self.store.read() as s:
            identity = counter_identity(s, self.context)
        if self.profile.demo and not identity.demo:
            identity = replace(identity, demo=True)
        return identity
