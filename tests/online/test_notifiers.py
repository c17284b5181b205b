"""The outbox-folder notifier: complete folders only, safe file names, the envelope describes
every file by SHA-256; notices without attachments still work everywhere."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime

from counter_app.notifiers import ENVELOPE, OutboxFolderNotifier, read_outbox
from counter_app.services.results import LoggingNotifier, Notice, NoticeAttachment, mask_email, notify

AT = datetime(2026, 11, 27, 9, 15)


def test_attachments_land_with_safe_unique_names_and_their_hashes(tmp_path):
    files = (NoticeAttachment("../../etc/passwd.pdf", b"%PDF-1 a"), NoticeAttachment("phiếu.pdf", b"%PDF-1 b"),
             NoticeAttachment("phiếu.pdf", b"%PDF-1 c"), NoticeAttachment(ENVELOPE, b"{}", "application/json"))
    notice = Notice("000.00.01.H26-261127-0001", "0912345678", "an@example.vn", "Hồ sơ đã được tiếp nhận.",
                    attachments=files, subject_vi="Tiếp nhận")
    assert OutboxFolderNotifier(tmp_path / "out", now=lambda: AT).send(notice)
    [envelope] = read_outbox(tmp_path / "out")
    folder = tmp_path / "out" / envelope["path"].rsplit("/", 1)[-1]
    names = [a["file"] for a in envelope["attachments"]]
    assert len(set(names)) == 4 and ENVELOPE not in names and all("/" not in n and ".." not in n for n in names)
    for att, original in zip(envelope["attachments"], files):
        data = (folder / att["file"]).read_bytes()
        assert data == original.data and att["sha256"] == hashlib.sha256(data).hexdigest() == original.sha256
        assert att["name"] == original.name and att["size"] == len(data)
    assert json.loads((folder / ENVELOPE).read_text(encoding="utf-8"))["subject_vi"] == "Tiếp nhận"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [folder.name]  # no half-written folder left


def test_plain_notices_still_go_through_every_notifier(tmp_path, caplog):
    notice = Notice("000.00.01.H26-261127-0002", "0987000111", "", "Hồ sơ đã có kết quả.")
    with caplog.at_level(logging.INFO):
        assert notify(LoggingNotifier(), notice) and notify(OutboxFolderNotifier(tmp_path), notice)
    assert read_outbox(tmp_path)[0]["attachments"] == []
    assert "0987000111" not in caplog.text and "098****111" in caplog.text and "0 file(s)" in caplog.text
    assert mask_email("an.nguyen@example.vn") == "a***@example.vn" and mask_email("") == ""
