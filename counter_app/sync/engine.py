"""One sync round (một lượt đồng bộ): uploads → push → visits → pull → number leases → audit log.

Order matters: attachments first (an event is synced only after its files), then the
outbox (so the server has our changes before we read its feed), then the feed, then
leases for the coming days, and last the audit log (a chain the server refuses must not
hold back the dossiers; it is still the round's error). Results pulled from the departments
are announced to the citizens once the pull has committed (:func:`send_result_notices`). The
state (last success, offline since, last error) is updated whatever happens, so the UI always
shows the truth.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ..clock import now as clock_now
from ..domain.errors import CounterError
from ..storage.db import Store
from ..storage.models import SettingRow
from . import state
from .attachments import AttachmentSource, UploadSummary, upload_pending
from .audit_push import AuditPushSummary, push_audit
from .client import SyncClient
from .errors import ServerUnreachable, not_configured
from .leases import RefillSummary, refill
from .pull import PullSummary, pull_changes
from .push import PushSummary, push_outbox
from .queue_client import push_visits


@dataclass(frozen=True)
class SyncOptions:
    batch_size: int = 200
    lease_days_ahead: int = 2
    lease_target: int = 100  # numbers ready per day, ahead of need
    lease_block: int = 50
    chunk: int = 256 * 1024
    timeout: float = 15.0


@dataclass
class RoundSummary:
    ok: bool = False
    offline: bool = False  # the server could not be reached (the worker backs off)
    uploads: UploadSummary = field(default_factory=UploadSummary)
    push: PushSummary = field(default_factory=PushSummary)
    pull: PullSummary = field(default_factory=PullSummary)
    leases: RefillSummary = field(default_factory=RefillSummary)
    visits: dict[str, int] = field(default_factory=dict)  # queue visits reconciled (applied/duplicate/rejected)
    audit: AuditPushSummary = field(default_factory=AuditPushSummary)  # audit entries the server verified
    notices_sent: int = 0  # result notices accepted by the notifier (the outbox folder, or the log)
    error_vi: str = ""

    def lines(self) -> list[str]:
        p = self.push
        out = [f"Tệp đính kèm: {self.uploads.completed} tải xong, {self.uploads.failed} lỗi",
               f"Gửi sự kiện: {p.applied} ghi nhận, {p.duplicate} đã có, {p.rejected} bị từ chối, {p.pending} chờ",
               f"Nhận thay đổi: {self.pull.changes} (trạng thái {self.pull.statuses}, ngày nghỉ {self.pull.holidays}, "
               f"thủ tục {self.pull.procedures}, kết quả {self.pull.results}); con trỏ {self.pull.cursor}",
               f"Số hồ sơ cấp trước: {self.leases.numbers} số mới"]
        if self.visits:
            out.append(f"Lượt xếp hàng: {self.visits.get('applied', 0)} ghi nhận, "
                       f"{self.visits.get('rejected', 0)} bị từ chối")
        out += [f"  Bị từ chối — {code}: {why}" for code, why in p.rejections[:20]]
        out.append(self.audit.line())
        if self.error_vi:
            out.append(f"Lỗi: {self.error_vi}")
        return out


def client_for(store: Store, *, server_url: str | None = None, options: SyncOptions = SyncOptions()) -> SyncClient:
    with store.read() as s:
        url = server_url or state.get(s, state.SERVER_URL)
        token = state.get(s, state.TOKEN)
        ca = state.get(s, state.CA_FILE)
    if not url or not token:
        raise not_configured()
    return SyncClient(url, token, timeout=options.timeout, verify=ca or True)


def _identity(store: Store) -> tuple[str, str]:
    with store.read() as s:
        agency = s.get(SettingRow, "agency_code")
        counter = s.get(SettingRow, "counter_code")
        return (agency.value if agency else ""), (counter.value if counter else "")


def remember_registration(store: Store, me: dict) -> None:
    def put(s) -> None:
        fb = me.get("fallback") or {}
        state.put(s, state.SLOT, me.get("slot"))
        state.put(s, state.LEASE_CEILING, me.get("lease_ceiling"))
        state.put(s, state.FALLBACK_FIRST, fb.get("first"))
        state.put(s, state.FALLBACK_LAST, fb.get("last"))
    store.write(put)


def send_result_notices(store: Store, pull: PullSummary, notifier=None) -> int:
    """Tell the citizens whose results came back in this pull (after its commit): through ``notifier``,
    else the profile's configured one (``notify_delivery.notifier_for_profile``: the outbox folder when
    a provider is configured, else the log). A failing provider never fails the round."""
    if not pull.notices:
        return 0
    from ..services.results import LoggingNotifier, notify

    if notifier is None:
        from ..notify_delivery import notifier_for_profile

        notifier = notifier_for_profile(store.path.parent) if store.path is not None else LoggingNotifier()
    return sum(notify(notifier, notice) for notice in pull.notices)


def sync_once(store: Store, client: SyncClient, *, options: SyncOptions = SyncOptions(),
              now: Callable[[], datetime] = clock_now, attachments: AttachmentSource | None = None,
              notifier=None) -> RoundSummary:
    """Run one round. Never raises a CounterError: the summary says what happened (``ok``, ``offline``,
    ``error_vi``); what was done before a failure stays done. ``notifier``: where result notices go
    (default: the profile's configured notifier)."""
    summary = RoundSummary()
    agency, counter = _identity(store)
    try:
        remember_registration(store, client.me())
        summary.uploads = upload_pending(store, client, now=now, source=attachments, chunk=options.chunk)
        summary.push = push_outbox(store, client, now=now, batch_size=options.batch_size)
        summary.visits = push_visits(store, client, now=now)
        summary.pull = pull_changes(store, client, now=now, own_counter=counter)
        summary.notices_sent = send_result_notices(store, summary.pull, notifier)
        summary.leases = refill(store, client, agency_code=agency, counter_code=counter, today=now().date(),
                                now=now(), days_ahead=options.lease_days_ahead, target=options.lease_target,
                                block=options.lease_block)
        push_audit(store, client, agency=agency, counter=counter, batch_size=options.batch_size,
                   summary=summary.audit)  # fills summary.audit, even when the server refuses the chain
    except CounterError as exc:
        summary.error_vi = message = exc.message_vi
        offline = isinstance(exc, ServerUnreachable)
        at = now()

        def failed(s) -> None:
            state.put(s, state.LAST_ERROR, message)
            if offline and state.get(s, state.OFFLINE_SINCE) is None:
                state.put(s, state.OFFLINE_SINCE, at)
        store.write(failed)
        summary.offline = offline
        return summary
    summary.ok = True
    at = now()

    def succeeded(s) -> None:
        state.put(s, state.LAST_SUCCESS, at)
        state.put(s, state.OFFLINE_SINCE, None)
        state.put(s, state.LAST_ERROR, None)
    store.write(succeeded)
    return summary
