"""What the “Hồ sơ trực tuyến” screen asks of the core (no Qt): the city server's waiting list,
the files, recording the decision, then telling the city server and the citizen.

The order after a decision is fixed: the reception is committed locally first (the dossier
code exists even offline); then the city server is told which code took the submission
(retried at the next refresh if the link is down); then the citizen gets the form as PDF
through the notifier. A failed take or notice never undoes the reception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.errors import CounterError
from ..storage.db import Store
from . import channels
from .online import OnlineDossier, OnlineFile
from .online_review import download, waiting_list
from .reception import Outcome
from .results import Notifier, notify

log = logging.getLogger(__name__)

#: Folder of the profile where notices wait for the delivery gateway (envelope + PDF).
NOTICE_FOLDER = "notices"


def default_notifier(profile_root: Path) -> Notifier:
    """The outbox folder of the profile (``<profile>/notices``), delivered by the configured providers
    (:mod:`counter_app.notify_delivery`); kept there even with none configured, since the notice
    carries the decision's form (a gateway or the demo reads it)."""
    from ..notify_delivery import notifier_for_profile

    return notifier_for_profile(profile_root, fallback="outbox")


def _client(store: Store):
    from ..sync.engine import client_for

    return client_for(store)


def retry_takes(store: Store, client, *, now: datetime) -> int:
    """Bind submissions recorded here while offline to their codes on the city server."""
    with store.read() as s:
        pending = channels.untaken_online(s)
    from ..sync.errors import ServerRefused

    done = 0
    for online_id, code in pending:
        try:
            client.take_online(online_id, code)
        except ServerRefused as exc:  # e.g. taken meanwhile by another counter: never blocks the list
            log.warning("take of an online dossier refused for %s: %s", code, exc.code)
            continue
        store.write(lambda s, c=code: channels.mark_online_taken(s, c, now=now))
        done += 1
    return done


def fetch_waiting(store: Store, *, now: datetime) -> list[OnlineDossier]:
    """The agency's online dossiers waiting for reception (raises the sync errors when offline).

    Submissions already recorded here (awaiting their take) are left out of the list."""
    with _client(store) as client:
        retry_takes(store, client, now=now)
        listed = waiting_list(client)
    with store.read() as s:
        recorded = {online_id for online_id, _ in channels.untaken_online(s)}
    return [d for d in listed if d.id not in recorded]


def fetch_file(store: Store, file: OnlineFile) -> bytes:
    """One attached file, checked against its SHA-256."""
    with _client(store) as client:
        return download(client, file)


@dataclass(frozen=True)
class AfterReception:
    code: str
    taken: bool  # the city server bound the submission to the code
    notified: bool  # the notice (with the form as PDF) went to the notifier
    message_vi: str = ""  # what went wrong, for the officer (the reception itself is safe)


def after_reception(store: Store, online: OnlineDossier, code: str, outcome: Outcome, *, notifier: Notifier,
                    now: Callable[[], datetime]) -> AfterReception:
    """Take the submission on the city server, then send the decision's form to the citizen."""
    from ..notifiers_forms import form_notice

    taken, problems = False, []
    try:
        with _client(store) as client:
            client.take_online(online.id, code)
        store.write(lambda s: channels.mark_online_taken(s, code, now=now()))
        taken = True
    except CounterError as exc:
        log.warning("take of an online dossier deferred for %s: %s", code, exc.code)
        problems.append("Chưa báo được hệ thống của thành phố (sẽ báo lại khi làm mới danh sách): "
                        + exc.message_vi)
    with store.read() as s:
        notice = form_notice(s, code, outcome, now=now())
    notified = notify(notifier, notice)
    if not notified:
        problems.append("Chưa gửi được thông báo cho công dân; kiểm tra cấu hình gửi thông báo.")
    return AfterReception(code, taken, notified, " ".join(problems))
