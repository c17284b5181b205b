"""Delivery of the outbox: retries, failed/, the crash between send and move, logs, config, CLI, wiring."""

from __future__ import annotations

import json
import logging
from datetime import datetime

import pytest

from counter_app import config, notify_delivery
from counter_app.cli import main
from counter_app.config import Config, NotifyConfig
from counter_app.domain.errors import ConfigurationError
from counter_app.notifiers import OutboxFolderNotifier
from counter_app.notify_delivery import (ATTEMPTS, DELIVERED, FAILED, SENT, DeliveryAfterSync, deliver_outbox,
                                         list_outbox, notifier_from_config, outbox_folder, waiting_items)
from counter_app.notify_providers import SMS_API_KEY
from counter_app.services.results import LoggingNotifier

from test_notify_providers import PDF, TEXT, notice

AT = datetime(2026, 11, 27, 9, 15)


def drop(root, n=None) -> str:
    OutboxFolderNotifier(outbox_folder(root), now=lambda: AT).send(n or notice())
    return waiting_items(outbox_folder(root))[-1].name


def state(root, item, where="") -> dict:
    base = outbox_folder(root) / where if where else outbox_folder(root)
    return json.loads((base / item / ATTEMPTS).read_text(encoding="utf-8"))


def test_http_500_is_retried_later_then_sent(tmp_path, gateway, secrets):
    cfg = NotifyConfig(providers="sms", sms_url=gateway.url)
    gateway.answers = [(500, {}), (200, {})]
    item = drop(tmp_path)
    first = deliver_outbox(tmp_path, cfg, secrets=secrets)
    assert first.waiting == [item] and state(tmp_path, item)["attempts"] == 1
    assert "Cổng SMS trả lỗi 500" in state(tmp_path, item)["last_error_vi"]
    second = deliver_outbox(tmp_path, cfg, secrets=secrets)
    assert second.sent == [item] and len(gateway.requests) == 2
    assert (outbox_folder(tmp_path) / SENT / item / "envelope.json").is_file()
    assert state(tmp_path, item, SENT)["providers"] == ["sms"]


def test_connection_refused_keeps_the_notice_until_max_attempts_then_failed(tmp_path, secrets):
    import socket

    with socket.socket() as closed:  # a port nobody listens on: connection refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    cfg = NotifyConfig(providers="sms", sms_url=f"http://127.0.0.1:{port}/sms", max_attempts=3,
                       timeout_seconds=2)
    item = drop(tmp_path)
    for attempt in (1, 2):
        report = deliver_outbox(tmp_path, cfg, secrets=secrets)
        assert report.waiting == [item]
        got = state(tmp_path, item)
        assert got["attempts"] == attempt and "Không kết nối được cổng SMS" in got["last_error_vi"]
    report = deliver_outbox(tmp_path, cfg, secrets=secrets)
    assert report.failed == [item] and not waiting_items(outbox_folder(tmp_path))
    assert state(tmp_path, item, FAILED)["attempts"] == 3
    assert "1 thông báo không gửi được" in report.line_vi()


def test_no_usable_recipient_fails_at_once(tmp_path, gateway, secrets):
    cfg = NotifyConfig(providers="sms", sms_url=gateway.url)
    bad_phone = drop(tmp_path, notice(phone="12345", email=""))
    report = deliver_outbox(tmp_path, cfg, secrets=secrets)
    assert report.failed == [bad_phone] and not gateway.requests
    assert "không hợp lệ" in state(tmp_path, bad_phone, FAILED)["last_error_vi"]
    only_mail = drop(tmp_path, notice(phone="", email="a@b.vn"))  # SMS configured, the citizen gave an e-mail
    assert deliver_outbox(tmp_path, cfg, secrets=secrets).failed == [only_mail]


def test_a_crash_between_send_and_move_does_not_resend(tmp_path, gateway, smtp_server, secrets, monkeypatch):
    cfg = NotifyConfig(providers="email,sms", smtp_host="127.0.0.1", smtp_port=smtp_server.port,
                       smtp_security="none", smtp_sender="motcua@hoankiem.hanoi.gov.vn", sms_url=gateway.url)
    item = drop(tmp_path)
    real_move = notify_delivery._move

    def crash(*args):
        raise KeyboardInterrupt("power cut")  # both providers accepted; the folder never moved

    monkeypatch.setattr(notify_delivery, "_move", crash)
    with pytest.raises(KeyboardInterrupt):
        deliver_outbox(tmp_path, cfg, secrets=secrets)
    delivered = json.loads((outbox_folder(tmp_path) / item / DELIVERED).read_text(encoding="utf-8"))
    assert sorted(delivered) == ["email", "sms"]
    monkeypatch.setattr(notify_delivery, "_move", real_move)
    assert deliver_outbox(tmp_path, cfg, secrets=secrets).sent == [item]  # the lock of the crashed run is gone
    assert len(gateway.requests) == 1 and len(smtp_server.messages) == 1


def test_a_retry_skips_the_provider_that_already_accepted(tmp_path, gateway, smtp_server, secrets, monkeypatch):
    cfg = NotifyConfig(providers="email,zalo", smtp_host="127.0.0.1", smtp_port=smtp_server.port,
                       smtp_security="none", smtp_sender="motcua@hoankiem.hanoi.gov.vn", zalo_url=gateway.url,
                       zalo_template_id="1")
    item = drop(tmp_path)
    (outbox_folder(tmp_path) / item / DELIVERED).write_text('{"email": "2026-11-27T09:16:00"}', encoding="utf-8")
    assert deliver_outbox(tmp_path, cfg, secrets=secrets).sent == [item]
    assert not smtp_server.messages and len(gateway.requests) == 1  # only Zalo, never e-mail twice


def test_logs_never_hold_the_phone_the_address_nor_the_text(tmp_path, gateway, smtp_server, secrets, caplog):
    cfg = NotifyConfig(providers="email,sms,zalo", smtp_host="127.0.0.1", smtp_port=smtp_server.port,
                       smtp_security="none", smtp_username="motcua", smtp_sender="motcua@hoankiem.hanoi.gov.vn",
                       sms_url=gateway.url, zalo_url=gateway.url, zalo_template_id="1", max_attempts=1)
    gateway.answers = [(200, {"error": 0}), (500, {"error": 1}), (200, {"error": -1})]
    with caplog.at_level(logging.DEBUG):
        for n in (notice(), notice(phone="0987654321", email="lan.tran@example.vn"), notice(phone="0211234567")):
            drop(tmp_path, n)
        deliver_outbox(tmp_path, cfg, secrets=secrets)
        deliver_outbox(tmp_path, cfg, secrets=secrets)
    secret_bits = ["0912345678", "84912345678", "912345678", "0987654321", "84987654321", "0211234567",
                   "hang.nguyen", "lan.tran", "Nguyễn Thị Hằng", TEXT[:30], "sms-key-123", "zalo-token-456",
                   "mat-khau-smtp"]
    records = [r for r in caplog.records if not r.name.startswith("mail.log")]  # the test SMTP server's own log
    assert records
    for record in records:
        line = record.getMessage() + " " + str(record.exc_text or "")
        assert not [bit for bit in secret_bits if bit in line], (record.name, line)
    assert any("091****678" in r.getMessage() for r in records)


def test_notifier_from_config_and_the_wiring(tmp_path, monkeypatch):
    assert isinstance(notifier_from_config(Config(), tmp_path), LoggingNotifier)
    outbox = notifier_from_config(Config(notify=NotifyConfig(providers="outbox")), tmp_path)
    assert isinstance(outbox, OutboxFolderNotifier) and outbox.folder == outbox_folder(tmp_path)
    monkeypatch.setenv("QMC_CONFIG", str(tmp_path / "none.toml"))
    from counter_app.services.online_desk import default_notifier

    assert isinstance(default_notifier(tmp_path), OutboxFolderNotifier)  # the online desk keeps its forms
    assert isinstance(notify_delivery.notifier_for_profile(tmp_path), LoggingNotifier)


def test_the_sync_worker_delivers_after_each_round(tmp_path, gateway, secrets):
    from counter_app.sync.background import make_worker

    drop(tmp_path)
    idle = DeliveryAfterSync(tmp_path, load_config=Config, secrets=secrets)
    assert idle(None) is None and waiting_items(outbox_folder(tmp_path))
    cfg = Config(notify=NotifyConfig(providers="sms", sms_url=gateway.url))
    assert len(DeliveryAfterSync(tmp_path, load_config=lambda: cfg, secrets=secrets)(None).sent) == 1
    broken = DeliveryAfterSync(tmp_path, load_config=lambda: (_ for _ in ()).throw(RuntimeError("x")))
    assert broken(None) is None  # never stops the worker
    import inspect

    assert "DeliveryAfterSync(profile_root)" in inspect.getsource(make_worker)


@pytest.mark.parametrize(("toml", "words"), [
    ('[notify]\nproviders = "email,fax"\n', "không biết “fax”"),
    ('[notify]\nproviders = "email"\n', "thiếu “notify.smtp_host”"),
    ('[notify]\nproviders = "zalo"\n', "thiếu “notify.zalo_template_id”"),
    ('[notify]\nsmtp_security = "tls"\n', "starttls, ssl hoặc none"),
    ('[notify]\nmax_attempts = 0\n', "lớn hơn 0"),
    ('[notify]\nsms_port = 1\n', "khóa không biết “notify.sms_port”"),
])
def test_config_refuses_bad_notify_settings_in_vietnamese(tmp_path, toml, words):
    path = tmp_path / "config.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigurationError) as bad:
        config.load(path)
    assert words in bad.value.message_vi and "config.toml" in bad.value.message_vi


def test_config_round_trip_with_providers(tmp_path):
    cfg = Config(notify=NotifyConfig(providers="sms, zalo,sms", sms_url="https://sms.example.vn/send",
                                     zalo_template_id="248079"))
    assert cfg.notify.provider_list() == ("sms", "zalo")
    assert config.load(config.save(cfg, tmp_path / "c.toml")) == cfg


def test_cli_secret_deliver_and_list(tmp_path, gateway, os_keyring, monkeypatch, capsys, cli_officer):
    data = tmp_path / "profile"
    conf = tmp_path / "config.toml"
    conf.write_text(f'[notify]\nproviders = "sms"\nsms_url = "{gateway.url}"\n', encoding="utf-8")
    monkeypatch.setenv("QMC_CONFIG", str(conf))
    signed = cli_officer("quantri", then="sms-key-from-stdin\n")  # the password's line, then the secret's
    assert main(["--data-dir", str(data), "notices", "secret", SMS_API_KEY, *signed]) == 0
    out = capsys.readouterr().out
    assert "sms-key-from-stdin" not in out and SMS_API_KEY in out
    assert main(["--data-dir", str(data), "notices", "secret", "notify-fax", *cli_officer("quantri")]) == 2
    item = drop(data)
    assert main(["--data-dir", str(data), "notices", "list", *cli_officer("canbo01")]) == 0
    listed = capsys.readouterr().out
    assert "chờ gửi" in listed and "091****678" in listed and "0912345678" not in listed
    assert main(["--data-dir", str(data), "notices", "deliver"]) == 0
    assert "Đã gửi 1 thông báo" in capsys.readouterr().out
    assert gateway.requests[0]["headers"]["authorization"] == "Bearer sms-key-from-stdin"
    assert [r["state"] for r in list_outbox(data)] == ["sent"] and list_outbox(data)[0]["item"] == item
    conf.write_text("", encoding="utf-8")
    assert main(["--data-dir", str(data), "notices", "deliver"]) == 2  # nothing configured: said in Vietnamese
    assert "notify.providers" in capsys.readouterr().err


def test_the_pdf_survives_the_outbox(tmp_path):
    item = drop(tmp_path)
    loaded = notify_delivery.load_notice(outbox_folder(tmp_path) / item)
    assert loaded.attachments[0].data == PDF and loaded.text_vi == TEXT


def test_in_an_encrypted_profile_the_outbox_is_sealed_and_still_delivered_intact(tmp_path, smtp_server, secrets):
    """The notice's envelope (phone, e-mail, text) and its PDF are sealed at rest with the profile's
    attachment key; delivery reads them back as written. An outside-gateway outbox stays readable."""
    import email
    import hashlib
    import os

    from counter_app.services import attachment_store

    attachment_store.use_key(tmp_path, os.urandom(32))
    try:
        cfg = NotifyConfig(providers="email", smtp_host="127.0.0.1", smtp_port=smtp_server.port, smtp_security="none",
                           smtp_username="motcua", smtp_sender="motcua@hoankiem.hanoi.gov.vn")
        notifier_from_config(Config(notify=cfg), tmp_path).send(notice())
        [item] = waiting_items(outbox_folder(tmp_path))
        for f in item.iterdir():
            raw = f.read_bytes()
            assert attachment_store.is_sealed(f), f.name
            assert b"0912345678" not in raw and b"%PDF" not in raw and "Nguyễn".encode() not in raw
        assert list_outbox(tmp_path)[0]["dossier_code"] == "000.00.01.H26-261127-0001"
        report = deliver_outbox(tmp_path, cfg, secrets=secrets)
        assert report.sent == [item.name]
        message = email.message_from_bytes(smtp_server.messages[0])
        [part] = [p for p in message.walk() if p.get_content_type() == "application/pdf"]
        assert hashlib.sha256(part.get_payload(decode=True)).digest() == hashlib.sha256(PDF).digest()

        outside = Config(notify=NotifyConfig(providers="outbox"))  # an outside gateway reads the folder
        notifier_from_config(outside, tmp_path).send(notice())
        [plain] = waiting_items(outbox_folder(tmp_path))
        assert not attachment_store.is_sealed(plain / "envelope.json")
    finally:
        attachment_store.use_key(tmp_path, None)
