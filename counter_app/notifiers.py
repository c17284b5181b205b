"""Notifiers that deliver :class:`~counter_app.services.results.Notice` objects.

:class:`OutboxFolderNotifier` writes each notice as a folder — ``envelope.json`` plus the
attached files — into an outbox folder that a mail/SMS/Zalo gateway (or a demo, or a test)
picks up. The folder appears complete or not at all (written aside, then renamed). The
envelope holds the recipient because it *is* the message to deliver: the outbox folder is
data of the counter, like the store, never a log. In an encrypted profile its files are sealed
like the digitised files (:mod:`counter_app.services.attachment_store`, the profile's attachment
key), unless ``seal=False``: an outside gateway must read them (``notify.providers = "outbox"``).
Read them back with :func:`read_notice_file`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from datetime import datetime
from pathlib import Path

from .services import attachment_store
from .services.results import Notice

log = logging.getLogger(__name__)

ENVELOPE = "envelope.json"
_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


def _safe_name(name: str, fallback: str) -> str:
    cleaned = _SAFE.sub("-", name).strip(".-")
    return cleaned[:120] or fallback


class OutboxFolderNotifier:
    """Drops each notice into ``folder/<time>-<code>-<id>/`` (envelope.json + files)."""

    name = "outbox"

    def __init__(self, folder: Path | str, *, now=datetime.now, seal: bool = True) -> None:
        self.folder = Path(folder)
        self.now = now
        self.seal = seal

    def _write(self, path: Path, data: bytes) -> None:
        if self.seal:
            attachment_store.write_atomic(path, data)  # sealed when the profile has a key
        else:
            path.write_bytes(data)

    def send(self, notice: Notice) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        at = self.now()
        item = f"{at:%Y%m%dT%H%M%S}-{_safe_name(notice.dossier_code, 'hs')}-{uuid.uuid4().hex[:8]}"
        tmp = self.folder / f".{item}.part"
        tmp.mkdir()
        files, used = [], set()
        for i, att in enumerate(notice.attachments, 1):
            name = _safe_name(att.name, f"tep-{i}")
            if name in used or name == ENVELOPE:
                name = f"{i}-{name}"
            used.add(name)
            self._write(tmp / name, att.data)
            files.append({"name": att.name, "file": name, "content_type": att.content_type, "size": len(att.data),
                          "sha256": att.sha256})
        envelope = {"version": 1, "dossier_code": notice.dossier_code, "created_at": at.isoformat(),
                    "to": {"phone": notice.phone, "email": notice.email}, "subject_vi": notice.subject_vi,
                    "text_vi": notice.text_vi, "attachments": files}
        self._write(tmp / ENVELOPE, json.dumps(envelope, ensure_ascii=False, indent=2).encode("utf-8"))
        os.replace(tmp, self.folder / item)
        log.info("notice for %s left in the outbox with %d file(s)", notice.dossier_code, len(files))
        return True


def read_outbox(folder: Path | str) -> list[dict]:
    """The envelopes in an outbox folder, oldest first, each with ``path`` (tests, the demo)."""
    out = []
    for item in sorted(p for p in Path(folder).iterdir()
                       if p.is_dir() and not p.name.startswith(".") and (p / ENVELOPE).is_file()):  # not sent/, failed/
        envelope = json.loads(read_notice_file(item / ENVELOPE).decode("utf-8"))
        envelope["path"] = str(item)
        out.append(envelope)
    return out


def read_notice_file(path: Path | str) -> bytes:
    """A file of an outbox folder as it was written (unsealed in an encrypted profile)."""
    return attachment_store.read_plain(path)
