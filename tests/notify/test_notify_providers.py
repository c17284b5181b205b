"""The providers against real sockets: e-mail to an SMTP server, SMS and Zalo ZNS to an HTTP server."""

from __future__ import annotations

import hashlib
from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from counter_app.config import NotifyConfig
from counter_app.notify_delivery import ATTEMPTS, FAILED, SENT, deliver_outbox, outbox_folder
from counter_app.notify_providers import (DeliveryError, SmsHttpNotifier, SmtpNotifier, ZaloZnsNotifier,
                                          normalise_phone)
from counter_app.notifiers import OutboxFolderNotifier
from counter_app.services.results import Notice, NoticeAttachment

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
SUBJECT = "Giấy tiếp nhận hồ sơ 000.00.01.H26-261127-0001 — Phường Hoàn Kiếm"
TEXT = "Kính gửi Ông/Bà Nguyễn Thị Hằng: hồ sơ 000.00.01.H26-261127-0001 đã được tiếp nhận."


def notice(phone="0912345678", email="hang.nguyen@example.vn", **kw) -> Notice:
    return Notice("000.00.01.H26-261127-0001", phone, email, TEXT,
                  (NoticeAttachment("giay-tiep-nhan-0001.pdf", PDF),), SUBJECT, **kw)


@pytest.mark.parametrize(("raw", "expected"), [
    ("0912345678", "84912345678"), ("+84912345678", "84912345678"), ("84 912 345 678", "84912345678"),
    ("091.234.5678", "84912345678"), ("0312345678", "84312345678"), ("012345678", None), ("0212345678", None),
    ("", None), ("+1 415 555 0100", None), ("09123456789", None), ("abc", None)])
def test_vietnamese_mobile_numbers_are_normalised(raw, expected):
    assert normalise_phone(raw) == expected


def test_email_reaches_a_real_smtp_server_with_the_pdf_intact(tmp_path, smtp_server, secrets):
    cfg = NotifyConfig(providers="email", smtp_host="127.0.0.1", smtp_port=smtp_server.port, smtp_security="none",
                       smtp_username="motcua", smtp_sender="motcua@hoankiem.hanoi.gov.vn")
    OutboxFolderNotifier(outbox_folder(tmp_path)).send(notice())
    report = deliver_outbox(tmp_path, cfg, secrets=secrets)
    assert len(report.sent) == 1 and not report.waiting and not report.failed
    assert smtp_server.logins == [("motcua", "mat-khau-smtp")]  # the password came from the keyring
    [(sender, rcpts)] = smtp_server.envelopes
    assert sender == "motcua@hoankiem.hanoi.gov.vn" and rcpts == ["hang.nguyen@example.vn"]
    msg = message_from_bytes(smtp_server.messages[0], policy=default_policy)
    assert msg["Subject"] == SUBJECT and msg["To"] == "hang.nguyen@example.vn"
    assert msg.get_body(("plain",)).get_content().strip() == TEXT
    [att] = list(msg.iter_attachments())
    assert att.get_filename() == "giay-tiep-nhan-0001.pdf" and att.get_content_type() == "application/pdf"
    assert hashlib.sha256(att.get_content()).hexdigest() == hashlib.sha256(PDF).hexdigest()
    assert (outbox_folder(tmp_path) / SENT / report.sent[0] / "delivered.json").is_file()


def test_email_needs_an_address_and_the_right_password(smtp_server, secrets):
    cfg = NotifyConfig(providers="email", smtp_host="127.0.0.1", smtp_port=smtp_server.port, smtp_security="none",
                       smtp_username="motcua", smtp_sender="motcua@hoankiem.hanoi.gov.vn")
    assert SmtpNotifier(cfg, secrets).send(notice(email="")) is False
    with pytest.raises(DeliveryError) as refused:
        SmtpNotifier(cfg, secrets).deliver(notice(email=""))
    assert refused.value.permanent and "thư điện tử" in refused.value.message_vi
    secrets.set("notify-smtp-password", "sai")
    with pytest.raises(DeliveryError) as wrong:
        SmtpNotifier(cfg, secrets).deliver(notice())
    assert "đăng nhập" in wrong.value.message_vi and not smtp_server.messages
    secrets.delete("notify-smtp-password")
    with pytest.raises(DeliveryError) as missing:
        SmtpNotifier(cfg, secrets).deliver(notice())
    assert "notices secret notify-smtp-password" in missing.value.message_vi


def test_sms_posts_json_with_the_bearer_key_and_the_normalised_phone(gateway, secrets):
    gateway.answers = [(202, {"id": "abc"})]
    cfg = NotifyConfig(providers="sms", sms_url=gateway.url + "/v1/sms")
    assert SmsHttpNotifier(cfg, secrets).send(notice(phone="+84 912 345 678"))
    [req] = gateway.requests
    assert req["path"] == "/v1/sms" and req["headers"]["authorization"] == "Bearer sms-key-123"
    assert req["headers"]["content-type"] == "application/json"
    assert req["json"] == {"to": "84912345678", "text": TEXT, "ref": "000.00.01.H26-261127-0001"}


def test_sms_to_an_invalid_number_is_not_sent_and_the_log_masks_it(gateway, secrets, caplog):
    cfg = NotifyConfig(providers="sms", sms_url=gateway.url)
    with caplog.at_level("DEBUG"):
        assert SmsHttpNotifier(cfg, secrets).send(notice(phone="02112345678")) is False
    assert not gateway.requests
    assert any("021****678" in r.getMessage() for r in caplog.records)
    assert not any("02112345678" in r.getMessage() for r in caplog.records)


def test_zalo_zns_request_shape_and_answers(gateway, secrets):
    cfg = NotifyConfig(providers="zalo", zalo_url=gateway.url + "/message/template", zalo_template_id="248079")
    gateway.answers = [(200, {"error": 0, "message": "Success", "data": {"msg_id": "m1"}}),
                       (200, {"error": -124, "message": "Access token invalid"})]
    zalo = ZaloZnsNotifier(cfg, secrets)
    assert zalo.send(notice(phone="0912345678"))
    with pytest.raises(DeliveryError) as refused:
        zalo.deliver(notice(phone="0912345678"))
    assert "mã lỗi -124" in refused.value.message_vi and not refused.value.permanent
    first, second = gateway.requests
    assert first["path"] == "/message/template" and first["headers"]["access_token"] == "zalo-token-456"
    body = first["json"]
    assert body["phone"] == "84912345678" and body["template_id"] == "248079"
    assert body["template_data"] == {"ma_ho_so": "000.00.01.H26-261127-0001", "trang_thai": "Đã tiếp nhận"}
    assert body["tracking_id"] and body["tracking_id"] != second["json"]["tracking_id"]


def test_zalo_error_answer_keeps_the_notice_waiting(tmp_path, gateway, secrets):
    cfg = NotifyConfig(providers="zalo", zalo_url=gateway.url, zalo_template_id="248079")
    gateway.answers = [(200, {"error": -108, "message": "Phone number invalid"})]
    OutboxFolderNotifier(outbox_folder(tmp_path)).send(notice(email=""))
    report = deliver_outbox(tmp_path, cfg, secrets=secrets)
    assert report.waiting and not report.sent
    import json

    state = json.loads((outbox_folder(tmp_path) / report.waiting[0] / ATTEMPTS).read_text(encoding="utf-8"))
    assert state["attempts"] == 1 and "Zalo không nhận tin" in state["last_error_vi"]
    assert not (outbox_folder(tmp_path) / FAILED).exists()
