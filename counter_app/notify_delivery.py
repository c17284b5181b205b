"""Delivery of the outbox (gửi thông báo đang chờ): the folders the counter left for the citizen.

Every notice is first written durably into the profile's outbox (``<profile>/notices``, one
folder per notice, :class:`~counter_app.notifiers.OutboxFolderNotifier`). :func:`deliver_outbox`
then sends each waiting folder through the configured providers (:mod:`counter_app.notify_providers`):

* e-mail when the notice has an address, SMS and Zalo when it has a phone number;
* the folder moves to ``sent/`` once at least one provider accepted it;
* otherwise it stays, with ``attempts.json`` (count, last error in Vietnamese) for the next run,
  and moves to ``failed/`` after ``notify.max_attempts`` tries (at once if retrying cannot help);
* each provider that accepts is written to ``delivered.json`` *before* the move, so a crash
  between sending and moving resends nothing: the next run sees it and only moves the folder.

It runs after each sync round off the GUI thread (:class:`DeliveryAfterSync`) and with
``counter-app notices deliver``. :func:`notifier_from_config` is what the screens send through.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import clock
from .config import Config, NotifyConfig
from .notifiers import ENVELOPE, read_notice_file
from .services.results import LoggingNotifier, Notice, NoticeAttachment, Notifier

log = logging.getLogger(__name__)

SENT, FAILED = "sent", "failed"
ATTEMPTS, DELIVERED = "attempts.json", "delivered.json"
_LOCK_FILE, _STALE_LOCK_SECONDS = ".delivery.lock", 900
_lock = threading.Lock()  # the sync worker and a CLI run in one process never deliver twice at once


def outbox_folder(profile_root: Path | str) -> Path:
    from .services.online_desk import NOTICE_FOLDER

    return Path(profile_root) / NOTICE_FOLDER


def delivery_enabled(cfg: NotifyConfig) -> bool:
    """Whether the app itself delivers (a provider besides "outbox" is configured)."""
    return any(n != "outbox" for n in cfg.provider_list())


def notifier_from_config(config: Config, profile_root: Path | str, *, fallback: str = "log") -> Notifier:
    """What the screens send notices through (thông báo cho công dân).

    The outbox folder whenever a provider is configured (or ``notify.providers = "outbox"``: an
    outside gateway collects it); otherwise ``fallback``: the :class:`LoggingNotifier` by default,
    ``"outbox"`` where the notice carries a form that must be kept (the online desk)."""
    from .notifiers import OutboxFolderNotifier

    providers = config.notify.provider_list()
    if providers or fallback == "outbox":  # only an outside gateway reads it: left unsealed for it
        return OutboxFolderNotifier(outbox_folder(profile_root), seal=providers != ("outbox",))
    return LoggingNotifier()


def notifier_for_profile(profile_root: Path | str, *, fallback: str = "log") -> Notifier:
    """:func:`notifier_from_config` with the configuration file (defaults if it is unusable)."""
    from . import config
    from .domain.errors import ConfigurationError

    try:
        cfg = config.load()
    except ConfigurationError as exc:  # diagnostics report the broken file; notices still go somewhere
        log.warning("configuration unusable for notices: %s", exc.message_en)
        cfg = config.Config()
    return notifier_from_config(cfg, profile_root, fallback=fallback)


def _read_json(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def _write_json(path: Path, data) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def waiting_items(folder: Path) -> list[Path]:
    """Folders waiting in the outbox, oldest first (not ``sent/``, ``failed/`` nor a half-written one)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and p.name not in (SENT, FAILED) and (p / ENVELOPE).is_file())


def load_notice(item: Path) -> Notice:
    """The :class:`Notice` an outbox folder holds (envelope + files)."""
    env = json.loads(read_notice_file(item / ENVELOPE).decode("utf-8"))
    files = tuple(NoticeAttachment(a["name"], read_notice_file(item / a["file"]), a.get("content_type", ""))
                  for a in env.get("attachments", []))
    to = env.get("to", {})
    return Notice(env["dossier_code"], to.get("phone", ""), to.get("email", ""), env.get("text_vi", ""),
                  files, env.get("subject_vi", ""))


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)  # folder names
    waiting: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    busy: bool = False  # another delivery was running: nothing done

    def line_vi(self) -> str:
        if self.busy:
            return "Đang có lượt gửi thông báo khác; thử lại sau."
        return (f"Đã gửi {len(self.sent)} thông báo; {len(self.waiting)} thông báo chờ gửi lại; "
                f"{len(self.failed)} thông báo không gửi được (chuyển vào thư mục {FAILED}/).")


def _applies(provider, notice: Notice) -> bool:
    return "@" in notice.email if provider.name == "email" else bool(notice.phone.strip())


def deliver_item(item: Path, providers: list, *, max_attempts: int, now: Callable[[], datetime] = clock.now) -> str:
    """Send one outbox folder; returns where it ended: ``sent``, ``waiting`` or ``failed``."""
    from .notify_providers import DeliveryError

    done = _read_json(item / DELIVERED, {})
    state = _read_json(item / ATTEMPTS, {"attempts": 0})
    notice = load_notice(item)
    errors, permanent = [], []
    for provider in (p for p in providers if p.name not in done and _applies(p, notice)):
        try:
            provider.deliver(notice)
        except DeliveryError as exc:
            log.warning("%s notice for %s not sent: %s", provider.name, notice.dossier_code, exc)
            errors.append(f"{provider.name}: {exc.message_vi}")
            permanent.append(exc.permanent)
            continue
        done = {**done, provider.name: now().isoformat()}
        _write_json(item / DELIVERED, done)  # before anything else: a crash after this resends nothing
    if done:
        _write_json(item / ATTEMPTS, {**state, "sent_at": now().isoformat(), "providers": sorted(done)})
        return _move(item, SENT)
    if not errors:
        errors = ["Hồ sơ không có số điện thoại hoặc địa chỉ thư điện tử phù hợp với cách gửi đã cấu hình."]
        permanent = [True]
    state = {"attempts": int(state.get("attempts", 0)) + 1, "last_attempt_at": now().isoformat(),
             "last_error_vi": " ".join(errors)}
    _write_json(item / ATTEMPTS, state)
    if all(permanent) or state["attempts"] >= max_attempts:
        return _move(item, FAILED)
    return "waiting"


def _move(item: Path, where: str) -> str:
    target = item.parent / where
    target.mkdir(exist_ok=True)
    os.replace(item, target / item.name)
    log.info("outbox item %s moved to %s/", item.name, where)
    return where


def _take_file_lock(folder: Path) -> bool:
    lock = folder / _LOCK_FILE
    try:
        if lock.exists() and time.time() - lock.stat().st_mtime > _STALE_LOCK_SECONDS:
            lock.unlink(missing_ok=True)  # a run that crashed long ago
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except FileExistsError:
        return False


def deliver_outbox(profile_root: Path | str, cfg: NotifyConfig, *, secrets=None,
                   now: Callable[[], datetime] = clock.now) -> DeliveryReport:
    """Gửi các thông báo đang chờ: every waiting folder of the profile's outbox, once each."""
    from .notify_providers import providers_for

    report = DeliveryReport()
    folder = outbox_folder(profile_root)
    providers = providers_for(cfg, secrets if secrets is not None else _secrets(profile_root))
    if not providers or not waiting_items(folder):
        return report
    if not _lock.acquire(blocking=False):
        report.busy = True
        return report
    try:
        if not _take_file_lock(folder):  # another process (the GUI and a CLI run) is delivering
            report.busy = True
            return report
        try:
            for item in waiting_items(folder):
                getattr(report, deliver_item(item, providers, max_attempts=cfg.max_attempts, now=now)).append(
                    item.name)
        finally:
            (folder / _LOCK_FILE).unlink(missing_ok=True)
    finally:
        _lock.release()
    if report.sent or report.failed or report.waiting:
        log.info("outbox delivery: %d sent, %d waiting, %d failed", len(report.sent), len(report.waiting),
                 len(report.failed))
    return report


def _secrets(profile_root: Path | str):
    from .security.keystore import profile_secrets

    return profile_secrets(profile_root)


class DeliveryAfterSync:
    """A sync round listener (runs on the worker thread): delivers the outbox when the
    configuration names providers. Reads the configuration each time, so a change applies at
    the next round; a failure is logged and never stops syncing."""

    def __init__(self, profile_root: Path | str, *, load_config: Callable[[], Config] | None = None,
                 secrets=None) -> None:
        self.profile_root = Path(profile_root)
        self.load_config = load_config
        self.secrets = secrets

    def __call__(self, summary=None) -> DeliveryReport | None:
        try:
            from . import config

            cfg = (self.load_config or config.load)().notify
            if not delivery_enabled(cfg):
                return None
            return deliver_outbox(self.profile_root, cfg, secrets=self.secrets)
        except Exception as exc:  # noqa: BLE001 — a broken provider or config never stops the sync worker
            log.warning("outbox delivery after sync failed: %s", getattr(exc, "message_en", type(exc).__name__))
            return None


def _read_envelope(item: Path) -> dict:
    from .domain.errors import CounterError

    try:
        return json.loads(read_notice_file(item / ENVELOPE).decode("utf-8"))
    except (OSError, ValueError, CounterError):  # unreadable: listed without its details
        return {}


def list_outbox(profile_root: Path | str) -> list[dict]:
    """Every outbox folder with its state (``waiting``/``sent``/``failed``), for ``notices list``."""
    folder = outbox_folder(profile_root)
    rows = []
    for where, base in (("waiting", folder), (SENT, folder / SENT), (FAILED, folder / FAILED)):
        for item in waiting_items(base):
            env = _read_envelope(item)
            rows.append({"state": where, "item": item.name, "dossier_code": env.get("dossier_code", ""),
                         "to": env.get("to", {}), **_read_json(item / ATTEMPTS, {}),
                         "delivered": _read_json(item / DELIVERED, {})})
    return rows
